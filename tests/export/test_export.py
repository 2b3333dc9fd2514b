"""``steppewatch export``: a valid Frictionless package, every field, provenance, round trip."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from steppewatch.cli import app
from steppewatch.export import export_package
from steppewatch.store import EventFilter, open_store
from tests.factories import HOSTILE_TITLE, hostile_event

runner = CliRunner()


def _dump(url: str) -> list[dict[str, object]]:
    store = open_store(url)
    try:
        return [e.model_dump(mode="json") for e in store.list_events(order="id")]
    finally:
        store.close()


def test_export_of_bundled_data_is_a_valid_frictionless_package(
    db_url: str, tmp_path: Path
) -> None:
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / "pkg"
    result = runner.invoke(app, ["export", "--out", str(out), "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "525 events, 1,075 sources" in result.output
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    assert [r["name"] for r in descriptor["resources"]] == [
        "events",
        "sources",
        "event_codes",
        "actors",
    ]
    provenance = descriptor["steppewatch"]
    assert provenance["dataset_version"] == "2026.12" and descriptor["version"] == "2026.12"
    assert provenance["codebook_version"] == "1.0.0"
    assert provenance["tool_version"] and provenance["exported_at"].endswith("Z")
    assert provenance["rows"]["events"] == 525 and provenance["rows"]["sources"] == 1075
    # the database's own meta values, as report --from-parquet shows them
    store = open_store(db_url)
    assert provenance["store_meta"] == {
        key: store.get_meta(key)
        for key in ("study", "dataset", "dataset_version", "codebook_version")
    }
    assert provenance["store_meta"]["dataset_version"] == "2026.12"


def test_invalid_cell_is_caught_by_the_package_schema(db_url: str, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / "pkg"
    export_package(out, store=open_store(db_url), filters=EventFilter(countries=("TJ",)))
    descriptor_path = out / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    events_csv = out / "events.csv"
    text = events_csv.read_text(encoding="utf-8")
    events_csv.write_text(text.replace(",meeting,", ",no_such_kind,", 1), encoding="utf-8")
    for resource in descriptor["resources"]:  # keep hash and size true: only the cell is wrong
        resource.pop("hash"), resource.pop("bytes")
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(str(descriptor_path))
    assert not report.valid
    assert "constraint-error" in {e[0] for e in report.flatten(["type"])}


def test_export_round_trips_through_import(db_url: str, tmp_path: Path) -> None:
    store = open_store(db_url)
    store.add_events([hostile_event()])
    store.close()
    out = tmp_path / "pkg"
    result = runner.invoke(app, ["export", "--out", str(out), "--db", db_url, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    from_csv = f"sqlite:///{tmp_path / 'from_csv.db'}"
    from_jsonl = f"sqlite:///{tmp_path / 'from_jsonl.db'}"
    result = runner.invoke(app, ["import", str(out / "events.csv"), "--db", from_csv])
    assert result.exit_code == 0, result.output
    assert "526 valid, 0 rejected" in result.output
    result = runner.invoke(app, ["import", str(out / "events.jsonl"), "--db", from_jsonl])
    assert result.exit_code == 0, result.output
    original = _dump(db_url)
    assert len(original) == 526
    for a, b in zip(_dump(from_csv), original, strict=True):
        assert a == b, {k: (a[k], b[k]) for k in a if a[k] != b[k]}
    assert _dump(from_csv) == original
    assert _dump(from_jsonl) == original


def test_every_field_is_exported_with_native_script_intact(db_url: str, tmp_path: Path) -> None:
    store = open_store(db_url)
    store.add_events([hostile_event()])
    out = tmp_path / "pkg"
    export_package(out, store=store, filters=EventFilter(ids=("2019-06-13-meeting-cn-kg-99",)))
    with (out / "events.csv").open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["title"] == HOSTILE_TITLE
    assert row["date_precision"] == "month" and row["year"] == "2019"
    assert row["cn_actors"] == "习近平 (国家主席)"
    assert json.loads(row["actors"])[0] == {
        "name": "习近平",
        "office": "国家主席",
        "side": "focal",
        "country": "CN",
        "actor_id": "xi",
    }
    # a data package keeps cells as they are (no spreadsheet formula guard)
    assert json.loads(row["attributes"])["note"].startswith("=HYPERLINK")
    assert row["summary"].endswith("line two") and "\n" in row["summary"]
    with (out / "sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = list(csv.DictReader(handle))
    assert [(s["position"], s["publisher"], s["language"], s["published"]) for s in sources] == [
        ("0", "外交部 {MFA} 100%", "zh", "2019-06-13"),
        ("1", "Кабар", "ru", ""),
    ]
    with (out / "actors.csv").open(encoding="utf-8", newline="") as handle:
        actors = list(csv.DictReader(handle))
    assert [a["name"] for a in actors] == ["习近平", "Сооронбай Жээнбеков"]
    with (out / "event_codes.csv").open(encoding="utf-8", newline="") as handle:
        codes = {(c["facet"], c["code"]) for c in csv.DictReader(handle)}
    assert codes == {
        ("kind", "meeting"),
        ("framework", "bilateral"),
        ("level", "head_of_state"),
        ("country", "CN"),
        ("country", "KG"),
        ("topic", "terrorism"),
    }


def test_event_codes_carry_their_evidence_when_a_coder_recorded_it(
    db_url: str, tmp_path: Path
) -> None:
    from steppewatch.store.document_tables import coded_items

    store = open_store(db_url)
    store.add_events([hostile_event()])
    evidence = [
        {"field": "topic", "code": "terrorism", "start": 4, "end": 6, "text": "反恐"},
        {"field": "countries", "code": "KG", "start": 10, "end": 15, "text": "吉尔吉斯斯坦"},
    ]
    with store.engine.begin() as conn:
        conn.execute(
            coded_items.insert().values(
                document_id="d" * 64,
                item_index=0,
                start=0,
                end=100,
                relevant=1,
                coded=json.dumps({"evidence": evidence}, ensure_ascii=False),
                event_id="2019-06-13-meeting-cn-kg-99",
            )
        )
    out = tmp_path / "pkg"
    export_package(out, store=store, filters=EventFilter(ids=("2019-06-13-meeting-cn-kg-99",)))
    with (out / "event_codes.csv").open(encoding="utf-8", newline="") as handle:
        rows = {(r["facet"], r["code"]): r for r in csv.DictReader(handle)}
    assert rows[("topic", "terrorism")]["evidence_text"] == "反恐"
    assert rows[("topic", "terrorism")]["evidence_document_id"] == "d" * 64
    assert rows[("country", "KG")]["evidence_text"] == "吉尔吉斯斯坦"
    assert (
        rows[("country", "CN")]["n_evidence"] == "0"
        and rows[("country", "CN")]["evidence_text"] == ""
    )


def test_event_codes_carry_the_coders_confidence_of_machine_events(
    db_url: str, tmp_path: Path
) -> None:
    event = hostile_event().model_copy(
        update={
            "review_status": "machine",
            "attributes": {
                "confidence": {"kind": 0.91, "country:KG": 0.42, "topic:terrorism": 0.7}
            },
        }
    )
    store = open_store(db_url)
    store.add_events([event])
    out = tmp_path / "pkg"
    export_package(
        out,
        store=store,
        filters=EventFilter(ids=(event.id,), statuses=("machine",)),
    )
    with (out / "event_codes.csv").open(encoding="utf-8", newline="") as handle:
        rows = {(r["facet"], r["code"]): r["confidence"] for r in csv.DictReader(handle)}
    assert rows[("kind", "meeting")] == "0.91"
    assert rows[("country", "KG")] == "0.42" and rows[("topic", "terrorism")] == "0.7"
    assert rows[("country", "CN")] == "" and rows[("framework", "bilateral")] == ""
    schema = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in schema["resources"] if r["name"] == "event_codes")["schema"]["fields"]
    confidence = next(f for f in fields if f["name"] == "confidence")
    assert confidence["type"] == "number"
    assert confidence["constraints"] == {"minimum": 0, "maximum": 1}


def test_bom_option_and_other_formats(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    result = runner.invoke(
        app,
        [
            "export",
            "--out",
            str(out),
            "--db",
            db_url,
            "--bom",
            "--country",
            "KG",
            "--since",
            "2015",
            "-f",
            "parquet,xlsx",
            "-f",
            "bibtex",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (out / "events.csv").read_bytes().startswith(b"\xef\xbb\xbfid,kind,")
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["steppewatch"]["filters"] == {"countries": ["KG"], "since": 2015}
    files = {f["path"] for f in descriptor["steppewatch"]["files"]}
    assert files == {
        "events.parquet",
        "sources.parquet",
        "event_codes.parquet",
        "actors.parquet",
        "steppewatch.xlsx",
        "sources.bib",
    }
    import pyarrow.parquet as pq

    table = pq.read_table(out / "events.parquet")
    n_events = descriptor["steppewatch"]["rows"]["events"]
    assert table.num_rows == n_events > 0 and str(table.schema.field("year").type) == "int64"
    bib = (out / "sources.bib").read_text(encoding="utf-8")
    assert bib.count("@online{") == descriptor["steppewatch"]["rows"]["sources"]
    if pytest.importorskip("frictionless"):
        import frictionless

        assert frictionless.validate(str(out / "datapackage.json")).valid


def test_xlsx_never_turns_text_into_a_formula(db_url: str, tmp_path: Path) -> None:
    import zipfile

    store = open_store(db_url)
    store.add_events([hostile_event()])
    out = tmp_path / "pkg"
    export_package(
        out,
        store=store,
        formats=("xlsx",),
        filters=EventFilter(ids=("2019-06-13-meeting-cn-kg-99",)),
    )
    with zipfile.ZipFile(out / "steppewatch.xlsx") as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        strings = (
            book.read("xl/sharedStrings.xml").decode("utf-8")
            if "xl/sharedStrings.xml" in book.namelist()
            else ""
        )
    assert "<f>" not in sheet
    assert "HYPERLINK" in sheet + strings


@pytest.mark.parametrize("bad, code", [("pdf", "SW161"), ("csv,xml", "SW161")])
def test_unknown_format_is_one_line_error(db_url: str, tmp_path: Path, bad: str, code: str) -> None:
    result = runner.invoke(app, ["export", "--out", str(tmp_path / "p"), "--db", db_url, "-f", bad])
    assert result.exit_code != 0
    assert code in str(result.output) + str(result.exception)


def test_out_that_is_a_file_is_refused(db_url: str, tmp_path: Path) -> None:
    from steppewatch.errors import ExportError

    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(ExportError, match="SW162"):
        export_package(target, store=open_store(db_url))


def test_export_into_a_used_folder_removes_files_it_no_longer_describes(
    db_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "pkg"
    store = open_store(db_url)
    export_package(
        out, store=store, formats=("jsonl", "bibtex"), filters=EventFilter(countries=("TM",))
    )
    assert (out / "events.jsonl").is_file() and (out / "sources.bib").is_file()
    export_package(out, store=store, filters=EventFilter(countries=("TM",)))
    assert not (out / "events.jsonl").exists() and not (out / "sources.bib").exists()
    assert (
        json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["steppewatch"]["files"]
        == []
    )


@pytest.mark.postgres
def test_export_and_release_from_postgresql(tmp_path: Path) -> None:
    import os

    from steppewatch.export.release import build_release
    from tests.conftest import PG_ENV, _pg_database
    from tests.factories import make_event

    admin = os.environ.get(PG_ENV)
    if not admin:
        pytest.skip(
            f"PostgreSQL tests need {PG_ENV}=postgresql://user:pass@host/db (.ci/run sets it)"
        )
    for url in _pg_database(admin):
        store = open_store(url)
        # import fills an empty codebook version: give it, as stored events have it
        more = [make_event(n, codebook_version="1.0.0") for n in range(1, 4)]
        store.add_events([hostile_event(), *more])
        store.set_meta("dataset_version", "2026.12")
        out = tmp_path / "pkg"
        export_package(out, store=store, formats=("jsonl",))
        frictionless = pytest.importorskip("frictionless")
        assert frictionless.validate(str(out / "datapackage.json")).valid
        copy = f"sqlite:///{tmp_path / 'copy.db'}"
        result = runner.invoke(app, ["import", str(out / "events.csv"), "--db", copy])
        assert result.exit_code == 0, result.output
        by_id = {e["id"]: e for e in _dump(url)}  # PostgreSQL's collation may order ids otherwise
        assert {e["id"]: e for e in _dump(copy)} == by_id
        first = build_release(tmp_path / "a" / "r", store=store, with_report=False)
        second = build_release(tmp_path / "b" / "r", store=store, with_report=False)
        assert (first.folder / "SHA256SUMS").read_bytes() == (
            second.folder / "SHA256SUMS"
        ).read_bytes()
        # the tables built column-wise (through ADBC) are the row route's, byte for byte
        import datetime as dt

        import steppewatch.export.package as package

        stamp = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)
        columns = export_package(
            tmp_path / "columns", store=store, formats=("csv", "parquet"), exported_at=stamp
        )
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(package, "has_arrow_route", lambda _store: False)
            rows = export_package(
                tmp_path / "rows", store=store, formats=("csv", "parquet"), exported_at=stamp
            )
        assert columns.counts == rows.counts and columns.counts["events"] == 4
        for path in sorted((tmp_path / "rows").iterdir()):
            assert path.read_bytes() == (tmp_path / "columns" / path.name).read_bytes(), path
        store.close()


def test_export_on_a_full_disk_left_a_package_that_looked_complete(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (issue 18, faults): an export that fails halfway (here a disk that fills
    while the sources table is written) leaves the folder as it was: the earlier package whole
    and valid, no half-written table beside it, no staging folder."""
    import errno

    from steppewatch.export.writers import CsvFile

    out = tmp_path / "pkg"
    store = open_store(db_url)
    export_package(out, store=store, filters=EventFilter(countries=("KG",)))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    original = CsvFile.write

    def fill_up(self: CsvFile, rows: object) -> None:
        if self.path.name == "sources.csv":
            raise OSError(errno.ENOSPC, "No space left on device")
        original(self, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(CsvFile, "write", fill_up)
    with pytest.raises(OSError):
        export_package(out, store=store)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    fresh = tmp_path / "fresh"
    with pytest.raises(OSError):
        export_package(fresh, store=store)
    assert not fresh.exists()


def _machine_event_with_evidence(store: Any) -> None:
    """The bundled data plus a machine-coded event with confidences and a curated one whose
    codes a coder's items support (Chinese and Russian spans; one opening with '=')."""
    from steppewatch.store.document_tables import coded_items

    curated = hostile_event()
    machine = curated.model_copy(
        update={
            "id": "2019-06-13-meeting-cn-kg-98",
            "review_status": "machine",
            "attributes": {
                "confidence": {"kind": 0.91, "country:KG": 0.42, "level": 1, "country:CN": 1e-05}
            },
        }
    )
    store.add_events([curated, machine])
    spans = [
        {"field": "topic", "code": "terrorism", "start": 4, "end": 6, "text": "反恐"},
        {"field": "countries", "code": "KG", "start": 10, "end": 15, "text": "吉尔吉斯斯坦"},
        {"field": "countries", "code": "KG", "start": 20, "end": 26, "text": 'Киргизия, "КР"'},
        {"field": "kind", "code": "meeting", "text": "=會見"},
    ]
    with store.engine.begin() as conn:
        for i, event_id in enumerate([curated.id, machine.id, curated.id]):
            conn.execute(
                coded_items.insert().values(
                    document_id=("d" if i != 2 else "a") * 64,
                    item_index=i,
                    start=0,
                    end=100,
                    relevant=1,
                    coded=json.dumps({"evidence": spans[i:]}, ensure_ascii=False),
                    event_id=event_id,
                )
            )


@pytest.mark.parametrize(
    ("filters", "formats", "bom"),
    [
        (EventFilter(), ("csv", "jsonl", "xlsx", "bibtex"), False),
        (EventFilter(countries=("KG",), since=2012), ("csv",), True),
        (EventFilter(statuses=("curated",)), ("csv", "parquet"), False),
    ],
)
def test_column_wise_export_writes_the_row_routes_bytes(
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    filters: EventFilter,
    formats: tuple[str, ...],
    bom: bool,
) -> None:
    """The CSV (and Parquet) tables built column-wise in Arrow are the row-by-row route's
    files byte for byte, also when the batches of the two routes do not line up (here 70 and
    150 events, Parquet row groups of 300 rows); the descriptor differs in nothing."""
    import datetime as dt

    import steppewatch.export.columnar as columnar
    import steppewatch.export.package as package
    import steppewatch.export.tables as table_defs
    from steppewatch.export.writers import ParquetFile

    store = open_store(db_url)
    _machine_event_with_evidence(store)
    monkeypatch.setattr(columnar, "COLUMN_BATCH", 70)
    monkeypatch.setattr(table_defs, "BATCH", 150)
    monkeypatch.setattr(ParquetFile, "GROUP", 300)
    stamp = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)
    calls: list[int] = []
    original = columnar.column_batches

    def counted(*args: Any, **kwargs: Any) -> Any:
        for batch in original(*args, **kwargs):
            calls.append(batch.n_events)
            yield batch

    monkeypatch.setattr(package, "column_batches", counted)
    columns = export_package(
        tmp_path / "columns",
        store=store,
        filters=filters,
        formats=formats,
        bom=bom,
        exported_at=stamp,
    )
    assert len(calls) > 2 and max(calls) == 70  # the column route ran, in several batches
    monkeypatch.setattr(package, "has_arrow_route", lambda _store: False)
    rows = export_package(
        tmp_path / "rows",
        store=store,
        filters=filters,
        formats=formats,
        bom=bom,
        exported_at=stamp,
    )
    assert columns.counts == rows.counts and columns.counts["events"] > 0
    names = sorted(p.name for p in (tmp_path / "rows").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "columns").iterdir())
    for name in names:
        assert (tmp_path / "columns" / name).read_bytes() == (
            tmp_path / "rows" / name
        ).read_bytes(), name
    if "parquet" in formats:
        import pyarrow.parquet as pq

        groups = pq.ParquetFile(tmp_path / "columns" / "event_codes.parquet").num_row_groups
        assert groups > 1


def test_machine_events_export_to_parquet_with_their_confidence(
    db_url: str, tmp_path: Path
) -> None:
    """Regression: a Parquet export of machine-coded events failed (the confidence, a float,
    went into a text column); it is written as the CSV writes it."""
    import pyarrow.parquet as pq

    store = open_store(db_url)
    _machine_event_with_evidence(store)
    out = tmp_path / "pkg"
    export_package(out, store=store, formats=("csv", "parquet"))
    codes = pq.read_table(out / "event_codes.parquet").to_pylist()
    mine = {
        (r["facet"], r["code"]): r for r in codes if r["event_id"] == "2019-06-13-meeting-cn-kg-98"
    }
    assert mine[("kind", "meeting")]["confidence"] == "0.91"
    assert mine[("level", "head_of_state")]["confidence"] == "1.0"
    assert mine[("country", "CN")]["confidence"] == "1e-05"
    assert mine[("country", "KG")]["evidence_text"] == "吉尔吉斯斯坦"
    assert mine[("country", "KG")]["n_evidence"] == 2
    assert mine[("kind", "meeting")]["evidence_text"] == "=會見"
    with (out / "event_codes.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["event_id"] == "2019-06-13-meeting-cn-kg-98"]
    assert [(r["facet"], r["code"], r["confidence"]) for r in rows] == [
        (r["facet"], r["code"], r["confidence"] or "")
        for r in codes
        if r["event_id"] == rows[0]["event_id"]
    ]
