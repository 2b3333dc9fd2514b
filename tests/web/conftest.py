"""A small explorer database built in code: curated and machine events in English, Chinese and
Russian, one event carrying script/HTML and a javascript: source URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from steppewatch.models import Event
from steppewatch.store import open_store

XSS_TITLE = "<script>window.__xss=1</script> Talks <b>bold</b> & more"
XSS_SUMMARY = '<img src=x onerror="window.__xss=1"> summary <script>window.__xss=1</script>'
PASSWORD = "correct horse battery"


def _event(**kw: Any) -> Event:
    base: dict[str, Any] = {
        "framework": "bilateral",
        "sources": [
            {
                "url": "https://www.fmprc.gov.cn/eng/x.html",
                "publisher": "PRC MFA",
                "language": "en",
                "source_type": "official",
            }
        ],
    }
    base.update(kw)
    return Event.model_validate(base)


def fixture_events() -> list[Event]:
    return [
        _event(
            id="2001-06-15-meeting-cn-kz-1",
            kind="meeting",
            title="Xi meets Tokayev in Astana",
            date_start="2001-06-15",
            countries=["CN", "KZ"],
            level="head_of_state",
            topics=["separatism", "terrorism"],
            domains=["law_enforcement"],
            summary="Both sides vowed to fight the three evil forces.",
            sources=[
                {
                    "url": "https://www.fmprc.gov.cn/zyxw/1.shtml",
                    "publisher": "外交部",
                    "language": "zh",
                    "source_type": "official",
                },
                {
                    "url": "https://www.akorda.kz/ru/1",
                    "publisher": "Акорда",
                    "language": "ru",
                    "source_type": "official",
                },
            ],
        ),
        _event(
            id="2016-08-10-bilateral_exercise-cn-kg-1",
            kind="bilateral_exercise",
            title="中吉联合反恐演习“天山-2016”",
            date_start="2016-08-10",
            countries=["CN", "KG"],
            topics=["terrorism"],
            domains=["military"],
            summary="双方举行联合反恐演习，打击三股势力。",
        ),
        _event(
            id="2019-05-meeting-cn-kg-1",
            kind="meeting",
            title="Переговоры министров обороны Китая и Кыргызстана",
            date_start="2019-05",
            countries=["CN", "KG"],
            level="defence_minister",
            topics=["extremism"],
            summary="Стороны обсудили борьбу с сепаратизмом и экстремизмом.",
            domains=["military"],
        ),
        _event(
            id="2010-09-09-multilateral_exercise-cn-kz-kg-tj-1",
            kind="multilateral_exercise",
            title="Peace Mission 2010",
            date_start="2010-09-09",
            countries=["CN", "KZ", "KG", "TJ"],
            framework="SCO",
            topics=["terrorism"],
            domains=["military"],
        ),
        _event(
            id="2021-03-01-meeting-cn-tj-1",
            kind="meeting",
            title=XSS_TITLE,
            date_start="2021-03-01",
            countries=["CN", "TJ"],
            summary=XSS_SUMMARY,
            topics=["border_security"],
            sources=[
                {"url": "https://khovar.tj/rus/2021/03/x", "publisher": "Ховар", "language": "ru"}
            ],
        ),
        _event(
            id="2022-04-02-meeting-cn-uz-1",
            kind="meeting",
            title="Machine-coded meeting with Uzbekistan",
            date_start="2022-04-02",
            countries=["CN", "UZ"],
            topics=["investment_security"],
            review_status="machine",
            coder="steppewatch-rules 0.1",
            codebook_version="1.0.0",
        ),
        _event(
            id="2023-07-09-meeting-cn-kg-2",
            kind="meeting",
            title="Machine-coded talks on border security",
            date_start="2023-07-09",
            countries=["CN", "KG"],
            topics=["border_security"],
            review_status="machine",
            coder="steppewatch-rules 0.1",
            codebook_version="1.0.0",
        ),
        _event(
            id="2024-01-11-equipment_transfer-cn-tj-1",
            kind="equipment_transfer",
            title='=HYPERLINK("http://evil") vehicles handed over',
            date_start="2024-01-11",
            countries=["CN", "TJ"],
            domains=["border_guard"],
            topics=["border_security"],
            review_status="machine",
            coder="steppewatch-rules 0.1",
        ),
    ]


def insert_javascript_source(store: Any, event_id: str) -> None:
    """A ``javascript:`` URL cannot pass Source validation; write it straight into the table, as
    a hand-edited or foreign database might hold it."""
    from steppewatch.store.tables import sources

    with store.engine.begin() as conn:
        conn.execute(
            sources.insert().values(
                event_id=event_id,
                position=9,
                url="javascript:alert(1)",
                publisher="<i>evil</i>",
                language="en",
            )
        )


def build_db(path: Path) -> str:
    url = f"sqlite:///{path}"
    store = open_store(url)
    store.add_events(fixture_events())
    insert_javascript_source(store, "2021-03-01-meeting-cn-tj-1")
    from steppewatch.review.users import add_user

    add_user(store, "alice", PASSWORD)
    add_user(store, "bob", PASSWORD)
    store.close()
    return url


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("webdb") / "template.db"
    build_db(path)
    return path


@pytest.fixture()
def db_url(template_db: Path, tmp_path: Path) -> str:
    """A fresh copy of the fixture database for each test (built once per session)."""
    import shutil

    target = tmp_path / "web.db"
    shutil.copyfile(template_db, target)
    return f"sqlite:///{target}"


@pytest.fixture()
def client(db_url: str):  # type: ignore[no-untyped-def]
    from starlette.testclient import TestClient

    from steppewatch.web import create_app

    app = create_app(db_url, secret="test-secret")
    with TestClient(app, raise_server_exceptions=True) as c:
        yield c


def csrf_of(html: str) -> str:
    import re

    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def login(client: Any, name: str = "alice", password: str = PASSWORD) -> None:
    page = client.get("/login")
    r = client.post(
        "/login",
        data={
            "name": name,
            "password": password,
            "csrf_token": csrf_of(page.text),
            "next": "/review",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text


class WebHelpers:
    PASSWORD = PASSWORD
    csrf_of = staticmethod(csrf_of)
    login = staticmethod(login)


@pytest.fixture()
def web() -> type[WebHelpers]:
    """Helpers for tests: ``web.login(client)``, ``web.csrf_of(html)``, ``web.PASSWORD``."""
    return WebHelpers


@pytest.fixture()
def pg_client():  # type: ignore[no-untyped-def]
    """A client over the fixture events in a fresh PostgreSQL database (skips without
    $STEPPEWATCH_TEST_PG, like the rest of the suite)."""
    import os

    from starlette.testclient import TestClient
    from tests.conftest import PG_ENV, _pg_database

    from steppewatch.web import create_app

    admin = os.environ.get(PG_ENV)
    if not admin:
        pytest.skip(
            f"PostgreSQL tests need {PG_ENV}=postgresql://user:pass@host/db (.ci/run sets it)"
        )
    databases = _pg_database(admin)
    url = next(databases)
    store = open_store(url)
    store.add_events(fixture_events())
    insert_javascript_source(store, "2021-03-01-meeting-cn-tj-1")
    from steppewatch.review.users import add_user

    add_user(store, "alice", PASSWORD)
    app = create_app(store, secret="pg-secret")
    with TestClient(app) as client:
        yield client
    store.close()
    next(databases, None)
