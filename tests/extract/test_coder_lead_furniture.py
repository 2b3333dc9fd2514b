"""Sixteenth round (coder39): a page's furniture above its title (the site's name, its menu or
breadcrumb, a rubric or date line under them) is not the item's lead. Every text is written for
these tests (no gold text); each rule has its contrast: a short real title, a dateline lead, a
title over its byline, a title over its date line and a breadcrumb.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_background import lead_end, lead_start

from .conftest import make_doc


def _lead(text: str) -> str:
    return text[lead_start(text, 0, len(text)) : lead_end(0, text)].strip()


@pytest.mark.parametrize(
    ("page", "title"),
    [
        (
            "Steppe Herald\nNews | Region | Business | Culture | Sport\n",
            "Kyrgyz and Chinese police finish a joint training course in Osh",
        ),
        (
            "Вестник Азии\nГлавная · Новости · Политика · Экономика · Спорт\nВ мире\n",
            "Пограничники Таджикистана и Китая провели совместный рейд",
        ),
        ("边疆时报 > 要闻 > 正文\n", "中塔边防部门举行会晤"),  # a short Chinese title is a title
        (
            "Steppe Herald\nHOME | REGION | DEFENCE & SECURITY | WORLD\nDEFENCE & SECURITY\n"
            "14 May 2026, 09:15\n",
            "Drills end",
        ),
        ("首页 > 新闻中心 > 部门动态\n", "2026年边境联合巡逻启动"),  # a year in a title
    ],
)
def test_masthead_menu_breadcrumb_and_rubric_are_not_the_lead(page: str, title: str) -> None:
    text = page + title + "\nThe body of the report follows here and says what happened."
    assert text[lead_start(text, 0, len(text)) :].startswith(title)
    assert _lead(text).startswith(title)


@pytest.mark.parametrize(
    "text",
    [
        # a short real title with no furniture above it
        "Border talks\nKazakh and Chinese border officials met in Khorgos on Tuesday.",
        "Переговоры на границе\nПограничники Казахстана и Китая встретились в Хоргосе.",
        "边境会谈\n中哈边防代表在霍尔果斯举行会谈。",
        # a dateline lead
        "ASTANA, May 5 (Steppe Herald) -- Kazakh and Chinese border guards met on Tuesday.",
        "БИШКЕК, 5 мая. Пограничники Кыргызстана и Китая провели встречу на перевале.",
        "新华社比什凯克5月5日电 中吉边防代表举行会晤。",
        # a title over its byline of three short fields (source | section | rubric)
        "Chinese and Tajik troops wrap up a mountain drill\nSteppe Herald | Region | Defence\n"
        "Troops of both countries ended a week of drills on Sunday.",
        # a title over its date line and the site's breadcrumb
        "2026年5月6日外交部发言人主持例行记者会\n2026-05-06 19:00\n首页 > 发言人表态 > 记者会\n"
        "问：中方对此有何评论？",
        # a title with a comma over a menu of four labels
        "China, Kyrgyzstan agree on border patrols\nNews | Region | World | Sport\n"
        "The two countries agreed on joint patrols.",
    ],
)
def test_no_furniture_leaves_the_lead_where_it_was(text: str) -> None:
    assert lead_start(text, 0, len(text)) == 0


def test_furniture_only_item_keeps_its_start() -> None:
    # an item that is nothing but the site's name and menu has no title to move to
    text = "Steppe Herald\nNews | Region | Business | Culture | Sport\n"
    assert lead_start(text, 0, len(text)) == 0


def test_title_under_a_menu_decides_the_main_event() -> None:
    coded = code_document(
        make_doc(
            "Steppe Herald\nNews | Region | Business | Opinion | Culture | Sport\n"
            "Kyrgyz and Chinese special forces hold a joint counter-terrorism exercise\n"
            "Special forces of Kyrgyzstan and China held a joint counter-terrorism exercise near "
            "Issyk-Kul on Thursday, practising the rescue of hostages.\nThe defence ministers "
            "of the two countries met last year and agreed to hold such drills."
        )
    )
    assert coded.relevant
    assert coded.kind == "bilateral_exercise"


@pytest.mark.parametrize(
    "text",
    [
        # a short title over the site's menu, then the dateline and the body
        "Войска провели учения в горах\nГлавная | В мире | Безопасность | Армия\n"
        "ОШ, 3 мая — Вестник. Военные Кыргызстана и Китая провели учения.",
        "Troops drill in the mountains\nHome | World | Security | Army\n"
        "OSH, May 3 (Steppe Herald) -- Kyrgyz and Chinese troops held a drill. It ended today.",
    ],
)
def test_menu_under_a_short_title_leaves_the_title_the_lead(text: str) -> None:
    assert lead_start(text, 0, len(text)) == 0
