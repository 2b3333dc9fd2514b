from __future__ import annotations

import pandas as pd
import pytest

from steppewatch.analysis.frame import Period, periods_from_study
from steppewatch.study import load_study
from tests.analysis.fixture_events import fixture_store

PARTNERS = ["KZ", "KG", "TJ", "UZ", "TM"]


@pytest.fixture(scope="session")
def frame(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    store = fixture_store(tmp_path_factory.mktemp("analysis") / "t.db")
    try:
        return store.events_frame()
    finally:
        store.close()


@pytest.fixture(scope="session")
def periods() -> list[Period]:
    return periods_from_study(load_study())


@pytest.fixture(scope="session")
def partners() -> list[str]:
    return PARTNERS
