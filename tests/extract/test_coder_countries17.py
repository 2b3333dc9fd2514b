"""Countries taking part: the seventeenth round's causes (issue 13, branch coder40), each with
its contrast, on hand-written texts (none copied from a gold text).

Commentary reports no event, so it has no event's framework (gold guideline) and none of the
members a framework's meeting implies, unless its own title or lead names that meeting (an
analysis of an SCO defence ministers' meeting is about its members; a meeting recalled in a
later paragraph of an analysis of China and Tajikistan is an example).

A partner state named after the lead only as a place (учения ОДКБ в Таджикистане, a CSTO drill
in Tajikistan, 在塔吉克斯坦举行的演习), in a sentence naming no side of the focal state, is the
venue of another event: like an example, a side only when no other partner state is. The same
state named as one more side of the event (подразделение из Таджикистана) stays.

A state said to be absent (не смог принять участие, 缺席) is named, not taking part; one that
joined by video takes part. A tour's leg that reports no security matter makes no side of the
item's security meeting.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_rules import place_only
from steppewatch.extract.matcher import Hit

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}

COMMENT_RECALLS_MEETING = (
    "China and Tajikistan: a quiet build-up on the border\n"
    "Commentary | Regional Studies Centre\n"
    "China's security presence in Tajikistan is modest but durable: border posts, training for "
    "officers and deliveries of equipment rather than troops.\n"
    "Over five years Beijing has paid for several outposts on the Tajik-Afghan border and "
    "trained hundreds of Tajik border guards.\n"
    "The SCO defence ministers' meeting held in Qingdao this week discussed counter-terrorism, "
    "yet the real work is done between the two capitals.\n"
    "What comes next depends on the situation in Afghanistan.\n"
)
COMMENT_ON_MEETING = (
    "What the SCO defence ministers' meeting in Qingdao means for Central Asia\n"
    "Commentary | Regional Studies Centre\n"
    "China's security presence in Tajikistan is modest but durable: border posts, training for "
    "officers and deliveries of equipment rather than troops.\n"
    "Over five years Beijing has paid for several outposts on the Tajik-Afghan border and "
    "trained hundreds of Tajik border guards.\n"
    "What comes next depends on the situation in Afghanistan.\n"
)


def test_commentary_takes_no_members_from_a_meeting_recalled_later() -> None:
    coded = code_document(make_doc(COMMENT_RECALLS_MEETING))
    assert coded.relevant
    assert coded.kind is None
    assert set(coded.countries) & CA == {"TJ"}


def test_commentary_on_a_framework_meeting_in_its_title_keeps_the_members() -> None:
    # the contrast: the title names the SCO meeting the analysis is about
    coded = code_document(make_doc(COMMENT_ON_MEETING))
    assert coded.relevant
    assert coded.kind is None
    assert {"KZ", "KG", "TJ", "UZ"} <= set(coded.countries)


ANOTHER_EVENTS_VENUE = {
    "ru": (
        "Казахстан и Китай провели совместные антитеррористические учения\n"
        "Алматы, 12 сентября. Подразделения вооружённых сил Казахстана и Народно-освободительной "
        "армии Китая провели в Алматинской области совместные антитеррористические учения, "
        "отработав освобождение заложников.\n"
        "В этом году казахстанские военные также участвовали в учениях ОДКБ в Таджикистане.\n"
        "Учения продлились три дня.\n"
    ),
    "en": (
        "Kazakhstan and China hold joint counter-terrorism exercise\n"
        "ALMATY, Sept. 12 -- Units of the armed forces of Kazakhstan and the Chinese People's "
        "Liberation Army held a joint counter-terrorism exercise in the Almaty region, "
        "practising the rescue of hostages.\n"
        "This spring Kazakh troops also took part in a CSTO drill in Tajikistan.\n"
        "The exercise lasted three days.\n"
    ),
    "zh": (
        "中哈两军举行联合反恐演习\n"
        "新华社阿拉木图9月12日电 中国人民解放军和哈萨克斯坦武装力量9日至11日在阿拉木图州举行联合反恐演习，演练解救人质。\n"
        "今年春天，哈萨克斯坦军人还参加了在塔吉克斯坦举行的集安组织演习。\n"
        "演习为期三天。\n"
    ),
}
ONE_MORE_SIDE = {
    "ru": (
        "Казахстан и Китай провели совместные антитеррористические учения\n"
        "Алматы, 12 сентября. Подразделения вооружённых сил Казахстана и Народно-освободительной "
        "армии Китая провели в Алматинской области совместные антитеррористические учения, "
        "отработав освобождение заложников.\n"
        "Впервые в учениях приняло участие и подразделение из Таджикистана.\n"
        "Учения продлились три дня.\n"
    ),
    "en": (
        "Kazakhstan and China hold joint counter-terrorism exercise\n"
        "ALMATY, Sept. 12 -- Units of the armed forces of Kazakhstan and the Chinese People's "
        "Liberation Army held a joint counter-terrorism exercise in the Almaty region, "
        "practising the rescue of hostages.\n"
        "A unit from Tajikistan also took part in the exercise for the first time.\n"
        "The exercise lasted three days.\n"
    ),
    "zh": (
        "中哈两军举行联合反恐演习\n"
        "新华社阿拉木图9月12日电 中国人民解放军和哈萨克斯坦武装力量9日至11日在阿拉木图州举行联合反恐演习，演练解救人质。\n"
        "塔吉克斯坦边防分队也首次派员参加了演习。\n"
        "演习为期三天。\n"
    ),
}


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_the_venue_of_another_event_is_no_side(language: str) -> None:
    coded = code_document(make_doc(ANOTHER_EVENTS_VENUE[language]))
    assert coded.relevant
    assert coded.kind == "bilateral_exercise"
    assert set(coded.countries) & CA == {"KZ"}


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_a_state_named_as_one_more_side_stays(language: str) -> None:
    coded = code_document(make_doc(ONE_MORE_SIDE[language]))
    assert {"KZ", "TJ"} <= set(coded.countries)


def _state_hit(text: str, stem: str) -> Hit:
    start = text.index(stem)
    return Hit(start=start, end=start + len(stem), term=stem, payload=("state", "TJ"))


@pytest.mark.parametrize(
    ("text", "stem", "place"),
    [
        ("Учения прошли в Таджикистане.", "Таджик", True),  # prepositional: a place
        ("Министр прибыл в Таджикистан с визитом.", "Таджик", False),  # accusative: a visit
        ("Во Вьетнаме и в Киргизии прошли учения.", "Кирги", True),
        ("Делегация Таджикистана прибыла в Пекин.", "Таджик", False),
        ("The drill was held in Tajikistan.", "Tajik", True),
        ("Tajikistan hosted the drill.", "Tajik", False),
        ("演习在塔吉克斯坦举行。", "塔吉克", True),
        ("塔吉克斯坦派员参加演习。", "塔吉克", False),
        # a way through: through, через, 经 with a movement after it
        ("The militants came in through Tajikistan.", "Tajik", True),
        ("Боевики прошли через Таджикистан.", "Таджик", True),
        ("恐怖分子经塔吉克斯坦从阿富汗渗透入境。", "塔吉克", True),
        ("经塔吉克斯坦政府同意，演习如期举行。", "塔吉克", False),
    ],
)
def test_a_state_written_as_a_place(text: str, stem: str, place: bool) -> None:
    assert place_only(text, _state_hit(text, stem)) is place


# A state said to be absent (не смог принять участие, was unable to attend, skipped the meeting,
# 缺席, 未能出席) is named, not taking part; one that joined by video takes part.
CICA_LEAD = {
    "ru": (
        "Министры иностранных дел стран СВМДА обсудили в Душанбе борьбу с терроризмом\n"
        "Душанбе, 14 октября. В Душанбе состоялось совещание министров иностранных дел "
        "государств - участников СВМДА, посвящённое борьбе с терроризмом и наркотрафиком. "
        "В заседании приняли участие министры Китая, Казахстана, Таджикистана и Кыргызстана. "
    ),
    "zh": (
        "亚信外长会议在杜尚别举行\n"
        "新华社杜尚别10月14日电 亚洲相互协作与信任措施会议外长会议14日在杜尚别举行，"
        "与会各方就反恐和禁毒合作交换意见。中国、哈萨克斯坦、塔吉克斯坦和吉尔吉斯斯坦外长出席会议。"
    ),
}
ABSENT = {
    "ru": CICA_LEAD["ru"] + "Министр иностранных дел Узбекистана не смог принять участие в "
    "заседании.\nСтороны приняли заявление о борьбе с терроризмом.\n",
    "zh": CICA_LEAD["zh"] + "乌兹别克斯坦外长因故缺席会议。\n会议通过了关于打击恐怖主义的声明。\n",
}
BY_VIDEO = {
    "ru": CICA_LEAD["ru"] + "Министр иностранных дел Узбекистана принял участие в заседании в "
    "режиме видеоконференции.\nСтороны приняли заявление о борьбе с терроризмом.\n",
    "zh": CICA_LEAD["zh"]
    + "乌兹别克斯坦外长以视频方式出席会议。\n会议通过了关于打击恐怖主义的声明。\n",
}


@pytest.mark.parametrize("language", ["ru", "zh"])
def test_a_state_absent_from_the_meeting_is_no_side(language: str) -> None:
    coded = code_document(make_doc(ABSENT[language]))
    assert coded.relevant
    assert coded.framework == "CICA"
    assert set(coded.countries) & CA == {"KG", "KZ", "TJ"}


@pytest.mark.parametrize("language", ["ru", "zh"])
def test_a_state_joining_by_video_takes_part(language: str) -> None:
    coded = code_document(make_doc(BY_VIDEO[language]))
    assert set(coded.countries) & CA == {"KG", "KZ", "TJ", "UZ"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Uzbekistan's foreign minister was unable to attend the meeting.",
        "Uzbekistan skipped the meeting.",
        "The Uzbek minister was absent.",
        "Министр Узбекистана не смог приехать на встречу.",
        "Министр Узбекистана отсутствовал на встрече.",
        "乌兹别克斯坦外长未能出席会议。",
    ],
)
def test_absence_is_another_time_than_the_event(sentence: str) -> None:
    from steppewatch.extract.coder_background import _NOT_HERE

    assert _NOT_HERE.search(sentence, 0, len(sentence))


# A tour through several partner states, each leg in a paragraph of its own: a state whose own
# leg reports no security matter (gas and trade in Ashgabat) is no side of the security meeting;
# when its leg reports one too, it stays.
TOUR_NO_SECURITY_LEG = {
    "ru": (
        "Ван И посетил Казахстан и Туркменистан\n"
        "Пекин, 22 октября. Министр иностранных дел КНР Ван И 19-21 октября посетил "
        "Казахстан и Туркменистан.\n"
        "19 октября в Астане Ван И провёл переговоры с министром иностранных дел "
        "Казахстана. Стороны договорились углублять сотрудничество в борьбе с "
        "терроризмом и экстремизмом.\n"
        "21 октября в Ашхабаде Ван И обсудил с министром иностранных дел Туркменистана "
        "поставки газа и торговлю.\n"
    ),
    "en": (
        "Wang Yi visits Kazakhstan and Turkmenistan\n"
        "BEIJING, Oct. 22 -- Chinese Foreign Minister Wang Yi visited Kazakhstan and "
        "Turkmenistan from October 19 to 21.\n"
        "In Astana on October 19, Wang held talks with Kazakh Foreign Minister, and the "
        "two sides agreed to deepen cooperation against terrorism and extremism.\n"
        "In Ashgabat on October 21, Wang held talks with Turkmen Foreign Minister on "
        "natural gas supplies and trade.\n"
    ),
    "zh": (
        "王毅访问哈萨克斯坦和土库曼斯坦\n"
        "新华社北京10月22日电 10月19日至21日，外交部长王毅对哈萨克斯坦和土库曼斯坦进行访问。\n"
        "10月19日，王毅在阿斯塔纳同哈萨克斯坦外长举行会谈，双方同意加强反恐和执法安全合作。\n"
        "10月21日，王毅在阿什哈巴德同土库曼斯坦外长举行会谈，双方重点讨论了天然气合作和经贸往来。\n"
    ),
}
TOUR_BOTH_LEGS_SECURITY = {
    "ru": (
        "Ван И посетил Казахстан и Туркменистан\n"
        "Пекин, 22 октября. Министр иностранных дел КНР Ван И 19-21 октября посетил "
        "Казахстан и Туркменистан.\n"
        "19 октября в Астане Ван И провёл переговоры с министром иностранных дел "
        "Казахстана. Стороны договорились углублять сотрудничество в борьбе с "
        "терроризмом и экстремизмом.\n"
        "21 октября в Ашхабаде Ван И обсудил с министром иностранных дел Туркменистана "
        "борьбу с наркотрафиком на афганской границе.\n"
    ),
    "en": (
        "Wang Yi visits Kazakhstan and Turkmenistan\n"
        "BEIJING, Oct. 22 -- Chinese Foreign Minister Wang Yi visited Kazakhstan and "
        "Turkmenistan from October 19 to 21.\n"
        "In Astana on October 19, Wang held talks with Kazakh Foreign Minister, and the "
        "two sides agreed to deepen cooperation against terrorism and extremism.\n"
        "In Ashgabat on October 21, Wang held talks with Turkmen Foreign Minister on "
        "fighting drug trafficking from Afghanistan.\n"
    ),
    "zh": (
        "王毅访问哈萨克斯坦和土库曼斯坦\n"
        "新华社北京10月22日电 10月19日至21日，外交部长王毅对哈萨克斯坦和土库曼斯坦进行访问。\n"
        "10月19日，王毅在阿斯塔纳同哈萨克斯坦外长举行会谈，双方同意加强反恐和执法安全合作。\n"
        "10月21日，王毅在阿什哈巴德同土库曼斯坦外长举行会谈，双方同意加强禁毒和边境安全合作。\n"
    ),
}


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_a_tour_leg_without_security_is_no_side(language: str) -> None:
    coded = code_document(make_doc(TOUR_NO_SECURITY_LEG[language]))
    assert coded.relevant
    assert coded.kind == "meeting"
    assert set(coded.countries) & CA == {"KZ"}
    assert coded.framework == "bilateral"


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_a_tour_leg_with_security_stays(language: str) -> None:
    coded = code_document(make_doc(TOUR_BOTH_LEGS_SECURITY[language]))
    assert set(coded.countries) & CA == {"KZ", "TM"}


# The focal state in a Russian oblique case (встреча министров Китая и государств Центральной
# Азии, сотрудничество Китая и пяти стран региона) joins the region's group to it, as КНР did:
# the group's members take part.
@pytest.mark.parametrize(
    "joined",
    [
        "Китая и государств Центральной Азии",
        "Китая и пяти государств Центральной Азии",
        "Китая и центральноазиатских стран",
        "КНР и государств Центральной Азии",
    ],
)
def test_the_focal_state_in_the_genitive_joins_the_region_group(joined: str) -> None:
    text = (
        "Встреча министров\n"
        f"В Пекине прошла встреча министров иностранных дел {joined}. Стороны обсудили "
        "сотрудничество в сфере безопасности и борьбу с терроризмом.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert set(coded.countries) & CA == CA


def test_the_region_group_not_joined_to_the_focal_state_is_talked_about() -> None:
    # the contrast: a Kyrgyz-Chinese meeting that talks about the region's states
    text = (
        "Китай и Кыргызстан обсудили безопасность\n"
        "Бишкек, 5 мая. Министр иностранных дел Кыргызстана провёл переговоры с министром "
        "иностранных дел Китая. Стороны обсудили борьбу с терроризмом. Министры отметили, что "
        "стабильность государств Центральной Азии важна для всего региона.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert set(coded.countries) & CA == {"KG"}


# A state at a summit as the chair's guest (в качестве почётного гостя, with ё; 作为主席国客人出席)
# is no member taking part; welcoming visitors (对客人来访表示欢迎) names no guest state.
SCO_SUMMIT = {
    "ru": (
        "В Астане прошёл саммит ШОС\n"
        "Астана, 4 июля. В Астане состоялось заседание Совета глав государств - членов ШОС. "
        "Лидеры обсудили борьбу с терроризмом, экстремизмом и наркотрафиком. "
    ),
    "zh": (
        "上海合作组织成员国元首理事会会议在阿斯塔纳举行\n"
        "新华社阿斯塔纳7月4日电 上海合作组织成员国元首理事会会议4日在阿斯塔纳举行，"
        "各方就打击恐怖主义、极端主义和毒品走私交换意见。"
    ),
}
AS_GUEST = {
    "ru": SCO_SUMMIT["ru"] + "Президент Туркменистана принял участие в мероприятии в качестве "
    "почётного гостя.\n",
    "zh": SCO_SUMMIT["zh"] + "土库曼斯坦总统作为主席国客人出席会议。\n",
}


@pytest.mark.parametrize("language", ["ru", "zh"])
def test_the_chairs_guest_is_no_side_of_the_summit(language: str) -> None:
    coded = code_document(make_doc(AS_GUEST[language]))
    assert coded.framework == "SCO"
    assert "TM" not in coded.countries
    assert {"KZ", "KG", "TJ", "UZ"} <= set(coded.countries)


def test_welcoming_visitors_names_no_guest_state() -> None:
    text = (
        "自治区党委书记会见哈萨克斯坦阿拜州州长\n"
        "本报乌鲁木齐8月26日讯 新疆维吾尔自治区党委书记在乌鲁木齐会见哈萨克斯坦阿拜州州长一行，双方就加强"
        "边境安全合作、共同打击跨境犯罪深入交换意见。书记对客人来访表示欢迎。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert "KZ" in coded.countries


# A press conference's question about a rumoured exercise the answer does not know of ("I'm not
# aware of that"): no event (gold guide, seventeenth round), so on a page whose other items
# report events its state is not coded; the page's only item of the kind keeps its states
# (commentary with the states concerned).
TRANSCRIPT_EVENT = (
    "Regular Press Conference of the Ministry of National Defense\n"
    "Question: It is reported that China and Kyrgyzstan held a joint counter-terrorism exercise "
    "last week. Could you give us more details?\n"
    "Spokesperson: As agreed by the two sides, the armies of China and Kyrgyzstan held a joint "
    "counter-terrorism exercise in Osh from May 5 to 9, practising the rescue of hostages.\n"
)
RUMOUR = (
    "Question: Some media said a China-Turkmenistan joint border exercise planned for June "
    "has been called off. Can you confirm this?\n"
    "Spokesperson: I'm not aware of what you mentioned. China and Turkmenistan maintain good "
    "defence cooperation.\n"
)


def test_a_rumoured_exercise_the_answer_does_not_know_is_not_coded_beside_events() -> None:
    coded = code_document(make_doc(TRANSCRIPT_EVENT + RUMOUR))
    assert coded.relevant
    assert "KG" in coded.countries
    assert "TM" not in coded.countries


def test_a_confirmed_answer_keeps_its_state() -> None:
    confirmed = RUMOUR.replace(
        "I'm not aware of what you mentioned.",
        "The exercise was postponed to October 12 at the request of both sides.",
    )
    coded = code_document(make_doc(TRANSCRIPT_EVENT + confirmed))
    assert "TM" in coded.countries


def test_a_joint_meeting_whose_lead_lists_the_focal_state_is_no_tour() -> None:
    # the lead lists China among the partners (one meeting of them all): a side meeting on gas
    # in a paragraph of its own does not make Turkmenistan a visit's leg without security
    text = (
        "Foreign ministers of Afghanistan's neighbouring countries meet in Samarkand\n"
        "SAMARKAND, April 13 -- Foreign ministers of China, Tajikistan, Turkmenistan and "
        "Uzbekistan met in Samarkand for the meeting of foreign ministers of Afghanistan's "
        "neighbouring countries.\n"
        "Wang Yi and the Uzbek foreign minister said the meeting stepped up cooperation against "
        "terrorism and drug trafficking from Afghanistan.\n"
        "On the sidelines, Wang Yi met Turkmenistan's foreign minister and discussed gas "
        "supplies and trade.\n"
    )
    coded = code_document(make_doc(text))
    assert {"TJ", "TM", "UZ"} <= set(coded.countries)
