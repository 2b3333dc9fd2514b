"""Coding on Dask (issue 17.4): a LocalCluster of 2 worker processes on 127.0.0.1 codes ~300 real
MFA pages (../shared/corpora/china_fm) plus synthetic documents made of their paragraphs, a WARC
file and broken files; the Parquet dataset must be byte-identical to the single-process one, the
events linked from it the same as those of the local ingest, and a crash or a killed worker must
leave a rerun with the same result and nothing duplicated. Skips without ../shared."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, select

from steppewatch.ingest import Ingestor
from steppewatch.scale.engine import CodingRun, DatasetSummary, code_dataset
from steppewatch.scale.inputs import Partition, read_path_list
from steppewatch.scale.link import link_dataset
from steppewatch.scale.partition import CoderSpec, Crash
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store import open_store
from steppewatch.store.database import resolve_url
from steppewatch.store.document_tables import coded_items, documents, suggestions
from steppewatch.store.review_tables import audit_log
from steppewatch.store.tables import event_codes, events, sources

PAGES = 300
PARTITION_SIZE = 40

ZH_EXERCISE = (
    "2019年8月12日\n中塔两军举行联合反恐演习\n"
    "8月12日，中国人民解放军和塔吉克斯坦武装力量在杜尚别举行联合反恐演习，"
    "双方同意深化安全合作，共同打击恐怖主义、分裂主义和极端主义“三股势力”。\n"
)
RU_MEETING = (
    "14 июня 2019 г.\nПереговоры Сооронбая Жээнбекова и Си Цзиньпина\n"
    "14 июня в Бишкеке президенты Кыргызстана и Китая Сооронбай Жээнбеков и Си Цзиньпин "
    "обсудили сотрудничество в сфере безопасности и борьбу с терроризмом и экстремизмом.\n"
)
RU_PAGE = (
    "<html><head><title>Визит министра обороны КНР в Казахстан</title></head><body>"
    "<h1>Визит министра обороны КНР в Казахстан</h1><p>2 мая 2018 г.</p>"
    "<p>2 мая 2018 года в Астане министр обороны Казахстана встретился с министром обороны "
    "Китая. Стороны обсудили военное сотрудничество и совместные антитеррористические учения "
    "в рамках ШОС.</p></body></html>"
).encode()


def _paragraphs(pages: list[Path]) -> list[str]:
    from steppewatch.extract.text import html_to_text

    found: list[str] = []
    for page in pages[:60]:
        text = html_to_text(page.read_bytes().decode("utf-8", "replace")).text
        found += [p.strip() for p in text.split("\n") if len(p.strip()) >= 40]
    return found


def _write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, status, body in [
            ("https://mod.gov.kz/ru/news/visit-2018", "200 OK", RU_PAGE),
            ("https://mod.gov.kz/ru/missing", "404 Not Found", b"no"),
            ("https://www.fmprc.gov.cn/web/wjdt/zh.html", "200 OK", ZH_EXERCISE.encode()),
        ]:
            kind = "text/html; charset=utf-8" if body.startswith(b"<") else "text/plain"
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )


@pytest.fixture(scope="module")
def corpus(china_fm_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The inputs, as a list file names them: 300 pages, a folder of synthetic and broken
    documents, a WARC file."""
    pages = sorted(china_fm_dir.glob("*.html"))[:PAGES]
    if len(pages) < PAGES:
        pytest.skip(f"fewer than {PAGES} pages in {china_fm_dir}")
    root = tmp_path_factory.mktemp("scale_corpus")
    synthetic = root / "synthetic"
    synthetic.mkdir()
    pool = _paragraphs(pages)
    rng = random.Random(17)
    for number in range(80):
        year, month = rng.randint(2012, 2020), rng.randint(1, 12)
        head = (
            f"{year}年{month}月{rng.randint(1, 28)}日" if number % 2 else f"{year}-{month:02d}-03"
        )
        body = "\n".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
        (synthetic / f"s{number:03d}.txt").write_text(f"{head}\n{body}\n", encoding="utf-8")
    (synthetic / "zh_exercise.txt").write_text(ZH_EXERCISE, encoding="utf-8")
    (synthetic / "ru_meeting.txt").write_text(RU_MEETING, encoding="utf-8")
    (synthetic / "ru_meeting_copy.txt").write_text(RU_MEETING, encoding="utf-8")  # same bytes
    (synthetic / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")  # cut short
    (synthetic / "empty.html").write_bytes(b"<html><body></body></html>")
    _write_warc(root / "crawl.warc.gz")
    listing = root / "inputs.txt"
    lines = ["# 300 MFA pages, synthetic documents, a WARC file"]
    lines += [str(p) for p in pages] + ["synthetic", "crawl.warc.gz"]
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_path_list(listing)


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A LocalCluster of 2 single-threaded worker processes, loopback only, no dashboard."""
    import logging

    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as local:
        yield local.scheduler_address


def _code(
    corpus: list[str], out: Path, engine: str, scheduler: str | None = None, **kw: Any
) -> tuple[DatasetSummary, list[Partition]]:
    return code_dataset(
        CodingRun(
            corpus,
            out,
            coder=CoderSpec(),
            engine=engine,
            scheduler=scheduler,
            partition_size=PARTITION_SIZE,
            **kw,
        )
    )


@pytest.fixture(scope="module")
def local_run(
    corpus: list[str], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, DatasetSummary, list[Partition]]:
    out = tmp_path_factory.mktemp("local") / "coded"
    summary, partitions = _code(corpus, out, "local")
    return out, summary, partitions


@pytest.fixture(scope="module")
def dask_run(
    corpus: list[str], cluster: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, DatasetSummary, list[Partition]]:
    out = tmp_path_factory.mktemp("dask") / "coded"
    summary, partitions = _code(corpus, out, "dask", cluster)
    return out, summary, partitions


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def test_dask_dataset_is_byte_identical_to_the_single_process_one(
    local_run: tuple[Path, DatasetSummary, list[Partition]],
    dask_run: tuple[Path, DatasetSummary, list[Partition]],
) -> None:
    local_out, local, partitions = local_run
    dask_out, remote, _ = dask_run
    assert remote.workers == 2 and local.workers == 1
    assert not local.failed_partitions and not remote.failed_partitions
    assert len(partitions) >= 10 and remote.coded_partitions == len(partitions)
    # both workers coded partitions
    assert len({t["pid"] for t in remote.tasks}) == 2
    local_files, dask_files = _files(local_out), _files(dask_out)
    assert local_files.keys() == dask_files.keys()
    different = [name for name in local_files if local_files[name] != dask_files[name]]
    assert different == []
    # partitioned by publication year and month; every input once
    table = ds.dataset(dask_out / "documents", format="parquet", partitioning="hive").to_table()
    years = set(table.column("year").to_pylist())
    assert len(years) >= 5 and 0 in years  # undated documents are under year=0000
    keys = list(
        zip(
            table.column("input_index").to_pylist(), table.column("record").to_pylist(), strict=True
        )
    )
    assert len(keys) == len(set(keys)) == local.documents
    texts = " ".join(t for t in table.column("text").to_pylist() if t)
    assert "联合反恐演习" in texts and "антитеррористические" in texts  # the WARC's records
    manifest = json.loads((dask_out / "manifest.json").read_text())
    assert manifest["partitions"] == [p.id for p in partitions] and manifest["complete"]


def test_a_bad_file_is_a_document_error_not_a_failed_partition(
    dask_run: tuple[Path, DatasetSummary, list[Partition]],
) -> None:
    out, summary, _ = dask_run
    rows = ds.dataset(out / "documents", format="parquet", partitioning="hive").to_table()
    by_input = {r["input"]: r for r in rows.to_pylist()}
    broken = next(r for name, r in by_input.items() if name.endswith("broken.pdf"))
    empty = next(r for name, r in by_input.items() if name.endswith("empty.html"))
    assert broken["status"] == "failed" and broken["error"].startswith("[SW415]")
    assert empty["status"] == "failed" and "[SW410]" in empty["error"]
    assert not summary.failed_partitions
    entry = json.loads(
        next(
            p.read_text()
            for p in (out / "_manifest").glob("*.json")
            if "broken.pdf" in p.read_text()
        )
    )
    assert entry["failed"] >= 2 and entry["coded"] >= 30  # the rest of its partition is coded


def _snapshot(url: str) -> dict[str, Any]:
    """What ingest wrote, without time stamps, row ids and archive folders."""
    engine = create_engine(resolve_url(url))
    with engine.connect() as conn:

        def rows(query: Any, drop: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
            found = [
                tuple(v for k, v in r._mapping.items() if k not in drop)
                for r in conn.execute(query)
            ]
            return sorted(found, key=repr)

        snap = {
            "events": rows(select(events), ("created_at", "updated_at")),
            "sources": rows(select(sources)),
            "codes": rows(select(event_codes)),
            "documents": rows(select(documents), ("created_at", "archive_path")),
            "items": rows(select(coded_items)),
            "suggestions": rows(select(suggestions), ("id", "created_at")),
            "audit": rows(select(audit_log.c.actor, audit_log.c.action, audit_log.c.event_id)),
        }
    engine.dispose()
    return snap


def _fresh_store(url: str) -> Any:
    from steppewatch.store.importing import load_bundled_dataset
    from steppewatch.study import load_study

    store = open_store(url)
    load_bundled_dataset(store, load_study(None))
    return store


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
def test_linking_the_dask_dataset_gives_the_events_of_the_local_ingest(
    corpus: list[str],
    dask_run: tuple[Path, DatasetSummary, list[Partition]],
    db_url: str,
    tmp_path: Path,
) -> None:
    out, _, partitions = dask_run
    sqlite_url = f"sqlite:///{tmp_path / 'reference.db'}"
    # the local engine, one process: the reference
    reference = _fresh_store(sqlite_url)
    local = Ingestor(reference, archive=Archive(tmp_path / "archive_local"))
    expected = local.ingest(iter_documents(corpus))
    curated = {e.id: e for e in reference.list_events()}
    store = _fresh_store(db_url)
    label = f"{CoderSpec().build().name} {CoderSpec().build().version}"
    linked = link_dataset(store, out, partitions, label=label, archive=tmp_path / "archive")
    assert (linked.new, linked.failed, linked.duplicates) == (
        expected.new,
        expected.failed,
        expected.duplicates,
    )
    assert (linked.events_created, linked.sources_added, linked.suggestions) == (
        expected.events_created,
        expected.sources_added,
        expected.suggestions,
    )
    assert expected.relevant_items > 0 and expected.failed >= 2
    assert linked.events_created + linked.sources_added + linked.suggestions > 0
    snap = _snapshot(db_url)
    assert snap == _snapshot(sqlite_url)
    # curated and reviewed events are never written: only suggestions about them
    for event_id, event in curated.items():
        if event.review_status != "machine":
            assert store.get_event(event_id) == event
    # linking again: every document is known, nothing is written twice
    again = link_dataset(store, out, partitions, label=label, archive=tmp_path / "archive")
    assert again.new == 0 and again.unchanged == expected.new + expected.duplicates
    assert again.retried == again.failed == expected.failed  # failed ones are tried again
    assert _snapshot(db_url) == snap


def test_a_crash_between_partitions_then_a_rerun_codes_only_what_is_missing(
    corpus: list[str],
    cluster: str,
    local_run: tuple[Path, DatasetSummary, list[Partition]],
    tmp_path: Path,
) -> None:
    local_out, _, partitions = local_run
    out = tmp_path / "coded"
    lost = partitions[3].id
    first, _ = _code(corpus, out, "dask", cluster, crash={lost: Crash(after=5)})
    assert [p for p, _ in first.failed_partitions] == [lost]
    assert "simulated crash" in first.failed_partitions[0][1]
    assert not (out / "_manifest" / f"{lost}.json").exists()
    assert not json.loads((out / "manifest.json").read_text())["complete"]
    second, _ = _code(corpus, out, "dask", cluster)
    assert second.coded_partitions == 1 and second.skipped == len(partitions) - 1
    assert second.documents == len(partitions[3].inputs)
    assert _files(out) == _files(local_out)


def test_a_killed_worker_then_a_rerun_gives_the_same_dataset(
    corpus: list[str],
    cluster: str,
    local_run: tuple[Path, DatasetSummary, list[Partition]],
    tmp_path: Path,
) -> None:
    local_out, _, partitions = local_run
    out = tmp_path / "coded"
    marker = tmp_path / "killed"
    victim = partitions[1].id
    first, _ = _code(
        corpus, out, "dask", cluster, crash={victim: Crash(after=10, kill_marker=str(marker))}
    )
    assert marker.read_text() == victim  # a worker process really ended mid-partition
    # Dask moves the lost task to another worker; if it gave up, the rerun codes it
    second, _ = _code(corpus, out, "dask", cluster)
    assert second.coded_partitions == len(first.failed_partitions)
    assert _files(out) == _files(local_out)
    rows = ds.dataset(out / "items", format="parquet", partitioning="hive").to_table()
    keys = list(
        zip(
            rows.column("document_id").to_pylist(),
            rows.column("input_index").to_pylist(),
            rows.column("item_index").to_pylist(),
            strict=True,
        )
    )
    assert len(keys) == len(set(keys))  # nothing twice


def test_parquet_files_have_no_time_stamps(
    local_run: tuple[Path, DatasetSummary, list[Partition]],
) -> None:
    out, _, _ = local_run
    first = next((out / "documents").rglob("*.parquet"))
    meta = pq.read_metadata(first)
    assert (
        meta.metadata is None
        or b"pandas"
        not in json.dumps({k.decode(): v.decode() for k, v in meta.metadata.items()}).encode()
    )
    assert "created_at" not in pq.read_schema(first).names
