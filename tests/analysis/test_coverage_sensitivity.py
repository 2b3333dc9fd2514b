"""The data section's numbers (coverage, thin years, sourcing) and the verdicts' sensitivity to
two classification choices, recomputed by hand from small frames."""

from __future__ import annotations

import pandas as pd

from steppewatch.analysis.coverage import (
    events_per_year,
    reference_coverage,
    single_source_share,
    sources_by,
)
from steppewatch.analysis.sensitivity import (
    claims_sensitivity,
    sco_members_as_participants,
    sideline_meetings,
)


def _frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    base = {
        "kind": "meeting", "framework": "bilateral", "level": "head_of_state", "date_end": None,
        "location": None, "topics": (), "domains": (), "attributes": {}, "n_sources": 1,
        "title": "", "verification": "", "review_status": "curated", "precision": "day",
    }  # fmt: skip
    records = []
    for i, row in enumerate(rows):
        record = {**base, "id": f"e{i}", **row}
        record["year"] = int(str(record["date_start"])[:4])
        record["countries"] = tuple(record["countries"])  # type: ignore[arg-type]
        records.append(record)
    return pd.DataFrame(records)


SUMMIT = {
    "date_start": "2019-06-13", "date_end": "2019-06-14", "framework": "SCO",
    "countries": ("CN", "KZ", "KG", "TJ", "UZ", "RU", "IN", "PK"), "location": "Bishkek, Kyrgyzstan",
}  # fmt: skip


def test_sideline_meetings_need_the_summit_dates_participants_and_city() -> None:
    frame = _frame(
        [
            SUMMIT,
            # the day before, in Bishkek, a participant: on the sidelines
            {"date_start": "2019-06-12", "countries": ("CN", "KG"), "location": "Bishkek"},
            # same days, but in Dushanbe: not on the sidelines
            {"date_start": "2019-06-13", "countries": ("CN", "TJ"), "location": "Dushanbe"},
            # two days after the summit ends: not on the sidelines
            {"date_start": "2019-06-16", "countries": ("CN", "UZ")},
            # Turkmenistan is not at the summit
            {"date_start": "2019-06-13", "countries": ("CN", "TM")},
            # no location known: dates and participants decide
            {"date_start": "2019-06-14", "countries": ("CN", "KZ")},
            # month precision cannot be placed on a summit's sidelines
            {"date_start": "2019-06", "countries": ("CN", "KZ")},
            # a summit-level meeting that is not bilateral is never a sidelines meeting
            {"date_start": "2019-06-13", "countries": ("CN", "KZ"), "framework": "CICA"},
        ]
    )
    assert list(frame.loc[sideline_meetings(frame), "id"]) == ["e1", "e5"]


def test_members_alternative_widens_only_sco_meetings() -> None:
    frame = _frame(
        [
            {"date_start": "2016-05-01", "framework": "SCO", "countries": ("CN", "KZ")},
            {"date_start": "2018-05-01", "framework": "SCO", "countries": ("CN", "KZ")},
            {"date_start": "2018-05-01", "countries": ("CN", "KG")},
        ]
    )

    def members_at(framework: str, day: str) -> frozenset[str]:
        assert framework == "SCO"
        founding = frozenset({"CN", "KZ", "KG", "RU", "TJ", "UZ"})
        return founding | ({"IN", "PK"} if day >= "2017-06-09" else set())

    widened = sco_members_as_participants(frame, members_at)
    assert widened.loc[0, "countries"] == ("CN", "KG", "KZ", "RU", "TJ", "UZ")
    assert widened.loc[1, "countries"] == ("CN", "IN", "KG", "KZ", "PK", "RU", "TJ", "UZ")
    assert widened.loc[2, "countries"] == ("CN", "KG")
    assert frame.loc[0, "countries"] == ("CN", "KZ")  # the input is not changed


def test_claims_sensitivity_reports_a_verdict_that_flips() -> None:
    # "bilateral engagement has more meetings" flips when the sidelines meetings move to the
    # SCO: 6 bilateral against 4 SCO meetings as coded, 2 against 8 under the alternative.
    fm = {**SUMMIT, "level": "foreign_minister", "date_end": None, "location": None}
    rows = [
        SUMMIT,
        {
            **SUMMIT,
            "date_start": "2018-06-09",
            "date_end": "2018-06-10",
            "location": "Qingdao, China",
        },
        {**fm, "date_start": "2017-05-01"},
        {**fm, "date_start": "2016-05-01"},
        {"date_start": "2019-06-12", "countries": ("CN", "KG"), "location": "Bishkek"},
        {"date_start": "2019-06-14", "countries": ("CN", "KZ")},
        {"date_start": "2018-06-09", "countries": ("CN", "KZ"), "location": "Qingdao"},
        {"date_start": "2018-06-10", "countries": ("CN", "UZ"), "location": "Qingdao"},
        {"date_start": "2017-03-01", "countries": ("CN", "TJ"), "location": "Dushanbe"},
        {"date_start": "2016-04-01", "countries": ("CN", "KZ"), "location": "Astana"},
    ]
    table = claims_sensitivity(_frame(rows), ["KZ", "KG", "TJ", "UZ", "TM"]).set_index("claim_id")
    assert table.attrs["alternatives"]["sidelines"].startswith("4 bilateral meetings")
    assert "verdict_members" not in table.columns  # no membership given, no such alternative
    row = table.loc["bilateral_more_meetings"]
    assert (row["verdict"], row["verdict_sidelines"]) == ("supported", "not supported")
    assert bool(row["changed_sidelines"]) is True
    assert int(table["changed_sidelines"].sum()) == 1
    assert bool(table.loc["separatism_1990s", "changed_sidelines"]) is False


def test_coverage_numbers() -> None:
    frame = _frame(
        [
            {"date_start": "1993-05-01", "countries": ("CN", "KZ"), "n_sources": 2},
            {"date_start": "1995-05-01", "countries": ("CN", "KZ")},
            {"date_start": "2021-05-01", "countries": ("CN", "KZ"), "n_sources": 3},
            {"date_start": "1995-07-01", "countries": ("CN", "KG"), "kind": "bilateral_exercise"},
        ]
    )
    coverage = reference_coverage(frame, window=(1993, 2020), reference_meetings=265)
    assert coverage.meetings_here == 2
    assert "2 meetings in 1993-2020" in coverage.sentence() and "265" in coverage.sentence()
    years = events_per_year(frame, thin_below=2)
    assert list(years["year"]) == list(range(1993, 2022))
    assert years.set_index("year").loc[1995].to_dict() == {
        "events": 2, "meetings": 1, "single_source": 2, "thin": False,
    }  # fmt: skip
    assert bool(years.set_index("year").loc[2000, "thin"]) is True  # a year with no event
    assert single_source_share(frame) == (2, 4)
    sources = pd.DataFrame({"language": ["zh", "ru", "zh", None, "en"]})
    table = sources_by(sources, "language")
    assert table.iloc[0].to_dict() == {"language": "zh", "sources": 2, "share": 0.4}
    assert "unknown" in set(table["language"])
    assert abs(table["share"].sum() - 1.0) < 1e-9


def test_sideline_meetings_among_many_summits_and_a_long_one() -> None:
    # three summits in three cities; a meeting counts only beside the summit of its own dates
    # and city. The last "summit" is recorded with an end date a year and more later (a data
    # slip): it is still honoured as the span the data give.
    frame = _frame(
        [
            SUMMIT,
            {**SUMMIT, "date_start": "2018-06-09", "date_end": "2018-06-10",
             "location": "Qingdao, China"},
            {**SUMMIT, "date_start": "2021-09-16", "date_end": "2022-10-01",
             "location": "Dushanbe, Tajikistan"},
            {"date_start": "2018-06-10", "countries": ("CN", "KZ"), "location": "Qingdao"},
            {"date_start": "2018-06-10", "countries": ("CN", "KZ"), "location": "Bishkek"},
            {"date_start": "2019-06-13", "countries": ("CN", "KG"), "location": "Bishkek"},
            {"date_start": "2022-03-01", "countries": ("CN", "TJ"), "location": "Dushanbe"},
            {"date_start": "2022-10-03", "countries": ("CN", "TJ"), "location": "Dushanbe"},
            # the same meeting twice (two ids): both found
            {"date_start": "2019-06-13", "countries": ("CN", "KG"), "location": "Bishkek"},
        ]
    )  # fmt: skip
    assert list(frame.loc[sideline_meetings(frame), "id"]) == ["e3", "e5", "e6", "e8"]


def _members_at(framework: str, day: str) -> frozenset[str]:
    # Uzbekistan joined the SCO in 2001 (the Shanghai Five before it); India and Pakistan in 2017
    members = {"CN", "KZ", "KG", "TJ", "RU"} | ({"UZ"} if day >= "2001-06-15" else set())
    return frozenset(members | ({"IN", "PK"} if day >= "2017-06-09" else set()))


def test_sco_members_on_an_analysis_frame_keep_its_countries_key_true() -> None:
    from steppewatch.analysis.frame import analysis_frame, country_keys

    rows = [
        {**SUMMIT, "countries": ("CN", "KZ"), "title": "Встреча СВМДА"},
        {**SUMMIT, "date_start": "2000-07-05", "countries": ("CN", "KG")},
        {"date_start": "2019-06-12", "countries": ("CN", "KG"), "title": "习近平会见热恩别科夫"},
        {**SUMMIT, "countries": ("CN", "KZ")},  # the same date and list as the first row
        {**SUMMIT, "date_start": "2016-06-24", "countries": ("CN", "KG", "KZ", "RU", "TJ", "UZ")},
    ]
    frame = analysis_frame(_frame(rows))
    widened = sco_members_as_participants(frame, _members_at)
    # the plain frame (no countries_key) widened, then keyed: the same lists and keys
    plain = _frame(rows)
    expected = country_keys(sco_members_as_participants(plain, _members_at))
    assert list(widened["countries"]) == list(expected["countries"])
    assert list(widened["countries_key"].astype(str)) == list(expected["countries_key"].astype(str))
    assert widened.loc[1, "countries"] == ("CN", "KG", "KZ", "RU", "TJ")  # before Uzbekistan
    assert widened.loc[2, "countries"] == ("CN", "KG")  # a bilateral meeting is left alone
    assert widened.loc[4, "countries_key"] == "CN;KG;KZ;RU;TJ;UZ"  # a list the frame held
    assert list(frame["countries_key"].astype(str))[0] == "CN;KZ"  # the input is not changed


def test_claims_left_as_coded_under_an_alternative_are_those_it_cannot_change() -> None:
    # every claim evaluated on each alternative frame gives the table's verdicts, on a frame
    # where the sidelines alternative flips "bilateral engagement has more meetings"
    from steppewatch.analysis.findings import evaluate_claims
    from steppewatch.analysis.frame import analysis_frame
    from steppewatch.analysis.sensitivity import UNCHANGED_UNDER, sidelines_as_multilateral

    fm = {**SUMMIT, "level": "foreign_minister", "date_end": None, "location": None}
    rows = [
        SUMMIT,
        {**SUMMIT, "date_start": "2018-06-09", "date_end": "2018-06-10", "location": "Qingdao"},
        {**fm, "date_start": "2017-05-01"},
        {**fm, "date_start": "2016-05-01"},
        {"date_start": "2019-06-12", "countries": ("CN", "KG"), "location": "Bishkek"},
        {"date_start": "2019-06-14", "countries": ("CN", "KZ")},
        {"date_start": "2018-06-09", "countries": ("CN", "KZ"), "location": "Qingdao"},
        {"date_start": "2018-06-10", "countries": ("CN", "UZ"), "location": "Qingdao"},
        {"date_start": "2017-03-01", "countries": ("CN", "TJ"), "location": "Dushanbe"},
        {"date_start": "2016-04-01", "countries": ("CN", "KZ"), "location": "Astana"},
        {"date_start": "2015-08-01", "countries": ("CN", "KG"), "kind": "bilateral_exercise",
         "framework": "bilateral", "title": "Сотрудничество-2015"},
        {"date_start": "2012-06-01", "countries": ("CN", "KZ", "KG", "TJ"),
         "kind": "multilateral_exercise", "framework": "SCO", "title": "和平使命-2012"},
    ]  # fmt: skip
    frame = analysis_frame(_frame(rows))
    partners = ["KZ", "KG", "TJ", "UZ", "TM"]
    table = claims_sensitivity(frame, partners, members_at=_members_at).set_index("claim_id")
    assert UNCHANGED_UNDER["members"] > UNCHANGED_UNDER["sidelines"]
    alternatives = {
        "sidelines": sidelines_as_multilateral(frame),
        "members": sco_members_as_participants(frame, _members_at),
    }
    for name, alternative in alternatives.items():
        for finding in evaluate_claims(analysis_frame(alternative.copy()), partners):
            assert table.loc[finding.claim_id, f"verdict_{name}"] == finding.verdict, name
    assert bool(table.loc["bilateral_more_meetings", "changed_sidelines"]) is True
