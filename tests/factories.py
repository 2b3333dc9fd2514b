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


# An event whose text is hostile to every citation and export format: braces, percent, markup,
# formula, control characters, Chinese and Russian.
HOSTILE_TITLE = (
    "Talks on {border} 100% <script>alert(1)</script> 边境安全 Пограничная безопасность & $x_1^2~#"
)


def hostile_event() -> Event:
    return Event.model_validate(
        {
            "id": "2019-06-13-meeting-cn-kg-99",
            "kind": "meeting",
            "title": HOSTILE_TITLE,
            "date_start": "2019-06",
            "countries": ["CN", "KG"],
            "framework": "bilateral",
            "actors": [
                ActorRef(
                    name="习近平", office="国家主席", side="focal", country="CN", actor_id="xi"
                ),
                ActorRef(name="Сооронбай Жээнбеков", office="Президент", side="partner"),
            ],
            "level": "head_of_state",
            "topics": ["terrorism"],
            # import fills an empty codebook version with the current one: give it, as stored
            # events have it
            "codebook_version": "1.0.0",
            "dataset_version": "2026.12",
            "attributes": {"note": '=HYPERLINK("http://evil")', "participants": 3},
            "summary": "双方同意打击“三股势力”。\nСтороны договорились, line two",
            "sources": [
                Source(
                    url="https://www.fmprc.gov.cn/x/99.shtml?a=1&b={2}",
                    publisher="外交部 {MFA} 100%",
                    language="zh",
                    published="2019-06-13",
                    source_type="official",
                    attests="会谈 <b>readout</b> } \\end{document}",
                ),
                Source(url="https://kabar.kg/ru/99", publisher="Кабар", language="ru"),
            ],
        }
    )
