"""A store with a few events built in code (Chinese and Russian text), for the review tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from steppewatch.models import Event
from steppewatch.store import Store, open_store

PASSWORD = "correct horse battery"


def _event(**kw: Any) -> Event:
    base: dict[str, Any] = {
        "framework": "bilateral",
        "review_status": "machine",
        "coder": "rules 0.1",
        "sources": [{"url": "https://www.fmprc.gov.cn/x", "language": "zh"}],
    }
    base.update(kw)
    return Event.model_validate(base)


EVENTS = [
    _event(
        id="2022-04-02-meeting-cn-uz-1",
        kind="meeting",
        title="王毅会见乌兹别克斯坦外长",
        date_start="2022-04-02",
        countries=["CN", "UZ"],
        topics=["investment_security"],
    ),
    _event(
        id="2023-07-09-meeting-cn-kg-1",
        kind="meeting",
        title="Встреча по вопросам безопасности границы",
        date_start="2023-07-09",
        countries=["CN", "KG"],
        topics=["border_security"],
    ),
    _event(
        id="2019-06-meeting-cn-tj-1",
        kind="meeting",
        title="Talks on terrorism",
        date_start="2019-06",
        countries=["CN", "TJ"],
        topics=["terrorism"],
        review_status="curated",
        coder=None,
    ),
]


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reviewdb") / "template.db"
    store = open_store(f"sqlite:///{path}")
    store.add_events(EVENTS)
    from steppewatch.review.users import add_user

    for name in ("alice", "bob"):
        add_user(store, name, PASSWORD)
    store.close()
    return path


@pytest.fixture()
def store(template_db: Path, tmp_path: Path) -> Store:
    import shutil

    target = tmp_path / "review.db"
    shutil.copyfile(template_db, target)
    s = open_store(f"sqlite:///{target}")
    yield s
    s.close()
