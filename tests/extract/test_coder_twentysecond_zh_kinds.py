"""Twenty-second round (coder81), main kind and event kinds on Chinese pages and the classes
they share with Russian and English ones: equipment handed over at a training course's ceremony
is the course's second event (SECOND_EVENTS had none for training; equipment only used in the
course is none); a Chinese title joining two events with 暨 (装备交接仪式暨培训班结业仪式) leads
with the one named first (``coder_joint_title``); persons robbed or stabbed, told of their
victims (遭…抢劫并被刺伤, 遭持刀抢劫, were robbed, ограбили), are an incident (``coder_assault``),
and an unidentified attacker (不明身份人员) negates nothing; a meeting held at an exercise (会见,
met the commander, провёл переговоры) is its second event, officials attending it (出席) or the
troops' visits (visited, посетили) not. Every text is written for these tests (no gold text);
each rule has its contrast."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_assault import assault_mentions
from steppewatch.extract.coder_joint_title import joint_title_first
from steppewatch.extract.evaluate import prediction_from_record
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedDocument, CodedItem

from .conftest import first_relevant

CODER = CodebookCoder()


def _coded(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="twentysecond.txt"))


def _kind(text: str) -> str | None:
    item: CodedDocument | CodedItem | None = first_relevant(_coded(text))
    return None if item is None else item.kind


def _kinds(text: str) -> set[str]:
    return set(prediction_from_record(_coded(text)).fields().event_kinds)


# --- equipment handed over at a training course ------------------------------------------------

COURSE_EQUIPMENT_ZH = (
    "哈萨克斯坦警官反恐研修班在乌鲁木齐结业\n"
    "新疆警察学院 | 2026-09-12\n"
    "\n"
    "9月11日，由公安部主办的2026年哈萨克斯坦警官反恐研修班在新疆警察学院结业。哈萨克斯坦内务部"
    "28名警官参加了为期三周的培训，学习反恐战术和网络犯罪侦查。\n"
    "\n"
    "结业式上，中方向哈萨克斯坦内务部代表移交了一批警用装备，包括单兵防护装备和便携式检测仪。\n"
)
COURSE_ONLY_ZH = (
    "哈萨克斯坦警官反恐研修班在乌鲁木齐结业\n"
    "新疆警察学院 | 2026-09-12\n"
    "\n"
    "9月11日，由公安部主办的2026年哈萨克斯坦警官反恐研修班在新疆警察学院结业。哈萨克斯坦内务部"
    "28名警官参加了为期三周的培训，学习反恐战术和网络犯罪侦查。有关负责同志出席。\n"
    "\n"
    "学员们还参观了乌鲁木齐市公安局指挥中心，观摩了警用装备的使用。\n"
)
COURSE_EQUIPMENT_EN = (
    "Kyrgyz border officers complete course in Urumqi\n"
    "Embassy news | 12 September 2026\n"
    "\n"
    "On September 11, 30 officers of the Border Service of Kyrgyzstan completed a three-week "
    "training course on border control at a police college in Urumqi, China.\n"
    "\n"
    "At the closing ceremony the Chinese side handed over a batch of night-vision devices and "
    "radios to the Kyrgyz Border Service.\n"
)
COURSE_VISITS_EN = (
    "Kyrgyz border officers complete course in Urumqi\n"
    "Embassy news | 12 September 2026\n"
    "\n"
    "On September 11, 30 officers of the Border Service of Kyrgyzstan completed a three-week "
    "training course on border control at a police college in Urumqi, China.\n"
    "\n"
    "The trainees also visited a border checkpoint and learned how the new radios are used.\n"
)
COURSE_EQUIPMENT_RU = (
    "Таджикские пограничники завершили курсы в Китае\n"
    "Азия-Плюс | 12.09.2026\n"
    "\n"
    "11 сентября 30 сотрудников Пограничных войск Таджикистана завершили трехнедельные курсы "
    "повышения квалификации в полицейском колледже в Урумчи.\n"
    "\n"
    "На церемонии закрытия китайская сторона передала Пограничным войскам Таджикистана партию "
    "приборов ночного видения и радиостанций.\n"
)
COURSE_VISITS_RU = (
    "Таджикские пограничники завершили курсы в Китае\n"
    "Азия-Плюс | 12.09.2026\n"
    "\n"
    "11 сентября 30 сотрудников Пограничных войск Таджикистана завершили трехнедельные курсы "
    "повышения квалификации в полицейском колледже в Урумчи.\n"
    "\n"
    "Слушатели также посетили пограничный пункт пропуска.\n"
)


def test_equipment_handed_over_at_a_course_is_its_second_event() -> None:
    for text in (COURSE_EQUIPMENT_ZH, COURSE_EQUIPMENT_EN, COURSE_EQUIPMENT_RU):
        assert _kind(text) == "training_education", text[:30]
        assert _kinds(text) == {"training_education", "equipment_transfer"}, text[:30]


def test_a_course_alone_names_no_handover_and_no_meeting() -> None:
    # (equipment used in the course, officials attending it, the trainees' visits)
    for text in (COURSE_ONLY_ZH, COURSE_VISITS_EN, COURSE_VISITS_RU):
        assert _kind(text) == "training_education", text[:30]
        assert _kinds(text) == {"training_education"}, text[:30]


# --- two events joined by 暨 in a Chinese title ------------------------------------------------

JOINED_ZH = (
    "中国援助塔吉克斯坦边防装备交接仪式暨塔边防军官赴华培训班结业仪式在杜尚别举行\n"
    "驻塔使馆 | 2026-10-15\n"
    "\n"
    "10月14日，中国援助塔吉克斯坦边防装备交接仪式暨塔边防军官赴华培训班结业仪式在杜尚别举行。"
    "驻塔吉克斯坦大使和塔国家安全委员会边防军副司令出席。\n"
    "\n"
    "此次移交的装备包括巡逻车10辆和无人机。\n"
    "\n"
    "培训班为期一个月，40名塔边防军官在中国人民武装警察部队学院参加培训，学习边境管控、反恐战术、"
    "侦查技术和边防执法，培训结束后全体学员获颁结业证书，培训班成果丰硕。\n"
)
COURSE_FIRST_ZH = (
    "塔边防军官赴华培训班结业仪式暨中国援助塔吉克斯坦边防装备交接仪式在杜尚别举行\n"
    "驻塔使馆 | 2026-10-15\n"
    "\n"
    "10月14日，塔边防军官赴华培训班结业仪式暨中国援助塔吉克斯坦边防装备交接仪式在杜尚别举行。"
    "驻塔吉克斯坦大使和塔国家安全委员会边防军副司令出席。\n"
    "\n"
    "此次移交的装备包括巡逻车10辆和无人机。\n"
    "\n"
    "培训班为期一个月，40名塔边防军官在中国人民武装警察部队学院参加培训，学习边境管控、反恐战术、"
    "侦查技术和边防执法，培训结束后全体学员获颁结业证书，培训班成果丰硕。\n"
)


def test_the_event_named_before_ji_leads() -> None:
    assert _kind(JOINED_ZH) == "equipment_transfer"
    assert _kinds(JOINED_ZH) == {"equipment_transfer", "training_education"}


def test_the_course_named_before_ji_leads() -> None:
    assert _kind(COURSE_FIRST_ZH) == "training_education"
    assert _kinds(COURSE_FIRST_ZH) == {"equipment_transfer", "training_education"}


def _hit(text: str, term: str, code: str) -> Hit:
    at = text.index(term)
    return Hit(at, at + len(term), ("event_kind", code), term)


def test_joint_title_first_needs_the_chosen_kind_after_ji() -> None:
    text = "装备交接仪式暨培训班结业仪式举行"
    kinds = {
        "equipment_transfer": [_hit(text, "交接仪式", "equipment_transfer")],
        "training_education": [_hit(text, "培训班", "training_education")],
    }
    span = len(text)
    assert (
        joint_title_first(text, 0, span, kinds, "training_education", lambda at: (0, span))
        == "equipment_transfer"
    )
    # the chosen kind is named first already, or no 暨 at all
    assert (
        joint_title_first(text, 0, span, kinds, "equipment_transfer", lambda at: (0, span)) is None
    )
    plain = "装备交接仪式和培训班结业仪式举行"
    plain_kinds = {
        "equipment_transfer": [_hit(plain, "交接仪式", "equipment_transfer")],
        "training_education": [_hit(plain, "培训班", "training_education")],
    }
    assert (
        joint_title_first(plain, 0, span, plain_kinds, "training_education", lambda at: (0, span))
        is None
    )


# --- persons robbed or stabbed ----------------------------------------------------------------

ROBBED_ZH = (
    "驻吉尔吉斯斯坦使馆提醒在吉中国公民注意安全\n"
    "驻吉使馆 | 领事提醒 | 2026-10-09\n"
    "\n"
    "10月7日晚，两名中国公民在奥什市遭不明身份人员抢劫并被刺伤，目前伤情稳定。吉警方已抓获一名嫌疑人。"
    "事件发生后，使馆第一时间启动应急机制，派员赴医院探望。\n"
    "\n"
    "使馆提醒在吉中国公民避免夜间单独外出。\n"
)
ROBBED_LIGHT_ZH = (
    "驻乌兹别克斯坦使馆提醒在乌中国公民注意安全\n"
    "驻乌使馆 | 领事提醒 | 2026-10-09\n"
    "\n"
    "10月7日晚，3名中国公民在撒马尔罕市住所附近遭持刀抢劫，其中1人受轻伤。乌警方已立案侦查。"
    "案发后，使馆第一时间启动领事保护机制。\n"
)
ROBBERY_POLICY_ZH = (
    "中吉警方举行会谈\n"
    "驻吉使馆 | 2026-10-09\n"
    "\n"
    "10月8日，驻吉尔吉斯斯坦大使会见吉内务部部长，双方同意加强合作，联合打击抢劫、盗窃等侵害"
    "中国公民的犯罪。\n"
)
ROBBED_EN = (
    "Two Chinese nationals robbed in Bishkek, embassy says\n"
    "AKIpress | 9 October 2026\n"
    "\n"
    "Two Chinese citizens were robbed and stabbed near their hotel in Bishkek late on October 7, "
    "the Chinese Embassy said. Kyrgyz police detained a suspect.\n"
)
ROBBERY_POLICY_EN = (
    "Kyrgyz and Chinese police chiefs meet in Bishkek\n"
    "AKIpress | 9 October 2026\n"
    "\n"
    "The Chinese ambassador met the Kyrgyz interior minister in Bishkek on October 8. The sides "
    "agreed to step up the fight against robbery and theft targeting Chinese citizens.\n"
)


def test_persons_robbed_or_stabbed_are_an_incident() -> None:
    for text in (ROBBED_ZH, ROBBED_LIGHT_ZH, ROBBED_EN):
        assert _kind(text) == "incident", text[:30]
        assert "mechanism" not in _kinds(text), text[:30]


def test_robbery_named_as_a_crime_to_fight_is_no_incident() -> None:
    for text in (ROBBERY_POLICY_ZH, ROBBERY_POLICY_EN):
        assert _kind(text) == "meeting", text[:30]
        assert "incident" not in _kinds(text), text[:30]


def test_assault_mentions_words() -> None:
    for text, expected in (
        ("一名中国公民遭抢劫并被刺伤", ["抢劫", "刺伤"]),
        ("造成3名游客受轻伤", []),
        ("联合打击抢劫犯罪", []),
        ("two chinese workers were robbed", ["robbed"]),
        ("the fight against robbery", []),
        ("неизвестные ограбили граждан китая", ["ограбили"]),
        ("ограбления как вид преступлений", []),
    ):
        found = assault_mentions([], text, 0, len(text))
        assert [h.term for h in found] == expected, text
        assert all(h.payload == ("event_kind", "incident") for h in found)


# --- a meeting held at an exercise ------------------------------------------------------------

EXERCISE_MET_ZH = (
    "中吉两国武警联合反恐演习在伊塞克湖州落幕\n"
    "中国军网 | 2026-10-20\n"
    "\n"
    "10月19日，中国人民武装警察部队与吉尔吉斯斯坦国民近卫军“天山-2026”联合反恐演习在伊塞克湖州落下帷幕。"
    "两国参演官兵共400余人参加。\n"
    "\n"
    "闭幕式后，武警部队副司令员会见了吉尔吉斯斯坦国民近卫军司令，双方就深化两军反恐合作交换了意见。\n"
)
EXERCISE_ATTENDED_ZH = (
    "中吉两国武警联合反恐演习在伊塞克湖州落幕\n"
    "中国军网 | 2026-10-20\n"
    "\n"
    "10月19日，中国人民武装警察部队与吉尔吉斯斯坦国民近卫军“天山-2026”联合反恐演习在伊塞克湖州落下帷幕。"
    "两国参演官兵共400余人参加。\n"
    "\n"
    "吉尔吉斯斯坦国民近卫军司令出席闭幕式并观摩了综合演练。\n"
)
EXERCISE_MET_EN = (
    "China, Kyrgyzstan wrap up joint counter-terrorism drill\n"
    "Times of Central Asia | 20 October 2026\n"
    "\n"
    "A joint counter-terrorism exercise of China's People's Armed Police and Kyrgyzstan's "
    "National Guard ended at a training ground in the Issyk-Kul region on October 19.\n"
    "\n"
    "After the closing ceremony, the deputy commander of China's People's Armed Police met the "
    "commander of Kyrgyzstan's National Guard and held talks on counter-terrorism cooperation.\n"
)
EXERCISE_VISITED_EN = (
    "China, Kyrgyzstan wrap up joint counter-terrorism drill\n"
    "Times of Central Asia | 20 October 2026\n"
    "\n"
    "A joint counter-terrorism exercise of China's People's Armed Police and Kyrgyzstan's "
    "National Guard ended at a training ground in the Issyk-Kul region on October 19.\n"
    "\n"
    "The Chinese servicemen also visited historical sites of Kyrgyzstan in Cholpon-Ata.\n"
)
EXERCISE_MET_RU = (
    "В Сурхандарьинской области завершились учения Узбекистана и Китая\n"
    "Минобороны Узбекистана | 20.10.2026\n"
    "\n"
    "19 октября на полигоне в Сурхандарьинской области завершились совместные "
    "антитеррористические учения вооруженных сил Узбекистана и НОАК.\n"
    "\n"
    "По завершении учений министр обороны Узбекистана провёл переговоры с заместителем "
    "начальника Объединенного штаба ЦВС КНР.\n"
)
EXERCISE_VISITED_RU = (
    "В Сурхандарьинской области завершились учения Узбекистана и Китая\n"
    "Минобороны Узбекистана | 20.10.2026\n"
    "\n"
    "19 октября на полигоне в Сурхандарьинской области завершились совместные "
    "антитеррористические учения вооруженных сил Узбекистана и НОАК.\n"
    "\n"
    "Китайские военнослужащие также посетили исторические памятники Термеза.\n"
)


def test_a_meeting_at_an_exercise_is_its_second_event() -> None:
    for text in (EXERCISE_MET_ZH, EXERCISE_MET_EN, EXERCISE_MET_RU):
        assert _kind(text) == "bilateral_exercise", text[:30]
        assert _kinds(text) == {"bilateral_exercise", "meeting"}, text[:30]


def test_attending_or_visiting_at_an_exercise_is_no_meeting() -> None:
    for text in (EXERCISE_ATTENDED_ZH, EXERCISE_VISITED_EN, EXERCISE_VISITED_RU):
        assert _kind(text) == "bilateral_exercise", text[:30]
        assert _kinds(text) == {"bilateral_exercise"}, text[:30]
