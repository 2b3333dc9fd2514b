"""Fixtures for export, citation and release tests: the bundled dataset loaded once per session
(copied for each test), and a few hostile events built in code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from steppewatch.models import ActorRef, Event, Source

HOSTILE_TITLE = "Talks on {border} 100% <script>alert(1)</script> 边境安全 Пограничная безопасность & $x_1^2~#"


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
                ActorRef(name="习近平", office="国家主席", side="focal", country="CN", actor_id="xi"),
                ActorRef(name="Сооронбай Жээнбеков", office="Президент", side="partner"),
            ],
            "level": "head_of_state",
            "topics": ["terrorism"],
            # import fills an empty codebook version with the current one: give it, as stored
            # events have it
            "codebook_version": "1.0.0",
            "dataset_version": "2026.12",
            "attributes": {"note": "=HYPERLINK(\"http://evil\")", "participants": 3},
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


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from steppewatch.store import open_store
    from steppewatch.store.importing import load_bundled_dataset
    from steppewatch.study import load_study

    path = tmp_path_factory.mktemp("bundled") / "bundled.db"
    store = open_store(f"sqlite:///{path}")
    load_bundled_dataset(store, load_study())
    store.close()
    return path


@pytest.fixture()
def db_url(bundled_db: Path, tmp_path: Path) -> str:
    copy = tmp_path / "work.db"
    shutil.copy(bundled_db, copy)
    return f"sqlite:///{copy}"
