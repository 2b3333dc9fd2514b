"""The russia_central_asia dataset is derived, not collected (no new sources were read): it is
exactly :func:`derive` applied to the bundled PRC-Central Asia dataset, as its README says.
This test re-derives it and compares, so the shipped files can never drift from the rule."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from steppewatch.store.dataset_io import split_actor_list
from steppewatch.study import bundled_dataset_dir, load_study

PARTNERS = ("KZ", "KG", "TJ", "UZ", "TM")
FOCAL = "RU"
_PARTNER_NAMED = re.compile(
    r"\b(?:KZ|KG|TJ|UZ|TM|Kazakh\w*|Kyrgyz\w*|Tajik\w*|Uzbek\w*|Turkmen\w*)\b"
)
#: One Russian official or body, tagged as Russian in the row itself: "(President, RU)",
#: "(Foreign Minister of Russia)", "(DM, RU)", "Russian Central Military District".
_RUSSIAN = re.compile(r"\([^()]*(?:\bRU\b|\bof Russia\b)[^()]*\)|\bRussian\b")


def derive(events_csv: str, sources_csv: str) -> tuple[str, str]:
    """The Russia study's events.csv and sources.csv from the PRC study's.

    - events: every row whose ``countries`` hold RU and at least one partner state;
    - ``countries``: RU first, then the others in their original order (CN stays: it took part);
    - ``cn_actors`` (the schema's column for the focal side): the PRC row's Chinese officials do
      not belong there, so it holds only the entries of ``partner_actors`` that the row itself
      tags as Russian and that name no partner state (entries split at semicolons outside
      parentheses); they leave ``partner_actors``, which is otherwise kept verbatim. Nothing
      else is added: an event whose row names no Russian official has none;
    - every other column, and the id, unchanged; sources: every source row of those events,
      unchanged.
    """
    events = list(csv.DictReader(io.StringIO(events_csv)))
    header = list(events[0])
    kept = []
    for row in events:
        countries = row["countries"].split(";")
        if FOCAL not in countries or not set(countries) & set(PARTNERS):
            continue
        parts = [p.strip() for p in split_actor_list(row["partner_actors"]) if p.strip()]
        russian = [p for p in parts if _RUSSIAN.search(p) and not _PARTNER_NAMED.search(p)]
        others = "; ".join(p for p in parts if p not in russian)
        kept.append(
            {
                **row,
                "countries": ";".join([FOCAL] + [c for c in countries if c != FOCAL]),
                "cn_actors": "; ".join(russian),
                "partner_actors": others if russian else row["partner_actors"],
            }
        )
    ids = {row["id"] for row in kept}
    sources = list(csv.DictReader(io.StringIO(sources_csv)))
    out_events, out_sources = io.StringIO(), io.StringIO()
    writer = csv.DictWriter(out_events, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(kept)
    writer = csv.DictWriter(out_sources, list(sources[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(r for r in sources if r["event_id"] in ids)
    return out_events.getvalue(), out_sources.getvalue()


def _read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def test_the_russia_dataset_is_exactly_the_documented_derivation() -> None:
    prc, russia = bundled_dataset_dir(), bundled_dataset_dir("russia_central_asia")
    events, sources = derive(_read(prc, "events.csv"), _read(prc, "sources.csv"))
    assert _read(russia, "events.csv") == events
    assert _read(russia, "sources.csv") == sources


def test_the_russia_dataset_is_what_its_readme_says() -> None:
    folder = bundled_dataset_dir("russia_central_asia")
    rows = list(csv.DictReader(io.StringIO(_read(folder, "events.csv"))))
    sources = list(csv.DictReader(io.StringIO(_read(folder, "sources.csv"))))
    readme = _read(folder, "README.md")
    assert f"{len(rows)} events" in readme and f"{len(sources):,} sources" in readme
    assert len(rows) >= 30
    assert all(r["countries"].startswith("RU;") and "CN" in r["countries"] for r in rows)
    assert {s["event_id"] for s in sources} == {r["id"] for r in rows}  # every event sourced
    # a focal official only where the row names one: Shoigu at the 2013 defence ministers
    by_id = {r["id"]: r for r in rows}
    assert by_id["2013-06-26-meeting-cn-kz-kg-tj-uz-ru-1"]["cn_actors"] == "Sergei Shoigu (DM, RU)"
    assert "Shoigu" not in by_id["2013-06-26-meeting-cn-kz-kg-tj-uz-ru-1"]["partner_actors"]
    assert by_id["2003-05-29-meeting-cn-kz-kg-tj-uz-ru-1"]["cn_actors"] == ""
    study = load_study("russia_central_asia")
    assert study.dataset == "russia_central_asia"
