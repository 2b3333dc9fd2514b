"""States named but not taking part, by general mechanisms rather than phrases (issue 13, third
round): lists of third parties (the donors of epidemic supplies), states given as examples
("countries such as", 等国, таких как), and sentences about a third state's doing (the US
giving equipment, the US and Kazakhstan holding an exercise). Hand-written texts in the native
script, modelled on MFA answers and readouts (not copied from any page)."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


# "which countries sent anti-epidemic aid": a long list of donors, some of them from outside the
# region and its frameworks, and a military plane that carried protective suits
DONORS = {
    "zh": "问：你能否介绍一下目前有哪些国家向中方提供了援助？\n"
    "答：截至目前，已有俄罗斯、巴基斯坦、哈萨克斯坦、乌兹别克斯坦、吉尔吉斯斯坦、塔吉克斯坦、土库曼斯坦、"
    "白俄罗斯、蒙古国、伊朗、日本、韩国、埃及等13个国家政府向中国提供了援助。哈萨克斯坦还派出军用运输机"
    "运送了防护服和护目镜等装备。中方对各国的支持表示感谢，愿同国际社会一道维护地区和全球公共卫生安全。",
    "en": "Q: Can you give us the list of countries that have provided assistance to China?\n"
    "A: As of now, the governments of Russia, Pakistan, Kazakhstan, Uzbekistan, Kyrgyzstan, "
    "Tajikistan, Turkmenistan, Belarus, Mongolia, Iran, Japan, the ROK and Egypt have provided "
    "assistance. Kazakhstan sent a military transport aircraft carrying protective equipment. "
    "We thank them, and we are ready to work with the international community to safeguard "
    "regional security and public health.",
    "ru": "Вопрос: Какие страны оказали Китаю помощь?\n"
    "Ответ: На сегодняшний день помощь Китаю оказали правительства 13 государств, в том числе "
    "России, Пакистана, Казахстана, Узбекистана, Кыргызстана, Таджикистана, Беларуси, Монголии, "
    "Ирана, Японии, Республики Корея и Египта. Казахстан направил военно-транспортный самолёт с "
    "защитными костюмами. Китай благодарит их и готов вместе с международным сообществом "
    "укреплять региональную безопасность.",
}


@pytest.mark.parametrize("language", ["zh", "en", "ru"])
def test_a_list_of_donors_is_no_list_of_participants(language: str) -> None:
    coded = _code(DONORS[language])
    assert not coded.relevant, coded.evidence
    assert coded.kind is None and "equipment_transfer" not in coded.event_kinds
    assert not set(coded.countries) & CA


def test_a_list_of_donors_does_not_anchor_a_security_answer() -> None:
    # the same list, then a security sentence about China alone: the listed states are still
    # neither participants nor the anchor that would make the item the region's business
    coded = _code(
        "问：哪些国家向中方提供了援助？\n答：已有俄罗斯、哈萨克斯坦、乌兹别克斯坦、日本、韩国、德国、法国"
        "等国家政府向中国提供了援助。中国军队也派出医疗队支援武汉，打击利用疫情实施的恐怖活动。"
    )
    assert not set(coded.countries) & CA


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "2019年5月，中国武警部队同吉尔吉斯斯坦国民警卫队在比什凯克举行联合反恐演练。中方还表示，"
            "愿同塔吉克斯坦、乌兹别克斯坦、土库曼斯坦等国加强执法安全合作。",
            "KG",
        ),
        (
            "Kazakhstan and China held a joint counter-terrorism exercise in Almaty on 12 May 2019. "
            "China stands ready to deepen security cooperation with countries such as Kyrgyzstan, "
            "Tajikistan and Uzbekistan.",
            "KZ",
        ),
        (
            "12 мая 2019 г. в Алматы Казахстан и Китай провели совместные антитеррористические "
            "учения. Китай готов углублять сотрудничество в сфере безопасности с такими странами, "
            "как Кыргызстан, Таджикистан и Узбекистан.",
            "KZ",
        ),
    ],
    ids=["zh-deng-guo", "en-such-as", "ru-takimi-kak"],
)
def test_states_given_as_examples_do_not_join_the_event(text: str, partner: str) -> None:
    coded = _code(text)
    assert coded.relevant
    assert set(coded.countries) & CA == {partner}
    # two partners would have made the exercise multilateral
    assert coded.kind == "bilateral_exercise"
    assert coded.framework == "bilateral"


def test_states_given_as_examples_are_the_partners_when_no_other_is_named() -> None:
    coded = _code(
        "外交部发言人表示，中方愿同哈萨克斯坦、乌兹别克斯坦等国加强反恐合作，共同打击“三股势力”。"
    )
    assert coded.relevant
    assert set(coded.countries) & CA == {"KZ", "UZ"}


def test_a_list_of_participants_stays_whoever_is_in_it() -> None:
    # states from outside the SCO in a list of those attending: the participants
    coded = _code(
        "2019年6月15日，亚信第五次峰会在杜尚别举行。出席会议的有中国、哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、"
        "土耳其、阿塞拜疆、伊朗、卡塔尔等国领导人。与会各方同意加强反恐合作。"
    )
    assert coded.kind == "meeting" and coded.framework == "CICA"
    assert {"KZ", "KG", "TJ"} <= set(coded.countries)


@pytest.mark.parametrize(
    "text",
    [
        "问：美国国务卿近日访问中亚，称将向哈萨克斯坦、乌兹别克斯坦提供反恐装备。中方对此有何评论？\n"
        "答：中国同中亚国家在上海合作组织框架内开展了良好的安全合作。我们希望有关国家的合作有利于地区和平稳定。",
        "Q: The United States and Kazakhstan held the Steppe Eagle military exercise this week. "
        "What is China's comment?\nA: China and Kazakhstan are comprehensive strategic partners. "
        "We hope the cooperation between relevant countries will contribute to regional peace "
        "and stability.",
    ],
    ids=["zh-us-equipment", "en-us-exercise"],
)
def test_a_third_states_doing_is_not_the_focal_states_event(text: str) -> None:
    coded = _code(text)
    assert coded.kind is None
    assert not {"equipment_transfer", "bilateral_exercise"} & set(coded.event_kinds)
    assert "terrorism" not in coded.topics and "military" not in coded.domains
    assert not coded.relevant, coded.evidence


def test_a_third_state_that_is_the_topic_still_codes_it() -> None:
    # Afghanistan is what the sentence is about (阿富汗局势), not who acts in it
    coded = _code(
        "2019年6月，中塔两国外长在杜尚别举行会谈。阿富汗局势持续动荡，恐怖主义威胁上升。双方同意加强反恐合作。"
    )
    assert coded.kind == "meeting"
    assert {"afghanistan", "terrorism"} <= set(coded.topics)


def test_a_third_state_with_the_focal_state_is_a_party() -> None:
    # the US named with China in the same sentence: their talks are the focal state's too
    coded = _code(
        "2019年9月，中国、美国和哈萨克斯坦三国外长在纽约举行会晤，讨论联合打击跨国贩毒问题。"
    )
    assert coded.relevant and coded.kind == "meeting"
    assert "KZ" in coded.countries


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "2019年6月，中哈两国国防部长在北京举行会谈，双方同意加强反恐合作。会谈中，双方还就地区安全形势"
            "交换了意见，认为中亚国家面临的恐怖主义威胁上升。",
            "KZ",
        ),
        (
            "On 5 June 2019, Defence Minister Wei Fenghe held talks with Kyrgyz Defence Minister "
            "Raimberdi Duishenbiev in Beijing. The two sides agreed to deepen counter-terrorism "
            "cooperation and noted that terrorist threats to the Central Asian states are rising.",
            "KG",
        ),
    ],
    ids=["zh-defence-talks", "en-defence-talks"],
)
def test_the_region_talked_about_adds_no_participants(text: str, partner: str) -> None:
    # "the Central Asian states" not joined to China, beside the one partner taking part
    coded = _code(text)
    assert coded.kind == "meeting"
    assert set(coded.countries) & CA == {partner}
    assert coded.framework == "bilateral"


def test_the_region_joined_to_china_still_names_every_member() -> None:
    coded = _code(
        "外交部发言人表示，中方赞赏哈萨克斯坦在涉疆问题上的立场。中国和中亚国家是友好邻邦，将共同打击“三股势力”。"
    )
    assert set(coded.countries) & CA == CA


def test_a_state_a_third_state_visits_is_not_the_focal_states_partner() -> None:
    coded = _code(
        "问：美国国务卿近日访问了哈萨克斯坦。中方如何看待中吉两国的反恐合作？\n"
        "答：中吉两国执法安全合作密切，双方共同打击“三股势力”。"
    )
    assert coded.relevant
    assert set(coded.countries) & CA == {"KG"}


def test_observers_in_another_clause_leave_the_participants_alone() -> None:
    # 观摩 is the observers' clause; the four states in the exercise's clause take part
    coded = _code(
        "2019年10月，中国人民武装警察部队与哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦国民警卫队在新疆"
        "举行“团结协作-2019”联合反恐演习，俄罗斯、白俄罗斯派员观摩。"
    )
    assert coded.kind == "multilateral_exercise"
    assert set(coded.countries) & CA == {"KZ", "KG", "TJ", "UZ"}
    assert "RU" not in coded.countries


def test_the_china_central_asia_format_in_either_order_and_width() -> None:
    coded = _code(
        "2020年7月16日，王毅国务委员兼外长以视频方式主持首次中国＋中亚五国外长会晤。各方同意共同打击“三股势力”，"
        "维护地区安全稳定。"
    )
    assert coded.framework == "C5+China"
    assert set(coded.countries) & CA == CA


def test_a_question_about_others_exercise_is_no_exercise_of_the_focal_state() -> None:
    coded = _code(
        "Q: Recently, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan held a joint exercise with "
        "Russia under the CSTO. Will China take part in such exercises?\n"
        "A: China is not a member of the CSTO. China conducts defence cooperation with Central "
        "Asian countries bilaterally and within the SCO framework."
    )
    assert coded.kind is None and coded.event_kinds == []
    assert coded.framework is None
    assert "RU" not in coded.countries  # commentary lists no state from outside the region


@pytest.mark.parametrize(
    "text",
    [
        "2019年6月14日，上海合作组织成员国元首理事会第十九次会议在比什凯克举行。国家主席习近平出席会议并发表讲话。"
        "吉尔吉斯斯坦总统热恩别科夫主持会议，哈萨克斯坦总统托卡耶夫、俄罗斯总统普京等出席，观察员国阿富汗、白俄罗斯、"
        "伊朗、蒙古国领导人也出席了会议。各方一致同意深化安全合作，共同打击“三股势力”。",
        "On 14 June 2019, the 19th meeting of the SCO Council of Heads of State was held in Bishkek. "
        "President Xi Jinping attended. Leaders of Kazakhstan, Russia, India, Pakistan, Tajikistan "
        "and Uzbekistan attended, and the leaders of the observer states Afghanistan, Belarus, Iran "
        "and Mongolia were also present. The leaders agreed to deepen security cooperation against "
        "terrorism, separatism and extremism.",
    ],
    ids=["zh-summit", "en-summit"],
)
def test_an_observer_named_is_no_topic(text: str) -> None:
    coded = _code(text)
    assert coded.kind == "meeting" and coded.framework == "SCO"
    assert "afghanistan" not in coded.topics
    assert "three_evils" in coded.topics
    assert "AF" not in coded.countries


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "2019年6月13日，国家主席习近平在比什凯克出席上海合作组织峰会期间会见哈萨克斯坦总统托卡耶夫。"
            "双方同意加强安全合作，共同打击“三股势力”。",
            "head_of_state",
        ),
        (
            "On 13 June 2019, Foreign Minister Wang Yi met with Kazakh Foreign Minister Beibut "
            "Atamkulov on the sidelines of the SCO summit in Bishkek. The two sides agreed to "
            "strengthen security cooperation and jointly combat the three evil forces.",
            "foreign_minister",
        ),
    ],
    ids=["zh-during-summit", "en-sidelines"],
)
def test_a_meeting_on_the_sidelines_of_a_summit_stays_bilateral(text: str, level: str) -> None:
    # gold guide 5: the SCO summit is the occasion; its members do not join the talks
    coded = _code(text)
    assert coded.kind == "meeting"
    assert coded.framework == "bilateral"
    assert set(coded.countries) == {"CN", "KZ"}
    assert coded.level == level


def test_a_long_list_of_supporters_joins_no_event_of_another_partner() -> None:
    # five states listed as supporters, the meeting is with Kyrgyzstan alone
    coded = _code(
        "2019年7月，公安部部长赵克志在北京会见吉尔吉斯斯坦内务部长。赵克志表示，哈萨克斯坦、塔吉克斯坦、"
        "乌兹别克斯坦、俄罗斯、巴基斯坦等国均支持中方在新疆采取的反恐举措。双方同意加强执法安全合作。"
    )
    assert coded.kind == "meeting" and coded.framework == "bilateral"
    assert set(coded.countries) & CA == {"KG"}


def test_a_long_list_of_supporters_alone_is_what_the_commentary_is_about() -> None:
    coded = _code(
        "外交部发言人表示，哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦、巴基斯坦等国致函联合国人权理事会，"
        "支持中方在新疆开展反恐和去极端化工作。"
    )
    assert coded.relevant
    assert set(coded.countries) & CA == {"KZ", "KG", "TJ", "UZ"}
