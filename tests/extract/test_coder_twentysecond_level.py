"""Level on fresh pages (twenty-second round, issue 13, branch coder83): classes read from the
level errors of test25, test26, tune9, test23 and test24.

- a body named in a deputy head's title (первый заместитель председателя Государственного
  комитета национальной безопасности, Deputy Director of the Border Service, 公安部国际合作局局长)
  or among the bodies whose representatives attend: working level, not the body's head;
- deputy heads and department or centre heads the codebook's words miss (заместитель руководителя
  Национальной иммиграционной администрации КНР, Director of the ... Monitoring Center,
  中国人民银行副行长, …中心主任): working level;
- border units below the service's head meeting (边防团 and 某支队, командир пограничного полка,
  commanders of a border regiment): other, unless the page calls them border representatives;
- a field's ministerial meeting (Ministerial Meeting on Emergency Management): its ministers'
  level, other; not a ministerial meeting on public security;
- a partner's one-character short form before a Chinese office (土国家安全部长): that state's
  office, so the PRC ambassador who meets him sets the level;
- principals with no level of their own in the lead of a meeting where no listed office is
  (prosecutors general, a military academy's head, regional police bodies): other; an experts'
  meeting: working level;
- an office in the name of a gathering the meeting prepares (为外长理事会和峰会做准备): not the
  meeting's level;
- an office of no state named that receives the focal state's delegation (Министр обороны принял
  делегацию НОАК): the host's, not the focal principal's; a delegation's head after a deputy's
  word (во главе с заместителем командующего) is the delegation's state's.

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_principals import (
    border_units_meet,
    deputy_heads,
    deputy_of_body,
    unlisted_principal,
)

CODER = CodebookCoder()


def _level(text: str) -> str | None:
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt")).level


def _body(text: str, name: str, code: str) -> bool:
    at = text.index(name)
    han = "\u4e00" <= name[0] <= "\u9fff"
    return deputy_of_body(code, at, at + len(name), han, text)


# -- a body named in a deputy head's title ----------------------------------------------------


def test_a_body_in_a_deputy_heads_title_is_working_level() -> None:
    ru = "Первый заместитель председателя Государственного комитета национальной безопасности"
    assert _body(ru, "комитета национальной безопасности", "state_security_intelligence")
    en = "the Deputy Director of the Border Service of Kyrgyzstan"
    assert _body(en, "Border Service", "border_guard_chief")
    zh = "公安部国际合作局局长会见"
    assert _body(zh, "公安部", "interior_public_security")


def test_a_body_with_its_head_keeps_the_heads_level() -> None:
    ru = "Председатель Государственного комитета национальной безопасности"
    assert not _body(ru, "комитета национальной безопасности", "state_security_intelligence")
    en = "the Director of the Border Service of Kyrgyzstan"
    assert not _body(en, "Border Service", "border_guard_chief")
    zh = "公安部部长会见"
    assert not _body(zh, "公安部", "interior_public_security")
    # (a deputy chief of the general staff is the codebook's chief_of_general_staff)
    cgs = "the Deputy Chief of the General Staff"
    assert not _body(cgs, "General Staff", "chief_of_general_staff")


def test_a_body_among_those_whose_representatives_attend() -> None:
    en = (
        "Representatives of the Border Service, the Ministry of Emergencies and China's "
        "National Immigration Administration also attended."
    )
    assert _body(en, "National Immigration Administration", "border_guard_chief")
    ru = "Присутствовали представители МЧС, таможни и Национальной иммиграционной администрации"
    assert _body(ru, "Национальной иммиграционной администрации", "border_guard_chief")


def test_an_official_after_a_list_of_representatives_is_no_body() -> None:
    en = (
        "Representatives of Kazakhstan, Kyrgyzstan and China's Minister of Public Security "
        "opened the forum."
    )
    assert not _body(en, "Minister of Public Security", "interior_public_security")


_DEPUTY_RU = (
    "Первый заместитель председателя ГКНБ встретился с делегацией МОБ КНР\n"
    "БИШКЕК, 5 марта. Первый заместитель председателя Государственного комитета национальной "
    "безопасности Кыргызстана принял делегацию Министерства общественной безопасности КНР во "
    "главе с заместителем министра. Стороны обсудили противодействие терроризму и "
    "кибермошенничеству.\n"
)
_MINISTER_RU = (
    "Первый заместитель председателя ГКНБ встретился с министром общественной безопасности КНР\n"
    "БИШКЕК, 5 марта. Первый заместитель председателя Государственного комитета национальной "
    "безопасности Кыргызстана принял министра общественной безопасности КНР. Стороны обсудили "
    "противодействие терроризму и кибермошенничеству.\n"
)


def test_a_partner_deputy_and_a_focal_deputy_meet_at_working_level_ru() -> None:
    assert _level(_DEPUTY_RU) == "vice_minister_working"


def test_a_focal_minister_received_by_a_partner_deputy_keeps_his_level_ru() -> None:
    assert _level(_MINISTER_RU) == "interior_public_security"


# -- deputy and department heads the codebook's words miss ------------------------------------


def _terms(text: str) -> list[str]:
    return [term for _, _, term in deputy_heads(text, 0, len(text))]


def test_deputy_and_department_heads_are_found() -> None:
    ru = "Китай представлял заместитель руководителя Национальной иммиграционной администрации КНР."
    assert _terms(ru) == ["заместитель руководителя Национальной иммиграционной администрации КНР"]
    en = "talks with the Director of the China Financial Intelligence Monitoring Center on Monday"
    assert _terms(en) == ["Director of the China Financial Intelligence Monitoring Center"]
    zh = "中国人民银行副行长出席；中国反洗钱监测分析中心主任会见"
    assert _terms(zh) == ["副行长", "中国反洗钱监测分析中心主任"]


def test_commanders_and_staff_chiefs_are_no_deputy_heads() -> None:
    # (a deputy commander of a military district: the codebook's other; a deputy chief of the
    # general staff: chief_of_general_staff; a centre's director in lower case: no agency's)
    assert _terms("во главе с заместителем командующего войсками военного округа") == []
    assert _terms("led by the Deputy Chief of the General Staff of the PLA") == []
    assert _terms("met the director of a training center in the city") == []


_NIA_DEPUTY_RU = (
    "Пограничные ведомства ШОС подвели итоги операции\n"
    "БИШКЕК, 3 ноября. Итоги операции подведены на совещании руководителей пограничных служб "
    "государств - членов ШОС. Китайскую сторону представлял заместитель руководителя "
    "Национальной иммиграционной администрации КНР. Стороны обсудили борьбу с незаконной "
    "миграцией и контрабандой наркотиков.\n"
)
_NIA_HEAD_RU = _NIA_DEPUTY_RU.replace(
    " Китайскую сторону представлял заместитель руководителя Национальной иммиграционной "
    "администрации КНР.",
    "",
)


def test_a_focal_deputy_head_at_a_service_heads_meeting_is_working_level_ru() -> None:
    assert _level(_NIA_DEPUTY_RU) == "vice_minister_working"


def test_a_service_heads_meeting_keeps_its_level_ru() -> None:
    assert _level(_NIA_HEAD_RU) == "border_guard_chief"


_CENTRE_EN = (
    "Kazakhstan, China to exchange financial intelligence\n"
    "ASTANA - The Chairman of Kazakhstan's Financial Monitoring Agency held talks in Astana on "
    "May 4 with the Director of the China Financial Intelligence Monitoring Center. The parties "
    "discussed the financing of terrorism and signed a memorandum of understanding.\n"
)


def test_a_centre_director_is_working_level_en() -> None:
    assert _level(_CENTRE_EN) == "vice_minister_working"


_BUREAU_ZH = (
    "公安部国际合作局局长会见塔吉克斯坦内务部副部长\n"
    "4月8日，公安部国际合作局局长在京会见来访的塔吉克斯坦内务部副部长一行。双方就打击跨国"
    "电信网络诈骗和毒品犯罪等执法安全合作交换了意见。\n"
)
_MINISTRY_ZH = _BUREAU_ZH.replace("公安部国际合作局局长", "公安部部长")


def test_a_ministrys_department_head_is_working_level_zh() -> None:
    assert _level(_BUREAU_ZH) == "vice_minister_working"


def test_the_minister_keeps_the_ministry_level_zh() -> None:
    assert _level(_MINISTRY_ZH) == "interior_public_security"


# -- border units below the service's head ----------------------------------------------------


def _units(text: str) -> bool:
    return border_units_meet(text, 0, len(text))


def test_border_units_meeting() -> None:
    assert _units("新疆军区某边防团与吉尔吉斯斯坦边防部队某支队在口岸举行边防会晤。")
    assert _units("С китайской стороны встречу возглавил командир пограничного полка.")
    assert _units("The commanders of a Chinese border regiment and a Kyrgyz detachment met.")


def test_border_representatives_or_a_service_head_are_no_units() -> None:
    assert not _units("新疆军区某边防团与哈萨克斯坦边防代表在口岸举行年度会晤。")
    assert not _units("Встречу возглавили пограничные представители, командир пограничного полка.")
    assert not _units("The border representatives of the two countries met at the crossing.")


_UNITS_ZH = (
    "中吉边防部队举行边防会晤\n"
    "5月6日，新疆军区某边防团与吉尔吉斯斯坦边防部队某支队在伊尔克什坦口岸举行边防会晤，双方"
    "就边境管控、打击非法越境和走私交换了意见。\n"
)
_REPRESENTATIVES_ZH = (
    "中吉边防代表举行年度会晤\n"
    "5月6日，中吉边防代表年度会晤在伊尔克什坦口岸举行，双方就边境管控、打击非法越境和走私交换"
    "了意见。\n"
)


def test_border_units_meeting_is_other_zh() -> None:
    assert _level(_UNITS_ZH) == "other"


def test_border_representatives_meeting_is_border_guard_chief_zh() -> None:
    assert _level(_REPRESENTATIVES_ZH) == "border_guard_chief"


_UNITS_RU = (
    "На границе встретились таджикские и китайские пограничники\n"
    "ДУШАНБЕ, 4 мая. Командование Пограничных войск ГКНБ Таджикистана провело встречу с "
    "представителями пограничного ведомства Китая на перевале. С таджикской стороны встречу "
    "возглавил командир пограничного отряда, с китайской - командир пограничного полка. Стороны "
    "обсудили обстановку на границе и борьбу с контрабандой.\n"
)
_HEADS_RU = _UNITS_RU.replace(
    "командир пограничного отряда, с китайской - командир пограничного полка",
    "директор Пограничной службы, с китайской - руководитель пограничного ведомства",
)


def test_border_units_meeting_is_other_ru() -> None:
    assert _level(_UNITS_RU) == "other"


def test_border_service_heads_meeting_keeps_border_guard_chief_ru() -> None:
    assert _level(_HEADS_RU) == "border_guard_chief"


# -- a field's ministerial meeting ------------------------------------------------------------

_FIELD_EN = (
    "China, Central Asian states adopt flood response plan\n"
    "The second China-Central Asia Ministerial Meeting on Emergency Management was held in "
    "Urumqi on Monday.\n"
    "China's Minister of Emergency Management chaired the meeting, attended by ministers from "
    "the five countries, who discussed disaster response and counter-terrorism drills.\n"
)
_SECURITY_EN = (
    "China, Central Asian states step up fight against drugs\n"
    "The second China-Central Asia Ministerial Meeting on Public Security and Internal Affairs "
    "was held in Urumqi on Monday.\n"
    "China's Minister of Public Security Wang Xiaohong chaired the meeting, attended by the "
    "interior ministers of the five countries, who discussed drug trafficking and terrorism.\n"
)


def test_a_fields_ministerial_meeting_is_other_en() -> None:
    assert _level(_FIELD_EN) == "other"


def test_a_ministerial_meeting_on_public_security_is_the_interior_ministers_en() -> None:
    assert _level(_SECURITY_EN) == "interior_public_security"


# -- a partner's short form before a Chinese office -------------------------------------------

_SHORT_ZH = (
    "驻土库曼斯坦大使会见土国家安全部长\n"
    "5月11日，驻土库曼斯坦大使会见土库曼斯坦国家安全部长，就两国安全合作、保护在土中方人员和"
    "项目安全交换意见。\n"
)
_MINISTER_ZH = (
    "国家安全部部长会见土库曼斯坦大使\n"
    "5月11日，国家安全部部长在京会见土库曼斯坦驻华大使，就两国安全合作、打击恐怖主义交换意见。\n"
)


def test_a_partners_short_form_owns_the_office_zh() -> None:
    assert _level(_SHORT_ZH) == "other"


def test_the_focal_ministry_keeps_its_level_zh() -> None:
    assert _level(_MINISTER_ZH) == "state_security_intelligence"


# -- principals whose office has no level of its own ------------------------------------------


def _unlisted(text: str) -> str | None:
    found = unlisted_principal(text, 0, len(text))
    return None if found is None else found[0]


def test_unlisted_principals_and_experts() -> None:
    assert _unlisted("Генеральные прокуроры Узбекистана и Китая провели переговоры") == "other"
    assert _unlisted("Начальник Военной академии НОАК посетил Бишкек") == "other"
    assert _unlisted("The prosecutors general of China and Kyrgyzstan held talks") == "other"
    assert _unlisted("伊犁州公安局与阿拉木图州警察局举行警务会晤") == "other"
    assert _unlisted("亚信禁毒合作专家会议在杜尚别举行") == "vice_minister_working"
    assert _unlisted("A CICA expert meeting on drug control was held") == "vice_minister_working"


def test_listed_or_other_words_are_no_unlisted_principals() -> None:
    assert _unlisted("Министры внутренних дел Узбекистана и Китая провели переговоры") is None
    assert _unlisted("The foreign ministers of China and Kyrgyzstan held talks") is None
    assert _unlisted("亚信外长会议在杜尚别举行") is None
    assert _unlisted("The police of the two countries held a meeting") is None


_REGIONAL_ZH = (
    "中哈两地警方举行边境警务会晤\n"
    "6月3日，中国新疆伊犁州公安局与哈萨克斯坦阿拉木图州警察局在霍尔果斯举行边境警务会晤，双方就打击"
    "恐怖主义、毒品犯罪和跨境走私等执法安全合作交换了意见。\n"
)
_MINISTERS_ZH = (
    "公安部部长会见哈萨克斯坦内务部长\n"
    "6月3日，公安部部长在京会见哈萨克斯坦内务部长，双方就打击恐怖主义、毒品犯罪和跨境走私等"
    "执法安全合作交换了意见。\n"
)


def test_regional_police_meeting_is_other_zh() -> None:
    assert _level(_REGIONAL_ZH) == "other"


def test_a_ministers_meeting_keeps_its_level_zh() -> None:
    assert _level(_MINISTERS_ZH) == "interior_public_security"


# -- an office in the name of a gathering the meeting prepares --------------------------------

_PREPARES_ZH = (
    "亚信高官委员会会议在阿斯塔纳举行\n"
    "3月4日至5日，亚信高官委员会会议在哈萨克斯坦阿斯塔纳举行，外交部欧亚司副司长率团出席。\n"
    "会议讨论了打击恐怖主义、禁毒合作以及军事政治领域信任措施等问题。中方表示，愿同哈萨克斯坦等"
    "各方加强反恐和禁毒合作。\n"
    "按照惯例，高官委员会会议为外长理事会和峰会做准备。\n"
)
_COUNCIL_ZH = (
    "亚信外长理事会会议在阿斯塔纳举行\n"
    "3月4日，亚信外长理事会会议在哈萨克斯坦阿斯塔纳举行。\n"
    "会议讨论了打击恐怖主义、禁毒合作以及军事政治领域信任措施等问题。中方表示，愿同哈萨克斯坦等"
    "各方加强反恐和禁毒合作。\n"
)


def test_an_office_of_the_gathering_prepared_sets_no_level_zh() -> None:
    assert _level(_PREPARES_ZH) == "vice_minister_working"


def test_the_councils_own_meeting_keeps_its_level_zh() -> None:
    assert _level(_COUNCIL_ZH) == "foreign_minister"


# -- a partner's office receiving the focal state's delegation --------------------------------

_HOST_RU = (
    "Министр обороны принял делегацию Народно-освободительной армии Китая\n"
    "ДУШАНБЕ, 9 апреля. Министр обороны Республики Таджикистан принял делегацию НОАК во главе с "
    "заместителем командующего войсками Западного военного округа. В ходе встречи обсуждены "
    "вопросы противодействия терроризму и угрозам с территории Афганистана.\n"
)
_GUEST_MINISTER_RU = (
    "Министр обороны Китая встретился с министром обороны Таджикистана\n"
    "ДУШАНБЕ, 9 апреля. Министр обороны КНР встретился с министром обороны Республики "
    "Таджикистан. В ходе встречи обсуждены вопросы противодействия терроризму и угрозам с "
    "территории Афганистана.\n"
)


def test_a_host_receiving_the_focal_delegation_sets_no_level_ru() -> None:
    assert _level(_HOST_RU) == "other"


def test_the_focal_minister_keeps_his_level_ru() -> None:
    assert _level(_GUEST_MINISTER_RU) == "defence_minister"
