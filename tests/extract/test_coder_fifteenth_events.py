"""Fifteenth round (issue 13): relevant items that got no event, and second events the
SECOND_EVENTS table did not allow. Every text is written for these tests (no gold text); each
rule has its contrast.

- English indicators that the Chinese and Russian lists had and the English one lacked: a
  security firm named as a provider of overseas security or by its armed guards (海外安保, 安保
  服务), a protest held as a picket (the verb and its people, not the border "picket"), the
  Xinjiang Military Region (新疆军区, the English name beside "Military District").
- Second events: training of a stated size to use equipment handed over; the guards of a
  security firm at an incident's site (their paragraph need not name a partner state).
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document

from .conftest import make_doc


def _coded(text: str):  # type: ignore[no-untyped-def]
    return code_document(make_doc(text))


# ----------------------------------------------------------------- English indicators


@pytest.mark.parametrize(
    "text",
    [
        "Armed guards hired by a Chinese mining company have been posted at its gold mine in "
        "Kyrgyzstan's Talas region, the company said on Monday, after local residents demanded "
        "the mine be closed.",
        "A Chinese overseas security provider has opened an office in Tashkent to protect "
        "Chinese projects and staff in Uzbekistan against terrorist threats, the firm said.",
    ],
)
def test_security_firm_named_by_its_guards_or_as_a_provider_got_no_event(text: str) -> None:
    coded = _coded(text)
    assert coded.relevant
    assert coded.kind == "private_security"
    assert coded.framework == "unilateral"


def test_security_services_of_two_states_are_no_security_firm() -> None:
    coded = _coded(
        "Heads of the security services of Kazakhstan and China held talks in Astana on "
        "Tuesday on countering terrorism."
    )
    assert coded.kind == "meeting"
    assert "private_security" not in coded.event_kinds


def test_picket_at_the_chinese_embassy_got_no_event() -> None:
    coded = _coded(
        "Police in Bishkek detained a dozen people who picketed the Chinese embassy on Friday, "
        "the city police said.\nThe Chinese embassy asked the Kyrgyz side to ensure the security "
        "of the mission and its staff."
    )
    assert coded.relevant
    assert coded.kind == "incident"
    assert coded.framework == "bilateral"


def test_border_picket_visited_is_no_protest() -> None:
    coded = _coded(
        "Chinese Defence Minister Dong Jun visited a Kyrgyz border picket near Irkeshtam and "
        "held talks with Kyrgyz officers on joint efforts against terrorism."
    )
    assert coded.kind == "meeting"
    assert "incident" not in coded.event_kinds


def test_xinjiang_military_region_drill_coded_domestic_capacity() -> None:
    coded = _coded(
        "Troops of the Xinjiang Military Region held a winter drill on the high plateau "
        "near the border with Tajikistan, the PLA Daily reported."
    )
    assert coded.kind == "domestic_capacity"
    assert coded.framework == "unilateral"


# ----------------------------------------------------------------- second events

_HANDOVER = (
    "China handed over 20 patrol vehicles and radio sets to the Tajik Interior Ministry in "
    "Dushanbe on Monday.\n"
)


def test_training_to_use_equipment_handed_over_was_no_second_event() -> None:
    coded = _coded(
        _HANDOVER + "Under the aid programme Chinese instructors will train 150 Tajik police "
        "officers to operate the new equipment."
    )
    assert coded.kind == "equipment_transfer"
    assert coded.event_kinds == ["equipment_transfer", "training_education"]


def test_training_only_talked_of_after_a_handover_is_no_second_event() -> None:
    coded = _coded(
        _HANDOVER + "The two sides also discussed training of police officers in the future."
    )
    assert coded.event_kinds == ["equipment_transfer"]


def test_training_to_use_equipment_handed_over_ru() -> None:
    coded = _coded(
        "Китай передал МВД Таджикистана 20 патрульных автомобилей и средства связи.\n"
        "Китайские инструкторы проведут обучение 150 сотрудников милиции Таджикистана работе с "
        "техникой."
    )
    assert coded.kind == "equipment_transfer"
    assert "training_education" in coded.event_kinds


_CLASH = (
    "Local workers clashed with Chinese staff at a Chinese-owned gold mine in Kyrgyzstan's "
    "Naryn region on Sunday, and several people were injured, the Kyrgyz interior ministry "
    "said.\n"
)


def test_security_firm_guards_at_an_incident_were_no_second_event() -> None:
    coded = _coded(
        _CLASH + "Guards from the mine's private security firm fired warning shots to disperse "
        "the crowd, witnesses said."
    )
    assert coded.kind == "incident"
    assert coded.event_kinds == ["incident", "private_security"]


def test_incident_with_no_security_firm_has_one_event() -> None:
    coded = _coded(_CLASH + "The police opened a criminal case.")
    assert coded.event_kinds == ["incident"]


def test_security_firm_guards_at_an_incident_ru() -> None:
    coded = _coded(
        "В Нарынской области произошла массовая драка между местными жителями и работниками "
        "китайского золотого рудника, есть раненые, сообщило МВД Кыргызстана.\n"
        "Охранники частной охранной компании рудника произвели предупредительные выстрелы."
    )
    assert coded.kind == "incident"
    assert "private_security" in coded.event_kinds


# ----------------------------------------------------------------- the lead under a byline

_BYLINE = (
    "Press Service of the Ministry of Internal Affairs of the Kyrgyz Republic | News | "
    "12 May 2026 | 10:41\n"
)


def test_framework_in_the_first_sentence_under_a_byline_was_lost() -> None:
    # a bar-separated byline longer than a head line is still the byline: the body's first
    # sentence names the framework of the event, not in passing
    coded = _coded(
        "Counter-terrorism exercise held near Osh\n" + _BYLINE + "From 10 to 12 May, a joint "
        "anti-terrorist exercise of the competent bodies of the member states of the Shanghai "
        "Cooperation Organisation took place at a training ground near Osh.\nThe exercise was "
        "coordinated by the Executive Committee of the Regional Anti-Terrorist Structure.\nThe "
        "scenario was an attack on a railway station.\nSpecial units from China, Kazakhstan, "
        "Tajikistan and Kyrgyzstan practised freeing hostages and storming a building seized "
        "by terrorists."
    )
    assert coded.kind == "multilateral_exercise"
    assert coded.framework == "SCO"


def test_framework_named_later_in_passing_stays_out() -> None:
    coded = _coded(
        "Kyrgyz and Chinese police hold joint counter-terrorism exercise near Osh\n"
        + _BYLINE
        + "From 10 to 12 May, special units of Kyrgyzstan and China held a joint "
        "anti-terrorist exercise at a training ground near Osh.\nThey practised freeing "
        "hostages from a building seized by terrorists.\nBoth countries are members of the "
        "Shanghai Cooperation Organisation."
    )
    assert coded.framework == "bilateral"
    assert set(coded.countries) == {"CN", "KG"}


def test_meeting_on_the_sidelines_named_under_a_byline_stays_bilateral() -> None:
    coded = _coded(
        "Tokayev meets with Chinese President Xi Jinping\n"
        "2 September 2026 | Tianjin | Akorda press service\n"
        "On the sidelines of the SCO summit in Tianjin, President Kassym-Jomart Tokayev met "
        "with Chinese President Xi Jinping.\nThe leaders discussed joint efforts against "
        "terrorism and the security of pipelines."
    )
    assert coded.kind == "meeting"
    assert coded.framework == "bilateral"
    assert set(coded.countries) == {"CN", "KZ"}


def test_meeting_within_a_framework_session_stays_bilateral_ru() -> None:
    coded = _coded(
        "Министр обороны Кыргызстана встретился с министром обороны КНР\n"
        "Кабар | 19.11.2026 10:45\n"
        "18 ноября министр обороны Кыргызстана в рамках заседания Совета министров обороны "
        "государств – членов ШОС встретился с министром обороны КНР Дун Цзюнем, стороны "
        "обсудили военное сотрудничество.\nОсобое внимание уделено борьбе с терроризмом."
    )
    assert coded.kind == "meeting"
    assert coded.framework == "bilateral"
    assert set(coded.countries) == {"CN", "KG"}


def test_framework_session_itself_stays_the_framework_ru() -> None:
    coded = _coded(
        "В Бишкеке прошло заседание министров обороны ШОС\nКабар | 19.11.2026 10:45\n"
        "В Бишкеке в рамках заседания Совета министров обороны государств – членов ШОС "
        "министры обсудили борьбу с терроризмом.\nКитай представлял министр обороны Дун Цзюнь."
    )
    assert coded.framework == "SCO"


def test_security_firm_beside_the_two_countries_ties_was_bilateral() -> None:
    # codebook: a unilateral kind (the focal state's firm abroad) is unilateral; the two
    # states' ties named beside it do not make it a joint act
    coded = _coded(
        "Chinese security firm guards Kyrgyz gold mine as ties between the two countries "
        "deepen\nAKIpress | Bishkek | 14 April 2026\nA Chinese private security company has "
        "taken over the protection of a gold mine in Talas region.\nIts guards are armed and "
        "were trained in China."
    )
    assert coded.kind == "private_security"
    assert coded.framework == "unilateral"


def test_joint_patrol_of_the_two_countries_stays_bilateral() -> None:
    coded = _coded(
        "China, Kyrgyzstan hold joint border patrol\nAKIpress | Bishkek | 14 April 2026\n"
        "Border guards of the two countries carried out a joint patrol along the "
        "Kyrgyz-Chinese border in Naryn region."
    )
    assert coded.kind == "joint_patrol_operation"
    assert coded.framework == "bilateral"


# ----------------------------------------------------------------- a site's menu is no lead

_MASTHEAD = (
    "THE STEPPE HERALD\n"
    "Nation | Politics | Economy | Business | Society | World | Opinion | Tech | Sport\n"
    "Subscribe to our newsletter | Search | Log in | Kazakh | Russian | English\n"
)


def test_menu_with_economy_and_opinion_made_a_security_meeting_no_event() -> None:
    # the menu's Economy and Business made the page an economic sector's (its security halved
    # below the threshold) and its Opinion made it a commentary (no event)
    coded = _coded(
        _MASTHEAD + "Kazakh, Chinese foreign ministers discuss regional security\n"
        "Kazakh Foreign Minister Murat Nurtleu held talks with Chinese Foreign Minister Wang Yi "
        "in Beijing on May 13, focusing on regional security and joint efforts against "
        "terrorism and drug trafficking.\nThe ministers also discussed the situation in "
        "Afghanistan."
    )
    assert coded.relevant
    assert coded.kind == "meeting"
    assert coded.framework == "bilateral"
    assert coded.level == "foreign_minister"


def test_menu_with_opinion_over_a_defence_ministers_meeting_ru() -> None:
    coded = _coded(
        "Главная · Политика · Экономика · Мнение · Общество · Спорт\n"
        "Министры обороны Кыргызстана и Китая провели переговоры\n"
        "Министр обороны Кыргызстана провел переговоры с министром обороны КНР Дун Цзюнем в "
        "Бишкеке, стороны обсудили военное сотрудничество и борьбу с терроризмом."
    )
    assert coded.relevant
    assert coded.kind == "meeting"


def test_rubric_of_the_page_in_its_byline_still_makes_a_commentary() -> None:
    # a byline naming the page's own rubric, with its date, is no menu
    coded = _coded(
        "Why Beijing watches the Pamirs\n"
        "Opinion | By A. Writer | 12 May 2026 | 10:31\n"
        "China and Tajikistan have deepened security cooperation on their border, and Chinese "
        "and Tajik border guards held talks on joint patrols last year."
    )
    assert coded.kind is None


def test_trade_talks_in_the_title_stay_an_economic_item() -> None:
    coded = _coded(
        "Nation | Politics | Society | World | Tech | Sport\n"
        "Kazakhstan, China discuss trade and investment\n"
        "Kazakh Prime Minister Olzhas Bektenov met Chinese Vice Premier Ding Xuexiang in Astana "
        "on Tuesday to discuss trade, investment and transport, and mentioned security in "
        "passing."
    )
    assert not coded.relevant


# ----------------------------------------------------------------- level: the focal principal


def test_summit_prepared_by_foreign_ministers_gave_head_of_state_zh() -> None:
    # guide item 5: the office of the focal state's principal sets the level, not the summit
    # the ministers prepare
    coded = _coded(
        "王毅同哈萨克斯坦外长努尔特列乌会谈\n外交部长王毅在阿斯塔纳同哈萨克斯坦外长努尔特列乌会谈，"
        "双方为中国—中亚峰会做准备，同意加强反恐合作。"
    )
    assert coded.kind == "meeting"
    assert coded.level == "foreign_minister"


@pytest.mark.parametrize(
    "text",
    [
        "Xi attends SCO summit in Astana\nChinese President Xi Jinping attended the SCO summit "
        "in Astana on Thursday, where leaders agreed to step up joint efforts against terrorism.",
        "SCO summit opens in Astana\nThe SCO summit opened in Astana on Thursday, with leaders "
        "of the member states pledging joint efforts against terrorism.",
    ],
)
def test_summit_with_no_lower_focal_principal_stays_head_of_state(text: str) -> None:
    assert _coded(text).level == "head_of_state"


# ----------------------------------------------------------------- a gathering still to come


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi, Kazakh FM discuss security\nChinese Foreign Minister Wang Yi held talks with "
        "Kazakh Foreign Minister Murat Nurtleu in Astana on Monday ahead of the SCO summit, and "
        "the two sides agreed to step up joint efforts against terrorism.",
        "Министры иностранных дел Казахстана и Китая провели переговоры\nМинистр иностранных "
        "дел Казахстана Мурат Нуртлеу провел переговоры с министром иностранных дел КНР Ван И "
        "в Астане в преддверии саммита ШОС, стороны договорились усилить борьбу с терроризмом.",
        "王毅同哈萨克斯坦外长努尔特列乌会谈\n外交部长王毅在阿斯塔纳同哈萨克斯坦外长努尔特列乌会谈，"
        "双方为中国—中亚峰会做准备，同意加强反恐合作。",
    ],
)
def test_meeting_ahead_of_a_framework_summit_was_the_frameworks(text: str) -> None:
    coded = _coded(text)
    assert coded.kind == "meeting"
    assert coded.framework == "bilateral"
    assert set(coded.countries) == {"CN", "KZ"}
    assert coded.level == "foreign_minister"


def test_framework_ministers_preparing_their_summit_stay_the_framework() -> None:
    coded = _coded(
        "SCO foreign ministers meet in Astana\nForeign ministers of the SCO member states met in "
        "Astana on Monday to prepare the SCO summit; Chinese Foreign Minister Wang Yi attended "
        "and called for joint efforts against terrorism."
    )
    assert coded.framework == "SCO"
    assert coded.level == "foreign_minister"


def test_menu_set_out_one_section_a_line_made_a_commentary_ru() -> None:
    coded = _coded(
        "Главная\nПолитика\nЭкономика\nМнение\nОбщество\n"
        "Министры обороны Кыргызстана и Китая провели переговоры\n"
        "Министр обороны Кыргызстана провел переговоры с министром обороны КНР Дун Цзюнем в "
        "Бишкеке, стороны обсудили военное сотрудничество и борьбу с терроризмом."
    )
    assert coded.kind == "meeting"


def test_opinion_rubric_line_over_the_title_still_makes_a_commentary() -> None:
    coded = _coded(
        "Opinion\nWhy Beijing watches the Pamirs closely\n"
        "China and Tajikistan have deepened security cooperation on their border, and Chinese "
        "and Tajik border guards held talks on joint patrols last year."
    )
    assert coded.kind is None


def test_menu_with_interviews_made_a_level_only_meeting_an_interview() -> None:
    coded = _coded(
        "Home | News | Politics | Interviews | Sport\n"
        "Kyrgyz, Chinese defence ministers discuss military cooperation\n"
        "The defence ministers of Kyrgyzstan and China discussed military cooperation and joint "
        "efforts against terrorism in Bishkek on Tuesday."
    )
    assert coded.kind == "meeting"
    assert coded.level == "defence_minister"


def test_official_in_an_interview_still_meets_no_one() -> None:
    coded = _coded(
        "Kyrgyz defence minister on China ties\n"
        "In an interview with our newspaper, the Kyrgyz defence minister said military "
        "cooperation with China against terrorism keeps growing."
    )
    assert coded.kind is None
