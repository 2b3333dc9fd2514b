"""An academic gathering's own word (issue 13, twenty-first round, branch coder72): the seminar
of 学术研讨会, the conference of научная конференция or of an academic conference is the
scholars' event, and scholars speak for no state (codebook: the PRC's state, officials, forces
or agencies take part). ``codebook_coder._talk_lead`` does not count such a word as the security
event that keeps an analysts' lead (a think tank's or an institute's page) from being read as
the analysts' own business."""

from __future__ import annotations

import re

from steppewatch.extract.matcher import Hit

ACADEMIC_SPAN = 32  # characters before a gathering's word searched for its academic qualifier

# the qualifier right before the gathering's word (学术研讨会, 智库论坛, научно-практическая
# конференция, экспертный круглый стол, an academic / scholarly / scientific conference),
# allowing a few words between in Russian and English (научная международная конференция)
_ACADEMIC_BEFORE = re.compile(
    r"(?:学术|学者|智库|专家学者)(?:交流)?$|"
    r"(?<![^\W\d_])(?:научн\w*|научно-\w+|академическ\w*|экспертн\w*|"
    r"academic|scholarly|scientific|think[- ]tank)(?:\s+[^\W\d_]+){0,2}?\s+$",
    re.IGNORECASE,
)


def academic_gathering(text: str, hit: Hit) -> bool:
    """The event word of ``hit`` names an academic gathering (see the module's docstring)."""
    return (
        hit.payload[0] == "event_kind"
        and _ACADEMIC_BEFORE.search(text, max(0, hit.start - ACADEMIC_SPAN), hit.start) is not None
    )
