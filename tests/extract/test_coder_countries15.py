"""Countries taking part: the fifteenth round's causes (issue 13, branch coder29), each with its
contrast, on hand-written texts (none copied from a gold text).

A page's countries are the states taking part in the events it reports. States found without a
name of their own (the members a framework's meeting implies, a venue's host, a region's group
name) belong to an event: a transcript's answer that reports no event (China's view of the
region before an SCO meeting) brings them to no event of a page whose other answer reports one
(a bilateral exercise); the same answer on a page of its own (no event anywhere: commentary)
keeps them.

The focal state's own build-up at home (domestic_capacity) has no partner side: a partner named
where it does not take part with the focal state (the neighbour who sees the new fence from its
side) is no participant, while one shown taking part (teams from China, Kazakhstan and
Kyrgyzstan compete) stays, whatever the kind read. A pair's short form before a border word
(中哈边境: the China-Kazakhstan border) is a place, not the two sides; the pair's border
commission is a body of both. A stretch of the border (на участках границы) is no taking part.

Commentary (no event) has no event whose sides an example would not be: the partner states it
discusses, given as examples too, are its countries; the same example sentence in the report of
an agreement stays an example.

A block of short lines with no sentence end closing a page (other items' headlines, however
headed or with no heading) names other events: its states and frameworks are no participants;
the same states named in the body's last sentence are.

A framework's gathering named as the time of another event (ahead of the SCO summit, накануне
саммита ШОС, 峰会前夕; what to expect after the summit) is that event's occasion, like the
sidelines: the event keeps its own sides and its framework, and the members are not implied;
a report of the summit itself implies them.

A state whose ministry only welcomed the event (表示欢迎, welcomed, приветствовало) or whose
president only sent greetings to its participants is no participant; one whose unit took part
is.

An item whose lead writes no year, on a page that gives no date, reports this year's event: a
later sentence opening with a year (В 2019 году, 2019年) recalls another, unless a state takes
part in it; the lead's year is read in the lead's paragraph, not in the next one.
"""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.coder_background import event_year, lead_end, takes_part

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}

EN_EVENT = (
    "Q: Chinese and Kyrgyz border troops held a joint counter-terrorism exercise near the "
    "Irkeshtam crossing this week. Can you give us more details?\n"
    "A: From 1 to 2 March, the border units of China and Kyrgyzstan conducted a joint exercise to "
    "fight terrorism and cross-border crime. The drill strengthened the capacity of the two sides "
    "to jointly protect the border.\n"
)
EN_NO_EVENT = (
    "Q: The SCO Council of Foreign Ministers will meet in Astana next month. What is China's view "
    "of the security situation in the region?\n"
    "A: China believes that the SCO member states should keep strengthening cooperation against "
    "terrorism, separatism and extremism. We stand ready to work with all parties for regional "
    "security and stability.\n"
)
EN_TITLE = "Foreign Ministry Spokesperson's Regular Press Conference on 3 March 2027\n"

ZH_EVENT = (
    "问：据报道，中国和吉尔吉斯斯坦边防部队本周在伊尔克什坦口岸附近举行了反恐联合演习。你能否介绍"
    "具体情况？\n"
    "答：3月1日至2日，中吉两国边防部队举行联合反恐演习，共同打击恐怖主义和跨境犯罪，提升了双方共同"
    "维护边境安全的能力。\n"
)
ZH_NO_EVENT = (
    "问：上合组织成员国外长理事会会议下月将在阿斯塔纳举行。中方如何看待地区安全形势？\n"
    "答：中方认为，上合组织成员国应继续加强合作，共同打击恐怖主义、分裂主义和极端主义，维护地区安全"
    "稳定。\n"
)
ZH_TITLE = "2027年3月3日外交部发言人例行记者会\n"


@pytest.mark.parametrize(
    ("title", "event", "no_event"),
    [(EN_TITLE, EN_EVENT, EN_NO_EVENT), (ZH_TITLE, ZH_EVENT, ZH_NO_EVENT)],
    ids=["en", "zh"],
)
def test_members_of_an_answer_without_event_are_not_the_pages(
    title: str, event: str, no_event: str
) -> None:
    coded = code_document(make_doc(title + event + no_event))
    assert coded.kind == "bilateral_exercise"
    # the answer on the SCO codes its members itself (its item), not on the page
    answer = [i for i in coded.items if i.relevant][-1]
    assert answer.kind is None
    assert {"TJ", "UZ"} <= set(answer.countries)
    assert set(coded.countries) & CA == {"KG"}
    assert not [e for e in coded.evidence if e.field == "country" and e.code in {"TJ", "UZ", "KZ"}]


@pytest.mark.parametrize(
    ("title", "no_event"), [(EN_TITLE, EN_NO_EVENT), (ZH_TITLE, ZH_NO_EVENT)], ids=["en", "zh"]
)
def test_members_stay_on_a_page_reporting_no_event(title: str, no_event: str) -> None:
    # the contrast: the same answer alone (a page of commentary) keeps the members it discusses
    coded = code_document(make_doc(title + no_event))
    assert coded.kind is None
    assert {"KG", "KZ", "TJ", "UZ"} <= set(coded.countries)


# -- the focal state's own build-up: the partner that only watches is no side ---------------------
RU_FENCE = (
    "Китай построил новое пограничное ограждение у перевала Иркештам\n"
    "Пограничное управление Синьцзяна завершило строительство нового ограждения с камерами и "
    "вышками вдоль границы в районе перевала Иркештам, чтобы предотвращать незаконное пересечение "
    "границы и проникновение террористов. Жители соседнего Алайского района рассказали, что теперь "
    "видят новые вышки с киргизской стороны.\n"
)
EN_FENCE = (
    "China completes new border fence near Irkeshtam\n"
    "Xinjiang's border defence authorities have finished a new fence with cameras and watchtowers "
    "along the frontier near the Irkeshtam pass, the Xinjiang Military District said, to stop "
    "illegal crossings, smuggling and the infiltration of terrorists. Villagers in Kyrgyzstan's "
    "Alay district say they can now see the new towers from their side.\n"
)
EN_CONTEST = (
    "Mountain warfare contest opens in Xinjiang\n"
    "URUMQI, May 4 -- A mountain warfare contest hosted by the Xinjiang Military District opened on "
    "Sunday at a high-altitude base. Special forces teams from China, Kazakhstan and Kyrgyzstan "
    "are competing in marches, shooting and rescue events over six days, aimed at improving "
    "counter-terrorism skills.\n"
)


@pytest.mark.parametrize("text", [RU_FENCE, EN_FENCE], ids=["ru", "en"])
def test_neighbour_of_the_focal_states_own_build_up_is_no_side(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind == "domestic_capacity"
    assert set(coded.countries) & CA == set()


def test_partners_listed_with_the_focal_state_stay_whatever_the_kind() -> None:
    # the contrast: teams of the partner states compete with China's (a listed side)
    coded = code_document(make_doc(EN_CONTEST))
    assert {"KZ", "KG"} <= set(coded.countries)


# -- a pair's short form before a border word --------------------------------------------------
ZH_PAIR_BORDER = (
    "新疆军区某边防团在中哈边境开展冬季实兵演练\n"
    "新华社乌鲁木齐1月10日电 近日，新疆军区某边防团在中哈边境某地组织冬季实兵演练，检验部队在高寒"
    "条件下的快速反应和边境管控能力。演练中，官兵围绕反恐处突、边境封控等课目展开训练，有效提升了部队"
    "维护边境安全稳定的能力。\n"
)
ZH_PAIR_COMMISSION = (
    "中哈边界联合委员会第十次会议在阿斯塔纳举行\n"
    "新华社阿斯塔纳5月4日电 中哈边界联合委员会第十次会议4日在阿斯塔纳举行。双方就加强边界管理、"
    "维护边境安全稳定、共同打击跨境犯罪等问题深入交换意见。\n"
)


def test_pair_before_a_border_word_is_a_place() -> None:
    coded = code_document(make_doc(ZH_PAIR_BORDER))
    assert coded.relevant
    assert "KZ" not in coded.countries


def test_pairs_border_commission_has_both_sides() -> None:
    coded = code_document(make_doc(ZH_PAIR_COMMISSION))
    assert coded.kind == "meeting"
    assert "KZ" in coded.countries


# -- a stretch of the border is no taking part ----------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Заставы модернизированы на участках границы с Казахстаном.", False),
        ("На этом участке границы построены новые вышки.", False),
        ("В учениях участвовали пограничники Казахстана.", True),
        ("Участники учений отработали совместные действия.", True),
    ],
)
def test_stretch_of_border_is_no_taking_part(sentence: str, expected: bool) -> None:
    assert takes_part(sentence, 0, len(sentence)) is expected


# -- commentary: the states it discusses, examples too -------------------------------------------
EN_COMMENTARY = (
    "Analysis: Beijing's quiet security footprint in Central Asia\n"
    "By a staff analyst | Regional Review | 14 May 2027\n"
    "China's security cooperation with Kyrgyzstan has deepened over the past decade, with Chinese "
    "police academies training Kyrgyz officers in counter-terrorism and border control. Other "
    "states of the region, such as Uzbekistan and Kazakhstan, have also bought Chinese "
    "surveillance systems for their police. Analysts say the trend is likely to continue as "
    "Beijing worries about the security of its investments and of its citizens in the region.\n"
)
EN_AGREEMENT = (
    "China and Kyrgyzstan sign police training agreement\n"
    "BISHKEK, May 14 -- China's Ministry of Public Security and Kyrgyzstan's Interior Ministry on "
    "Tuesday signed an agreement under which Chinese police academies will train Kyrgyz officers "
    "in counter-terrorism and border control. Other states of the region, such as Uzbekistan and "
    "Kazakhstan, have also bought Chinese surveillance systems for their police.\n"
)
ZH_COMMENTARY = (
    "评论：中国与中亚安全合作的新特点\n"
    "作者：本报评论员 2027年5月14日\n"
    "近十年来，中国同吉尔吉斯斯坦的执法安全合作不断深化，双方在反恐和边境管控方面的交流日益密切。"
    "乌兹别克斯坦、哈萨克斯坦等地区国家也采购了中国的安防监控系统。分析人士认为，随着中国对海外投资"
    "和公民安全的关注上升，这一趋势还将持续。\n"
)
ZH_AGREEMENT = (
    "中吉签署执法安全合作协议\n"
    "新华社比什凯克5月14日电 中国公安部与吉尔吉斯斯坦内务部14日在比什凯克签署执法安全合作协议，"
    "双方将在反恐和边境管控方面加强合作。乌兹别克斯坦、哈萨克斯坦等地区国家也采购了中国的安防监控"
    "系统。\n"
)


@pytest.mark.parametrize("text", [EN_COMMENTARY, ZH_COMMENTARY], ids=["en", "zh"])
def test_commentary_codes_the_states_it_discusses(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind is None
    assert set(coded.countries) & CA == {"KG", "KZ", "UZ"}


@pytest.mark.parametrize("text", [EN_AGREEMENT, ZH_AGREEMENT], ids=["en", "zh"])
def test_examples_beside_an_events_side_stay_examples(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind == "mechanism"
    assert set(coded.countries) & CA == {"KG"}


# -- a list of headlines at the page's foot, with no heading ---------------------------------------
EN_PATROL = (
    "Chinese and Kyrgyz border guards hold joint patrol\n"
    "BISHKEK, June 4 -- Border guards of China and Kyrgyzstan conducted a joint patrol along the "
    "Irkeshtam section of the border on Wednesday to counter smuggling and the infiltration of "
    "terrorists, the Kyrgyz Border Service said.\n"
    "The two sides exchanged information on cross-border crime and agreed to hold such patrols "
    "every quarter.\n"
)
EN_HEADLINES = (
    "\nKazakhstan and China hold border talks in Almaty\n"
    "Uzbekistan to buy Chinese drones, minister says\n"
    "SCO defence ministers meet in Bishkek to discuss terrorism\n"
    "Tajik police trained in Urumqi\n"
)
EN_BODY_CLOSE = (
    "Border guards of Kazakhstan joined the patrol on its last day at the Chinese side's "
    "invitation.\n"
)
ZH_PATROL = (
    "中吉边防部队举行联合巡逻\n"
    "新华社比什凯克6月4日电 中国和吉尔吉斯斯坦边防部队4日在伊尔克什坦口岸段边境举行联合巡逻，共同打击"
    "走私和恐怖分子渗透活动。\n"
    "双方交流了跨境犯罪情况，并商定每季度举行一次联合巡逻。\n"
)
ZH_HEADLINES = (
    "\n中哈举行边界问题会谈\n"
    "乌兹别克斯坦将采购中国无人机\n"
    "上合组织成员国国防部长会议在比什凯克举行\n"
    "塔吉克斯坦警察赴乌鲁木齐参加培训\n"
)
RU_PATROL = (
    "Пограничники Китая и Киргизии провели совместное патрулирование\n"
    "БИШКЕК, 4 июня. Пограничники Китая и Киргизии в среду провели совместное патрулирование у "
    "перевала Иркештам для борьбы с контрабандой и проникновением террористов, сообщила "
    "Пограничная служба Киргизии.\n"
    "Стороны обменялись информацией о трансграничной преступности и договорились проводить такие "
    "патрули ежеквартально.\n"
)
RU_HEADLINES = (
    "\nКазахстан и Китай провели переговоры по границе\n"
    "Узбекистан закупит китайские беспилотники\n"
    "Министры обороны стран ШОС встретились в Бишкеке\n"
    "Таджикские полицейские прошли обучение в Урумчи\n"
)


@pytest.mark.parametrize(
    "text",
    [EN_PATROL + EN_HEADLINES, ZH_PATROL + ZH_HEADLINES, RU_PATROL + RU_HEADLINES],
    ids=["en", "zh", "ru"],
)
def test_headlines_closing_a_page_name_no_participants(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind == "joint_patrol_operation"
    assert set(coded.countries) & CA == {"KG"}
    assert coded.framework == "bilateral"


def test_a_state_in_the_bodys_last_sentence_takes_part() -> None:
    # the contrast: a sentence (with its full stop) closes the body, not a list of headlines
    coded = code_document(make_doc(EN_PATROL + EN_BODY_CLOSE))
    assert {"KG", "KZ"} <= set(coded.countries)


# -- a framework's gathering named as the time of another event ----------------------------------
EN_AHEAD = (
    "Chinese, Kyrgyz defence ministers hold talks ahead of SCO summit\n"
    "BISHKEK, June 12 -- Ahead of the SCO summit in Bishkek, Chinese Defence Minister Dong "
    "Jun held talks with Kyrgyz Defence Minister Baktybek Bekbolotov on Thursday. The two "
    "sides agreed to deepen cooperation in fighting terrorism and protecting the border.\n"
)
ZH_AHEAD = (
    "上合组织峰会前夕中吉两国国防部长举行会谈\n"
    "新华社比什凯克6月12日电 在上海合作组织比什凯克峰会前夕，国防部长董军12日同吉尔吉斯斯"
    "坦国防部长别克博洛托夫举行会谈。双方同意深化反恐和边境安全合作。\n"
)
RU_AHEAD = (
    "Министры обороны Китая и Киргизии провели переговоры накануне саммита ШОС\n"
    "БИШКЕК, 12 июня. Накануне саммита ШОС в Бишкеке министр обороны Китая Дун Цзюнь провел "
    "переговоры с министром обороны Киргизии Бактыбеком Бекболотовым. Стороны договорились "
    "углублять сотрудничество в борьбе с терроризмом и охране границы.\n"
)
RU_AFTER_INTERVIEW = (
    "Эксперт: чего ждать Киргизии от Китая после саммита ШОС\n"
    "Интервью | 24.11.2026\n"
    "Насколько глубоко Китай вовлечен в обеспечение безопасности Кыргызстана и чего ждать от "
    "Пекина после саммита ШОС в Бишкеке? На вопросы ответил политолог.\n"
    "— Китай обучает киргизских полицейских и передал технику пограничной службе. Его роль в "
    "борьбе с терроризмом будет расти, но Россию он не заменит.\n"
)
EN_SUMMIT = (
    "SCO heads of state meet in Bishkek, pledge joint fight against terrorism\n"
    "BISHKEK, June 13 -- The Council of Heads of State of the Shanghai Cooperation "
    "Organization met in Bishkek on Friday. Chinese President Xi Jinping and the other "
    "leaders agreed to step up the joint fight against terrorism, separatism and extremism.\n"
)
ZH_SUMMIT = (
    "上海合作组织成员国元首理事会会议在比什凯克举行\n"
    "新华社比什凯克6月13日电 上海合作组织成员国元首理事会会议13日在比什凯克举行。国家主席"
    "习近平出席会议，各方同意加强合作，共同打击恐怖主义、分裂主义和极端主义。\n"
)
RU_SUMMIT = (
    "В Бишкеке прошло заседание Совета глав государств ШОС\n"
    "БИШКЕК, 13 июня. В Бишкеке прошло заседание Совета глав государств – членов ШОС. "
    "Председатель КНР Си Цзиньпин и другие лидеры договорились усилить совместную борьбу с "
    "терроризмом, сепаратизмом и экстремизмом.\n"
)


@pytest.mark.parametrize("text", [EN_AHEAD, ZH_AHEAD, RU_AHEAD], ids=["en", "zh", "ru"])
def test_talks_ahead_of_a_summit_are_the_two_sides(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert coded.framework == "bilateral"
    assert set(coded.countries) & CA == {"KG"}


def test_an_interview_after_a_summit_implies_no_members() -> None:
    coded = code_document(make_doc(RU_AFTER_INTERVIEW))
    assert coded.kind is None
    assert set(coded.countries) & CA == {"KG"}


@pytest.mark.parametrize("text", [EN_SUMMIT, ZH_SUMMIT, RU_SUMMIT], ids=["en", "zh", "ru"])
def test_the_summit_itself_implies_its_members(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.framework == "SCO"
    assert {"KG", "KZ", "TJ", "UZ"} <= set(coded.countries)


# -- a state that only welcomed the event or sent greetings ---------------------------------------
EN_WELCOMED = (
    "China, Kyrgyzstan hold joint counter-terrorism drill\n"
    "BISHKEK, Aug 3 -- Chinese and Kyrgyz special forces held a joint counter-terrorism "
    "exercise in the Issyk-Kul region on Saturday, practising hostage rescue and mountain "
    "search.\n"
    "Kazakhstan's Defence Ministry said in a statement that it welcomed the drill as a "
    "contribution to regional stability.\n"
)
ZH_WELCOMED = (
    "中吉举行联合反恐演习\n"
    "新华社比什凯克8月3日电 中国和吉尔吉斯斯坦特种部队3日在伊塞克湖州举行联合反恐演习，演练"
    "了解救人质和山地搜索等课目。\n"
    "哈萨克斯坦国防部发表声明，对此次演习表示欢迎，认为有助于地区稳定。\n"
)
RU_WELCOMED = (
    "Китай и Киргизия провели совместные антитеррористические учения\n"
    "БИШКЕК, 3 августа. Спецподразделения Китая и Киргизии провели совместные "
    "антитеррористические учения в Иссык-Кульской области, отработав освобождение заложников "
    "и поиск в горах.\n"
    "Министерство обороны Казахстана в своем заявлении приветствовало учения как вклад в "
    "региональную стабильность.\n"
)
EN_GREETINGS = (
    "China, Kyrgyzstan hold joint counter-terrorism drill\n"
    "BISHKEK, Aug 3 -- Chinese and Kyrgyz special forces held a joint counter-terrorism "
    "exercise in the Issyk-Kul region on Saturday, practising hostage rescue and mountain "
    "search.\n"
    "Uzbek President Shavkat Mirziyoyev sent a message of greetings to the participants.\n"
)
EN_ALSO_TOOK_PART = (
    "China, Kyrgyzstan hold joint counter-terrorism drill\n"
    "BISHKEK, Aug 3 -- Chinese and Kyrgyz special forces held a joint counter-terrorism "
    "exercise in the Issyk-Kul region on Saturday, practising hostage rescue and mountain "
    "search.\n"
    "A unit of Kazakhstan's National Guard also took part in the drill at the invitation of "
    "the two sides.\n"
)
ZH_ALSO_TOOK_PART = (
    "中吉举行联合反恐演习\n"
    "新华社比什凯克8月3日电 中国和吉尔吉斯斯坦特种部队3日在伊塞克湖州举行联合反恐演习，演练"
    "了解救人质和山地搜索等课目。\n"
    "哈萨克斯坦国民近卫军一支分队应邀参加了此次演习。\n"
)


@pytest.mark.parametrize(
    "text",
    [EN_WELCOMED, ZH_WELCOMED, RU_WELCOMED, EN_GREETINGS],
    ids=["en", "zh", "ru", "en-greetings"],
)
def test_a_state_that_only_welcomed_or_greeted_is_no_participant(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind == "bilateral_exercise"
    assert set(coded.countries) & CA == {"KG"}


@pytest.mark.parametrize("text", [EN_ALSO_TOOK_PART, ZH_ALSO_TOOK_PART], ids=["en", "zh"])
def test_a_state_whose_unit_took_part_is_a_participant(text: str) -> None:
    coded = code_document(make_doc(text))
    assert set(coded.countries) & CA == {"KG", "KZ"}


# -- an earlier year opening a sentence of an undated item ----------------------------------------
ZH_UNDATED = (
    "中吉举行边境安全会谈\n"
    "新华社比什凯克3月3日电 中国和吉尔吉斯斯坦边防官员3日在比什凯克举行会谈，同意加强合作，"
    "共同打击走私和恐怖主义。\n"
    "2019年，中国和塔吉克斯坦签署了边境合作协定。\n"
)
RU_UNDATED = (
    "Китай и Киргизия провели переговоры по безопасности границы\n"
    "БИШКЕК, 3 марта. Пограничные ведомства Китая и Киргизии провели в Бишкеке переговоры и "
    "договорились усилить совместную борьбу с контрабандой и терроризмом.\n"
    "В 2019 году Китай и Таджикистан подписали соглашение о пограничном сотрудничестве.\n"
)
RU_UNDATED_JOINED = (
    "Китай и Киргизия провели совместное патрулирование границы\n"
    "БИШКЕК, 3 марта. Пограничники Китая и Киргизии провели совместное патрулирование границы"
    " у перевала Иркештам для борьбы с контрабандой и терроризмом.\n"
    "В 2026 году к патрулированию впервые присоединились и пограничники Таджикистана.\n"
)
ZH_UNDATED_JOINED = (
    "中吉举行边境联合巡逻\n"
    "新华社比什凯克3月3日电 中国和吉尔吉斯斯坦边防部队3日在伊尔克什坦口岸附近举行联合巡逻，"
    "共同打击走私和恐怖主义。\n"
    "2026年，塔吉克斯坦边防部队首次派员参加联合巡逻。\n"
)


@pytest.mark.parametrize("text", [ZH_UNDATED, RU_UNDATED], ids=["zh", "ru"])
def test_a_year_opening_a_later_sentence_recalls_another_event(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert set(coded.countries) & CA == {"KG"}


@pytest.mark.parametrize("text", [RU_UNDATED_JOINED, ZH_UNDATED_JOINED], ids=["ru", "zh"])
def test_a_state_joining_in_a_sentence_opening_with_a_year_takes_part(text: str) -> None:
    coded = code_document(make_doc(text))
    assert set(coded.countries) & CA == {"KG", "TJ"}


def test_the_leads_year_is_read_in_its_paragraph() -> None:
    assert event_year(ZH_UNDATED, 0, lead_end(0, ZH_UNDATED), None) is None
    dated = ZH_UNDATED.replace("3月3日电", "2026年3月3日电")
    assert event_year(dated, 0, lead_end(0, dated), None) == 2026


# -- merge of coder28 and coder29: acting together is taking part -----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Синьцзян и Казахстан провели совместный рейд\n"
        "Полиция Синьцзяна совместно с МВД Казахстана пресекла канал контрабанды оружия на "
        "границе, задержаны семь человек.\n",
        "新疆警方与哈萨克斯坦内务部联合打击跨境走私\n"
        "新疆警方和哈萨克斯坦内务部近日联合开展打击跨境走私枪支行动，抓获七名犯罪嫌疑人。\n",
    ],
    ids=["ru", "zh"],
)
def test_a_partner_acting_together_with_the_home_region_takes_part(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant and "KZ" in coded.countries


def test_the_un_named_beside_a_build_up_is_no_acting_together() -> None:
    # the contrast: 联合国 (the UN) is no word of acting together; the neighbour only watches
    coded = code_document(
        make_doc(
            "新疆边防部门在中吉边境新建监控塔\n"
            "新疆边防部门近日在伊尔克什坦口岸附近新建一批边境监控塔，防范非法越境和恐怖分子渗透。"
            "有吉尔吉斯斯坦居民称在本国一侧能看到新塔，联合国难民署对边境情况表示关注。\n"
        )
    )
    assert coded.kind == "domestic_capacity"
    assert set(coded.countries) & CA == set()
