"""Fifteenth-round framework rules (Russian pages first, causes shared with the other
languages): the lead that decides the main event's kind decides its framework too, past every
short source, byline and date line under the title; the two states' own format named in the lead
(кыргызско-китайское учение, a bilateral drill) leaves the lead a one-partner lead; a gathering
named as the frame of a meeting of two (в рамках заседания ... ШОС встретился с ...; on the
sidelines of a long-named meeting, with its abbreviation in brackets) is no framework of the
meeting. Texts written for these tests, none copied from a gold text; each rule has a text it
changes and one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_phrases import document_mentions, transfer_mentions
from steppewatch.extract.coder_resources import ru_office_forms
from steppewatch.extract.coder_rules import _occasion, _speech_clauses, lead_parts, occasion_hits
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedDocument, CodedItem

CODER = CodebookCoder()


def _code(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


def _item(text: str) -> CodedItem:
    return CodedItem(index=0, start=0, end=len(text))


OPERATION_BODY = (
    "С 1 сентября по 20 октября 2026 года пограничные ведомства государств – членов "
    "Шанхайской организации сотрудничества провели второй этап совместной пограничной "
    "операции «Граница-2026».\n\n"
    "В операции участвовали пограничные службы Казахстана, Китая, Кыргызстана и Таджикистана. "
    "На кыргызско-китайском участке границы задержаны нарушители."
)
OPERATION_TWO_HEAD_LINES = (
    "Завершился второй этап совместной операции «Граница-2026»\n"
    "Пресс-служба пограничной службы\n"
    "02.11.2026\n\n" + OPERATION_BODY
)
OPERATION_BILATERAL = (
    "Завершился второй этап совместной операции «Граница-2026»\n"
    "Пресс-служба ГПС\n"
    "02.11.2026\n\n"
    "С 1 сентября по 20 октября 2026 года пограничные службы Кыргызстана и Китая провели "
    "второй этап совместной пограничной операции «Граница-2026» на кыргызско-китайском участке "
    "границы.\n\n"
    "Стороны договорились продолжить сотрудничество, в том числе в рамках ООН и ШОС."
)


def test_lead_parts_skip_every_head_line() -> None:
    head, end = lead_parts(OPERATION_TWO_HEAD_LINES, _item(OPERATION_TWO_HEAD_LINES))
    text = OPERATION_TWO_HEAD_LINES
    assert text[head[0] : head[1]].split() == [
        "Пресс-служба",
        "пограничной",
        "службы",
        "02.11.2026",
    ]
    assert text[:end].rstrip().endswith("«Граница-2026».")


def test_framework_named_in_the_first_sentence_past_two_head_lines() -> None:
    doc = _code(OPERATION_TWO_HEAD_LINES)
    assert doc.kind == "joint_patrol_operation"
    assert doc.framework == "SCO"


def test_framework_named_in_passing_later_leaves_the_two_states() -> None:
    doc = _code(OPERATION_BILATERAL)
    assert doc.kind == "joint_patrol_operation"
    assert doc.framework == "bilateral"
    assert doc.countries == ["CN", "KG"]


DRILL_HEAD = (
    "Пограничники Таджикистана и Китая провели совместное учение\n"
    "Информагентство «Ховар», Душанбе, 3 октября 2026\n\n"
)
DRILL_TWO = DRILL_HEAD + (
    "В Горно-Бадахшанской области прошло совместное таджикско-китайское учение пограничных "
    "подразделений, сообщает пресс-служба ГКНБ.\n\n"
    "Учение завершилось показательными стрельбами. Стороны также договорились о подготовке "
    "совместных учений в рамках ШОС в следующем году."
)
DRILL_SCO = DRILL_HEAD + (
    "В Горно-Бадахшанской области прошло совместное учение пограничных подразделений "
    "государств – членов ШОС, сообщает пресс-служба ГКНБ.\n\n"
    "Учение завершилось показательными стрельбами."
)


def test_two_states_own_format_in_the_lead_keeps_it_bilateral() -> None:
    doc = _code(DRILL_TWO)
    assert doc.kind == "bilateral_exercise"
    assert doc.framework == "bilateral"
    assert doc.countries == ["CN", "TJ"]


def test_framework_in_the_first_sentence_under_the_source_line_decides() -> None:
    doc = _code(DRILL_SCO)
    assert doc.kind == "multilateral_exercise"
    assert doc.framework == "SCO"


TALKS_WITHIN = (
    "Министры внутренних дел Узбекистана и Китая обсудили борьбу с терроризмом\n"
    "Пресс-служба МВД | 11.10.2026\n\n"
    "ТАШКЕНТ, 11.10.2026. Министр внутренних дел Республики Узбекистан в рамках совещания "
    "министров внутренних дел государств – членов ШОС встретился с министром общественной "
    "безопасности КНР Ван Сяохуном.\n\n"
    "Стороны договорились укрепить взаимодействие полиции двух стран в противодействии "
    "терроризму, экстремизму и незаконному обороту наркотиков. Особое внимание уделено защите "
    "китайских граждан и предприятий в Узбекистане."
)
SESSION_WITHIN = (
    "Министры внутренних дел стран ШОС собрались в Ташкенте\n"
    "Пресс-служба МВД | 11.10.2026\n\n"
    "ТАШКЕНТ, 11.10.2026. В рамках совещания министров внутренних дел государств – членов ШОС "
    "министры Узбекистана, Китая, Казахстана и Кыргызстана подписали совместное заявление о "
    "противодействии терроризму.\n\n"
    "Стороны договорились укрепить взаимодействие полиции в противодействии терроризму, "
    "экстремизму и незаконному обороту наркотиков."
)


def test_meeting_of_two_within_a_framework_session_is_bilateral() -> None:
    doc = _code(TALKS_WITHIN)
    assert doc.kind == "meeting"
    assert doc.framework == "bilateral"
    assert doc.countries == ["CN", "UZ"]


def test_framework_session_itself_stays_the_framework() -> None:
    doc = _code(SESSION_WITHIN)
    assert doc.kind == "meeting"
    assert doc.framework == "SCO"


SIDELINES_LONG = (
    "Chinese and Kyrgyz interior ministers hold talks in Tianjin\n"
    "TIANJIN, May 12, 2026 (Xinhua) -- Chinese Minister of Public Security Wang Xiaohong met "
    "with Kyrgyz Interior Minister Ulan Niyazbekov in Tianjin on Tuesday, on the sidelines of "
    "the meeting of interior ministers of the Shanghai Cooperation Organization (SCO) member "
    "states.\n\n"
    "The two ministers agreed to step up joint work against terrorism, drug trafficking and "
    "cross-border crime, and to protect Chinese citizens and projects in Kyrgyzstan.\n\n"
    "Wang said the police forces of the two countries should share intelligence on security "
    "threats."
)


def test_sidelines_of_a_long_named_gathering_and_its_abbreviation() -> None:
    doc = _code(SIDELINES_LONG)
    assert doc.kind == "meeting"
    assert doc.framework == "bilateral"


def _hit(text: str, term: str, payload: tuple[str, object]) -> Hit:
    start = text.index(term)
    return Hit(start=start, end=start + len(term), payload=payload, term=term)


def test_occasion_needs_a_meeting_of_two_after_within() -> None:
    met = "В рамках заседания Совета министров обороны ШОС министр встретился с коллегой."
    signed = "В рамках заседания Совета министров обороны ШОС министры подписали протокол."
    assert _occasion(met, _hit(met, "ШОС", ("framework", "SCO")))
    assert not _occasion(signed, _hit(signed, "ШОС", ("framework", "SCO")))


def test_abbreviation_in_brackets_shares_the_occasion() -> None:
    text = "On the sidelines of the Shanghai Cooperation Organization (SCO) summit, they met."
    full = _hit(text, "Shanghai Cooperation Organization", ("framework", "SCO"))
    short = _hit(text, "SCO", ("framework", "SCO"))
    assert occasion_hits(text, [full, short]) == {id(full), id(short)}
    alone = "The Shanghai Cooperation Organization (SCO) summit opened in Tianjin."
    hits = [
        _hit(alone, "Shanghai Cooperation Organization", ("framework", "SCO")),
        _hit(alone, "SCO", ("framework", "SCO")),
    ]
    assert occasion_hits(alone, hits) == set()


# -- level: the focal state's principal a deputy ---------------------------------------------
COUNCIL_HEAD = (
    "В Алматы прошло заседание Совета министров внутренних дел стран Центральной Азии и Китая\n"
    "Пресс-служба МВД Казахстана | 14.05.2026\n\n"
    "14 мая 2026 года в Алматы состоялось заседание Совета министров внутренних дел государств "
    "Центральной Азии и Китая в формате «Центральная Азия – Китай».\n\n"
)
COUNCIL_TAIL = (
    "\n\nУчастники обсудили противодействие терроризму, незаконному обороту наркотиков и "
    "киберпреступности."
)
COUNCIL_DEPUTY = (
    COUNCIL_HEAD
    + (
        "В заседании приняли участие министры внутренних дел Казахстана, Кыргызстана, Таджикистана "
        "и Узбекистана. Китайскую делегацию возглавил заместитель министра общественной "
        "безопасности КНР."
    )
    + COUNCIL_TAIL
)
COUNCIL_MINISTER = (
    COUNCIL_HEAD
    + (
        "В заседании приняли участие министры внутренних дел Казахстана, Кыргызстана, Таджикистана "
        "и Узбекистана, а также министр общественной безопасности КНР Ван Сяохун. В составе "
        "китайской делегации был заместитель министра общественной безопасности КНР."
    )
    + COUNCIL_TAIL
)


def test_ministers_council_attended_by_a_focal_deputy_is_vice_level() -> None:
    doc = _code(COUNCIL_DEPUTY)
    assert doc.framework == "C5+China"
    assert doc.level == "vice_minister_working"


def test_ministers_council_with_the_focal_minister_keeps_the_minister_level() -> None:
    doc = _code(COUNCIL_MINISTER)
    assert doc.level == "interior_public_security"


RATS_DEPUTY = (
    "SCO RATS Council meets in Tashkent\n"
    "TASHKENT, Oct. 2, 2026 -- The Council of the Regional Anti-Terrorist Structure of the "
    "Shanghai Cooperation Organization held its regular session in Tashkent on Thursday.\n\n"
    "The Chinese delegation was led by Vice Minister of Public Security of China. Delegates "
    "discussed joint counter-terrorism work, extremist propaganda online and the situation in "
    "Afghanistan."
)


def test_body_council_attended_by_a_focal_deputy_is_vice_level() -> None:
    doc = _code(RATS_DEPUTY)
    assert doc.framework == "SCO"
    assert doc.level == "vice_minister_working"


# -- a speaker's words after the lead ------------------------------------------------------
SECRETARY_HEAD = (
    "Секретарь Совбеза Кыргызстана встретился с делегацией МОБ КНР\nПресс-служба Совета "
    "безопасности | 21.09.2026\n\nВ Бишкеке секретарь Совета безопасности Кыргызской "
    "Республики провел встречу с делегацией Министерства общественной безопасности "
    "КНР.\n\nСтороны обсудили противодействие терроризму, экстремизму и незаконному обороту"
    " наркотиков, а также безопасность китайских граждан и предприятий в Кыргызстане.\n\n"
)
SAID_RATIFIED = SECRETARY_HEAD + (
    "Секретарь Совбеза отметил, что стороны ратифицировали все основные договоры, "
    "составляющие правовую базу кыргызско-китайского сотрудничества в сфере безопасности."
)
SIGNED_AT_MEETING = SECRETARY_HEAD + (
    "По итогам встречи стороны подписали соглашение о сотрудничестве в борьбе с терроризмом."
)
STRESSED_IMPORTANCE = SECRETARY_HEAD + (
    "Стороны подчеркнули важность подписания соглашения о сотрудничестве в борьбе с терроризмом. "
)
QUOTED_RATIFIED = SECRETARY_HEAD + (
    "«Наши страны ратифицировали все основные договоры, составляющие правовую базу "
    "кыргызско-китайского сотрудничества в сфере безопасности», – сказал секретарь Совбеза."
)


def test_ratification_a_speaker_notes_is_no_mechanism_of_the_meeting() -> None:
    assert _code(SAID_RATIFIED).event_kinds == ["meeting"]


def test_agreement_signed_at_the_meeting_is_a_mechanism() -> None:
    assert _code(SIGNED_AT_MEETING).event_kinds == ["meeting", "mechanism"]


def test_importance_of_signing_stressed_is_no_mechanism() -> None:
    assert _code(STRESSED_IMPORTANCE).event_kinds == ["meeting"]


def test_ratification_in_a_quotation_is_no_mechanism_of_the_meeting() -> None:
    assert _code(QUOTED_RATIFIED).event_kinds == ["meeting"]


def test_speech_clause_leaves_a_sentence_about_the_event_itself() -> None:
    text = "Встреча прошла в Бишкеке.\nМинистр отметил, что по итогам встречи подписан протокол."
    item = CodedItem(index=0, start=0, end=len(text))
    assert _speech_clauses(text, item, 25) == []
    other = "Встреча прошла в Бишкеке.\nМинистр отметил, что ранее подписан протокол."
    item = CodedItem(index=0, start=0, end=len(other))
    (span,) = _speech_clauses(other, item, 25)
    assert other[span[0] : span[1]].startswith("отметил, что")


# -- the focal state's own act: a word naming two states is no joint format ----------------
GUARDS = (
    "Китайские охранные компании расширяют присутствие в Таджикистане\n"
    "Информагентство «Азия-Плюс», Душанбе, 14 июля 2026\n\n"
    "В Таджикистане работают уже семь частных охранных компаний из Китая, в том числе "
    "таджикско-китайское охранное предприятие, которое охраняет золоторудный комбинат в "
    "Согдийской области.\n\n"
    "По данным источника, сотрудники компаний обеспечивают безопасность китайских предприятий и "
    "граждан, работающих в республике, и проходят подготовку в Китае."
)


def test_security_firm_named_by_two_states_is_still_unilateral() -> None:
    doc = _code(GUARDS)
    assert doc.kind == "private_security"
    assert doc.framework == "unilateral"
    # (the drill of DRILL_TWO, named by the same kind of word, stays bilateral)
    assert _code(DRILL_TWO).framework == "bilateral"


# -- a Russian handover: the verb and its object apart -------------------------------------
INTERIOR_TALKS = (
    "Министры внутренних дел Узбекистана и Китая провели переговоры в Ташкенте\n"
    "Пресс-служба МВД | 12.03.2026\n\n"
    "В Ташкенте министр внутренних дел Республики Узбекистан провел переговоры с министром "
    "общественной безопасности КНР. Стороны обсудили борьбу с терроризмом, наркотрафиком и "
    "киберпреступностью.\n\n"
)


def test_equipment_handed_over_past_a_long_recipient_is_a_second_event() -> None:
    doc = _code(
        INTERIOR_TALKS + "По итогам переговоров китайская сторона передала Главному управлению "
        "по борьбе с киберпреступностью МВД Узбекистана два комплекта оборудования для "
        "цифровой экспертизы."
    )
    assert doc.event_kinds == ["meeting", "equipment_transfer"]


def test_an_invitation_handed_over_is_no_transfer() -> None:
    doc = _code(
        INTERIOR_TALKS + "По итогам переговоров министр передал китайскому коллеге приглашение "
        "посетить Узбекистан с ответным визитом."
    )
    assert doc.event_kinds == ["meeting"]


def test_a_handover_promised_is_no_transfer() -> None:
    doc = _code(
        INTERIOR_TALKS + "Китайская сторона выразила готовность в следующем году передать "
        "узбекской полиции партию патрульных машин."
    )
    assert doc.event_kinds == ["meeting"]


def _transfers(text: str) -> list[str]:
    normal = text.lower()
    return [h.term for h in transfer_mentions([], normal, 0, len(normal))]


def test_transfer_mentions_read_the_verb_its_noun_and_the_ceremony() -> None:
    assert _transfers("Посол передал пограничникам 25 автомобилей и тепловизоры.") == ["~передал"]
    assert _transfers("Состоялась передача казахстанской стороне оборудования для центра.") == [
        "~передача"
    ]
    assert _transfers("Состоялась церемония передачи пограничникам партии техники.") == [
        "~передачи"
    ]
    # (no equipment in the clause; the future; a chair handed over)
    assert _transfers("Министр передал привет коллегам. Техника прибыла позже.") == []
    assert _transfers("Китай передаст технику в следующем году.") == []
    assert _transfers("Церемония передачи председательства прошла в Астане.") == []
    assert _transfers("Прошла церемония передачи пограничникам учебного центра.") == []


# -- a meeting with a partner is never the focal state's act alone --------------------------
STAFF_VISIT = (
    "Начальник Генштаба Казахстана посетил Пекин\n"
    "Пресс-служба Минобороны РК | 18.04.2026\n\n"
    "В Пекине начальник Генерального штаба Вооруженных сил Республики Казахстан встретился с "
    "начальником Объединенного штаба Центрального военного совета КНР.\n\n"
    "Военачальники обсудили борьбу с терроризмом, положение в Афганистане и подготовку "
    "офицеров. В ходе визита казахстанская делегация также посетила штаб Западного "
    "командования НОАК."
)
BUILDUP = (
    "Синьцзянский военный округ повысил боеготовность на границе\n"
    "Независимая газета | 18.04.2026\n\n"
    "Синьцзянский военный округ НОАК провел проверку боеготовности подразделений, охраняющих "
    "границу с Казахстаном, Кыргызстаном и Таджикистаном, сообщили китайские СМИ.\n\n"
    "В ходе проверки отрабатывались действия по пресечению прорыва террористических групп "
    "через границу."
)


def test_meeting_with_a_partner_naming_a_home_command_is_bilateral() -> None:
    doc = _code(STAFF_VISIT)
    assert doc.kind == "meeting"
    assert doc.framework == "bilateral"


def test_home_build_up_stays_unilateral() -> None:
    doc = _code(BUILDUP)
    assert doc.kind == "domestic_capacity"
    assert doc.framework == "unilateral"


# -- встреча + one office holder in the genitive singular: a person, not a meeting's name ---
STAFF_HEAD = (
    "В Астане прошла встреча военных Казахстана и Китая\n"
    "Пресс-служба Минобороны РК | 12.03.2026\n\n"
)
STAFF_TAIL = (
    "\n\nСтороны обсудили военное сотрудничество, подготовку кадров и противодействие терроризму."
)


def test_one_officer_after_vstrecha_is_a_person_with_two_offices() -> None:
    doc = _code(
        STAFF_HEAD + "В Астане состоялась встреча первого заместителя министра обороны – "
        "начальника Генерального штаба Вооруженных сил Республики Казахстан с делегацией "
        "Народно-освободительной армии Китая." + STAFF_TAIL
    )
    assert doc.level == "chief_of_general_staff"


def test_deputies_in_the_plural_after_vstrecha_name_the_meeting() -> None:
    doc = _code(
        STAFF_HEAD + "В Астане состоялась встреча заместителей министров обороны Казахстана и "
        "Китая." + STAFF_TAIL
    )
    assert doc.level == "vice_minister_working"


# -- по итогам переговоров: a paragraph about the talks' outcome is the event's -------------
KNB_TALKS = (
    "Председатель КНБ Казахстана провел переговоры в Пекине\n"
    "Пресс-служба КНБ | 20.05.2026\n\n"
    "В Пекине Председатель Комитета национальной безопасности Республики Казахстан провел "
    "переговоры с министром государственной безопасности КНР. Стороны обсудили противодействие "
    "терроризму и экстремизму.\n\n"
)


def test_plan_signed_as_the_talks_outcome_is_a_second_event() -> None:
    doc = _code(
        KNB_TALKS + "По итогам переговоров подписан план сотрудничества специальных служб на "
        "2027–2028 годы."
    )
    assert doc.event_kinds == ["meeting", "mechanism"]


def test_plan_signed_years_ago_is_no_second_event() -> None:
    doc = _code(
        KNB_TALKS + "В 2019 году спецслужбы подписали план сотрудничества, который продолжает "
        "действовать."
    )
    assert doc.event_kinds == ["meeting"]


# -- a document adopted, named by its kind -------------------------------------------------
CICA_SESSION = (
    "В Душанбе прошло заседание Совета министров иностранных дел СВМДА\n"
    "МИД Таджикистана | 14.10.2026\n\n"
    "14 октября в Душанбе состоялось заседание Совета министров иностранных дел Совещания по "
    "взаимодействию и мерам доверия в Азии. В заседании приняли участие министр иностранных дел "
    "КНР и министры иностранных дел Казахстана, Кыргызстана, Таджикистана и Узбекистана.\n\n"
    "Участники заседания обсудили угрозы терроризма и незаконного оборота наркотиков. "
)


def test_declaration_adopted_by_the_ministers_is_a_second_event() -> None:
    doc = _code(
        CICA_SESSION + "Министры одобрили обновленный каталог мер доверия и приняли "
        "Душанбинскую декларацию."
    )
    assert doc.event_kinds == ["meeting", "mechanism"]


def test_statement_to_the_press_is_no_document() -> None:
    doc = _code(
        CICA_SESSION + "Министр иностранных дел Таджикистана выступил с заявлением для прессы."
    )
    assert doc.event_kinds == ["meeting"]


def _documents(text: str) -> list[str]:
    normal = text.lower()
    return [h.term for h in document_mentions([], normal, 0, len(normal))]


def test_document_mentions_read_the_verb_before_or_after_the_document() -> None:
    assert _documents("Было принято заявление министров по Афганистану.") == ["~принято"]
    assert _documents("Декларация Совета министров была принята единогласно.") == ["~принята"]
    assert _documents("Министр принял участие в заседании и сделал заявление.") == []


# -- a facility and a handover of its own --------------------------------------------------
OUTPOSTS = (
    "Китай построил для Таджикистана три пограничные заставы\n"
    "Азия-Плюс | 09.09.2026\n\n"
    "В Горно-Бадахшанской автономной области открыты три пограничные заставы, построенные за "
    "счет безвозмездной помощи Китая для Пограничных войск ГКНБ Таджикистана.\n\n"
)


def test_vehicles_handed_over_with_the_outposts_are_a_second_event() -> None:
    doc = _code(
        OUTPOSTS + "Кроме того, китайская сторона передала таджикским пограничникам 20 "
        "автомобилей повышенной проходимости и приборы ночного видения."
    )
    assert doc.event_kinds == ["infrastructure", "equipment_transfer"]


def test_outposts_fitted_with_cameras_are_no_transfer() -> None:
    doc = _code(
        OUTPOSTS + "Каждая застава рассчитана на 40 военнослужащих и оснащена системами "
        "видеонаблюдения, связи и автономного энергоснабжения."
    )
    assert doc.event_kinds == ["infrastructure"]


# -- an office's head noun in every case ---------------------------------------------------
def test_office_forms_decline_the_head_noun_only() -> None:
    forms = ru_office_forms("секретарь совбез")
    assert "секретарем совбез" in forms and "секретарю совбез" in forms
    assert "главе мид" in ru_office_forms("глава мид")
    assert "министрами обороны" in ru_office_forms("министр обороны")
    assert ru_office_forms("посол") == []  # (one word: written with its forms)
    assert ru_office_forms("генеральный консул") == []  # (an adjective first)


def test_secretary_in_the_instrumental_is_a_level_hit() -> None:
    from steppewatch.extract.coder_resources import load_resources

    matcher = load_resources(None).matcher
    for phrase, code in (
        ("встретился с секретарем совбеза", "security_council"),
        ("передал главе минобороны", "defence_minister"),
        ("беседа с заместителю министра", "vice_minister_working"),
    ):
        codes = {h.payload[1] for h in matcher.hits(phrase, 0, len(phrase))}
        assert code in codes, phrase
