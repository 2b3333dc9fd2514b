"""Thirteenth-round event-kind rules found on the Russian pages of the tuning sets (test8 first):
equipment named as a threat is no transfer; what a treaty is about, past its parties' names, is no
event of its own; a legislature's ratifying session is no meeting; a sentence ends after a closing
quote; a state named in the byline under the title is the source, no side of the event; a list
of states across the focal state's border leaves a build-up at home. Texts written for these
tests, none copied from a gold text; each rule has a text it changes and one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder, meeting_index, term_meeting
from steppewatch.extract.coder_resources import ru_case_forms
from steppewatch.extract.coder_rules import (
    _COMMENTARY,
    _in_passing,
    _lead_meeting,
    _meeting_outcomes,
    kind_lead_end,
)
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedDocument, CodedItem

CODER = CodebookCoder()


def _code(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


TALKS = (
    "Министры внутренних дел Казахстана и Китая провели переговоры в Астане\n"
    "Пресс-служба МВД | 12 марта 2026\n\n"
    "Министр внутренних дел Казахстана провел переговоры с министром общественной безопасности "
    "КНР в Астане. Стороны обсудили сотрудничество в борьбе с терроризмом и наркотрафиком.\n\n"
)
DRONES_THREAT = TALKS + (
    "Стороны уделили особое внимание использованию преступными группами беспилотников для "
    "переброски наркотиков через границу. Министры также отметили рост числа инцидентов с "
    "беспилотными летательными аппаратами в приграничных районах."
)
DRONES_HANDED = TALKS + (
    "По итогам встречи китайская сторона передала казахстанским пограничникам партию "
    "беспилотников для охраны границы."
)


def test_drones_as_a_threat_are_no_equipment_transfer() -> None:
    doc = _code(DRONES_THREAT)
    assert doc.kind == "meeting"
    assert "equipment_transfer" not in doc.event_kinds


def test_drones_handed_over_at_the_talks_are_a_transfer() -> None:
    doc = _code(DRONES_HANDED)
    assert doc.event_kinds == ["meeting", "equipment_transfer"]


AID_TREATY = (
    "Сенат одобрил соглашение с Китаем о безвозмездной военной помощи\n"
    "Пресс-служба Сената | 5 апреля 2026\n\n"
    "Депутаты Сената на заседании в четверг ратифицировали Соглашение между Правительством "
    "Республики Таджикистан и Правительством Китайской Народной Республики о предоставлении "
    "безвозмездной военной помощи.\n\n"
    "Как пояснил заместитель министра обороны, документ был подписан в Пекине в прошлом году. "
    "Помощь будет направлена на укрепление обороноспособности страны и борьбу с терроризмом."
)
CONVICTS_TREATY = (
    "Парламент ратифицировал договор с КНР о передаче осужденных\n"
    "Пресс-служба парламента | 5 апреля 2026\n\n"
    "На пленарном заседании депутаты ратифицировали Договор между Кыргызской Республикой и "
    "Китайской Народной Республикой о передаче осужденных лиц для отбывания наказания.\n\n"
    "Как пояснил докладчик, договор позволит гражданам двух стран, осужденным за преступления, "
    "в том числе за незаконный оборот наркотиков, отбывать наказание на родине."
)


def test_what_a_treaty_is_about_past_its_parties_is_no_event() -> None:
    # (before: equipment_transfer from "безвозмездной военной помощи", joint_patrol_operation
    # from "передаче осужденных", with the parties' names between the treaty and "о")
    assert _code(AID_TREATY).event_kinds == ["mechanism"]
    assert _code(CONVICTS_TREATY).event_kinds == ["mechanism"]


SIGNED_AT_TALKS = (
    "Министры обороны Кыргызстана и Китая провели переговоры в Бишкеке\n"
    "Пресс-служба Минобороны | 5 апреля 2026\n\n"
    "Министр обороны Кыргызстана провел переговоры с министром обороны КНР в Бишкеке. Стороны "
    "обсудили военное сотрудничество и борьбу с терроризмом.\n\n"
    "По итогам переговоров министры подписали соглашение о сотрудничестве в подготовке военных "
    "кадров."
)


def test_a_ratifying_session_is_no_meeting_but_talks_that_sign_are() -> None:
    # the plenary session that ratifies (На пленарном заседании депутаты ратифицировали) is the
    # legislature's own act; talks at which an agreement is signed stay a meeting
    ratified = CONVICTS_TREATY.replace(
        "о передаче осужденных лиц для отбывания наказания",
        ("о сотрудничестве в борьбе с терроризмом"),
    ).replace("о передаче осужденных", "о борьбе с терроризмом")
    assert _code(ratified).event_kinds == ["mechanism"]  # (before: mechanism, meeting)
    assert _code(SIGNED_AT_TALKS).event_kinds == ["meeting", "mechanism"]


def test_a_sentence_ends_after_a_closing_quote() -> None:
    text = (
        "Итоги операции\n"
        "Пограничники провели совместную операцию «Горный рубеж – 2026». Операция проводилась "
        "по плану, одобренному на совещании руководителей служб.\n"
    )
    item = CodedItem(start=0, end=len(text))
    assert text[: kind_lead_end(text, item)].endswith("2026». ")
    dotted = text.replace("«Горный рубеж – 2026»", "в 2026 г")
    # (a period after a short word, as after an abbreviation, still does not end the lead)
    assert kind_lead_end(dotted, CodedItem(start=0, end=len(dotted))) > dotted.index("Операция")


OPERATION = (
    "Пограничники завершили совместную операцию «Горный рубеж – 2026»\n"
    "Пограничная служба ГКНБ Кыргызской Республики | Новости | 20.10.2026\n\n"
    "В сентябре пограничные ведомства государств – членов Шанхайской организации сотрудничества "
    "провели совместную пограничную операцию «Горный рубеж – 2026». Операция проводилась по "
    "плану, одобренному на совещании руководителей пограничных служб государств – членов ШОС в "
    "Ташкенте в мае этого года.\n\n"
    "В операции участвовали пограничные ведомства Республики Казахстан, Китайской Народной "
    "Республики, Кыргызской Республики, Республики Таджикистан и Республики Узбекистан. "
    "Задержаны 40 нарушителей границы, изъято более 300 килограммов наркотиков и 15 единиц "
    "оружия."
)


def test_a_state_in_the_byline_is_the_source_not_a_side() -> None:
    doc = _code(OPERATION)
    assert doc.kind == "joint_patrol_operation"
    assert doc.framework == "SCO"  # (before: bilateral, Кыргызской in the byline)
    in_lead = OPERATION.replace(
        "Пограничная служба ГКНБ Кыргызской Республики | Новости | 20.10.2026\n\n"
        "В сентябре пограничные ведомства государств – членов Шанхайской организации "
        "сотрудничества провели",
        "Новости | 20.10.2026\n\nВ сентябре пограничники Кыргызстана и Китая провели",
    ).replace("государств – членов ШОС в Ташкенте", "двух стран в Бишкеке")
    assert _code(in_lead).framework == "bilateral"


HOME_LIST = (
    "В Синьцзяне построены новые пограничные посты на границе с Таджикистаном и Кыргызстаном\n"
    "Новости Азии | 4 мая 2026\n"
    "В Синьцзяне на границе с Таджикистаном и Кыргызстаном построены 12 новых пограничных постов "
    "с системами видеонаблюдения, сообщило пограничное управление общественной безопасности "
    "района.\n\n"
    "Посты будут охранять полицейские и пограничники, которые помогут пресекать контрабанду и "
    "проникновение террористов. Пограничники Таджикистана, охраняющие другую сторону границы, "
    "заявили, что посты помогут им остановить боевиков и контрабандистов."
)


def test_states_listed_across_the_border_leave_a_build_up_at_home() -> None:
    doc = _code(HOME_LIST)
    assert doc.event_kinds == ["domestic_capacity"]
    abroad = HOME_LIST.replace(
        "В Синьцзяне на границе с Таджикистаном и Кыргызстаном построены",
        "Китай построил для Таджикистана и Кыргызстана",
    ).replace("построены 12 новых", "12 новых")
    assert _code(abroad).kind != "domestic_capacity"


def _hit(text: str, words: str, payload: tuple[str, str]) -> Hit:
    start = text.index(words)
    return Hit(start, start + len(words), payload, words.lower())


def test_a_meeting_word_opening_a_framework_name_is_no_meeting_of_it() -> None:
    # CICA's Russian name opens with Совещание (Conference): before, any mention of it was read
    # as a CICA meeting; a meeting word closing a format's name (中国—中亚峰会) still is one
    text = "о председательстве Казахстана в Совещании по взаимодействию и мерам доверия в Азии."
    name = _hit(text, "Совещании по взаимодействию и мерам доверия в Азии", ("framework", "CICA"))
    word = _hit(text, "Совещании", ("event_kind", "meeting"))
    assert not term_meeting(name, meeting_index([name, word]), text)
    summit = "第二届中国—中亚峰会在阿斯塔纳举行。"
    fmt = _hit(summit, "中国—中亚峰会", ("framework", "C5+China"))
    closing = _hit(summit, "峰会", ("event_kind", "meeting"))
    assert term_meeting(fmt, meeting_index([fmt, closing]), summit)


def test_frameworks_listed_as_multilateral_platforms_are_named_in_passing() -> None:
    text = (
        "Стороны обсудили взаимодействие в рамках многосторонних площадок, в том числе "
        "Совещания председателей парламентов государств – членов ШОС и СВМДА. Стороны "
        "договорились провести заседание Совета РАТС ШОС в Ташкенте."
    )
    item = CodedItem(start=0, end=len(text))
    listed = _hit(text, "государств – членов ШОС", ("framework", "SCO"))
    assert _in_passing(text, item, listed)
    later = Hit(text.rindex("ШОС"), text.rindex("ШОС") + 3, ("framework", "SCO"), "шос")
    assert not _in_passing(text, item, later)


def test_equipment_handed_over_under_a_ratified_agreement_is_a_second_event() -> None:
    # (codebook equipment_transfer: agreements naming the aid; the ratification stays the main
    # event, the items handed over come second, as at a meeting)
    handed = AID_TREATY + (
        "\n\nВ тот же день посол КНР передал Министерству обороны Таджикистана "
        "30 внедорожников и партию средств связи."
    )
    assert _code(handed).event_kinds == ["mechanism", "equipment_transfer"]


ZH_TREATY = (
    "全国人大常委会批准中塔移管被判刑人条约\n"
    "新华社北京3月1日电\n"
    "十四届全国人大常委会会议1日表决通过了关于批准《中华人民共和国和塔吉克斯坦共和国关于移管被判刑人"
    "的条约》的决定。\n"
    "条约规定，在一方境内被判刑的另一方国民，经双方同意，可被移交回本国服刑。双方还将加强在打击跨国"
    "犯罪和毒品走私方面的执法合作。"
)


def test_persons_handed_over_are_no_equipment() -> None:
    assert "equipment_transfer" not in _code(ZH_TREATY).event_kinds


# --- second batch: leads, indicators, case forms --------------------------------------------

SIGNED_TITLE = (
    "Министры обороны стран ШОС подписали в Бишкеке план сотрудничества\n"
    "24.kg, БИШКЕК — 12 мая 2026, 16:00\n"
    "\n"
    "В Бишкеке завершилось совещание министров обороны государств — членов ШОС. Его провел министр обороны Кыргызстана.\n"
    "\n"
    "Китайскую делегацию возглавил министр обороны КНР Дун Цзюнь. Министры обсудили борьбу с терроризмом и экстремизмом и утвердили план сотрудничества на 2026-2027 годы."
)
KABAR_DATELINE = (
    "Кыргызстан и Китай подписали соглашение о сотрудничестве пограничных ведомств\n"
    "Бишкек, 3 марта 2026 г. /Кабар/.\n"
    "Председатель ГКНБ Кыргызской Республики провел переговоры с министром общественной безопасности Китайской Народной Республики, находящимся в республике с официальным визитом.\n"
    "Стороны обсудили борьбу с терроризмом и контрабандой. По итогам переговоров подписано соглашение о сотрудничестве пограничных ведомств."
)
RATIFIED_TRAINING = (
    "Сенат ратифицировал соглашение с Китаем о военном сотрудничестве\n"
    "Пресс-служба Сената | 5 апреля 2026\n"
    "\n"
    "Депутаты Сената на заседании в четверг ратифицировали Соглашение между Правительством Республики Узбекистан и Правительством Китайской Народной Республики о военном сотрудничестве.\n"
    "\n"
    "Как пояснил заместитель министра обороны, китайские специалисты обучат узбекских военных работе на новой технике. Обучение будет проходить в Ташкенте. Кроме того, узбекские офицеры продолжат обучение в военных вузах Китая, где их обучают по программам командного состава."
)
INSTRUCTORS = (
    "Китайские инструкторы обучили бойцов спецназа Таджикистана\n"
    "Asia-Plus | 10 марта 2026\n"
    "\n"
    "В Душанбе завершились двухнедельные курсы для бойцов спецназа МВД Таджикистана, которые провели инструкторы Министерства общественной безопасности Китая. Бойцы прошли подготовку по борьбе с терроризмом и освобождению заложников."
)
ARMOURED = (
    "Погранслужба Кыргызстана получила от Китая бронированные автомобили\n"
    "Кабар | 10 марта 2026\n"
    "\n"
    "Китайская Народная Республика передала Пограничной службе ГКНБ Кыргызстана 20 бронированных автомобилей для охраны границы. Церемония прошла в Бишкеке."
)
HANDOVER = (
    "Таджикистан передал Китаю 9 граждан КНР, подозреваемых в мошенничестве\n"
    "Asia-Plus | 10 марта 2026\n"
    "\n"
    "Генеральная прокуратура Таджикистана передала правоохранительным органам Китая 9 граждан КНР, подозреваемых в участии в преступной группе интернет-мошенников."
)
PLANNING = (
    "В Бишкеке прошла конференция по планированию учений Кыргызстана и Китая\n"
    "Пресс-служба Минобороны | 10 марта 2026\n"
    "\n"
    "В Бишкеке завершилась конференция по планированию совместного антитеррористического учения вооруженных сил Кыргызской Республики и Китайской Народной Республики, которое пройдет летом в Нарынской области."
)


def test_a_title_naming_a_document_signed_over_the_meeting_held_keeps_the_meeting() -> None:
    doc = _code(SIGNED_TITLE)  # (before: mechanism)
    assert doc.event_kinds == ["meeting", "mechanism"]
    assert doc.level == "defence_minister"
    founded = SIGNED_TITLE.replace(
        "подписали в Бишкеке план сотрудничества",
        "учредили в Бишкеке экспертную группу по борьбе с терроризмом",
    )
    # a body founded at the meeting held comes second too (gold guide addition 4; before:
    # mechanism)
    assert _code(founded).event_kinds == ["meeting", "mechanism"]


def test_a_dateline_closing_with_the_agency_is_no_lead_sentence() -> None:
    # Бишкек, 3 марта 2026 г. /Кабар/.: the talks in the sentence under it are the lead's
    assert _code(KABAR_DATELINE).event_kinds == ["meeting", "mechanism"]


def test_a_ratification_in_the_lead_stays_the_main_event() -> None:
    assert _code(RATIFIED_TRAINING).kind == "mechanism"


def test_russian_training_verbs_and_armoured_vehicles() -> None:
    # (обучили, курсы для, прошли подготовку; бронированных автомобилей: before, an incident
    # from заложников and a meeting from the border service's chief)
    assert _code(INSTRUCTORS).event_kinds == ["training_education"]
    assert _code(ARMOURED).event_kinds == ["equipment_transfer"]


def test_persons_handed_over_to_china_are_an_operation() -> None:
    assert _code(HANDOVER).event_kinds == ["joint_patrol_operation"]  # (передал Китаю)


def test_an_exercise_planning_conference_is_the_exercise() -> None:
    # codebook bilateral_exercise: "including its planning conferences"; конференция по
    # планированию учения is no plan of exercises (план проведения учений)
    doc = _code(PLANNING)
    assert doc.event_kinds == ["bilateral_exercise"]
    assert doc.framework == "bilateral"


def test_russian_case_forms_of_an_indicators_adjectives() -> None:
    forms = ru_case_forms("совместные военные учени")
    assert "совместного военного учени" in forms
    assert "совместным военным учени" in forms
    assert "совместные военные учени" not in forms
    assert ru_case_forms("договором о") == []  # a noun and a preposition
    assert ru_case_forms("частных охранных") == []  # an adjective last
    assert ru_case_forms("создание совместн") == []  # a noun first
    assert ru_case_forms("экстради") == []


# --- third batch: which documents a meeting produced -----------------------------------------

TALKS_KZ = (
    "Министры внутренних дел Казахстана и Китая провели переговоры в Астане\n"
    "Пресс-служба МВД | 12 марта 2026\n\n"
    "Министр внутренних дел Казахстана провел переговоры с министром общественной безопасности "
    "КНР. Стороны обсудили борьбу с терроризмом и наркотрафиком.\n\n"
)


def test_a_body_only_proposed_is_no_mechanism() -> None:
    proposed = TALKS_KZ + (
        "Казахстанская сторона выступила с предложением создать совместную рабочую группу по "
        "борьбе с кибермошенничеством."
    )
    assert _code(proposed).event_kinds == ["meeting"]  # (before: meeting, mechanism)
    expected = TALKS_KZ + "По итогам переговоров ожидается подписание меморандума о сотрудничестве."
    assert _code(expected).event_kinds == ["meeting"]
    signed = TALKS_KZ + (
        "По итогам переговоров стороны подписали меморандум о сотрудничестве в борьбе с "
        "кибермошенничеством."
    )
    assert _code(signed).event_kinds == ["meeting", "mechanism"]


def test_documents_signed_at_an_earlier_visit_are_recalled() -> None:
    earlier = TALKS_KZ + (
        "Министр напомнил о государственном визите Президента Казахстана в Китай в мае, в ходе "
        "которого было подписано более 20 документов, в том числе соглашение о борьбе с "
        "преступностью."
    )
    assert _code(earlier).event_kinds == ["meeting"]


def test_a_meetings_minutes_are_no_mechanism() -> None:
    minutes = (
        "В Ашхабаде прошло заседание подкомитета по сотрудничеству в сфере безопасности\n"
        "Пресс-служба МИД | 12 марта 2026\n\n"
        "В Ашхабаде состоялось заседание подкомитета по сотрудничеству в сфере безопасности "
        "межправительственного комитета Туркменистана и Китая. Стороны обсудили борьбу с "
        "терроризмом и охрану газопровода.\n\n"
        "По итогам заседания подписан протокол."
    )
    assert _code(minutes).event_kinds == ["meeting"]  # (before: meeting, mechanism)
    plan = minutes.replace(
        "подписан протокол.", "подписан протокол о сотрудничестве в охране газопровода."
    )
    assert _code(plan).event_kinds == ["meeting", "mechanism"]


def test_what_the_meeting_produced_is_in_scope_without_a_state_named() -> None:
    # (a paragraph saying what the meeting produced names no partner state, so no passage
    # around it was scored: По итогам встречи министры подписали Совместное заявление)
    text = (
        "Министры встретились в Бишкеке. По итогам встречи министры подписали Совместное "
        "заявление. Участники договорились создать рабочую группу."
    )
    item = CodedItem(start=0, end=len(text), relevant=True)
    meeting = _hit(text, "встретились", ("event_kind", "meeting"))
    signed = _hit(text, "Совместное заявление", ("event_kind", "mechanism"))
    agreed = _hit(text, "рабочую группу", ("event_kind", "mechanism"))
    assert _meeting_outcomes(item, text, [meeting], [meeting, signed, agreed]) == [meeting, signed]
    assert _meeting_outcomes(item, text, [], [signed, agreed]) == []  # no meeting in scope


def test_the_meeting_in_the_lead_counts_when_security_comes_later() -> None:
    # (the passages scored as security are later ones; the delegation received in the lead is
    # still the event: before, the ratification talked about there made it a mechanism)
    text = (
        "Председатель Сената приняла делегацию ВСНП\n"
        "Стороны обсудили торговлю и туризм.\n"
        "Стороны отметили важность ратификации соглашения о правовой помощи."
    )
    item = CodedItem(start=0, end=len(text), relevant=True)
    received = _hit(text, "приняла делегацию", ("event_kind", "meeting"))
    treaty = _hit(text, "соглашения", ("event_kind", "mechanism"))
    assert _lead_meeting(item, text, [treaty], [received, treaty]) == [received, treaty]
    later = _hit(text, "обсудили", ("event_kind", "meeting"))  # (a stand-in meeting word)
    assert _lead_meeting(item, text, [later, treaty], [received, later, treaty]) == [
        later,
        treaty,
    ]


def test_a_pledge_to_train_a_stated_number_is_a_second_event() -> None:
    # codebook training_education: "pledges to train N law-enforcement officers"
    pledge = TALKS_KZ + (
        "Министр общественной безопасности КНР сообщил, что в 2027 году китайская сторона "
        "примет на обучение 300 сотрудников органов внутренних дел Казахстана."
    )
    assert _code(pledge).event_kinds == ["meeting", "training_education"]
    talked = TALKS_KZ + (
        "Стороны также обсудили вопросы подготовки кадров и обмена опытом в сфере обучения "
        "сотрудников полиции."
    )
    assert _code(talked).event_kinds == ["meeting"]


EXPERT = (
    "Эксперт: роль Китая в безопасности Кыргызстана будет расти\n"
    "Новости Азии | 24.11.2026 | Интервью\n\n"
    "Насколько глубоко Китай вовлечен в обеспечение безопасности Кыргызстана после саммита ШОС "
    "в Бишкеке? На вопросы ответил Сергей Иванов, директор института в Бишкеке.\n\n"
    "— Китай помогает нашим силовым структурам: передает технику пограничникам, обучает "
    "офицеров в своих академиях, а министры обороны двух стран регулярно проводят переговоры "
    "по борьбе с терроризмом."
)


def test_a_title_quoting_an_analyst_reports_no_event() -> None:
    # (Эксперт: ... as the headline's speaker: an interview or opinion piece, gold guide 5)
    assert _code(EXPERT).event_kinds == []
    assert _COMMENTARY.search("Политолог: Китай усилит помощь\n")
    assert not _COMMENTARY.search("Министр обороны: Китай передаст технику\n")
    assert not _COMMENTARY.search("Встреча прошла, сообщил эксперт: все хорошо\n")


EXERCISE = (
    "Военнослужащие Узбекистана и Китая провели совместные антитеррористические учения\n"
    "Новости Азии | 12 мая 2026\n\n"
    "На полигоне в Джизакской области завершились совместные антитеррористические учения "
    "вооруженных сил Узбекистана и Народно-освободительной армии Китая. В учениях участвовали "
    "около 600 военнослужащих двух стран.\n\n"
)


def test_training_with_its_size_at_an_exercise_is_a_second_event() -> None:
    trained = EXERCISE + (
        "В рамках учений 40 курсантов военной академии Узбекистана прошли стажировку у "
        "китайских инструкторов."
    )
    assert _code(trained).event_kinds == ["bilateral_exercise", "training_education"]
    assert _code(EXERCISE).event_kinds == ["bilateral_exercise"]
