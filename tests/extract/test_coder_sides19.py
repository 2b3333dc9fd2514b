"""Who takes part on pages naming several Central Asian states: the nineteenth round's causes
(issue 13, branch coder56, from test20 and test19), each with its contrast, on hand-written
texts (none copied from a gold text).

A state said after the lead not to take part in some other way than "did not attend" is no
side: not a member of the framework (Туркмения в ШОС не входит), not invited (未在邀请之列),
unable to send anyone (未能派员), its taking part put off to a later time (postponed until next
year, перенесено на следующий год), no presence there (we found no Chinese firm present in
Uzbekistan, 没有…的身影). The state the same page names taking part stays a side.

A list of bullet lines under a line ending in a colon (Contingents: - Kazakhstan, 400 troops;
- Kyrgyzstan, 250) goes on with its introduction's sentence: when the introduction reports the
event, the lines name its sides, though each line alone reports nothing. A list under an
introduction that reports no event (the biggest buyers of Chinese goods:) names no sides.

Competing in a contest is taking part in it (Teams from Kyrgyzstan, Kazakhstan ... competed;
参赛国家还有…; соревновались команды): the states so named are sides; those said to send
observers are not.

A bare 相关： heading whose headlines run on between bars closes the item (page furniture).

A framework named in what the sides discussed is talked about, not meeting, also when the
clause runs on through a list's "including" (preparations for the events ahead, including the
SCO summit; в том числе к саммиту ШОС; 包括上合组织峰会): its members are no sides.

In commentary, a list of examples that runs through most of the region (four partner states
and "other Central Asian states") names the region, like its group name: beside a partner the
item names otherwise it adds no states (a list of two examples still does: fifteenth round).

A round-up by country under headings in capitals alone on their lines (KAZAKHSTAN, ...,
ALSO NOTED) is a digest: each state's entry is an item of its own, so a state of one entry is
no side of another entry's event. A page with one such line (a masthead) stays one item.

Two partner states acting together in a sentence that does not name the focal state do their
own business also when the sentence says "both countries" or 两国 after naming them (the border
of the two countries: theirs); a partner said to attend the focal state's meeting is a side.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_background import talked_about
from steppewatch.extract.matcher import Hit
from steppewatch.extract.segment import segment_text

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _partners(text: str, language: str) -> set[str]:
    coded = code_document(make_doc(text, language=language))
    assert coded.relevant
    return set(coded.countries) & CA


# -- not taking part ---------------------------------------------------------------------------
RU_NOT_MEMBER = (
    "Учения ШОС открылись под Оренбургом\n"
    "ОРЕНБУРГ, 3 сентября. Совместные антитеррористические учения вооруженных сил Китая, "
    "Казахстана и Таджикистана начались на полигоне Тоцкое.\n"
    "Войска отработают освобождение захваченного боевиками поселка.\n"
    "Туркмения в организацию не входит, хотя учения проходят недалеко от ее границ.\n"
)


def test_a_state_said_not_to_belong_is_no_side_ru() -> None:
    assert _partners(RU_NOT_MEMBER, "ru") == {"KZ", "TJ"}


def test_a_state_said_to_take_part_stays_a_side_ru() -> None:
    text = RU_NOT_MEMBER.replace(
        "Туркмения в организацию не входит, хотя учения проходят недалеко от ее границ.",
        "Туркмения также направила роту на учения.",
    )
    assert _partners(text, "ru") == {"KZ", "TJ", "TM"}


EN_POSTPONED = (
    "Police officers from two Central Asian states finish drug course in Kunming\n"
    "KUNMING, May 30 - Twenty officers of the Kyrgyz and Tajik drug control services completed "
    "a four-week course on synthetic drugs organised by China's Ministry of Public Security.\n"
    "Officers of Uzbekistan's interior ministry were due to join, but their participation was "
    "postponed until next year.\n"
)


def test_a_state_whose_taking_part_is_put_off_is_no_side_en() -> None:
    assert _partners(EN_POSTPONED, "en") == {"KG", "TJ"}


def test_a_state_that_joined_stays_a_side_en() -> None:
    text = EN_POSTPONED.replace(
        "were due to join, but their participation was postponed until next year.",
        "also joined the course for its last two weeks.",
    )
    assert _partners(text, "en") == {"KG", "TJ", "UZ"}


ZH_NOT_SENT = (
    "上合组织成员国禁毒执法培训班在昆明结业\n"
    "本报讯 6月12日，由公安部主办的上合组织成员国禁毒执法培训班在昆明结业，来自吉尔吉斯斯坦、"
    "塔吉克斯坦两国禁毒部门的20名学员完成了培训。\n"
    "据介绍，乌兹别克斯坦方面因工作安排未能派员。\n"
)


def test_a_state_unable_to_send_anyone_is_no_side_zh() -> None:
    assert _partners(ZH_NOT_SENT, "zh") == {"KG", "TJ"}


def test_a_state_that_sent_trainees_stays_a_side_zh() -> None:
    text = ZH_NOT_SENT.replace(
        "乌兹别克斯坦方面因工作安排未能派员。", "乌兹别克斯坦方面也派出5名学员参加培训。"
    )
    assert _partners(text, "zh") == {"KG", "TJ", "UZ"}


ZH_NO_PRESENCE = (
    "中资安保企业在中亚\n"
    "记者 王平 北京一家中资安保公司的比什凯克分公司近日取得吉尔吉斯斯坦内务部颁发的安保服务"
    "许可证，为当地中资矿企提供驻场安保服务。\n"
    "该公司还在塔吉克斯坦为一家中资企业提供安保服务。\n"
    "而在土库曼斯坦，则基本没有中资安保企业的身影。\n"
)


def test_a_state_with_no_presence_is_no_side_zh() -> None:
    assert _partners(ZH_NO_PRESENCE, "zh") == {"KG", "TJ"}


def test_a_state_with_a_presence_stays_a_side_zh() -> None:
    text = ZH_NO_PRESENCE.replace(
        "而在土库曼斯坦，则基本没有中资安保企业的身影。",
        "该公司今年也在土库曼斯坦为中资气田提供安保服务。",
    )
    assert _partners(text, "zh") == {"KG", "TJ", "TM"}


# -- a list under its introduction -------------------------------------------------------------
RU_CONTINGENTS = (
    "Под Алматы начались совместные учения\n"
    "АЛМАТЫ, 5 июня. На полигоне Илийский начались совместные антитеррористические учения "
    "нескольких армий региона.\n"
    "Контингенты на учения направили:\n"
    "- Китай - 300 военнослужащих;\n"
    "- Казахстан - 200 военнослужащих;\n"
    "- Таджикистан - 150 военнослужащих.\n"
    "Туркмения в учениях не участвует.\n"
)


def test_the_lines_of_a_list_under_an_event_are_its_sides_ru() -> None:
    assert _partners(RU_CONTINGENTS, "ru") == {"KZ", "TJ"}


EN_LIST_LEAD = (
    "Kyrgyz and Chinese troops end joint drill\n"
    "BISHKEK, June 5 - Kyrgyz and Chinese special forces ended a joint counter-terrorism "
    "exercise in the Issyk-Kul region on Friday.\n"
)


def test_the_lines_of_a_list_under_an_event_are_its_sides_en() -> None:
    text = (
        "Multinational drill opens near Almaty\n"
        "ALMATY, June 5 - A joint counter-terrorism exercise of several armies opened near "
        "Almaty on Monday.\n"
        "Units sent to the exercise:\n"
        "- China, 300 troops;\n"
        "- Kazakhstan, 500 troops;\n"
        "- Uzbekistan, 120 troops.\n"
    )
    assert _partners(text, "en") == {"KZ", "UZ"}


def test_the_lines_of_a_list_under_no_event_name_no_sides_en() -> None:
    text = EN_LIST_LEAD + (
        "The region's largest buyers of Chinese goods last year:\n"
        "- Kazakhstan, $30 billion;\n"
        "- Uzbekistan, $13 billion.\n"
    )
    assert _partners(text, "en") == {"KG"}


# -- competing is taking part ------------------------------------------------------------------
EN_CONTEST = (
    "Chinese team wins mountain rescue contest\n"
    "OSH (Kabar) - A team of the Chinese People's Armed Police won the international "
    "mountain rescue contest that ended near Osh on Sunday, the Kyrgyz Emergencies Ministry "
    "said.\n"
    "Teams from Kyrgyzstan, Kazakhstan, Russia, Mongolia and China competed over four days.\n"
)


def test_states_whose_teams_competed_are_sides_en() -> None:
    assert _partners(EN_CONTEST, "en") == {"KG", "KZ"}


def test_states_that_sent_observers_to_a_contest_are_no_sides_en() -> None:
    text = EN_CONTEST.replace(
        "over four days.\n", "over four days.\nTajikistan and Uzbekistan sent observers.\n"
    )
    assert _partners(text, "en") == {"KG", "KZ"}


ZH_CONTEST = (
    "国防部：解放军将赴外参加国际军事比赛\n"
    "记者：中国军队将参加在乌兹别克斯坦举行的国际军事比赛，能否介绍有关情况？\n"
    "发言人：中国人民解放军将派出侦察分队，参加8月在乌兹别克斯坦举行的国际军事比赛有关项目。"
    "参赛国家还有俄罗斯、蒙古、哈萨克斯坦和东道国乌兹别克斯坦。\n"
)


def test_states_named_as_competing_are_sides_zh() -> None:
    assert _partners(ZH_CONTEST, "zh") == {"UZ", "KZ"}


# -- page furniture ------------------------------------------------------------------------------
def test_a_bare_related_heading_with_headlines_closes_the_item_zh() -> None:
    text = ZH_NOT_SENT.replace("据介绍，乌兹别克斯坦方面因工作安排未能派员。\n", "") + (
        "编辑：李明\n相关：昆明开展冬季治安整治行动 | 云南与哈萨克斯坦签署农业合作协议\n"
    )
    assert _partners(text, "zh") == {"KG", "TJ"}


# -- a framework's gathering to come, named in a list of what was discussed ---------------------
RU_CALL = (
    "Президенты Узбекистана и Китая провели телефонный разговор\n"
    "Президент Узбекистана 3 марта провел телефонный разговор с Председателем КНР. Главы "
    "государств обсудили сотрудничество в сфере безопасности и борьбу с терроризмом.\n"
    "Лидеры выступили за более тесное взаимодействие в рамках Шанхайской организации "
    "сотрудничества.\n"
    "Стороны также обменялись мнениями о подготовке к предстоящим многосторонним мероприятиям, "
    "в том числе к саммиту ШОС в Бишкеке.\n"
)


def test_a_summit_to_come_in_a_list_of_what_was_discussed_brings_no_members_ru() -> None:
    assert _partners(RU_CALL, "ru") == {"UZ"}


EN_CALL = (
    "Uzbek and Chinese presidents hold phone call\n"
    "TASHKENT, March 3 - The presidents of Uzbekistan and China discussed security cooperation "
    "and the fight against terrorism in a phone call on Tuesday.\n"
    "The leaders called for closer cooperation within the Shanghai Cooperation Organisation.\n"
    "The two leaders also discussed preparations for the multilateral events ahead, including "
    "the SCO summit in Bishkek.\n"
)


def test_a_summit_to_come_in_a_list_of_what_was_discussed_brings_no_members_en() -> None:
    assert _partners(EN_CALL, "en") == {"UZ"}


def test_the_frameworks_meeting_in_the_lead_brings_its_members_en() -> None:
    text = (
        "SCO security council secretaries meet in Bishkek\n"
        "BISHKEK, March 3 - The secretaries of the security councils of the SCO member states "
        "met in Bishkek on Tuesday to discuss terrorism and drug trafficking.\n"
    )
    assert _partners(text, "en") == {"KZ", "KG", "TJ", "UZ"}


# -- a list of examples running through the region, in commentary --------------------------------
ZH_REGION_LIST = (
    "外交部发言人就有关中国在塔吉克斯坦驻军的报道答记者问\n"
    "问：有媒体称中国计划在塔吉克斯坦驻军。中方对此有何回应？\n"
    "答：有关报道不符合事实。中塔两国在执法安全领域开展正常合作，帮助塔方加强边防能力建设，"
    "共同打击恐怖主义和毒品走私。中国同哈萨克斯坦、吉尔吉斯斯坦、乌兹别克斯坦、土库曼斯坦等"
    "中亚国家的合作始终公开透明。\n"
)


def test_a_list_of_examples_through_the_region_adds_no_states_zh() -> None:
    assert _partners(ZH_REGION_LIST, "zh") == {"TJ"}


@pytest.mark.parametrize(
    ("sentence", "name", "talked"),
    [
        (
            "Стороны обменялись мнениями о подготовке к предстоящим мероприятиям, в том числе к "
            "саммиту ШОС в Бишкеке.",
            "ШОС",
            True,
        ),
        ("Стороны провели переговоры, в том числе в рамках ШОС.", "ШОС", False),
        (
            "They discussed preparations for the events ahead, including the SCO summit.",
            "SCO",
            True,
        ),
        ("They met in Bishkek, including at the SCO summit.", "SCO", False),
        ("双方就筹备即将举行的多边活动，包括上合组织峰会交换了意见。", "上合组织", True),
        ("双方举行会谈，包括在上合组织框架内的合作。", "上合组织", False),
    ],
)
def test_a_discussed_clause_runs_on_through_including(
    sentence: str, name: str, talked: bool
) -> None:
    start = sentence.index(name)
    hit = Hit(start, start + len(name), ("framework", "SCO"), name)
    assert talked_about(sentence, hit, 0) is talked


# -- a round-up by country under headings in capitals ---------------------------------------------
EN_ROUNDUP = (
    "Regional security letter | Issue 12, 4 October\n"
    "The week in the region, state by state\n"
    "\n"
    "KAZAKHSTAN\n"
    "The senate passed a law on the protection of critical infrastructure. Officials said no "
    "foreign partner took part in drafting it.\n"
    "\n"
    "TAJIKISTAN\n"
    "Dushanbe hosted a conference on water security attended by donors.\n"
    "\n"
    "UZBEKISTAN\n"
    "Uzbek and Chinese border guards held a joint patrol along the frontier near Termez on "
    "1 October, the State Border Committee said.\n"
    "\n"
    "ALSO NOTED\n"
    "The Kyrgyz parliament approved the new budget.\n"
)

RU_ROUNDUP = (
    "Обзор недели: безопасность в Центральной Азии\n"
    "\n"
    "КАЗАХСТАН\n"
    "Сенат принял закон о защите критической инфраструктуры.\n"
    "\n"
    "КЫРГЫЗСТАН\n"
    "Бишкек и Душанбе обсудили делимитацию границы.\n"
    "\n"
    "УЗБЕКИСТАН\n"
    "Национальная гвардия Узбекистана и Народная вооруженная полиция Китая провели совместные "
    "антитеррористические учения в Ташкенте.\n"
)


def test_a_round_up_under_headings_in_capitals_has_an_item_per_state_en() -> None:
    assert _partners(EN_ROUNDUP, "en") == {"UZ"}


def test_a_round_up_under_headings_in_capitals_has_an_item_per_state_ru() -> None:
    assert _partners(RU_ROUNDUP, "ru") == {"UZ"}


def test_an_article_with_one_heading_in_capitals_stays_one_item_en() -> None:
    text = (
        "THE STEPPE REVIEW\n"
        "Uzbek and Chinese border guards patrol together\n"
        "TERMEZ, Oct. 1 - Uzbek and Chinese border guards held a joint patrol along the "
        "frontier near Termez, the State Border Committee said. Kazakhstan's guards are to "
        "join next year.\n"
    )
    assert len(segment_text(text)) == 1


# -- two partner states' own meeting, "both countries" theirs ------------------------------------
ZH_BORDER_MEETING = (
    "中哈边防代表举行会晤\n"
    "本报讯 5月10日，中国阿拉山口边境管理部门与哈萨克斯坦边防部门在阿拉山口举行边防代表会晤，"
    "双方就打击走私和非法越境交换了意见。\n"
    "另据报道，哈萨克斯坦与吉尔吉斯斯坦边防部门同日在两国边境举行了例行会晤。\n"
)


def test_two_partners_meeting_on_their_own_border_are_no_sides_zh() -> None:
    assert _partners(ZH_BORDER_MEETING, "zh") == {"KZ"}


def test_a_partner_joining_the_focal_states_meeting_stays_a_side_zh() -> None:
    text = ZH_BORDER_MEETING.replace(
        "另据报道，哈萨克斯坦与吉尔吉斯斯坦边防部门同日在两国边境举行了例行会晤。",
        "吉尔吉斯斯坦边防部门代表也出席了会晤。",
    )
    assert _partners(text, "zh") == {"KZ", "KG"}


EN_BORDER_MEETING = (
    "Chinese and Kazakh border delegates meet at Khorgos\n"
    "KHORGOS, May 10 - Border guard representatives of China and Kazakhstan met at Khorgos on "
    "Friday and discussed joint measures against drug smuggling, terrorism and illegal "
    "crossings of the border.\n"
    "Separately, Kazakhstan and Kyrgyzstan held a routine border meeting on the frontier of "
    "the two countries the same day.\n"
)


def test_two_partners_meeting_on_their_own_border_are_no_sides_en() -> None:
    assert _partners(EN_BORDER_MEETING, "en") == {"KZ"}
