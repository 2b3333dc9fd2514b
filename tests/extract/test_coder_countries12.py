"""Countries taking part, not named: the twelfth round's classes (issue 13, branch coder18),
each with its contrast, on hand-written Chinese, Russian and English readouts (none copied
from a gold text). Not coded: an official's surname at the end of another person's longer Han
name; a state inside the name of a Chinese autonomous prefecture; a page's links after the
article joined by middle dots, or one headline after a heading that only heads links; an event
dated to a month of last year; SCO membership from a meeting word inside CICA's name or from
thanks for support "within the SCO"; liaison officers at a reception on the sidelines; neighbours of the PRC's own act (a border's other side, where
a state lies, its "no concerns") and its herders; states asked about in a rumour; a project
"also Chinese-built" elsewhere; the same actor's other act "also" with another state on no
security matter. Coded: the same states where they take part.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_background import asked_sentence
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _ca(text: str) -> tuple[CodedDocument, set[str]]:
    coded = code_document(make_doc(text))
    return coded, set(coded.countries) & CA


NOT_TAKING_PART = [
    pytest.param(
        "5月10日，新疆维吾尔自治区副主席在乌鲁木齐会见吉尔吉斯斯坦贾拉拉巴德州州长萨迪尔卡里莫夫一行，"
        "双方就加强口岸安全管理、联合打击走私和非法越境交换意见。",
        {"KG"},
        id="zh-surname-tail-of-a-longer-han-name",
    ),
    pytest.param(
        "Urumqi, May 10, 2026 -- Xinjiang border police opened a new command centre in Kizilsu "
        "Kyrgyz Autonomous Prefecture to fight smuggling and terrorist infiltration, the regional "
        "public security department said on Monday. The centre links 40 border stations.",
        set(),
        id="en-kyrgyz-autonomous-prefecture",
    ),
    pytest.param(
        "Астана, 3 марта 2026 года. Министр внутренних дел Казахстана провел переговоры с "
        "заместителем министра общественной безопасности КНР. Стороны обсудили борьбу с "
        "терроризмом и наркотрафиком и подписали протокол о сотрудничестве.\n\n"
        "Читайте также: В Таджикистане задержаны вербовщики · Узбекистан и Китай провели "
        "переговоры о безопасности",
        {"KZ"},
        id="ru-links-joined-by-middle-dots",
    ),
    pytest.param(
        "Астана, 3 марта 2026 года. Министр внутренних дел Казахстана провел переговоры с "
        "заместителем министра общественной безопасности КНР. Стороны обсудили борьбу с "
        "терроризмом и наркотрафиком и подписали протокол о сотрудничестве.\n\n"
        "Читайте также: Узбекистан и Китай провели переговоры о безопасности",
        {"KZ"},
        id="ru-one-headline-after-read-also",
    ),
    pytest.param(
        "BISHKEK, May 4, 2026 -- Kyrgyz Interior Minister met China's Vice Minister of Public "
        "Security in Bishkek on Monday to discuss joint operations against drug trafficking.\n"
        "See also: Tajikistan and China sign border security protocol",
        {"KG"},
        id="en-one-headline-after-see-also",
    ),
    pytest.param(
        "Душанбе, 14 мая 2026 года. Подразделения Государственного комитета национальной "
        "безопасности Таджикистана и Народной вооруженной полиции Китая провели совместные "
        "антитеррористические учения в Хатлонской области.\n\n"
        "Как сообщалось, в марте прошлого года Таджикистан принимал учения ОДКБ с участием "
        "узбекских военных.",
        {"TJ"},
        id="ru-a-month-of-last-year",
    ),
    pytest.param(
        "Астана, 9 апреля 2026 года. Президент Казахстана принял министра общественной "
        "безопасности КНР. Стороны обсудили противодействие терроризму и наркотрафику.\n\n"
        "Президент также поблагодарил китайскую сторону за поддержку инициатив Казахстана в "
        "рамках ШОС и Совещания по взаимодействию и мерам доверия в Азии.",
        {"KZ"},
        id="ru-sco-thanked-for-support-beside-cica-name",
    ),
    pytest.param(
        "TASHKENT, April 9, 2026 -- Chinese Vice Minister of Public Security held talks with "
        "Uzbek Interior Minister in Tashkent on Thursday. The two sides agreed to deepen "
        "cooperation against terrorism and drug trafficking.\n\n"
        "Kazakh and Tajik police liaison officers based in Tashkent attended a reception on the "
        "sidelines, the Chinese embassy said.",
        {"UZ"},
        id="en-liaison-officers-at-a-reception",
    ),
    pytest.param(
        "Пекин, 2 марта 2026 года. Народно-освободительная армия Китая разместила в Синьцзяне "
        "новую бригаду пограничной обороны, в нескольких сотнях километров от границ с "
        "Казахстаном и Таджикистаном, для борьбы с проникновением террористов. Казахстан и "
        "Таджикистан не выражали беспокойства по поводу этого шага.",
        set(),
        id="ru-border-list-and-no-concern",
    ),
    pytest.param(
        "Beijing, March 2, 2026 -- China has completed a new border fence in Xinjiang to stop "
        "terrorist infiltration, regional officials said on Monday. Kyrgyz herders on the other "
        "side told reporters that patrols had become more frequent. Kyrgyzstan's border service "
        'said it had "no concerns".',
        set(),
        id="en-herders-and-no-concerns",
    ),
    pytest.param(
        "2026年3月国防部例行记者会\n问：据报道，中吉两军近期在吉境内举行了联合反恐演习。能否介绍有关情况？\n"
        "答：经双方商定，中国人民解放军与吉尔吉斯斯坦武装力量于3月上旬在伊塞克湖州举行了联合反恐演习，"
        "双方共投入兵力约500人。\n问：有消息称，哈萨克斯坦和土库曼斯坦也有意同中方举行类似演习，是否属实？\n"
        "答：中方愿同中亚各国在相互尊重的基础上开展防务合作。具体情况我没有可以发布的信息。",
        {"KG"},
        id="zh-states-asked-about-and-the-region-in-the-answer",
    ),
    pytest.param(
        "BISHKEK, May 4, 2026 -- Kyrgyz Interior Minister and the Chinese ambassador opened a "
        "Chinese-funded police surveillance centre in Bishkek on Monday, part of the capital's "
        '"Safe City" system. Uzbekistan\'s Samarkand centre, also Chinese-built, is still under '
        "construction.",
        {"KG"},
        id="en-also-chinese-built-elsewhere",
    ),
    pytest.param(
        "TASHKENT, May 20, 2026 -- The Senate of Uzbekistan on Tuesday ratified the agreement "
        "between Uzbekistan and China on cooperation in combating terrorism, signed in Beijing in "
        "January. The Senate also approved an agreement with Kazakhstan on railway tariffs.",
        {"UZ"},
        id="en-also-another-agreement-with-a-state",
    ),
    pytest.param(
        "Ташкент, 20 мая 2026 года. Сенат Узбекистана ратифицировал соглашение между Узбекистаном "
        "и Китаем о сотрудничестве в борьбе с терроризмом. Сенат также ратифицировал соглашение с "
        "Казахстаном о совместном использовании водных ресурсов.",
        {"UZ"},
        id="ru-also-another-agreement-with-a-state",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_TAKING_PART)
def test_a_state_named_not_taking_part_is_not_coded(text: str, expected: set[str]) -> None:
    _, ca = _ca(text)
    assert ca == expected


TAKING_PART = [
    pytest.param(
        "2015年5月10日，国家主席习近平在北京会见来访的卡里莫夫总统，双方同意加强反恐和安全合作，"
        "共同打击“三股势力”。",
        {"UZ"},
        id="zh-the-official-after-a-verb",
    ),
    pytest.param(
        "Urumqi, May 10, 2026 -- Xinjiang border police and Kyrgyz border guards held a joint "
        "patrol near the Torugart crossing to fight smuggling and terrorist infiltration, the "
        "regional public security department said on Monday.",
        {"KG"},
        id="en-kyrgyz-border-guards",
    ),
    pytest.param(
        "Астана, 3 марта 2026 года. Министр внутренних дел Казахстана провел переговоры с "
        "заместителем министра общественной безопасности КНР. Стороны обсудили борьбу с "
        "терроризмом и наркотрафиком и подписали протокол о сотрудничестве. В переговорах также "
        "участвовала делегация МВД Узбекистана.",
        {"KZ", "UZ"},
        id="ru-a-delegation-in-the-body",
    ),
    pytest.param(
        "Душанбе, 14 мая 2026 года. Подразделения Государственного комитета национальной "
        "безопасности Таджикистана и Народной вооруженной полиции Китая провели совместные "
        "антитеррористические учения в Хатлонской области.\n\n"
        "Как и в марте прошлого года, в учениях участвовали военнослужащие Узбекистана.",
        {"TJ", "UZ"},
        id="ru-as-last-year-taking-part-now",
    ),
    pytest.param(
        "Бишкек, 9 апреля 2026 года. В Бишкеке прошло заседание Совета министров обороны "
        "государств – членов ШОС. Министры обсудили борьбу с терроризмом и подготовку "
        "совместных учений.",
        {"KZ", "KG", "TJ", "UZ"},
        id="ru-sco-defence-council-lists-its-members",
    ),
    pytest.param(
        "TASHKENT, April 9, 2026 -- Chinese Vice Minister of Public Security held talks with "
        "Uzbek Interior Minister in Tashkent on Thursday. The two sides agreed to deepen "
        "cooperation against terrorism and drug trafficking.\n\n"
        "At a reception on the sidelines of the talks in the evening, the Uzbek minister and the "
        "Kyrgyz Interior Minister signed a protocol on joint operations against drug trafficking "
        "with the Chinese delegation.",
        {"KG", "UZ"},
        id="en-a-signing-at-the-reception",
    ),
    pytest.param(
        "Beijing, March 2, 2026 -- China's National Defense University opened a counter-terrorism "
        "training course for 60 foreign officers on Monday. Officers from Kazakhstan, Kyrgyzstan "
        "and Tajikistan, among others, take part in the course, the university said.",
        {"KZ", "KG", "TJ"},
        id="en-officers-given-as-examples-take-part",
    ),
    pytest.param(
        "Пекин, 2 марта 2026 года. Пограничники Китая и Казахстана провели совместное "
        "патрулирование на границе для борьбы с контрабандой и проникновением террористов. "
        "Казахстанская сторона выразила удовлетворение итогами патрулирования.",
        {"KZ"},
        id="ru-a-joint-patrol-on-the-border",
    ),
    pytest.param(
        "2026年3月国防部例行记者会\n问：据报道，中吉两军近期在吉境内举行了联合反恐演习。能否介绍有关情况？\n"
        "答：经双方商定，中国人民解放军与吉尔吉斯斯坦武装力量于3月上旬在伊塞克湖州举行了联合反恐演习，"
        "双方共投入兵力约500人。哈萨克斯坦武装力量也派员参加了演习。",
        {"KG", "KZ"},
        id="zh-a-state-sending-troops-in-the-answer",
    ),
    pytest.param(
        "BISHKEK, May 4, 2026 -- Kyrgyz Interior Minister and the Chinese ambassador opened a "
        "Chinese-funded police surveillance centre in Bishkek on Monday, part of the capital's "
        '"Safe City" system. Uzbek police officials also attended the opening.',
        {"KG", "UZ"},
        id="en-also-attended",
    ),
    pytest.param(
        "Ташкент, 20 мая 2026 года. Сенат Узбекистана ратифицировал соглашение между Узбекистаном "
        "и Китаем о сотрудничестве в борьбе с терроризмом. Сенат также ратифицировал соглашение с "
        "Казахстаном о совместной охране границы.",
        {"KZ", "UZ"},
        id="ru-also-a-security-agreement-with-a-state",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TAKING_PART)
def test_a_state_taking_part_stays_coded(text: str, expected: set[str]) -> None:
    coded, ca = _ca(text)
    assert coded.relevant
    assert ca == expected


def _text(case_id: str) -> str:
    return str(next(p.values[0] for p in NOT_TAKING_PART if p.id == case_id))


def test_the_surname_tail_leaves_no_actor() -> None:
    coded, _ = _ca(_text("zh-surname-tail-of-a-longer-han-name"))
    assert not any(a.name == "Islam Karimov" for a in coded.actors)


def test_a_neighbour_removed_is_no_evidence_of_taking_part() -> None:
    coded, ca = _ca(_text("en-herders-and-no-concerns"))
    assert coded.relevant and ca == set()
    assert not [e for e in coded.evidence if e.field == "country" and e.code in CA]


def test_a_state_asked_about_is_no_side_unless_the_answer_says_yes() -> None:
    asked = "问：有消息称，哈萨克斯坦也有意同中方举行类似演习，是否属实？\n答：具体情况我没有可以发布的信息。"
    affirmed = (
        "问：有消息称，哈萨克斯坦也有意同中方举行类似演习，是否属实？\n答：是的，双方正在商定时间。"
    )
    position = asked.index("哈萨克斯坦")
    assert asked_sentence(asked, position, 0, len(asked))
    assert not asked_sentence(affirmed, position, 0, len(affirmed))
