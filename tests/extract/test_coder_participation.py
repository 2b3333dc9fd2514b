"""Countries taking part, not countries named (issue 13; gold/README.md annotation guide,
point 2): contrast pairs on hand-written Chinese, Russian and English readouts (not copied from
any gold text). A partner state named only in background (an earlier event recalled, a
membership, the next summit's host, a comment, an analyst's quote) or as the state of citizens
or firms is not coded; states that take part stay coded however they are named (an adjective,
a capital, a ministry, the passive, a host, a list of signatories)."""

from __future__ import annotations

from typing import Any

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_entities import named_only
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _ca(text: str) -> tuple[CodedDocument, set[str]]:
    coded = code_document(make_doc(text))
    return coded, set(coded.countries) & CA


NAMED_ONLY = [
    pytest.param(
        "2021年4月12日，国务委员兼公安部部长赵克志在北京会见哈萨克斯坦内务部长图尔古姆巴耶夫。双方同意"
        "加强反恐和禁毒合作，共同打击跨国犯罪。赵克志回顾说，2019年中国同乌兹别克斯坦签署了打击恐怖主义"
        "合作协定，为地区执法合作树立了榜样。",
        {"KZ"},
        id="zh-earlier-agreement-recalled",
    ),
    pytest.param(
        "BEIJING, April 12, 2021 -- Chinese Minister of Public Security Zhao Kezhi met Kazakh Interior "
        "Minister Yerlan Turgumbayev in Beijing on Monday. The two sides agreed to deepen "
        "counter-terrorism and counter-narcotics cooperation. Zhao recalled that in 2019 China and "
        "Uzbekistan signed an agreement on fighting terrorism, which he called a model for the region.",
        {"KZ"},
        id="en-earlier-agreement-recalled",
    ),
    pytest.param(
        "Астана, 12 апреля 2021 г. Министр внутренних дел Казахстана Ерлан Тургумбаев провел переговоры "
        "с министром общественной безопасности КНР Чжао Кэчжи. Стороны договорились расширять "
        "сотрудничество в борьбе с терроризмом и наркотрафиком. Чжао Кэчжи напомнил, что в 2019 году "
        "Китай и Узбекистан подписали соглашение о борьбе с терроризмом.",
        {"KZ"},
        id="ru-earlier-agreement-recalled",
    ),
    pytest.param(
        "BISHKEK, June 5, 2022 -- Kyrgyz Defence Minister Baktybek Bekbolotov held talks with Chinese "
        "Defence Minister Wei Fenghe in Bishkek. The ministers agreed to expand military training and "
        "counter-terrorism cooperation. Kyrgyzstan and China are founding members of the Shanghai "
        "Cooperation Organization, together with Kazakhstan, Russia and Tajikistan.",
        {"KG"},
        id="en-membership-sentence",
    ),
    pytest.param(
        "2022年6月5日，国务委员兼国防部长魏凤和在比什凯克会见吉尔吉斯斯坦国防部长别克博洛托夫。双方同意"
        "深化反恐和军事训练合作。双方还表示，支持乌兹别克斯坦办好今年的上海合作组织峰会。",
        {"KG"},
        id="zh-summit-host-supported",
    ),
    pytest.param(
        "2022年9月8日，中国政府向塔吉克斯坦内务部移交一批警用装备，包括巡逻车和通信设备。中国此前也曾向"
        "吉尔吉斯斯坦和乌兹别克斯坦执法部门提供过类似援助。",
        {"TJ"},
        id="zh-earlier-gifts-recalled",
    ),
    pytest.param(
        "Душанбе, 2 октября 2022 г. Пограничники Таджикистана и Китая провели совместное патрулирование "
        "на участке границы в ГБАО. Патрулирование охватило дорогу, по которой грузы казахстанской "
        "компании доставляются в Афганистан.",
        {"TJ"},
        id="ru-a-firm-of-a-state",
    ),
    pytest.param(
        "DUSHANBE, Nov. 9, 2023 -- The defence ministers of China, Tajikistan and Afghanistan met in "
        "Dushanbe for the trilateral counter-terrorism mechanism. Kyrgyz Foreign Minister Jeenbek "
        "Kulubaev told reporters in Bishkek that the mechanism was a positive step.",
        {"TJ"},
        id="en-comment-from-outside",
    ),
    pytest.param(
        "Бишкек, 20 июня 2023 г. Пограничники Кыргызстана и Китая провели совместное патрулирование на "
        "перевале Торугарт. По мнению эксперта Алмаза Токтосунова, от этого выигрывает безопасность "
        "всего региона, включая Казахстан и Узбекистан.",
        {"KG"},
        id="ru-analyst-on-the-region",
    ),
    pytest.param(
        "DUSHANBE, June 2, 2023 -- Chinese Defence Minister Li Shangfu held talks with Tajik Defence "
        "Minister Sherali Mirzo in Dushanbe. Li said China was ready to work with Kazakhstan, "
        "Kyrgyzstan and other SCO members to fight terrorism.",
        {"TJ"},
        id="en-ready-to-work-with-other-members",
    ),
    pytest.param(
        "2023年7月4日，公安部部长王小洪在北京会见吉尔吉斯斯坦内务部长尼亚兹别科夫，双方同意深化反恐和"
        "禁毒合作。王小洪表示，中方愿同哈萨克斯坦、塔吉克斯坦一道维护地区安全。",
        {"KG"},
        id="zh-ready-to-work-with",
    ),
    pytest.param(
        "BISHKEK, Oct. 3, 2023 -- Chinese and Kyrgyz border guards held a joint patrol on the "
        "Irkeshtam pass to stop militants crossing from Tajikistan.",
        {"KG"},
        id="en-threat-coming-from",
    ),
    pytest.param(
        "Бишкек, 3 октября 2023 г. Милиция Кыргызстана и полиция Китая провели совместную операцию "
        "против наркотрафика, который идет транзитом через Таджикистан.",
        {"KG"},
        id="ru-route-through",
    ),
    pytest.param(
        "2023年10月3日，中吉两国警方联合开展打击跨国贩毒行动，摧毁一条途经塔吉克斯坦的贩毒通道。",
        {"KG"},
        id="zh-route-through",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_ONLY)
def test_a_state_named_in_background_takes_no_part(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


TAKING_PART = [
    pytest.param(
        "Бишкек, 20 июня 2023 г. Киргизские и китайские пограничники провели совместное "
        "патрулирование на перевале Торугарт в рамках соглашения о пограничном сотрудничестве.",
        {"KG"},
        id="ru-adjective",
    ),
    pytest.param(
        "2023年6月20日，中哈边防部门在霍尔果斯口岸举行联合巡逻。哈方边防人员与中方共同检查了界桩。",
        {"KZ"},
        id="zh-hafang",
    ),
    pytest.param(
        "Astana and Beijing agreed on Tuesday to set up a joint working group on counter-terrorism and "
        "extradition, Kazakhstan's Foreign Ministry said after talks in Astana, June 20, 2023.",
        {"KZ"},
        id="en-capitals",
    ),
    pytest.param(
        "Ташкент и Пекин договорились о создании совместной рабочей группы по борьбе с терроризмом, "
        "сообщили в МИД Узбекистана 20 июня 2023 г.",
        {"UZ"},
        id="ru-capitals",
    ),
    pytest.param(
        "An exercise on countering terrorism was held on May 12, 2023 by units of the Chinese People's "
        "Armed Police and the National Guard of Tajikistan near Dushanbe.",
        {"TJ"},
        id="en-passive",
    ),
    pytest.param(
        "The Uzbek side hosted the fourth round of China-Uzbekistan consultations on counter-terrorism "
        "and security in Tashkent on March 2, 2023.",
        {"UZ"},
        id="en-host",
    ),
    pytest.param(
        "2023年5月19日，中国—中亚峰会在西安举行。中国、哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、土库曼斯坦、"
        "乌兹别克斯坦元首签署《中国—中亚峰会西安宣言》，同意共同打击“三股势力”。",
        CA,
        id="zh-signatories",
    ),
    pytest.param(
        "Делегация ГКНБ Кыргызской Республики провела в Пекине переговоры с Министерством общественной "
        "безопасности КНР о сотрудничестве в борьбе с терроризмом, 14 марта 2023 г.",
        {"KG"},
        id="ru-ministry-only",
    ),
    pytest.param(
        "BISHKEK, May 12, 2023 -- Kyrgyz troops ended a joint counter-terrorism exercise with China "
        "near Osh on Friday. The drill, the third since 2019, also brought together Tajik special "
        "forces.",
        {"KG", "TJ"},
        id="en-since-a-year-is-now",
    ),
    pytest.param(
        "2023年3月5日，外交部发言人表示，中方愿同各方加强反恐合作。此前，中国同塔吉克斯坦在杜尚别签署了"
        "反恐合作协议。",
        {"TJ"},
        id="zh-the-only-partner-in-a-recalled-sentence",
    ),
    pytest.param(
        "Ташкент, 5 марта 2023 г. В Ташкенте прошла встреча министров внутренних дел Узбекистана и "
        "Китая по вопросам борьбы с терроризмом. Глава МВД Кыргызстана, также принявший участие во "
        "встрече, заявил журналистам, что она была полезной.",
        {"UZ", "KG"},
        id="ru-a-comment-by-one-who-took-part",
    ),
    pytest.param(
        "OSH, Oct. 3, 2023 -- Chinese and Tajik troops opened a joint counter-terrorism exercise near "
        "Osh on Tuesday. Kyrgyzstan, which first joined the series in 2019, sent 200 soldiers.",
        {"TJ", "KG"},
        id="en-an-earlier-year-of-a-state-sending-troops",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TAKING_PART)
def test_a_state_taking_part_stays_coded(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


def test_citizens_of_a_state_are_not_the_state() -> None:
    coded, ca = _ca(
        "BEIJING, March 5, 2023 -- Chinese police detained two Kazakh citizens suspected of drug "
        "smuggling in Urumqi."
    )
    assert not ca
    # the focal state's citizens and firms harmed abroad stay a security matter of the focal state
    harmed, ca = _ca(
        "2023年3月5日，吉尔吉斯斯坦一家中国企业遭到袭击，中国驻吉使馆要求吉方严惩凶手、保护中国公民安全。"
    )
    assert harmed.relevant
    assert ca == {"KG"}


@pytest.mark.parametrize(
    "text",
    [
        "2023年6月1日，中国和吉尔吉斯斯坦执法部门联合破获一起贩毒案，抓获三名乌兹别克斯坦公民。",
        "Бишкек, 1 июня 2023 г. Милиция Кыргызстана и полиция Китая провели совместную операцию против "
        "наркотрафика; задержаны трое граждан Узбекистана.",
        "BISHKEK, June 1, 2023 -- Kyrgyz and Chinese police carried out a joint operation against drug "
        "trafficking and detained three citizens of Uzbekistan.",
    ],
    ids=["zh", "ru", "en"],
)
def test_detained_citizens_are_not_a_partner(text: str) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == {"KG"}, coded.evidence


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        pytest.param(
            "2023年7月4日，国家主席习近平在北京会见哈萨克斯坦总统托卡耶夫，双方同意加强反恐和执法安全合作。"
            "习近平表示，中国和中亚国家是守望相助的好邻居。",
            "KZ",
            id="zh",
        ),
        pytest.param(
            "BEIJING, July 4, 2023 -- Chinese President Xi Jinping met Kazakh President Kassym-Jomart "
            "Tokayev in Beijing, and the two agreed to deepen counter-terrorism cooperation. Xi said "
            "China and the Central Asian countries are good neighbours.",
            "KZ",
            id="en",
        ),
        pytest.param(
            "Пекин, 4 июля 2023 г. Си Цзиньпин провел переговоры с Президентом Казахстана "
            "Касым-Жомартом Токаевым; стороны договорились углублять сотрудничество в борьбе с "
            "терроризмом. Си Цзиньпин отметил, что Китай и страны Центральной Азии являются добрыми "
            "соседями.",
            "KZ",
            id="ru",
        ),
        pytest.param(
            "中国与中亚国家执法安全合作不断深化\n"
            "新华社比什凯克9月14日电 公安部部长王小洪14日在比什凯克会见吉尔吉斯斯坦内务部长尼亚兹别科夫，"
            "双方同意共同打击毒品犯罪和恐怖主义。",
            "KG",
            id="zh-title-line",
        ),
    ],
)
def test_the_region_talked_about_adds_no_participants(text: str, partner: str) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == {partner}, coded.evidence


def test_the_region_taking_part_or_alone_stays_every_member() -> None:
    # the region's group in the lead, or taking part, or with no partner state named otherwise
    for text in (
        "2023年4月27日，第四次中国—中亚外长会晤在西安举行，中国和中亚五国外长出席，同意共同打击“三股势力”。",
        "XI'AN, April 27, 2023 -- Foreign ministers of China and the five Central Asian countries met "
        "in Xi'an and agreed to jointly fight terrorism.",
        "2023年7月4日，外交部发言人表示，中方愿加强反恐合作。发言人指出，中国和中亚国家在打击“三股势力”"
        "方面相互支持。",
    ):
        coded, ca = _ca(text)
        assert coded.relevant
        assert ca == CA, (text, coded.evidence)


LONG_READOUTS = [
    pytest.param(
        "China, Kyrgyzstan hold border security talks in Bishkek\n"
        "BISHKEK, Sept. 14, 2023 (Kabar) -- Delegations of the Border Service of the State Committee "
        "for National Security of Kyrgyzstan and China's National Immigration Administration held "
        "talks in Bishkek on Thursday on cooperation in border protection.\n"
        "The sides discussed joint measures against drug trafficking and illegal migration along the "
        "Kyrgyz-Chinese border, and agreed to hold regular meetings of border representatives.\n"
        "Kyrgyzstan borders China, Kazakhstan, Tajikistan and Uzbekistan. In 2022, the Kyrgyz and "
        "Tajik border services clashed in the Batken region.",
        {"KG"},
        id="en-geography-and-an-earlier-year",
    ),
    pytest.param(
        "В Душанбе прошли переговоры министров обороны Таджикистана и Китая\n"
        "Душанбе, 14 сентября 2023 г. Министр обороны Республики Таджикистан Шерали Мирзо провел "
        "переговоры с министром обороны КНР Ли Шанфу.\n"
        "Стороны обсудили вопросы военного сотрудничества и обеспечения безопасности на "
        "таджикско-афганской границе. Ли Шанфу сообщил, что аналогичные переговоры в этом месяце "
        "пройдут в Ташкенте и Бишкеке.\n"
        "Таджикистан, Казахстан и Кыргызстан являются членами ОДКБ.",
        {"TJ"},
        id="ru-similar-talks-elsewhere-and-a-membership",
    ),
    pytest.param(
        "中塔举行边境安全磋商\n"
        "新华社杜尚别9月14日电 中国和塔吉克斯坦边境安全磋商14日在杜尚别举行。\n"
        "双方同意加强边境管控合作，共同打击恐怖主义、毒品走私等跨国犯罪。塔方感谢中方提供的边防装备援助。"
        "据悉，中方今年还将向吉尔吉斯斯坦边防部门提供类似援助。\n"
        "塔吉克斯坦与中国、吉尔吉斯斯坦、乌兹别克斯坦、阿富汗接壤。",
        {"TJ"},
        id="zh-similar-aid-and-neighbours",
    ),
    pytest.param(
        "China hands over patrol vehicles to Uzbek police\n"
        "TASHKENT, March 3, 2023 (UzA) -- China has handed over 50 patrol vehicles to the Ministry of "
        "Internal Affairs of Uzbekistan, the ministry said on Friday.\n"
        "China has provided similar assistance to the police of Kyrgyzstan and Tajikistan. Uzbekistan "
        "and Kazakhstan signed a strategic partnership treaty in December 2022.",
        {"UZ"},
        id="en-similar-gifts-and-an-earlier-treaty",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LONG_READOUTS)
def test_a_readouts_background_paragraphs_add_no_participants(
    text: str, expected: set[str]
) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Пограничники Казахстана и Китая провели совместную операцию\n"
            "Алматы, 2 августа 2023 г. Пограничная служба КНБ Республики Казахстан сообщает о "
            "проведении совместной пограничной операции.\n"
            "В операции, как и в прошлом году, участвовали подразделения пограничной службы "
            "Кыргызстана.",
            {"KZ", "KG"},
            id="ru-taking-part-as-last-year",
        ),
        pytest.param(
            "Министры внутренних дел Узбекистана и Китая обсудили сотрудничество\n"
            "Ташкент, 7 сентября 2023 г. Министр внутренних дел Узбекистана провел встречу с министром "
            "общественной безопасности КНР.\n"
            "Стороны договорились о совместной борьбе с терроризмом. Ранее в тот же день китайский "
            "министр встретился в Ашхабаде с министром внутренних дел Туркменистана.",
            {"UZ", "TM"},
            id="ru-earlier-the-same-day",
        ),
        pytest.param(
            "Xi holds talks with Tokayev\n"
            "ASTANA, Sept. 7, 2023 -- Chinese President Xi Jinping held talks with Kazakh President "
            "Kassym-Jomart Tokayev in Astana on Thursday.\n"
            "The two heads of state agreed to deepen security cooperation and jointly fight the three "
            "evil forces. After the talks, Xi travelled to Tashkent, where he and Uzbek President "
            "Shavkat Mirziyoyev signed an agreement on counter-terrorism cooperation.",
            {"KZ", "UZ"},
            id="en-a-visit-to-two-capitals",
        ),
        pytest.param(
            "中吉乌三国警方联合打击跨国犯罪\n"
            "新华社乌鲁木齐8月2日电 记者从新疆公安厅获悉，中国、吉尔吉斯斯坦、乌兹别克斯坦三国警方近日联合"
            "开展打击跨国毒品犯罪行动。\n"
            "行动中，乌方警方提供了关键线索，吉方配合抓获犯罪嫌疑人5名。",
            {"KG", "UZ"},
            id="zh-three-police-forces",
        ),
    ],
)
def test_every_event_of_a_readout_keeps_its_participants(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "2025年9月20日，国防部举行例行记者会。发言人介绍，中塔两军在塔吉克斯坦举行联合反恐演习。\n"
            "问：有消息称，哈萨克斯坦也有意同中方举行类似演习，是否属实？\n"
            "答：中塔演习是两军年度合作计划内项目，不针对第三方。",
            {"TJ"},
            id="zh-asked-whether-so",
        ),
        pytest.param(
            "DUSHANBE, Aug. 19, 2025 -- China handed over a new border outpost to Tajikistan's Border "
            'Troops on Monday. "In Kazakhstan and Uzbekistan Beijing builds railways. In Kyrgyzstan '
            'it lends money," said Temur Umarov, an analyst at a Berlin think tank.',
            {"TJ"},
            id="en-an-analysts-quote",
        ),
        pytest.param(
            "Ташкент, 12 мая 2025 г. В Ташкенте прошло заседание Совета РАТС ШОС. Туркменистан, не "
            "являющийся членом ШОС, в заседании не участвовал.",
            {"KZ", "KG", "TJ", "UZ"},
            id="ru-not-a-member",
        ),
        pytest.param(
            "BEIJING, April 9, 2025 -- Police officers from Kazakhstan and Uzbekistan are attending a "
            "counter-terrorism training course at the Chinese People's Armed Police academy in "
            "Beijing. Officers from Tajikistan had registered but could not travel.",
            {"KZ", "UZ"},
            id="en-could-not-travel",
        ),
        pytest.param(
            "Бишкек, 5 июня 2025 г. Министр обороны Кыргызстана провел переговоры с министром обороны "
            "КНР о сотрудничестве в борьбе с терроризмом.\n"
            "Справка. Кыргызстан, Казахстан и Таджикистан входят в ОДКБ; Узбекистан вышел из нее.",
            {"KG"},
            id="ru-a-background-note",
        ),
    ],
)
def test_states_said_not_to_take_part_or_only_asked_about(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


def test_a_state_named_as_a_place_in_a_sentence_reporting_nothing_is_not_a_partner() -> None:
    coded, ca = _ca(
        "BISHKEK, June 5, 2025 -- Chinese and Kyrgyz border guards held a joint patrol near the "
        "Torugart pass on Thursday. In Kazakhstan and Uzbekistan, Chinese firms mostly build "
        "railways and pipelines."
    )
    assert coded.relevant
    assert ca == {"KG"}, coded.evidence


# ninth round (coder9): sentences that report no event, frameworks talked about, earlier events
# said at a sentence's opening, a domestic build-up, observers' institutions, guests, the region
# talked about, experts, routes and more marks of another event
NAMED_ONLY_NINTH = [
    pytest.param(
        "BISHKEK, March 3, 2024 -- Chinese and Kyrgyz border guards held a joint patrol "
        "along the Naryn section of the border on Tuesday. The two sides agreed to exchange "
        "information on cross-border crime. Kazakhstan has also tightened its visa rules "
        "for foreign workers.",
        {"KG"},
        id="en-a-fact-reporting-no-event",
    ),
    pytest.param(
        "Душанбе, 3 марта 2024 г. Пограничники Таджикистана и Китая провели совместное "
        "патрулирование на Памире. Стороны договорились обмениваться информацией о трансграничной "
        "преступности. Узбекистан тоже ужесточил визовые правила для иностранных рабочих.",
        {"TJ"},
        id="ru-a-fact-reporting-no-event",
    ),
    pytest.param(
        "2024年3月3日，中吉两国边防部门在纳伦段开展联合巡逻，双方同意加强打击跨境犯罪的信息"
        "交流。哈萨克斯坦方面关注该地区的交通发展。",
        {"KG"},
        id="zh-a-concern-reporting-no-event",
    ),
    pytest.param(
        "BEIJING, May 10, 2024 -- Chinese Foreign Minister Wang Yi held talks with Kyrgyz "
        "Foreign Minister Jeenbek Kulubaev in Beijing on Friday. The two sides agreed to "
        "step up counter-terrorism cooperation.\nThe ministers also discussed preparations "
        "for the SCO summit, to be held in Astana in July.",
        {"KG"},
        id="en-sco-discussed",
    ),
    pytest.param(
        "2024年5月10日，王毅在北京同吉尔吉斯斯坦外长库卢巴耶夫会谈。双方同意加强反恐合作。"
        "\n双方还就上海合作组织合作交换了意见。",
        {"KG"},
        id="zh-sco-discussed",
    ),
    pytest.param(
        "Бишкек, 10 мая 2024 г. Министр иностранных дел Кыргызстана Жээнбек Кулубаев провел "
        "переговоры с министром иностранных дел КНР Ван И. Стороны договорились расширять "
        "сотрудничество в борьбе с терроризмом.\nНапомним, что в прошлом году в Астане прошел "
        "саммит ШОС.",
        {"KG"},
        id="ru-sco-recalled",
    ),
    pytest.param(
        "Душанбе, 5 сентября 2023 г. Подразделения Таджикистана и Китая провели совместные "
        "антитеррористические учения на Памире. Ранее в августе в Казахстане прошли учения "
        "ОДКБ, в которых участвовали военные Казахстана и Кыргызстана.",
        {"TJ"},
        id="ru-earlier-opening",
    ),
    pytest.param(
        "DUSHANBE, Sept. 5, 2023 -- Tajik and Chinese special forces held a joint counter-terrorism "
        "exercise in the Pamirs on Tuesday. In 2019, Kyrgyz units took part in the exercise "
        "series.",
        {"TJ"},
        id="en-year-opening",
    ),
    pytest.param(
        "Джизак, 5 сентября 2023 г. Под Джизаком прошли совместные учения Национальной "
        "гвардии Узбекистана и Народной вооруженной полиции Китая. Подразделения Нацгвардии "
        "ранее участвовали в совместных учениях с силовыми структурами Казахстана.",
        {"UZ"},
        id="ru-before-taking-part",
    ),
    pytest.param(
        "2024年6月1日，新疆军区某边防团在帕米尔高原组织冬季练兵，提升边境管控能力。该团驻守"
        "的边境线毗邻吉尔吉斯斯坦一侧的村庄。",
        set(),
        id="zh-domestic",
    ),
    pytest.param(
        "2024年8月5日，中国、哈萨克斯坦、吉尔吉斯斯坦三国安全部门在新疆举行联合反恐演习。乌"
        "兹别克斯坦国家安全局派观察员观摩演习。",
        {"KG", "KZ"},
        id="zh-observer-institution",
    ),
    pytest.param(
        "BISHKEK, July 4, 2025 -- The Council of Heads of State of the Shanghai Cooperation "
        "Organization met in Bishkek on Friday. Chinese President Xi Jinping called for "
        "joint action against terrorism. Turkmen President Serdar Berdimuhamedov attended "
        "the opening session as a guest of the chair.",
        {"KG", "KZ", "TJ", "UZ"},
        id="en-guest",
    ),
    pytest.param(
        "2025年9月12日，全国人大常委会批准中国同乌兹别克斯坦移管被判刑人条约。该条约于2024年"
        "7月由两国外长签署。有关负责人表示，条约有利于加强中国同中亚国家的司法合作。",
        {"UZ"},
        id="zh-region-talked",
    ),
    pytest.param(
        "Урумчи, 8 июля 2024 г. В Урумчи состоялась встреча начальников генеральных штабов "
        "Китая и Таджикистана по борьбе с терроризмом. Эксперты отмечают, что механизм "
        "дополняет другие форматы, в которых участвуют Китай и страны Центральной Азии.",
        {"TJ"},
        id="ru-experts",
    ),
    pytest.param(
        "BEIJING, May 5, 2024 -- Xi Jinping held talks with Tajik President Emomali Rahmon "
        "in Beijing. The two sides signed an agreement on fighting terrorism, separatism "
        "and extremism and a memorandum on the security of Line D of the gas pipeline, "
        "which is to run from Turkmenistan through Uzbekistan and Kyrgyzstan.",
        {"TJ"},
        id="en-pipeline",
    ),
    pytest.param(
        "Ашхабад, 5 мая 2024 г. Состоялись туркмено-китайские межмидовские консультации "
        "по вопросам безопасности и борьбы с терроризмом. Отмечено, что газопровод проходит "
        "по территории Узбекистана и Казахстана.",
        {"TM"},
        id="ru-pipeline",
    ),
    pytest.param(
        "2024年4月2日，王毅访问哈萨克斯坦，同哈外长会谈，双方同意加强反恐合作。乌兹别克斯坦"
        "和塔吉克斯坦方面对此访未作评论。",
        {"KZ"},
        id="zh-no-comment",
    ),
    pytest.param(
        "BEIJING, April 2, 2024 -- Foreign Ministry spokesperson said China and Uzbekistan "
        "held talks on extradition and law-enforcement cooperation. The Kazakh and Kyrgyz "
        "foreign ministers will visit China next week.",
        {"UZ"},
        id="en-next-week",
    ),
    pytest.param(
        "2024年4月2日，中国公安部为上合组织成员国举办禁毒执法培训班，来自吉尔吉斯斯坦内务部"
        "的20名禁毒警察参加培训。哈萨克斯坦内务部曾表示有意选派学员参加下一期培训班。",
        {"KG"},
        id="zh-next-course",
    ),
    pytest.param(
        "2024年4月2日，中塔边防部门在卡拉苏口岸开展联合巡逻。喀什边境管理支队同吉尔吉斯斯坦"
        "边防部门也建立了会晤机制，但尚未开展联合巡逻。",
        {"TJ"},
        id="zh-not-yet",
    ),
]


NAMED_ONLY_NINTH += [
    pytest.param(
        "2024年5月20日，中吉边防代表在吐尔尕特口岸举行年度会晤，双方就打击跨境犯罪交换了意见。"
        "据了解，中国与哈萨克斯坦的边防代表会晤机制也已运行多年。",
        {"KG"},
        id="zh-another-mechanism-running-for-years",
    ),
    pytest.param(
        "Душанбе, 3 марта 2024 г. Китайская частная охранная компания начала охранять золотой "
        "рудник в Таджикистане. В Узбекистане иностранным частным охранным компаниям работать "
        "запрещено.",
        {"TJ"},
        id="ru-where-it-is-forbidden",
    ),
    pytest.param(
        "2024年6月3日，公安部部长王小洪在北京会见乌兹别克斯坦内务部长，双方同意加强反恐合作。"
        "会见前，乌方代表团出席了有哈萨克斯坦、吉尔吉斯斯坦执法部门代表参加的反恐研讨会。",
        {"UZ"},
        id="zh-an-event-before-the-meeting",
    ),
]


NAMED_ONLY_NINTH += [
    pytest.param(
        "Пекин, 9 июня 2025 г. Министр внутренних дел Таджикистана провел переговоры с министром "
        "общественной безопасности Китая. Стороны договорились расширять сотрудничество в борьбе "
        "с терроризмом и наркотрафиком. Таджикистан, как и Кыргызстан и Казахстан, входит в ОДКБ "
        "и ШОС, тогда как Узбекистан участвует только в ШОС.",
        {"TJ"},
        id="ru-membership-is-not-taking-part",
    ),
    pytest.param(
        "BEIJING, June 9, 2025 -- Tajik parliament speaker Rustami Emomali met Zhao Leji in "
        "Beijing. The two sides agreed to expand counter-terrorism cooperation. Tajikistan, like "
        "Kyrgyzstan and Kazakhstan, belongs to the CSTO, while Uzbekistan participates only in "
        "the SCO.",
        {"TJ"},
        id="en-membership-is-not-taking-part",
    ),
]


NAMED_ONLY_NINTH += [
    pytest.param(
        "2025年3月5日，国家主席习近平同乌兹别克斯坦总统米尔济约耶夫通电话，双方同意加强反恐和执法"
        "安全合作。两国元首还就今年上海合作组织比什凯克峰会交换了意见。",
        {"UZ"},
        id="zh-a-summit-talked-about",
    ),
]


NAMED_ONLY_NINTH += [
    pytest.param(
        "2025年8月5日，中国、哈萨克斯坦、吉尔吉斯斯坦三国安全部门在新疆举行联合反恐演习，共同提升打击恐怖"
        "主义能力。上合组织地区反恐怖机构执行委员会主任出席演习。",
        {"KG", "KZ"},
        id="zh-a-framework-bodys-director-attends",
    ),
    pytest.param(
        "SHANGHAI, April 9, 2025 -- A seminar on combating cybercrime and terrorism financing "
        "opened in Shanghai for police officers from Kazakhstan and Kyrgyzstan. The seminar is part "
        "of China's pledge, announced at the SCO summit, to train law-enforcement personnel.",
        {"KG", "KZ"},
        id="en-a-pledge-announced-at-a-summit",
    ),
]


TAKING_PART_NINTH = [
    pytest.param(
        "BISHKEK, March 3, 2024 -- Chinese and Kyrgyz border guards held a joint patrol "
        "along the Naryn section of the border on Tuesday. Uzbek border guards also took "
        "part.",
        {"KG", "UZ"},
        id="en-joined",
    ),
    pytest.param(
        "Душанбе, 3 марта 2024 г. Пограничники Таджикистана и Китая провели совместное "
        "патрулирование на Памире. В патрулировании также участвовали пограничники Узбекистана.",
        {"TJ", "UZ"},
        id="ru-joined",
    ),
    pytest.param(
        "2024年3月3日，中吉两国边防部门在纳伦段开展联合巡逻。哈萨克斯坦边防人员也参加了巡逻。",
        {"KG", "KZ"},
        id="zh-joined",
    ),
    pytest.param(
        "ASTANA, May 20, 2024 -- The SCO Council of Foreign Ministers met in Astana on "
        "Monday. Chinese Foreign Minister Wang Yi attended and called for closer counter-terrorism "
        "cooperation.",
        {"KG", "KZ", "TJ", "UZ"},
        id="en-sco-meets",
    ),
    pytest.param(
        "2025年9月12日，中国和乌兹别克斯坦内务部长在北京签署打击恐怖主义合作协定。中国同中"
        "亚国家执法部门代表出席了签字仪式。",
        {"KG", "KZ", "TJ", "TM", "UZ"},
        id="zh-region-attends",
    ),
    pytest.param(
        "ORENBURG, Sept. 25, 2021 -- The SCO joint counter-terrorism exercise Peace Mission 2021 "
        "ended in the Orenburg region. Troops from China, Kazakhstan, Kyrgyzstan, Tajikistan and "
        "Uzbekistan took part, and representatives of the RATS Executive Committee observed.",
        {"KZ", "KG", "TJ", "UZ"},
        id="en-took-part-while-others-observed",
    ),
    pytest.param(
        "Оренбург, 25 сентября 2021 г. Совместное антитеррористическое учение четырех стран "
        "завершилось на полигоне Донгуз. В учении, которое началось 13 сентября, приняли участие "
        "около 4 тыс. военнослужащих из Китая, Киргизии и Узбекистана. Казахстанскую сторону "
        "представляли военнослужащие аэромобильных войск.",
        {"KZ", "KG", "UZ"},
        id="ru-an-abbreviation-inside-the-list",
    ),
    pytest.param(
        "TASHKENT, March 5, 2025 -- Chinese Public Security Minister Wang Xiaohong held talks "
        "with Uzbek Interior Minister Pulat Bobojonov on counter-terrorism cooperation. Wang "
        "later discussed border security with Kyrgyz Interior Minister Ulan Niyazbekov.",
        {"UZ", "KG"},
        id="en-a-second-talk-with-a-side",
    ),
    pytest.param(
        "Ташкент, 5 марта 2025 г. Министр общественной безопасности КНР Ван Сяохун провел "
        "переговоры с министром внутренних дел Узбекистана о борьбе с терроризмом. Позже Ван "
        "Сяохун обсудил вопросы безопасности границы с министром внутренних дел Кыргызстана.",
        {"UZ", "KG"},
        id="ru-a-second-talk-with-a-side",
    ),
    pytest.param(
        "2025年3月5日，公安部部长王小洪在塔什干同乌兹别克斯坦内务部长会谈，双方同意加强反恐合作。"
        "王小洪随后同吉尔吉斯斯坦内务部长讨论了边境安全问题。",
        {"UZ", "KG"},
        id="zh-a-second-talk-with-a-side",
    ),
    pytest.param(
        "BISHKEK, May 14, 2025 -- A joint counter-terrorism exercise of Chinese and Kyrgyz "
        "special forces opened near Osh on Wednesday. The Kazakh delegation was headed by Deputy "
        "Interior Minister Marat Kozhayev.",
        {"KG", "KZ"},
        id="en-a-delegation-in-a-sentence-of-its-own",
    ),
    pytest.param(
        "Бишкек, 14 мая 2025 г. Под Ошем начались совместные антитеррористические учения "
        "спецподразделений Китая и Кыргызстана. Казахстанскую делегацию возглавил заместитель "
        "министра внутренних дел.",
        {"KG", "KZ"},
        id="ru-a-delegation-in-a-sentence-of-its-own",
    ),
    pytest.param(
        "2025年5月14日，中吉两国特种部队联合反恐演习在奥什附近开幕。哈萨克斯坦代表团由内务部副部长率领。",
        {"KG", "KZ"},
        id="zh-a-delegation-in-a-sentence-of-its-own",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_ONLY_NINTH)
def test_a_state_named_beside_the_event_is_not_coded(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


@pytest.mark.parametrize(("text", "expected"), TAKING_PART_NINTH)
def test_a_state_taking_part_in_the_event_stays_coded(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


def _text(cases: list[Any], case_id: str) -> str:
    return str(next(c.values[0] for c in cases if c.id == case_id))


def test_a_framework_talked_about_brings_no_members() -> None:
    """An SCO summit discussed or recalled is not the item's meeting: no member is implied (not
    Russia either); the council meeting in the lead implies them all."""
    for case_id in ("en-sco-discussed", "ru-sco-recalled"):
        coded, _ = _ca(_text(NAMED_ONLY_NINTH, case_id))
        assert not {"RU", "IN", "PK"} & set(coded.countries), coded.countries
        assert not any(e.basis == "membership" for e in coded.evidence)
    coded, _ = _ca(_text(TAKING_PART_NINTH, "en-sco-meets"))
    assert {"RU", "IN", "PK"} <= set(coded.countries)
    assert any(e.basis == "membership" for e in coded.evidence)


# -- tenth round: the page around the article -----------------------------------------------
# A page's furniture after the article (a heading line of links to other articles, its tags,
# its editor) names other events: their states are not this event's sides. The same words in a
# sentence of the article (related issues, 相关新闻报道称) head no such list.
PAGE_FURNITURE = [
    pytest.param(
        "ASTANA, March 3, 2025 -- Kazakh Interior Minister Yerzhan Sadenov met Chinese Minister of "
        "Public Security Wang Xiaohong in Astana on Monday. The two sides agreed to step up "
        "counter-terrorism and anti-drug cooperation.\n"
        "Related news:\n"
        "-- Xi meets Turkmen president in Beijing\n"
        "-- Uzbekistan, Russia hold talks on air defence",
        {"KZ"},
        id="en-related-news",
    ),
    pytest.param(
        "Бишкек, 3 марта 2025 г. Министр внутренних дел Кыргызстана провел переговоры с министром "
        "общественной безопасности КНР. Стороны договорились расширять сотрудничество в борьбе с "
        "терроризмом и наркотрафиком.\n"
        "Теги: МВД, Китай, терроризм\n"
        "Читайте также:\n"
        "МВД Таджикистана и Узбекистана провели совместные рейды на границе",
        {"KG"},
        id="ru-read-also",
    ),
    pytest.param(
        "2025年3月3日，国务委员、公安部部长王小洪在北京会见塔吉克斯坦内务部长。双方同意深化反恐和禁毒"
        "合作，共同打击跨国犯罪。\n"
        "【责任编辑：张明】\n"
        "【相关新闻】\n"
        "习近平同土库曼斯坦总统通电话\n"
        "中哈两国边防部门举行会晤",
        {"TJ"},
        id="zh-related-news",
    ),
    pytest.param(
        "ASTANA, March 3, 2025 -- Kazakh Interior Minister Yerzhan Sadenov met Chinese Minister of "
        "Public Security Wang Xiaohong in Astana on Monday. The two sides agreed to step up "
        "counter-terrorism cooperation.\n"
        "Most read\n"
        "Kyrgyz and Chinese border guards hold a joint patrol",
        {"KZ"},
        id="en-most-read",
    ),
    pytest.param(
        "Бишкек, 3 марта 2025 г. Министр внутренних дел Кыргызстана провел переговоры с министром "
        "общественной безопасности КНР о борьбе с терроризмом.\n"
        "Самое читаемое\n"
        "Узбекистан и Китай провели совместные учения",
        {"KG"},
        id="ru-most-read",
    ),
    pytest.param(
        "2025年3月3日，国务委员、公安部部长王小洪在北京会见塔吉克斯坦内务部长。双方同意深化反恐合作。\n"
        "热点新闻\n"
        "中乌两国举行联合反恐演习",
        {"TJ"},
        id="zh-hot-news",
    ),
]
NOT_FURNITURE = [
    pytest.param(
        "Latest news\n"
        "ALMATY, March 3, 2025 -- Kazakh and Chinese police held a joint counter-terrorism drill "
        "near Almaty on Monday. Uzbek police officers took part in the drill as well.",
        {"KZ", "UZ"},
        id="en-a-heading-above-the-article",
    ),
    pytest.param(
        "ASTANA, March 3, 2025 -- Kazakh Interior Minister Yerzhan Sadenov met Chinese Minister of "
        "Public Security Wang Xiaohong in Astana on Monday.\n"
        "Related issues were discussed with the Uzbek delegation, which also attended the talks.",
        {"KZ", "UZ"},
        id="en-related-in-a-sentence",
    ),
    pytest.param(
        "2025年3月3日，国务委员、公安部部长王小洪在北京会见塔吉克斯坦内务部长。\n"
        "相关新闻报道称，乌兹别克斯坦代表团也参加了会见。",
        {"TJ", "UZ"},
        id="zh-related-in-a-sentence",
    ),
    pytest.param(
        "Бишкек, 3 марта 2025 г. Министр внутренних дел Кыргызстана провел переговоры с министром "
        "общественной безопасности КНР.\n"
        "По теме переговоров выступил и министр внутренних дел Казахстана, который также участвовал "
        "во встрече.",
        {"KG", "KZ"},
        id="ru-po-teme-in-a-sentence",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PAGE_FURNITURE)
def test_the_pages_links_to_other_articles_add_no_participants(
    text: str, expected: set[str]
) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


@pytest.mark.parametrize(("text", "expected"), NOT_FURNITURE)
def test_the_same_words_in_a_sentence_cut_nothing(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


# -- tenth round: a list of participants or delegations names the event's sides -------------
# (participants, delegations, 代表团, делегации: whoever is listed takes part, states from outside
# the region too); a list naming no one taking part, beside a bilateral event, stays background
PARTICIPANT_LISTS = [
    pytest.param(
        "BAKU, May 4, 2025 -- The CICA senior officials committee met in Baku on Sunday to discuss "
        "joint counter-terrorism measures. Among the participants were the Chinese delegation, "
        "headed by Special Envoy Li Ming, and the Kazakh delegation, as well as Kyrgyzstan, "
        "Tajikistan, Russia, Iran and Mongolia.",
        {"KZ", "KG", "TJ"},
        id="en-among-the-participants",
    ),
    pytest.param(
        "2025年5月4日，亚信高官委员会会议在巴库举行，讨论反恐合作。中国、哈萨克斯坦、吉尔吉斯斯坦、"
        "塔吉克斯坦、俄罗斯、伊朗、蒙古等国代表团在会上发言。",
        {"KZ", "KG", "TJ"},
        id="zh-delegations-spoke",
    ),
    pytest.param(
        "Баку, 4 мая 2025 г. В Баку прошло заседание комитета старших должностных лиц СВМДА по "
        "вопросам борьбы с терроризмом. Делегации Китая, Казахстана, Кыргызстана, Таджикистана, "
        "России, Ирана и Монголии обсудили меры доверия.",
        {"KZ", "KG", "TJ"},
        id="ru-delegations-discussed",
    ),
]
NO_PARTICIPANT_LISTS = [
    pytest.param(
        "BAKU, May 4, 2025 -- The CICA senior officials committee met in Baku on Sunday to discuss "
        "joint counter-terrorism measures. The Chinese delegation was headed by Special Envoy Li "
        "Ming, and the Kazakh delegation by Deputy Foreign Minister Alibek Bakayev. Kyrgyzstan, "
        "Tajikistan, Russia, Iran and Mongolia have joined the CICA catalogue of measures since "
        "2019.",
        {"KZ"},
        id="en-states-that-joined-a-catalogue",
    ),
    pytest.param(
        "ASTANA, May 4, 2025 -- Chinese Foreign Minister Wang Yi held talks with Kazakh Foreign "
        "Minister Murat Nurtleu in Astana on counter-terrorism cooperation. "
        "The CICA forum today unites Kyrgyzstan, Tajikistan, Russia, Iran, Mongolia and others.",
        {"KZ"},
        id="en-a-forum-uniting-states",
    ),
    pytest.param(
        "2025年5月4日，外交部长王毅在阿斯塔纳同哈萨克斯坦外长努尔特列乌举行会谈。双方同意加强反恐和禁毒"
        "合作。亚信目前有吉尔吉斯斯坦、塔吉克斯坦、俄罗斯、伊朗、蒙古等28个成员国。",
        {"KZ"},
        id="zh-a-forum-with-members",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPANT_LISTS)
def test_a_list_of_participants_or_delegations_takes_part(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


@pytest.mark.parametrize(("text", "expected"), NO_PARTICIPANT_LISTS)
def test_a_list_naming_no_one_taking_part_adds_no_participants(
    text: str, expected: set[str]
) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


# -- tenth round: the same done by others too, at no time of this event ----------------------
# (a perfect with also or too: has also held patrols with..., 也已同…举行; a year of its own, even
# beside a period "since" another year), unless the state takes part or sends its people
ALSO_ELSEWHERE = [
    pytest.param(
        "ALMATY, June 3, 2025 -- Chinese and Kazakh border guards held a joint patrol along the "
        "Khorgos section of the border on Tuesday. The two sides exchanged information on "
        "smuggling routes. Chinese border units have also held joint patrols with Kyrgyz and "
        "Tajik guards.",
        {"KZ"},
        id="en-has-also-held",
    ),
    pytest.param(
        "2025年6月3日，中哈两国边防部门在霍尔果斯口岸地段举行联合巡逻，双方交流了打击走私的情况。"
        "中国边防部门也已同吉尔吉斯斯坦和塔吉克斯坦边防部门举行联合巡逻。",
        {"KZ"},
        id="zh-ye-yi",
    ),
    pytest.param(
        "Ташкент, 3 июня 2025 г. Узбекистан получил от Китая партию беспилотников для "
        "пограничной службы. Кыргызстан в 2023 году также получил китайские беспилотники, а "
        "Таджикистан располагает ими с 2019 года.",
        {"UZ"},
        id="ru-a-year-beside-since",
    ),
]
ALSO_TAKING_PART = [
    pytest.param(
        "ASTANA, June 3, 2026 -- Chinese and Kazakh defence ministers held talks in Astana on "
        "counter-terrorism cooperation. Kyrgyz Defence Minister Ruslan Mukambetov has also "
        "arrived in Astana for the talks.",
        {"KZ", "KG"},
        id="en-has-also-arrived-for-the-talks",
    ),
    pytest.param(
        "ALMATY, June 3, 2025 -- Chinese and Kazakh border guards held a joint patrol along the "
        "Khorgos section of the border on Tuesday. The two sides exchanged information on "
        "smuggling routes. Kyrgyz border guards have also taken part in the patrol.",
        {"KZ", "KG"},
        id="en-have-also-taken-part",
    ),
    pytest.param(
        "2025年6月3日，中哈两国边防部门在霍尔果斯口岸地段举行联合巡逻，双方交流了打击走私的情况。"
        "吉尔吉斯斯坦边防部门也派员参加了巡逻。",
        {"KZ", "KG"},
        id="zh-also-sent-people",
    ),
    pytest.param(
        "Ташкент, 3 июня 2025 г. Узбекистан получил от Китая партию беспилотников для "
        "пограничной службы. Кыргызстан также направил на церемонию передачи своих представителей.",
        {"UZ", "KG"},
        id="ru-also-sent-representatives",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ALSO_ELSEWHERE)
def test_the_same_done_by_others_too_adds_no_participants(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


@pytest.mark.parametrize(("text", "expected"), ALSO_TAKING_PART)
def test_a_state_also_taking_part_stays_coded(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


# -- tenth round: names inside other names --------------------------------------------------
def test_an_officials_name_inside_a_longer_transliterated_name_is_another_person() -> None:
    """拉赫莫诺夫 (Rahmonov) is the tail of 阿卜杜拉赫莫诺夫, the Uzbek ambassador's surname after
    the middle dot: no Tajik official attends; the Tajik president named as 埃莫马利·拉赫蒙 is one."""
    coded, ca = _ca(
        "2026年5月27日，国务委员、公安部部长王小洪在北京会见乌兹别克斯坦内务部长博博约诺夫。双方同意加强"
        "执法安全合作，共同打击恐怖主义。乌兹别克斯坦驻华大使赛福丁·阿卜杜拉赫莫诺夫等参加会见。"
    )
    assert ca == {"UZ"}, coded.evidence
    coded, ca = _ca(
        "2026年5月27日，塔吉克斯坦总统埃莫马利·拉赫蒙在杜尚别会见中国公安部部长王小洪。双方同意加强执法"
        "安全合作，共同打击恐怖主义。"
    )
    assert ca == {"TJ"}, coded.evidence


def test_a_border_with_a_state_whose_name_ends_after_the_match_is_named_only() -> None:
    """与吉尔吉斯斯坦接壤 names a border when the state's hit is its short form 吉尔吉斯 too."""
    text = "我们这里与吉尔吉斯斯坦接壤。"
    start = text.index("吉尔吉斯")
    assert named_only(text, Hit(start, start + 4, ("state", "KG"), "吉尔吉斯"))
    assert named_only(text, Hit(start, start + 6, ("state", "KG"), "吉尔吉斯斯坦"))
    other = "我们这里与吉尔吉斯斯坦举行联合巡逻。"
    assert not named_only(other, Hit(start, start + 4, ("state", "KG"), "吉尔吉斯"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kyrgyzstan deports Uyghur man to China\n"
            "BISHKEK, Feb. 12, 2026 -- Kyrgyz authorities have deported an ethnic Uyghur man to "
            "China, his lawyer says.\n"
            "Ilyas Kurbanov, 34, was handed over to Chinese police at the Torugart crossing on "
            "February 10. Kurbanov was detained in November by officers of the national security "
            "committee at China's request.",
            {"KG"},
            id="en-another-given-name",
        ),
        pytest.param(
            "Бишкек, 12 февраля 2026 г. Пограничники Кыргызстана передали китайской полиции на КПП "
            "«Торугарт» разыскиваемого за терроризм Ильяса Курбанова. Курбанов был задержан в "
            "ноябре по запросу Китая.",
            {"KG"},
            id="ru-another-given-name",
        ),
        pytest.param(
            "TASHKENT, Feb. 12, 2026 -- Chinese Defence Minister Dong Jun held talks with Uzbek "
            "Defence Minister Bakhodir Kurbanov in Tashkent on counter-terrorism cooperation. "
            "Kurbanov said the two armies would hold a joint exercise.",
            {"UZ"},
            id="en-the-officials-own-given-name",
        ),
        pytest.param(
            "BEIJING, Feb. 12, 2026 -- Chinese Premier Li Qiang met Uzbek Prime Minister Abdulla "
            "Nigmatovich Aripov in Beijing; the two sides agreed to deepen counter-terrorism and "
            "security cooperation.",
            {"UZ"},
            id="en-a-patronymic-before-the-surname",
        ),
    ],
)
def test_a_surname_after_another_given_name_is_another_person(
    text: str, expected: set[str]
) -> None:
    """An official's surname after another given name (Ilyas Kurbanov, Ильяса Курбанова) names
    another person, and so does each bare mention of it after that (Kurbanov was detained); the
    official's own given name, or a patronymic between, keeps the official."""
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence


# -- tenth round: another month of this year ---------------------------------------------------
OTHER_MONTH = [
    pytest.param(
        "China, Kazakhstan defence ministers hold talks\n"
        "BEIJING, Oct. 14 (Xinhua) -- Chinese Defence Minister Dong Jun held talks with Kazakh "
        "Defence Minister Ruslan Zhaksylykov in Beijing on Tuesday on counter-terrorism "
        "cooperation. The SCO defence ministers' meeting was held in Bishkek, Kyrgyzstan, in "
        "June this year.",
        {"KZ"},
        id="en-in-june-this-year",
    ),
    pytest.param(
        "Министры обороны Китая и Казахстана провели переговоры\n"
        "Пекин, 14 октября. Министр обороны КНР Дун Цзюнь провел переговоры с министром обороны "
        "Казахстана Русланом Жаксылыковым о сотрудничестве в борьбе с терроризмом. Совещание "
        "министров обороны ШОС прошло в Бишкеке в июне этого года.",
        {"KZ"},
        id="ru-v-iyune-etogo-goda",
    ),
    pytest.param(
        "新华社北京10月14日电 国防部长董军14日在北京同哈萨克斯坦国防部长扎克瑟勒科夫举行会谈，双方同意"
        "深化反恐合作。今年6月，上合组织成员国国防部长会议在吉尔吉斯斯坦比什凯克举行。",
        {"KZ"},
        id="zh-jinnian-6-yue",
    ),
]


@pytest.mark.parametrize(("text", "expected"), OTHER_MONTH)
def test_another_month_of_this_year_is_another_event(text: str, expected: set[str]) -> None:
    """A meeting held in June this year, beside talks on October 14, is another event: its
    host is no side and its city no venue (the lead's date is a dateline's, on the event's
    line)."""
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected, coded.evidence
    assert coded.location == "Beijing", coded.evidence


def test_the_same_month_or_taking_part_keeps_the_state() -> None:
    coded, ca = _ca(
        "China, Kazakhstan defence ministers hold talks\n"
        "BEIJING, Oct. 14 (Xinhua) -- Chinese Defence Minister Dong Jun held talks with Kazakh "
        "Defence Minister Ruslan Zhaksylykov in Beijing on Tuesday on counter-terrorism "
        "cooperation. Kyrgyz Defence Minister Ruslan Mukambetov, who took part in the talks in "
        "October this year, joined the two."
    )
    assert ca == {"KZ", "KG"}, coded.evidence
    coded, ca = _ca(
        "Китайские охранные компании в Центральной Азии\n"
        "Независимая газета, 03.04.2026 00:01:00\n"
        "В феврале текущего года китайская охранная компания открыла в Душанбе учебный центр, "
        "где местных охранников готовят для защиты китайских объектов в Таджикистане."
    )
    assert coded.location == "Dushanbe", coded.evidence


def test_taking_part_later_in_a_chinese_clause_after_an_earlier_time_is_earlier() -> None:
    """近年来也通过…机制参与: a state that has taken part in recent years through other formats is
    no member taking part in this SCO council (not Turkmenistan); one that attended these talks
    too (土库曼斯坦外长也出席了会谈) is a side."""
    coded, _ = _ca(
        "2026年4月13日，上海合作组织成员国外长理事会会议在比什凯克举行，外交部长王毅出席会议，塔吉克"
        "斯坦外长穆赫里丁与会。各方同意加强反恐合作。土库曼斯坦近年来也通过“中亚+中国”等机制参与地区"
        "反恐合作讨论。"
    )
    assert "TM" not in coded.countries, coded.evidence
    assert {"KZ", "KG", "TJ", "UZ"} <= set(coded.countries)
    coded, ca = _ca(
        "2026年4月13日，中塔两国外长在杜尚别举行会谈，双方同意加强反恐合作。土库曼斯坦外长也出席了会谈。"
    )
    assert ca == {"TJ", "TM"}, coded.evidence
