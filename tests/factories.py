"""Build events in code for fixture databases (never stored binaries)."""

from __future__ import annotations

from typing import Any

from steppewatch.models import ActorRef, Event, Source


def make_event(n: int = 1, **overrides: Any) -> Event:
    data: dict[str, Any] = {
        "id": f"2019-06-13-meeting-cn-kg-{n}",
        "kind": "meeting",
        "title": f"Xi Jinping meets Sooronbay Jeenbekov ({n})",
        "date_start": "2019-06-13",
        "countries": ["CN", "KG"],
        "framework": "bilateral",
        "location": "Bishkek, Kyrgyzstan",
        "actors": [
            ActorRef(name="Xi Jinping", office="President", side="focal"),
            ActorRef(name="Sooronbay Jeenbekov", office="President", side="partner"),
        ],
        "level": "head_of_state",
        "domains": ["law_enforcement"],
        "topics": ["terrorism", "separatism"],
        "summary": "Both sides pledged to fight the three evil forces; 双方同意打击“三股势力”.",
        "verification": "official_source",
        "sources": [
            Source(
                url=f"https://www.fmprc.gov.cn/example/{n}.shtml",
                publisher="PRC MFA",
                language="zh",
                published="2019-06-13",
                source_type="official",
                attests="Chinese readout of the talks",
            ),
        ],
    }
    data.update(overrides)
    return Event.model_validate(data)
