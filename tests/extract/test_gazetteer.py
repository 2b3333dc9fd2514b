from __future__ import annotations

import pytest

from steppewatch.codebook import load_codebook
from steppewatch.extract.gazetteer import for_study, load_gazetteer
from steppewatch.study import load_study

PARTNERS = load_study().partner_states


def test_all_states_and_offices_are_well_formed() -> None:
    gazetteer = load_gazetteer()
    assert set(PARTNERS) <= set(gazetteer.states)
    levels = set(load_codebook().codes("meeting_level"))
    for official in gazetteer.officials:
        assert official.country in gazetteer.states
        assert official.names.get("en") and official.names.get("zh") and official.names.get("ru")
        for office in official.offices:
            assert office.office in levels, (official.name, office.office)
            if office.start and office.end:
                assert office.start <= office.end, official.name
    domains = set(load_codebook().codes("domain"))
    frameworks = set(load_codebook().codes("framework"))
    for institution in gazetteer.institutions:
        assert institution.domain is None or institution.domain in domains
        assert institution.level is None or institution.level in levels
        assert institution.framework is None or institution.framework in frameworks


@pytest.mark.parametrize(
    "name,day,office",
    [
        ("Kassym-Jomart Tokayev", "2019-06-13", "head_of_state"),
        ("Kassym-Jomart Tokayev", "2005-05-01", "foreign_minister"),
        ("Nursultan Nazarbayev", "2015-01-01", "head_of_state"),
        ("Wang Yi", "2023-03-01", None),  # Qin Gang was foreign minister then
        ("Wang Yi", "2024-01-10", "foreign_minister"),
    ],
)
def test_office_on_a_date(name: str, day: str, office: str | None) -> None:
    official = next(o for o in load_gazetteer().officials if o.name == name)
    held = official.office_on(day)
    assert (held.office if held else None) == office


def test_groups_cities_and_blocks_load() -> None:
    gazetteer = for_study(load_study())
    group = next(g for g in gazetteer.groups if g.name == "Central Asia states")
    assert set(group.members) == set(PARTNERS)
    assert "中亚五国" in group.names["zh"] and "государства Центральной Азии" in group.names["ru"]
    for state in gazetteer.states.values():
        for lang, cities in state.cities.items():
            assert set(cities) <= set(state.names[lang]), state.code  # a city is also a name
    assert {"Bishkek", "塔什干", "Душанбе"} <= gazetteer.city_terms()
    assert "中国—中亚天然气管道" in gazetteer.blocks["zh"]
    assert "KP" in gazetteer.states


@pytest.mark.parametrize(
    "name,day,office",
    [
        ("Nikolai Patrushev", "2018-05-22", "security_council"),
        ("Nikolai Patrushev", "2024-06-01", None),
        ("Sergei Shoigu", "2019-04-29", "defence_minister"),
        ("Sergei Shoigu", "2024-06-01", "security_council"),
        ("Valery Gerasimov", "2019-09-01", "chief_of_general_staff"),
        ("Rustam Inoyatov", "2019-01-01", None),
    ],
)
def test_security_offices_on_a_date(name: str, day: str, office: str | None) -> None:
    official = next(o for o in load_gazetteer().officials if o.name == name)
    held = official.office_on(day)
    assert (held.office if held else None) == office


def test_attested_only_offices_hold_only_in_their_month() -> None:
    # security council secretaries named by the PRC MFA for the SCO meeting of 21-22 May 2018
    officials = {o.name: o for o in load_gazetteer().officials}
    for name in ("Nurlan Yermekbayev", "Damir Sagynbayev", "Abdurahim Kahorov", "Victor Makhmudov"):
        held = officials[name].office_on("2018-05-21")
        assert held is not None and held.office == "security_council", name
    assert officials["Damir Sagynbayev"].office_on("2019-06-13") is None
    later = officials["Nurlan Yermekbayev"].office_on("2019-06-13")
    assert later is not None and later.office == "defence_minister"
