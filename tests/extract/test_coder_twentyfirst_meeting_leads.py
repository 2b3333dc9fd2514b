"""The meeting leads where other kind words come first (twenty-first round, issue 13, branch
coder78; gold guide addition 4).

- a heads' meeting that reviewed an operation's results (总结会; итоги подведены на совещании
  руководителей; the results were reviewed at a meeting of the heads) is the main event, the
  operation second; a session of the operation's own staff (штаб, headquarters, 指挥部), a review
  still to come and an operation page with no review meeting keep the operation first;
- a commission that held its session in the lead (held its ninth session, провела заседание,
  举行第九次会议) under a title naming the protocol it signed: the session is the meeting, the
  protocol second; a training session keeps the mechanism first.

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_meeting_leads import (
    channel_mechanism,
    exercise_meeting,
    meeting_leads,
)
from steppewatch.extract.model import CodedItem

CODER = CodebookCoder()


def _kinds(text: str) -> list[str]:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    return list(document.event_kinds)


def _item(text: str) -> CodedItem:
    return CodedItem(start=0, end=len(text), relevant=True)


# -- a heads' meeting that reviewed an operation's results -----------------------------------

_OPERATION_ZH = (
    "中吉“天山-2026”边境联合执法行动{title}\n"
    "新华社比什凯克10月20日电 中国国家移民管理局与吉尔吉斯斯坦国家安全委员会边防局"
    "8月至9月在两国边境开展联合执法行动，共查获走私案件21起，抓获偷越国境人员40名。\n"
    "{tail}\n"
)


def test_a_review_meeting_leads_over_the_operation_zh() -> None:
    text = _OPERATION_ZH.format(
        title="总结会在比什凯克举行",
        tail="双方表示将继续深化边境执法合作。",
    )
    kinds = _kinds(text)
    assert kinds[:1] == ["meeting"]
    assert "joint_patrol_operation" in kinds


def test_an_operation_with_no_review_meeting_stays_first_zh() -> None:
    text = _OPERATION_ZH.format(
        title="取得积极成果",
        tail="双方表示将继续深化边境执法合作。",
    )
    assert _kinds(text)[:1] == ["joint_patrol_operation"]


_OPERATION_RU = (
    "Пограничники Китая и Таджикистана провели совместную операцию «Памир-2026»\n"
    "ДУШАНБЕ, 20 октября. Пограничные ведомства Китая и Таджикистана провели совместную "
    "пограничную операцию «Памир-2026» с 1 по 30 сентября на таджикско-китайской границе.\n"
    "В ходе операции задержаны 18 нарушителей границы и изъято 60 кг наркотиков.\n"
    "{tail}\n"
)


def test_a_heads_review_meeting_leads_ru() -> None:
    text = _OPERATION_RU.format(
        tail="Итоги операции подведены 19 октября в Душанбе на совещании руководителей "
        "пограничных служб двух стран."
    )
    kinds = _kinds(text)
    assert kinds[:1] == ["meeting"]
    assert "joint_patrol_operation" in kinds


def test_a_staff_session_or_a_review_to_come_keeps_the_operation_ru() -> None:
    staff = _OPERATION_RU.format(
        tail="Итоги операции подведены на заседании совместного штаба операции на совещании "
        "руководителей групп."
    )
    later = _OPERATION_RU.format(
        tail="Итоги операции будут подведены в декабре на совещании руководителей пограничных "
        "служб двух стран."
    )
    assert _kinds(staff)[:1] == ["joint_patrol_operation"]
    assert _kinds(later)[:1] == ["joint_patrol_operation"]


_REVIEW_EN = (
    "The results of the joint operation were reviewed at a meeting of the heads of the "
    "border services in Bishkek on Oct. 19."
)


def test_a_heads_review_meeting_leads_en() -> None:
    text = "Police of China and Kyrgyzstan sum up joint operation.\n" + _REVIEW_EN
    assert meeting_leads(_item(text), text, ["joint_patrol_operation"], 50) == [
        "meeting",
        "joint_patrol_operation",
    ]
    later = text.replace("were reviewed", "will be reviewed").replace("on Oct. 19", "next week")
    assert meeting_leads(_item(later), later, ["joint_patrol_operation"], 50) == [
        "joint_patrol_operation"
    ]
    staff = text.replace("border services", "operation headquarters")
    assert meeting_leads(_item(staff), staff, ["joint_patrol_operation"], 50) == [
        "joint_patrol_operation"
    ]


# -- a commission's session held under a title naming its protocol ---------------------------

_COMMISSION_EN = (
    "Kyrgyzstan, China border commission reviews boundary markers, signs protocol\n"
    "BISHKEK, 5 October 2026\n"
    "The Kyrgyz-Chinese Joint Commission on border management {verb} in Bishkek on Oct. 4, the "
    "Foreign Ministry of Kyrgyzstan said.\n"
    "The parties reviewed the state of boundary markers and measures against illegal crossings "
    "of the Kyrgyz-Chinese border.\n"
    "At the end the co-chairs signed a protocol on the joint inspection of the border line.\n"
)


def test_a_commission_session_held_leads_over_its_protocol_en() -> None:
    kinds = _kinds(_COMMISSION_EN.format(verb="held its seventh session"))
    assert kinds[:1] == ["meeting"]
    assert "mechanism" in kinds


def test_a_training_session_is_no_meeting_en() -> None:
    lead = (
        "Kyrgyz, Chinese border services sign protocol. The border academy held a training session."
    )
    assert meeting_leads(_item(lead), lead, ["mechanism"], len(lead)) == ["mechanism"]
    held = "Kyrgyz, Chinese border services sign protocol. The commission held its seventh session."
    assert meeting_leads(_item(held), held, ["mechanism"], len(held)) == ["meeting", "mechanism"]


def test_a_commission_session_held_ru_zh() -> None:
    ru = "Комиссия подписала протокол. Совместная комиссия провела седьмое заседание в Бишкеке."
    zh = "中吉边界联委会签署议定书。中吉边界联合委员会举行第七次会议。"
    for text in (ru, zh):
        assert meeting_leads(_item(text), text, ["mechanism"], len(text))[:1] == ["meeting"]
    # (a protocol with no session named stays the mechanism)
    alone = "中吉签署边界联合检查议定书。双方表示将加强边境管理合作。"
    assert meeting_leads(_item(alone), alone, ["mechanism"], len(alone)) == ["mechanism"]


# -- an interview's or a signed article's title office makes no meeting ----------------------

_ARTICLE_ZH = (
    "驻吉尔吉斯斯坦大使在吉主流媒体发表署名文章《共筑地区安全屏障》\n"
    "中华人民共和国驻吉尔吉斯斯坦共和国大使馆\n"
    "{day}，驻吉尔吉斯斯坦大使在吉《言论报》发表题为《共筑地区安全屏障》的署名文章。\n"
    "中吉是山水相连的好邻居。中方愿同吉方一道，坚决打击“三股势力”。\n"
    "{tail}\n"
)


def test_a_signed_article_with_undated_training_talk_is_no_event_zh() -> None:
    text = _ARTICLE_ZH.format(day="10月5日", tail="中方将继续深化人员培训和经验交流……")
    assert _kinds(text) == []


def test_a_signed_article_reporting_a_dated_event_keeps_it_zh() -> None:
    text = _ARTICLE_ZH.format(
        day="10月5日",
        tail="今年9月12日，中国公安部与吉尔吉斯斯坦内务部在比什凯克签署打击跨国犯罪合作协定。",
    )
    assert _kinds(text) != []


_INTERVIEW_EN = (
    "'Our partnership threatens no one': an interview with the Chinese Ambassador to Tajikistan\n"
    "Asia-Plus | Interview | 14.10.2026\n"
    "Asia-Plus spoke with the Ambassador of the People's Republic of China to Tajikistan about "
    "trade and regional security.\n"
    "- What are the main projects this year?\n"
    "- Chinese companies are building roads and a cement plant in Sughd region.\n"
    "- {question}\n"
    "- {answer}\n"
)


def test_an_interview_with_undated_talk_is_no_event_en() -> None:
    text = _INTERVIEW_EN.format(
        question="How many Tajik police officers study in China?",
        answer="More than 300. China supports Tajikistan's fight against terrorism and drug "
        "trafficking on the Afghan border.",
    )
    assert _kinds(text) == []


def test_an_interview_with_a_meeting_word_keeps_the_meeting_en() -> None:
    text = _INTERVIEW_EN.format(
        question="What did the ministers agree?",
        answer="The interior ministers met in Dushanbe on Oct. 2 and held talks on border security.",
    )
    assert "meeting" in _kinds(text)


def test_an_interview_title_office_makes_no_meeting_ru() -> None:
    text = (
        "Посол КНР: «Стабильность Кыргызстана важна для Китая»\n"
        "Kaktus | Интервью | 14 октября 2026\n"
        "Корреспондент побеседовал с Чрезвычайным и Полномочным Послом Китайской Народной "
        "Республики в Кыргызской Республике о двусторонних отношениях.\n"
        "– Говорят, что Китай хочет разместить здесь частные военные компании.\n"
        "– Это неправда. Китай уважает суверенитет Кыргызстана.\n"
    )
    assert _kinds(text) == []


# -- an exercise's directors held talks around it --------------------------------------------

_DRILL_ZH = (
    "中塔“帕米尔-2026”联合反恐演习落幕\n"
    "解放军报 2026年9月20日 | 记者 王伟\n"
    "本报杜尚别9月19日电：19日，为期5天的中塔“帕米尔-2026”联合反恐演习在塔吉克斯坦"
    "戈尔诺-巴达赫尚训练场落下帷幕。\n"
    "双方约400名官兵参演，演习检验了两军联合指挥和山地作战能力。\n"
    "{tail}\n"
)


def test_the_directors_talks_after_the_closing_are_a_second_meeting_zh() -> None:
    text = _DRILL_ZH.format(
        tail="闭幕式结束后，中方导演部总导演与塔方导演举行工作会谈，就两军训练交流交换意见。"
    )
    kinds = _kinds(text)
    assert kinds[:1] == ["bilateral_exercise"]
    assert "meeting" in kinds


def test_a_related_item_with_talks_adds_no_meeting_zh() -> None:
    text = _DRILL_ZH.format(tail="相关新闻：国防部长举行会谈 演习新闻发布会")
    assert "meeting" not in _kinds(text)


def test_exercise_meeting_en_ru() -> None:
    en = (
        "China, Tajikistan open joint drill. The exercise directors held a working meeting at "
        "the exercise headquarters on the eve."
    )
    assert exercise_meeting(_item(en), en, ["bilateral_exercise"]) == [
        "bilateral_exercise",
        "meeting",
    ]
    aside = "China, Tajikistan open joint drill. Earlier it was reported that the ministers held talks on the exercise."
    assert exercise_meeting(_item(aside), aside, ["bilateral_exercise"]) == ["bilateral_exercise"]
    ru = "Учения завершились. После учений командующие провели рабочую встречу."
    assert exercise_meeting(_item(ru), ru, ["multilateral_exercise"])[-1] == "meeting"
    other = "Учения завершились. Читайте также: президент провел переговоры в Пекине после учений."
    assert exercise_meeting(_item(other), other, ["multilateral_exercise"]) == [
        "multilateral_exercise"
    ]


# -- a liaison channel put into operation is a mechanism -------------------------------------

_HOTLINE_EN = (
    "Kazakh, Chinese border services {title} at Khorgos\n"
    "Kazinform | 3 November 2026 | Astana\n"
    "ASTANA - A direct line between the Border Service of Kazakhstan's National Security "
    "Committee and China's border authorities {lead} at the Khorgos crossing, the committee said.\n"
    "Duty officers will use it to report incidents, clashes and attacks on the border to the "
    "other side.\n"
)


def test_a_hotline_launched_is_a_mechanism_en() -> None:
    text = _HOTLINE_EN.format(title="launch direct hotline", lead="was put into operation")
    assert _kinds(text)[:1] == ["mechanism"]


def test_a_hotline_planned_is_no_mechanism_event() -> None:
    lead = "The border services agreed to open a hotline at Khorgos next year."
    assert channel_mechanism(_item(lead), lead, ["incident"], len(lead)) == ["incident"]
    consular = "Emergency consular hotline: +86-10-12308 opened around the clock."
    assert channel_mechanism(_item(consular), consular, ["incident"], len(consular)) == ["incident"]


def test_a_liaison_channel_opened_ru_zh() -> None:
    ru = "На пункте пропуска Хоргос открыта горячая линия пограничных ведомств Казахстана и Китая."
    zh = "中哈边防部门在霍尔果斯口岸开通边境联络热线。"
    for text in (ru, zh):
        assert channel_mechanism(_item(text), text, ["infrastructure"], len(text)) == [
            "mechanism",
            "infrastructure",
        ]
    planned = "双方商定在霍尔果斯口岸开通边境联络热线。"
    assert channel_mechanism(_item(planned), planned, ["infrastructure"], len(planned)) == [
        "infrastructure"
    ]


def test_a_legislature_session_that_ratified_keeps_the_mechanism() -> None:
    zh = (
        "全国人大常委会批准中吉引渡条约。全国人大常委会第十九次会议在北京举行，会议表决批准了条约。"
    )
    ru = "Сенат ратифицировал договор с Китаем. Сенат провел пленарное заседание и ратифицировал договор."
    en = "Senate ratifies treaty with China. The Senate held its plenary session and ratified the treaty."
    for text in (zh, ru, en):
        assert meeting_leads(_item(text), text, ["mechanism"], len(text)) == ["mechanism"]
