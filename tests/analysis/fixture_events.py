"""A small fixture database built in code, with numbers chosen so captions can be checked.

Eleven meetings (1996-2019), five exercises, and one of each other activity kind. Titles,
summaries and source notes are in the languages the real sources use (Chinese, Russian).
``FIXTURE`` lists plain dicts; :func:`fixture_events` validates them as ``Event`` records and
:func:`fixture_store` writes them into a fresh SQLite database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from steppewatch.models import Event, Source
from steppewatch.store import Store, open_store

ALL5 = ["KZ", "KG", "TJ", "UZ"]


def _sources(n: int, lang: str = "zh") -> list[Source]:
    publishers = {"zh": "PRC MFA", "ru": "Kabar"}
    attests = {
        "zh": "中方新闻稿：双方同意合作打击“三股势力”",
        "ru": "Стороны договорились о сотрудничестве",
    }
    return [
        Source(
            url=f"https://example.org/{lang}/{i}",
            publisher=publishers.get(lang, "Xinhua"),
            language=lang,
            source_type="official" if lang == "zh" else "news",
            attests=attests.get(lang, "readout"),
        )
        for i in range(n)
    ]


def _m(eid: str, year: str, countries: list[str], framework: str, level: str,
       topics: list[str], n_src: int, title: str) -> dict[str, Any]:  # fmt: skip
    return {
        "id": eid, "kind": "meeting", "title": title, "date_start": year,
        "countries": ["CN", *countries], "framework": framework, "level": level,
        "topics": topics, "n_src": n_src,
    }  # fmt: skip


FIXTURE: list[dict[str, Any]] = [
    # 1992-2000: four meetings with concerns, one without
    _m(
        "1996-04-26-meeting-cn-kz-kg-tj-ru-1",
        "1996-04-26",
        ["KZ", "KG", "TJ", "RU"],
        "other_multilateral",
        "head_of_state",
        ["separatism", "border_demarcation"],
        2,
        "Шанхайская пятёрка: соглашение о мерах доверия в военной области",
    ),
    _m(
        "1997-meeting-cn-kz-1",
        "1997",
        ["KZ"],
        "bilateral",
        "head_of_state",
        ["separatism"],
        1,
        "江泽民会见纳扎尔巴耶夫",
    ),
    _m(
        "1998-07-meeting-cn-kg-1",
        "1998-07",
        ["KG"],
        "bilateral",
        "foreign_minister",
        ["separatism", "terrorism"],
        1,
        "唐家璇会见吉尔吉斯斯坦外长",
    ),
    _m(
        "1999-08-25-meeting-cn-tj-1",
        "1999-08-25",
        ["TJ"],
        "bilateral",
        "defence_minister",
        ["border_demarcation"],
        2,
        "Министр обороны Таджикистана в Пекине",
    ),
    _m(
        "1999-11-meeting-cn-uz-1",
        "1999-11",
        ["UZ"],
        "bilateral",
        "head_of_state",
        [],
        1,
        "乌兹别克斯坦总统访华",
    ),
    # 2015-2020: six meetings, five of them in 2019
    _m(
        "2016-04-meeting-cn-kz-kg-tj-uz-1",
        "2016-04",
        ["KZ", "KG", "TJ", "UZ"],
        "SCO",
        "defence_minister",
        ["terrorism", "investment_security"],
        2,
        "上合组织成员国国防部长会议",
    ),
    _m(
        "2019-06-13-meeting-cn-kg-1",
        "2019-06-13",
        ["KG"],
        "bilateral",
        "head_of_state",
        ["terrorism", "separatism"],
        1,
        "习近平同热恩别科夫会谈",
    ),
    _m(
        "2019-03-meeting-cn-tj-1",
        "2019-03",
        ["TJ"],
        "bilateral",
        "interior_public_security",
        ["terrorism"],
        1,
        "赵克志会见塔吉克斯坦内务部长",
    ),
    _m(
        "2019-04-25-meeting-cn-uz-1",
        "2019-04-25",
        ["UZ"],
        "bilateral",
        "head_of_state",
        ["investment_security", "terrorism"],
        3,
        "习近平会见米尔济约耶夫",
    ),
    _m(
        "2019-09-11-meeting-cn-kz-1",
        "2019-09-11",
        ["KZ"],
        "bilateral",
        "head_of_state",
        ["terrorism"],
        1,
        "Токаев и Си Цзиньпин обсудили безопасность",
    ),
    _m(
        "2019-12-meeting-cn-kz-2",
        "2019-12",
        ["KZ"],
        "bilateral",
        "foreign_minister",
        ["separatism"],
        1,
        "王毅会见哈萨克斯坦外长",
    ),
    # exercises
    {
        "id": "2003-08-multilateral_exercise-cn-kz-kg-ru-tj-1",
        "kind": "multilateral_exercise",
        "title": "联合-2003反恐演习",
        "date_start": "2003-08",
        "countries": ["CN", "KZ", "KG", "RU", "TJ"],
        "framework": "SCO",
        "n_src": 2,
        "attributes": {
            "exercise_name": "Coalition-2003",
            "troops_total": 1300,
            "scenario": "anti-hijack and counter-terror operation",
        },
    },
    {
        "id": "2007-08-multilateral_exercise-cn-kz-kg-tj-uz-ru-1",
        "kind": "multilateral_exercise",
        "title": "Мирная миссия-2007",
        "date_start": "2007-08",
        "countries": ["CN", "KZ", "KG", "TJ", "UZ", "RU"],
        "framework": "SCO",
        "n_src": 2,
        "attributes": {
            "exercise_name": "Peace Mission 2007",
            "troops_total": 6500,
            "troops_cn": 1700,
            "scenario": "hostage rescue",
        },
    },
    {
        "id": "2016-10-bilateral_exercise-cn-tj-1",
        "kind": "bilateral_exercise",
        "title": "中塔联合反恐演习",
        "date_start": "2016-10",
        "countries": ["CN", "TJ"],
        "framework": "bilateral",
        "n_src": 1,
        "attributes": {
            "troops_total": 10000,
            "troops_cn": "one PLA company",
            "scenario": "terrorists infiltrating from Afghanistan",
        },
    },
    {
        "id": "2019-bilateral_exercise-cn-kg-1",
        "kind": "bilateral_exercise",
        "title": "Сотрудничество-2019",
        "date_start": "2019",
        "countries": ["CN", "KG"],
        "framework": "bilateral",
        "n_src": 1,
        "attributes": {"exercise_name": "Cooperation-2019", "scenario": "mountain tactics"},
    },
    {
        "id": "2019-09-multilateral_exercise-cn-kz-kg-tj-uz-ru-in-pk-1",
        "kind": "multilateral_exercise",
        "title": "Центр-2019",
        "date_start": "2019-09",
        "countries": ["CN", "KZ", "KG", "TJ", "UZ", "RU", "IN", "PK"],
        "framework": "other_multilateral",
        "n_src": 1,
        "attributes": {
            "exercise_name": "Center-2019",
            "troops_total": "128,000",
            "troops_cn": 1600,
        },
    },
    # other activities
    {
        "id": "2017-training_education-cn-kg-1",
        "kind": "training_education",
        "title": "吉尔吉斯斯坦军官在华培训",
        "date_start": "2017",
        "countries": ["CN", "KG"],
        "framework": "bilateral",
        "n_src": 1,
        "attributes": {"program": "军事院校培训", "trainees": 30},
    },
    {
        "id": "2018-05-equipment_transfer-cn-tj-1",
        "kind": "equipment_transfer",
        "title": "Китай передал Таджикистану патрульные машины",
        "date_start": "2018-05",
        "countries": ["CN", "TJ"],
        "framework": "bilateral",
        "n_src": 2,
        "attributes": {"item": "patrol vehicles", "quantity": 50},
    },
    {
        "id": "2018-infrastructure-cn-tj-1",
        "kind": "infrastructure",
        "title": "中塔边境哨所援建",
        "date_start": "2018",
        "countries": ["CN", "TJ"],
        "framework": "bilateral",
        "n_src": 1,
    },
    {
        "id": "2016-joint_patrol_operation-cn-kg-1",
        "kind": "joint_patrol_operation",
        "title": "中吉联合边境巡逻",
        "date_start": "2016",
        "countries": ["CN", "KG"],
        "framework": "bilateral",
        "n_src": 1,
    },
    {
        "id": "2019-private_security-cn-kg-1",
        "kind": "private_security",
        "title": "Китайская ЧОП охраняет месторождение",
        "date_start": "2019",
        "countries": ["CN", "KG"],
        "framework": "unilateral",
        "n_src": 1,
    },
    {
        "id": "2012-03-27-mechanism-cn-kz-kg-tj-uz-ru-1",
        "kind": "mechanism",
        "title": "RATS Council decides to create expert group of SCO border services",
        "date_start": "2012-03-27",
        "countries": ["CN", "KZ", "KG", "TJ", "UZ", "RU"],
        "framework": "SCO",
        "n_src": 1,
    },
    {
        "id": "2014-domestic_capacity-cn-1",
        "kind": "domestic_capacity",
        "title": "新疆军区边防能力建设",
        "date_start": "2014",
        "countries": ["CN"],
        "framework": "unilateral",
        "n_src": 1,
    },
    {
        "id": "2015-incident-cn-kg-1",
        "kind": "incident",
        "title": "Нападение на посольство КНР",
        "date_start": "2015",
        "countries": ["CN", "KG"],
        "framework": "bilateral",
        "n_src": 1,
    },
]


def fixture_events() -> list[Event]:
    out = []
    for item in FIXTURE:
        data = dict(item)
        n_src = data.pop("n_src")
        lang = "ru" if any("а" <= ch <= "я" for ch in data["title"].lower()) else "zh"
        data["sources"] = _sources(n_src, lang)
        data.setdefault("verification", "official_source" if lang == "zh" else "single_source")
        out.append(Event.model_validate(data))
    return out


def fixture_store(path: Path, events: list[Event] | None = None) -> Store:
    store = open_store("sqlite:///" + str(path))
    store.add_events(fixture_events() if events is None else events)
    return store
