"""Importing CSV and JSON Lines: every bad row reported with its line, good rows kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from steppewatch.errors import InputError
from steppewatch.store import open_store
from steppewatch.store.dataset_io import EVENT_COLUMNS, read_events
from steppewatch.store.importing import import_events

HEADER = ",".join(EVENT_COLUMNS)
GOOD_1 = (
    "2016-08-01-mechanism-cn-af-pk-tj-1,mechanism,Quadrilateral Cooperation and Coordination Mechanism,"
    '2016-08-03,,CN;AF;PK;TJ,other_multilateral,"Urumqi, China",Fang Fenghui (Chief of Joint Staff),'
    'Sherali Mirzo (Minister of Defence),,military,terrorism;afghanistan,"{""instrument"": ""joint statement""}",'
    "Four chiefs of staff set up a counter-terrorism mechanism.,official_source"
)
GOOD_2 = (
    "2019-06-13-meeting-cn-kg-1,meeting,Си Цзиньпин и Жээнбеков провели переговоры,2019-06-13,,CN;KG,bilateral,"
    "Бишкек,Xi Jinping (President),Sooronbay Jeenbekov (President),head_of_state,law_enforcement,"
    'three_evils;separatism,,"Стороны договорились бороться с «тремя силами зла»; 打击“三股势力”.",official_source'
)
BAD_DATE = GOOD_1.replace("2016-08-03", "2016-02-30").replace("-1,mechanism", "-2,mechanism")
BAD_COUNTRY = GOOD_2.replace("CN;KG", "CN;XX").replace("-kg-1,", "-kg-2,")
BAD_TOPIC = GOOD_2.replace("three_evils;separatism", "three_evils;uyghur_stuff").replace(
    "-kg-1,", "-kg-3,"
)
MISSING_ID = "," + GOOD_2.split(",", 1)[1]
BROKEN_QUOTE = GOOD_2.replace(",Бишкек,", ',"Бишкек,').replace("-kg-1,", "-kg-4,")
GOOD_3 = GOOD_2.replace("-kg-1,", "-kg-5,").replace("2019-06-13,", "2019-06-14,", 1)


def _write(path: Path, lines: list[str], extra_bytes: bytes = b"") -> Path:
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + extra_bytes)
    return path


def test_malformed_rows_are_reported_with_lines_and_good_rows_kept(
    tmp_path: Path, db_url: str
) -> None:
    bad_bytes = (
        GOOD_2.replace("-kg-1,", "-kg-6,")
        .encode("utf-8")
        .replace("Бишкек".encode(), "Бишкек".encode("cp1251"))
    )
    path = _write(
        tmp_path / "events.csv",
        [
            HEADER,
            GOOD_1,
            BAD_DATE,
            BAD_COUNTRY,
            BAD_TOPIC,
            MISSING_ID,
            BROKEN_QUOTE,
            GOOD_2,
            GOOD_3,
        ],
        bad_bytes + b"\n",
    )
    store = open_store(db_url)
    report = import_events(store, path)
    by_line = {i.line: i for i in report.issues}
    assert by_line[3].type == "invalid-date" and by_line[3].field == "date_start"
    assert "day 30 does not exist" in by_line[3].message
    assert by_line[4].type == "unknown-country" and "'XX'" in by_line[4].message
    assert by_line[5].type == "unknown-code" and "uyghur_stuff" in by_line[5].message
    assert by_line[6].type == "missing-cell" and by_line[6].field == "id"
    assert by_line[7].type == "broken-quoting"
    assert by_line[10].type == "bad-encoding" and by_line[10].field == "location"
    assert report.rejected_lines == [3, 4, 5, 6, 7, 10]
    assert report.counts.new == 3
    assert {e.id for e in store.list_events()} == {
        "2016-08-01-mechanism-cn-af-pk-tj-1",
        "2019-06-13-meeting-cn-kg-1",
        "2019-06-13-meeting-cn-kg-5",
    }
    # every message names the file and line
    assert all(str(i).startswith("events.csv, line ") for i in report.issues)


def test_reimport_changes_nothing(tmp_path: Path, db_url: str) -> None:
    path = _write(tmp_path / "mine.csv", [HEADER, GOOD_1, GOOD_2])
    store = open_store(db_url)
    assert import_events(store, path).counts.new == 2
    again = import_events(store, path)
    assert (again.counts.new, again.counts.updated, again.counts.unchanged) == (0, 0, 2)
    assert store.count_events() == 2


def test_failed_import_leaves_database_as_before(tmp_path: Path, sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    import_events(store, _write(tmp_path / "a.csv", [HEADER, GOOD_1]))
    before = store.get_event("2016-08-01-mechanism-cn-af-pk-tj-1")
    report = import_events(
        store,
        _write(
            tmp_path / "b.csv", [HEADER, BAD_DATE.replace("-2,mechanism", "-1,mechanism"), GOOD_2]
        ),
    )
    assert report.rejected_lines == [2]
    assert store.get_event("2016-08-01-mechanism-cn-af-pk-tj-1") == before
    assert store.count_events() == 2


def test_duplicate_ids_and_wrong_column_count(tmp_path: Path) -> None:
    path = _write(tmp_path / "e.csv", [HEADER, GOOD_1, GOOD_1, "a,b,c"])
    result = read_events(path)
    assert [(i.line, i.type) for i in result.issues] == [
        (3, "duplicate-id"),
        (4, "wrong-column-count"),
    ]
    assert len(result.events) == 1


def test_jsonl_import_with_sources(tmp_path: Path, sqlite_url: str) -> None:
    records = [
        {
            "id": "2021-10-18-bilateral_exercise-cn-tj-1",
            "kind": "bilateral_exercise",
            "title": "Cooperation-2021 joint exercise",
            "date_start": "2021-10-18",
            "countries": ["CN", "TJ"],
            "framework": "bilateral",
            "domains": ["paramilitary"],
            "topics": ["terrorism"],
            "attributes": {"exercise_name": "Cooperation-2021"},
            "sources": [
                {"url": "https://khovar.tj/rus/2021/10/x", "publisher": "Khovar", "language": "ru"}
            ],
        },
        {
            "id": "2021-10-19-meeting-cn-tj-1",
            "kind": "meeting",
            "title": "x",
            "date_start": "2021-13-01",
            "countries": ["CN", "TJ"],
            "framework": "bilateral",
        },
        "not an object",
    ]
    path = tmp_path / "events.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n{broken\n",
        encoding="utf-8",
    )
    report = import_events(open_store(sqlite_url), path)
    assert [(i.line, i.type) for i in report.issues] == [
        (2, "invalid-date"),
        (3, "invalid-json"),
        (4, "invalid-json"),
    ]
    stored = open_store(sqlite_url).get_event("2021-10-18-bilateral_exercise-cn-tj-1")
    assert stored.sources[0].publisher == "Khovar"


def test_bad_sources_rows_reported(tmp_path: Path, sqlite_url: str) -> None:
    events = _write(tmp_path / "events.csv", [HEADER, GOOD_1])
    (tmp_path / "sources.csv").write_text(
        "event_id,url,publisher,language,published,source_type,attests\n"
        "2016-08-01-mechanism-cn-af-pk-tj-1,http://www.mod.gov.cn/x.htm,PRC MND,zh,2016-08-04,official,ok\n"
        "2016-08-01-mechanism-cn-af-pk-tj-1,not a url,X,zh,,news,\n"
        "no-such-event,https://a.b/c,X,en,,news,\n",
        encoding="utf-8",
    )
    report = import_events(open_store(sqlite_url), events)
    assert [(i.source, i.line, i.type) for i in report.issues] == [
        ("sources.csv", 3, "bad-source"),
        ("sources.csv", 4, "bad-source"),
    ]
    assert len(open_store(sqlite_url).get_event("2016-08-01-mechanism-cn-af-pk-tj-1").sources) == 1


@pytest.mark.parametrize("content", [b"\x00\x01\x02binary\xff" * 100, b""])
def test_binary_or_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    if content:
        with pytest.raises(InputError, match="binary"):
            read_events(path)
    else:
        assert [i.type for i in read_events(path).issues] == ["empty-file"]


def test_bundled_dataset_loads_completely(shared_dir: Path, sqlite_url: str) -> None:
    from steppewatch.store.importing import load_bundled_dataset
    from steppewatch.study import load_study

    store = open_store(sqlite_url)
    report = load_bundled_dataset(store, load_study())
    assert report.issues == []
    lines = (shared_dir / "data" / "events.csv").read_text(encoding="utf-8").count("\n") - 1
    source_rows = (shared_dir / "data" / "sources.csv").read_text(encoding="utf-8").count("\n") - 1
    assert store.count_events() == lines == 525
    assert store.count_sources() == source_rows
    assert store.get_meta("dataset_version") == "2026.12"


def test_csv_rows_read_back_to_equal_events(tmp_path: Path) -> None:
    import csv

    from steppewatch.store.dataset_io import event_csv_row
    from tests.factories import make_event

    original = [
        make_event(
            1, sources=[], attributes={"exercise_name": "Сотрудничество-2019", "troops_total": 150}
        ),
        make_event(
            2, sources=[], date_end="2019-06-14", summary='Quotes "inside", commas, and\na newline'
        ),
    ]
    path = tmp_path / "out.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(EVENT_COLUMNS)
        writer.writerows(event_csv_row(e) for e in original)
    result = read_events(path)
    assert result.issues == []
    assert [e.model_dump() for e in result.events] == [e.model_dump() for e in original]


def test_actor_names_split_at_semicolons_inside_parentheses() -> None:
    """Regression (issue 11.3): ``Wang Yi (Minister of Foreign Affairs; CPC Politburo member)``
    became two actors, ``Wang Yi (Minister of Foreign Affairs`` and ``CPC Politburo member)``,
    in about a hundred bundled events. Checked against every bundled row."""
    import csv

    from steppewatch.store.dataset_io import format_actors, parse_actors
    from steppewatch.study import bundled_dataset_dir

    actors = parse_actors(
        "Wang Yi (Minister of Foreign Affairs; CPC Politburo member);Li Qiang", "focal"
    )
    assert [(a.name, a.office) for a in actors] == [
        ("Wang Yi", "Minister of Foreign Affairs; CPC Politburo member"),
        ("Li Qiang", None),
    ]
    assert [
        a.name for a in parse_actors("Токаев (Президент; глава государства);王毅", "partner")
    ] == [
        "Токаев",
        "王毅",
    ]
    path = bundled_dataset_dir() / "events.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with_inner_semicolons = 0
    for row in rows:
        for column, side in (("cn_actors", "focal"), ("partner_actors", "partner")):
            value = row[column]
            parsed = parse_actors(value, side)  # type: ignore[arg-type]
            for actor in parsed:
                label = actor.label()
                assert label.count("(") == label.count(")"), (row["id"], label)
                assert not label.startswith(")") and not label.endswith("("), (row["id"], label)
            # nothing lost or added: the list reads back to the cell (spaces around ';' aside)
            assert format_actors(parsed, side) == ";".join(
                part.strip() for part in _top_level_parts(value)
            ), row["id"]
            with_inner_semicolons += any(";" in (a.office or "") for a in parsed)
    assert with_inner_semicolons >= 90  # the 2026.12 rows that broke (105 cells)


def _top_level_parts(value: str) -> list[str]:
    import re

    # independent of the parser: mask parenthesised text, split, then cut the original
    masked = re.sub(r"\([^()]*\)", lambda m: "#" * len(m.group()), value)
    parts, start = [], 0
    for match in re.finditer(";", masked):
        parts.append(value[start : match.start()])
        start = match.end()
    parts.append(value[start:])
    return [p for p in parts if p.strip()]
