"""Assignments, independent codings and the agreement statistics (checked against hand counts)."""

from __future__ import annotations

import json

import pytest

from steppewatch.codebook import load_codebook
from steppewatch.errors import ReviewError
from steppewatch.review.agreement import (
    _stats,
    agreement_report,
    assign,
    assignments_for,
    format_table,
    record_coding,
)

IDS = ["2022-04-02-meeting-cn-uz-1", "2023-07-09-meeting-cn-kg-1", "2019-06-meeting-cn-tj-1"]


def test_stats_match_hand_computation():
    # 10 items, 2 categories: agree on 8; rater A says yes 5 times, B 5 times.
    a = ["y", "y", "y", "y", "y", "n", "n", "n", "n", "n"]
    b = ["y", "y", "y", "y", "n", "y", "n", "n", "n", "n"]
    s = _stats("topics", "terrorism", a, b)
    assert s.percent_agreement == 80.0
    assert s.cohen_kappa == pytest.approx(0.6)  # (0.8 - 0.5) / (1 - 0.5)
    # Krippendorff nominal alpha, 2 coders, no missing: 1 - (n-1) * D_o / D_e with n = 20 values
    assert s.krippendorff_alpha == pytest.approx(1 - 19 * (4 / 20) / (2 * 10 * 10 / 20), abs=1e-3)


def test_stats_without_variation_are_undefined_not_errors():
    s = _stats("kind", None, ["meeting"] * 4, ["meeting"] * 4)
    assert s.percent_agreement == 100.0 and s.cohen_kappa is None and s.krippendorff_alpha is None
    assert _stats("kind", None, [], []).n == 0


def test_assign_code_and_report(store):
    cb = load_codebook()
    assert assign(store, IDS, ["alice", "bob"], by="admin") == 6
    assert assign(store, IDS, ["alice", "bob"], by="admin") == 0  # idempotent
    assert [a["event_id"] for a in assignments_for(store, "alice")] == IDS
    alice = [
        {"kind": "meeting", "topics": ["investment_security"], "framework": "bilateral"},
        {"kind": "meeting", "topics": ["border_security"], "framework": "bilateral"},
        {"kind": "meeting", "topics": ["terrorism", "separatism"], "framework": "bilateral"},
    ]
    bob = [
        {"kind": "meeting", "topics": ["investment_security"], "framework": "bilateral"},
        {
            "kind": "bilateral_exercise",
            "topics": ["border_security", "terrorism"],
            "framework": "bilateral",
        },
        {"kind": "meeting", "topics": ["terrorism"], "framework": "SCO"},
    ]
    for event_id, a, b in zip(IDS, alice, bob, strict=True):
        record_coding(store, event_id, "alice", a, codebook=cb)
        record_coding(store, event_id, "bob", b, codebook=cb)
    report = agreement_report(store)
    assert report.items == 3 and report.reviewers == ["alice", "bob"]
    by = {(c.field, c.code): c for c in report.per_code}
    assert by[("kind", None)].percent_agreement == pytest.approx(66.67)
    assert by[("topics", "investment_security")].percent_agreement == 100.0
    assert by[("topics", "terrorism")].percent_agreement == pytest.approx(66.67)
    assert by[("topics", "separatism")].percent_agreement == pytest.approx(66.67)
    # overall pools 3 single fields x 3 items (7 agree) + 4 topic codes x 3 items (10 agree)
    assert report.overall.percent_agreement == pytest.approx(100 * 17 / 21, abs=0.01)
    assert "overall" in format_table(report)
    json.dumps(report.model_dump(mode="json"))


def test_coding_needs_an_assignment_and_known_codes(store):
    cb = load_codebook()
    with pytest.raises(ReviewError, match=r"^\[SW714\]"):
        record_coding(store, IDS[0], "alice", {"kind": "meeting"}, codebook=cb)
    assign(store, IDS[:1], ["alice", "bob"], by="admin")
    with pytest.raises(ReviewError, match=r"^\[SW706\]"):
        record_coding(store, IDS[0], "alice", {"topics": ["not_a_topic"]}, codebook=cb)
    with pytest.raises(ReviewError, match=r"^\[SW706\]"):
        record_coding(store, IDS[0], "alice", {"colour": "red"}, codebook=cb)
    with pytest.raises(ReviewError, match=r"^\[SW703\]"):
        assign(store, IDS, ["alice"], by="admin")
    with pytest.raises(ReviewError, match=r"^\[SW704\]"):
        assign(store, IDS, ["alice", "mallory"], by="admin")
    with pytest.raises(ReviewError, match=r"^\[SW705\] no event\(s\) 2031-01-01-meeting-cn-kg-1"):
        assign(store, ["2031-01-01-meeting-cn-kg-1"], ["alice", "bob"], by="admin")


def test_cli_agreement_and_users(store, tmp_path):
    from typer.testing import CliRunner

    from steppewatch.cli import app

    runner = CliRunner()
    db = store.url
    r = runner.invoke(
        app, ["users", "add", "carol", "--password-stdin", "--db", db], input="long enough pw\n"
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["users", "list", "--db", db])
    assert "carol" in r.output and "alice" in r.output
    r = runner.invoke(app, ["agreement", "assign", "--reviewers", "alice,carol", "--db", db])
    assert r.exit_code == 0 and "2 event(s)" in r.output, r.output
    r = runner.invoke(app, ["agreement", "--format", "json", "--db", db])
    assert r.exit_code == 0 and json.loads(r.output)["items"] == 0
    r = runner.invoke(app, ["agreement", "--db", db])
    assert "overall" in r.output
