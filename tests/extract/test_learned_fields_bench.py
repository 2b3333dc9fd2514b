"""The learned kind / framework / level / country decisions studied in bench/learned_fields.py
and bench/learned_countries.py (fourteenth round, branch learned11; not adopted). These tests
keep the experiment honest and runnable: the features read what they say, the decisions do what
their names say, fitting is deterministic, and only the eleven tuning sets are read."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from steppewatch.extract import ExtractedDocument
from steppewatch.extract.calibration import HELD_OUT, TUNING_SETS
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.evaluate import Prediction
from steppewatch.extract.gold import GoldDocument

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _module(name: str) -> Any:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


DUMP = _module("learned_fields_dump")
FIELDS = _module("learned_fields")
COUNTRIES = _module("learned_countries")

# written for these tests
TEXT = (
    "China and Kyrgyzstan held a joint counter-terrorism exercise near Osh on 4 June 2026. "
    "Chinese and Kyrgyz border troops practised a joint search for armed militants."
)


def _record() -> Any:
    document = ExtractedDocument(source="test", text=TEXT, language="en")
    return CodebookCoder().code(document)


def test_dump_features_read_the_coders_codes() -> None:
    record = _record()
    assert record.relevant
    items = [i for i in (record.items or [record]) if i.relevant]
    features = DUMP.merge([DUMP.item_features(i) for i in items])
    assert features[f"base:kind={record.kind}"] == 1.0
    assert features["base:relevant"] == 1.0
    # each piece of evidence for the kind is counted, with its basis and whether it is in the lead
    assert any(k.startswith(f"ev:kind={record.kind}") for k in features)
    assert any(k.startswith(f"evlead:kind={record.kind}") for k in features)
    countries = DUMP.country_features(items)
    assert "KG" in countries and "CN" not in countries
    assert countries["KG"]["c:lead"] == 1.0


def test_dump_refuses_sets_outside_the_eleven() -> None:
    # the fourteenth round's eleven tuning sets: all still tuning data, none held out
    assert set(DUMP.ELEVEN) <= set(TUNING_SETS)
    assert not {f"{name}.jsonl" for name in DUMP.ELEVEN} & set(HELD_OUT)
    for name in ("test27", "test28", "test", "real_heldout"):
        with pytest.raises(SystemExit):
            DUMP.dump(name, Path("gold"))


def test_load_refuses_a_dump_of_a_held_out_set(tmp_path: Path) -> None:
    name = Path(HELD_OUT[0]).stem
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"set": name, "id": "x", "path": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        FIELDS.load(dump)


def _rows() -> list[Any]:
    """Twelve small documents: the rules say 'dialogue'; gold says 'exercise' wherever the
    evidence word 'drill' was found."""
    rows = []
    for i in range(12):
        drill = i % 2 == 0
        features = {"base:kind=dialogue": 1.0, "base:score": 0.9}
        if drill:
            features["evtext:kind=exercise|drill"] = 1.0
        gold = GoldDocument(
            id=f"d{i}", path="x", relevant=True, kind="exercise" if drill else "dialogue"
        )
        pred = Prediction(relevant=True, kind="dialogue")
        rows.append(FIELDS.Row("dev", gold, pred, features, ""))
    return rows


def test_decisions_do_what_their_names_say() -> None:
    rows = _rows()
    model = FIELDS.Model("kind", "named+", 4.0, rows)
    override, changed = FIELDS.decide(model, rows, "override")
    assert changed == 6
    assert [p.kind for p in override] == [r.gold.kind for r in rows]
    # fill keeps the rules' kind wherever they gave one
    filled, changed = FIELDS.decide(model, rows, "fill")
    assert changed == 0 and all(p.kind == "dialogue" for p in filled)
    # a margin larger than any probability difference changes nothing
    kept, changed = FIELDS.decide(model, rows, "margin 1.0")
    assert changed == 0
    # documents the coder calls not relevant are left alone
    quiet = [dataclasses.replace(r, pred=Prediction(relevant=False)) for r in rows]
    assert FIELDS.decide(model, quiet, "override")[1] == 0


def test_indep_features_drop_the_rules_own_decision() -> None:
    features = {"base:kind=dialogue": 1.0, "first:kind=dialogue": 1.0, "ev:kind=dialogue": 0.7}
    assert FIELDS.feature_view(features, "indep", "kind") == {"ev:kind=dialogue": 0.7}
    assert FIELDS.feature_view(features, "indep", "level") == features


def test_fitting_is_deterministic() -> None:
    rows = _rows()
    a = FIELDS.Model("kind", "named+", 1.0, rows).probabilities(rows)
    b = FIELDS.Model("kind", "named+", 1.0, rows).probabilities(rows)
    assert (a == b).all()


def test_country_layer_only_withholds() -> None:
    rows, cf = [], {}
    for i in range(12):
        named = i % 2 == 0
        gold = GoldDocument(
            id=f"c{i}", path="x", relevant=True, countries=("CN", "KZ") if named else ("CN",)
        )
        pred = Prediction(relevant=True, countries=("CN", "KZ"))
        row = FIELDS.Row("dev", gold, pred, {"lang=en": 1.0}, "")
        cf[id(row)] = {"KZ": {"c:country|named": 0.7} if named else {"c:country|group": 0.7}}
        rows.append(row)
    model = COUNTRIES.Model("own", 4.0, rows, cf)
    preds, changed = model.decide(rows, 0.5)
    assert changed == 6
    assert [p.countries for p in preds] == [r.gold.countries for r in rows]
    assert all(set(p.countries) <= set(r.pred.countries) for p, r in zip(preds, rows, strict=True))
