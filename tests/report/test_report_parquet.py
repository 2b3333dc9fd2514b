"""The report read from a Parquet export (``report --from-parquet``, DuckDB over the export's
files) is the report read from the database the export was made from: the same data/*.csv and
index.html, byte for byte, unfiltered and filtered; the same events frame and source counts on
the way. Events and sources here carry Russian and Chinese text, sources with no publisher,
an empty one and unknown ones (their URL's host decides)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from steppewatch.cli import main
from steppewatch.errors import AnalysisError, InputError
from steppewatch.export import export_package
from steppewatch.report import DEFAULT_STATUSES, build_report
from steppewatch.report.build import _load_frame
from steppewatch.report.limits import count_sources
from steppewatch.store import EventFilter, Store, source_reader
from steppewatch.store.arrow_reader import SourceTally
from steppewatch.store.parquet_store import ParquetStore
from steppewatch.study import load_study
from tests.analysis.fixture_events import fixture_store
from tests.report.test_counted_sources import _events


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return fixture_store(tmp_path_factory.mktemp("pq") / "t.db", _events())


@pytest.fixture(scope="module")
def export(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pq") / "export"
    export_package(out, store=store, formats=("csv", "parquet"))
    return out


def _files(folder: Path) -> dict[str, bytes]:
    names = ["index.html", *(f"data/{p.name}" for p in sorted((folder / "data").glob("*.csv")))]
    return {name: (folder / name).read_bytes() for name in names}


@pytest.mark.parametrize(
    "filters",
    [
        EventFilter(),
        EventFilter(countries=("KZ",), since=2005),
        EventFilter(kinds=("meeting",)),
        EventFilter(until=2012),
    ],
    ids=["all", "kz-2005", "meetings", "until-2012"],
)
def test_report_from_parquet_is_the_report_from_the_database(
    store: Store, export: Path, tmp_path: Path, filters: EventFilter
) -> None:
    from_db = build_report(tmp_path / "db", store=store, filters=filters)
    from_parquet = build_report(tmp_path / "pq", store=ParquetStore(export), filters=filters)
    assert (from_parquet.n_events, from_parquet.n_sources) == (from_db.n_events, from_db.n_sources)
    assert from_parquet.charts == from_db.charts
    db_files, pq_files = _files(tmp_path / "db"), _files(tmp_path / "pq")
    assert sorted(pq_files) == sorted(db_files)
    for name, data in db_files.items():
        assert pq_files[name] == data, f"{name} differs"
    page = (tmp_path / "pq" / "index.html").read_text(encoding="utf-8")
    assert "Кабар" in page or "双方" in page or "fmprc.gov.cn" in page


def test_frame_and_source_counts_from_parquet(store: Store, export: Path) -> None:
    """The frame the analysis reads and the data section's source counts: equal, value for
    value (the sources counted while the events are read from the export)."""
    study = load_study()
    partners = list(study.partner_states)
    filters = EventFilter(statuses=DEFAULT_STATUSES)
    parquet = ParquetStore(export)
    tally = SourceTally()
    frame = _load_frame(parquet, filters, tally)
    assert tally.pairs, "the sources were not counted with the events"
    pd.testing.assert_frame_equal(frame, _load_frame(store, filters))
    ids = list(frame["id"])
    pd.testing.assert_frame_equal(
        count_sources(parquet, ids, study, partners, counted=tally.pairs),
        count_sources(store, ids, study, partners),
    )
    # a few events: counted from the export's sources, not from a tally
    few = ids[:3]
    pd.testing.assert_frame_equal(
        count_sources(parquet, few, study, partners), count_sources(store, few, study, partners)
    )


def test_sources_read_from_parquet_in_the_databases_order(store: Store, export: Path) -> None:
    ids = list(_load_frame(store, EventFilter())["id"])[::-1] * 2  # repeated ids count once
    columns = ("url", "publisher", "language", "attests")
    rows = [r for chunk in source_reader.iter_sources(store, ids, columns) for r in chunk]
    parquet = ParquetStore(export)
    from_export = [
        tuple(r) for chunk in source_reader.iter_sources(parquet, ids, columns) for r in chunk
    ]
    assert from_export == [tuple(r) for r in rows]
    assert any(r[2] == "Кабар (перепечатка)" for r in from_export)
    assert list(source_reader.iter_sources(parquet, [], columns)) == []


def test_meta_values_from_the_export(store: Store, export: Path, tmp_path: Path) -> None:
    parquet = ParquetStore(export)
    for key in ("study", "dataset", "dataset_version", "codebook_version"):
        assert parquet.get_meta(key) == store.get_meta(key)
    assert parquet.count_events() == store.count_events()
    assert parquet.describe() == f"Parquet export {export}"
    # an export written before store_meta: the versions it recorded beside the data
    old = tmp_path / "old"
    shutil.copytree(export, old)
    descriptor = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    del descriptor["steppewatch"]["store_meta"]
    (old / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    recorded = descriptor["steppewatch"]
    assert ParquetStore(old).get_meta("dataset_version") == recorded["dataset_version"]
    assert ParquetStore(old).get_meta("codebook_version") == recorded["codebook_version"]


def test_not_an_export_is_a_clear_error(export: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"SW178.*is not a folder"):
        ParquetStore(tmp_path / "missing")
    partial = tmp_path / "partial"
    partial.mkdir()
    shutil.copy(export / "events.parquet", partial / "events.parquet")
    with pytest.raises(InputError, match=r"SW178.*has no sources\.parquet"):
        ParquetStore(partial)
    # CSV only: no Parquet file at all
    csv_only = tmp_path / "csv"
    csv_only.mkdir()
    shutil.copy(export / "events.csv", csv_only / "events.csv")
    with pytest.raises(InputError, match=r"SW178.*has no events\.parquet"):
        ParquetStore(csv_only)


def test_unreadable_export_file_is_a_clear_error(export: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(export, broken)
    # a CSV where the sources' Parquet should be: found when the sources are read
    shutil.copy(export / "sources.csv", broken / "sources.parquet")
    with pytest.raises(InputError, match=r"SW178.*cannot be read"):
        build_report(tmp_path / "out", store=ParquetStore(broken))
    assert not (tmp_path / "out").exists()
    # events without a column the report reads
    import pyarrow.parquet as pq

    events = pq.read_table(export / "events.parquet").drop_columns(["date_precision"])
    pq.write_table(events, broken / "events.parquet")
    with pytest.raises(InputError, match=r"SW178.*cannot be read"):
        ParquetStore(broken).count_events()


def test_filters_matching_nothing_in_the_export(export: Path, tmp_path: Path) -> None:
    with pytest.raises(AnalysisError, match="SW611"):
        build_report(tmp_path / "out", store=ParquetStore(export), filters=EventFilter(since=2090))
    assert not (tmp_path / "out").exists()


def test_cli_report_from_parquet(
    store: Store, export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["report", "--from-parquet", str(export), "--out", str(tmp_path / "r"), "-c", "kg"])
    out = capsys.readouterr().out
    assert f"Report written: {tmp_path / 'r' / 'index.html'}" in out
    csv = (tmp_path / "r" / "data" / "meetings_by_country.csv").read_text(encoding="utf-8")
    assert {line.split(",")[1] for line in csv.splitlines()[1:]} == {"KG"}
    with pytest.raises(SystemExit) as done:
        main(["report", "--from-parquet", str(export), "--db", "sqlite:///x.db"])
    assert done.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: [SW179]") and "Traceback" not in err
    with pytest.raises(SystemExit):
        main(["report", "--from-parquet", str(tmp_path / "nowhere"), "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert err.startswith("Error: [SW178]") and "Traceback" not in err


def _rewritten(export: Path, folder: Path, change: object) -> Path:
    """A copy of ``export`` with its events.parquet passed through ``change`` (a table in,
    a table out)."""
    import pyarrow.parquet as pq

    shutil.copytree(export, folder)
    table = pq.read_table(folder / "events.parquet")
    pq.write_table(change(table), folder / "events.parquet")  # type: ignore[operator]
    return folder


def test_source_counts_taken_from_the_export(
    store: Store, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export's n_sources stand for the count per event (only the pairs are counted):
    the same frame and pairs as counting every event's sources."""
    from steppewatch.store import arrow_reader

    filters = EventFilter(statuses=DEFAULT_STATUSES)
    parquet = ParquetStore(export)
    counted_tally = SourceTally()
    parquet.connection()
    assert parquet.source_counts
    parquet.source_counts = False  # the route before: every event's sources counted
    counted = _load_frame(parquet, filters, counted_tally)
    parquet.source_counts = True

    def no_count_per_event(*args: object, **kwargs: object) -> None:
        raise AssertionError("sources counted per event")

    monkeypatch.setattr(arrow_reader, "_count_sources", no_count_per_event)
    tally = SourceTally()
    frame = _load_frame(parquet, filters, tally)
    pd.testing.assert_frame_equal(frame, counted)
    pd.testing.assert_frame_equal(frame, _load_frame(store, filters))
    assert frame["n_sources"].sum() > len(frame)  # events with several sources
    assert sorted(tally.pairs or [], key=repr) == sorted(counted_tally.pairs or [], key=repr)
    assert any(p == "Кабар (перепечатка)" for p, _l, _n, _f in tally.pairs or [])


@pytest.mark.parametrize("fault", ["one_more", "null", "no_column"])
def test_export_counts_that_do_not_add_up_are_not_taken(
    store: Store, export: Path, tmp_path: Path, fault: str
) -> None:
    """An export whose n_sources disagree with its sources (a count more, one missing, no
    such column): every event's sources are counted, as the database counts them."""
    import pyarrow as pa

    def change(table: pa.Table) -> pa.Table:
        at = table.column_names.index("n_sources")
        if fault == "no_column":
            return table.drop_columns(["n_sources"])
        values = table.column("n_sources").to_pylist()
        values[1] = None if fault == "null" else values[1] + 1
        return table.set_column(at, "n_sources", pa.array(values, pa.int64()))

    folder = _rewritten(export, tmp_path / "export", change)
    filters = EventFilter(statuses=DEFAULT_STATUSES)
    tally = SourceTally()
    frame = _load_frame(ParquetStore(folder), filters, tally)
    pd.testing.assert_frame_equal(frame, _load_frame(store, filters))
    assert tally.pairs


@pytest.mark.parametrize("name", ["date_end", "location", "level"])
def test_export_column_of_nulls_typed_null(
    store: Store, export: Path, tmp_path: Path, name: str
) -> None:
    """A column the frame may hold NULL in, written by another program as Parquet's null type
    (every value NULL): read as text NULLs, the frame otherwise the database's."""
    import pyarrow as pa

    def change(table: pa.Table) -> pa.Table:
        at = table.column_names.index(name)
        return table.set_column(at, name, pa.nulls(table.num_rows))

    folder = _rewritten(export, tmp_path / "export", change)
    filters = EventFilter(statuses=DEFAULT_STATUSES)
    frame = _load_frame(ParquetStore(folder), filters, SourceTally())
    assert frame[name].dtype == object
    assert frame[name].isna().all() and set(map(type, frame[name])) == {type(None)}
    expected = _load_frame(store, filters)
    pd.testing.assert_frame_equal(frame.drop(columns=[name]), expected.drop(columns=[name]))
