"""Relevance recall on tune9 (twenty-first round, issue 13, branch coder77).

- the PRC's legislature named without the state (делегация ВСНП, 全国人大代表团, National
  People's Congress delegation) is the focal state's organ: a partner's parliament meeting it
  on terrorism is relevant; a partner's parliament meeting its own ministry is not;
- an attack or a protest targeting the focal state's people or firms where the item's title or
  lead names one partner state as the place (a picket at the Chinese embassy in Bishkek; Chinese
  workers attacked at a site in Uzbekistan; 在吉中国公民遇袭) makes the partner a side; an
  attack whose lead names no partner (two named later, as builders of plants) is given to neither, nor
  an attack recalled from an earlier year (In late 2025, ...) under a report of this year;
- a matter of the sides' talks (The sides discussed terrorism..., Стороны обсудили борьбу с
  терроризмом..., 双方就反恐合作...) stands before a year of the past in its sentence (the
  agreements reached in 2025): the talks' own, not background; a sentence that only recalls an
  earlier year's drill stays background;
- a notice to the public (an embassy's reminder, Посольство напоминает) that reports its officer
  meeting the partner's officials (会见...要求乌方) reports the two states' event; a reminder
  with no meeting stays a notice.

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder

CODER = CodebookCoder()


def _code(text: str):  # type: ignore[no-untyped-def]
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


# -- the PRC's legislature named without the state --------------------------------------------

_NPC_RU = (
    "Сенат провел встречу с делегацией ВСНП\n"
    "Пресс-служба Сената | 4 марта 2026\n"
    "Депутаты Сената Парламента Республики Таджикистан провели встречу с делегацией "
    "Всекитайского собрания народных представителей. Стороны обсудили вопросы законодательного "
    "обеспечения борьбы с терроризмом и экстремизмом."
)
_OWN_MINISTRY_RU = (
    "Сенат провел встречу с министром обороны\n"
    "Пресс-служба Сената | 4 марта 2026\n"
    "Депутаты Сената Парламента Республики Таджикистан провели встречу с министром обороны. "
    "Стороны обсудили вопросы законодательного обеспечения борьбы с терроризмом и экстремизмом."
)
_NPC_ZH = (
    "全国人大代表团访问哈萨克斯坦\n"
    "2026年3月4日，全国人大代表团在阿斯塔纳同哈萨克斯坦议会马日利斯议员举行会谈，"
    "双方就立法打击恐怖主义和极端主义交换意见。"
)
_NPC_EN = (
    "Senate hosts National People's Congress delegation\n"
    "ASTANA, 4 March 2026 - Senators of Kazakhstan met a delegation of the National People's "
    "Congress. The sides discussed legislation on countering terrorism and extremism."
)


def test_npc_named_without_the_state_is_the_focal_organ() -> None:
    for text in (_NPC_RU, _NPC_ZH, _NPC_EN):
        document = _code(text)
        assert document.relevant, text[:30]
        assert "CN" in document.countries


def test_partner_parliament_with_its_own_ministry_is_not_relevant() -> None:
    assert not _code(_OWN_MINISTRY_RU).relevant


# -- harm to the focal state's people where the lead names one partner ---------------------------

_PICKET_RU = (
    "Акция у офиса китайской компании в Кыргызстане: задержаны трое\n"
    "Канал «Новости столицы» | 12 мая 2026\n"
    "Сегодня утром у офиса китайской компании прошла акция протеста. Около 30 человек "
    "протестовали против работы китайской компании на руднике.\n"
    "Сотрудники милиции попросили участников разойтись, трое были доставлены в отдел. "
    "Посольство КНР комментариев не давало."
)
_ATTACK_EN = (
    "Who guards Chinese construction sites in Kazakhstan\n"
    "The Steppe Review | 3 June 2026\n"
    "Three licensed security firms with Chinese capital now guard plants in two regions.\n"
    "Interest in the subject grew after local men attacked Chinese workers at a building "
    "site in May after a quarrel over hiring. The police opened a criminal case."
)
_ATTACK_ZH = (
    "在吉中国公民遇袭 警方已立案\n"
    "2026年5月12日，在吉尔吉斯斯坦工作的中国公民在工地遭当地人员袭击。"
    "中国员工2人受伤，警方已立案调查。"
)
_NO_PLACE_EN = (
    "Who guards Chinese construction sites\n"
    "The Steppe Review | 3 June 2026\n"
    "Three licensed security firms with Chinese capital now guard plants in two regions.\n"
    "Interest in the subject grew after local men attacked Chinese workers at a building "
    "site in May after a quarrel over hiring. The police opened a criminal case.\n"
    "Kazakhstan and Kyrgyzstan plan to build more plants, economists say."
)


_RECALLED_ATTACK_EN = (
    "Tajik border guards report smuggling attempt on the Panj\n"
    "Dushanbe Daily | 14 October 2026\n"
    "Border guards of Tajikistan stopped a group carrying drugs across the river on Saturday.\n"
    "In late 2025, local men attacked Chinese workers in the border area, raising concern."
)


_LAST_YEAR_ATTACK_RU = (
    "Пограничники Таджикистана пресекли попытку контрабанды на Пяндже\n"
    "Душанбе Инфо | 14 октября 2026\n"
    "Пограничники Таджикистана задержали группу с наркотиками на реке в субботу.\n"
    "В прошлом году местные жители напали на китайских рабочих в приграничном районе."
)


def test_harm_recalled_from_an_earlier_year_gives_no_side() -> None:
    assert not _code(_RECALLED_ATTACK_EN).relevant
    assert not _code(_LAST_YEAR_ATTACK_RU).relevant


def test_harm_where_the_lead_names_one_partner_makes_it_a_side() -> None:
    for text in (_PICKET_RU, _ATTACK_EN, _ATTACK_ZH):
        document = _code(text)
        assert document.relevant, text[:30]
        assert len(set(document.countries) - {"CN"}) == 1, text[:30]


def test_harm_whose_lead_names_no_partner_gives_no_side() -> None:
    assert not _code(_NO_PLACE_EN).relevant


# -- the sides' talks before a year of the past --------------------------------------------------

_TALKS_EN = (
    "Speaker of Mazhilis meets Chinese delegation\n"
    "ASTANA, 8 October 2026 - The Speaker of the Mazhilis received a delegation of China's "
    "National People's Congress on October 8.\n"
    "The sides discussed countering terrorism, separatism and extremism, and the implementation "
    "of the agreements reached during the state visit of the President of China in 2024."
)
_TALKS_RU = (
    "Спикер Жогорку Кенеша встретился с делегацией Китая\n"
    "БИШКЕК, 8 октября 2026 года. Спикер Жогорку Кенеша принял делегацию Китая.\n"
    "Стороны обсудили борьбу с терроризмом, сепаратизмом и экстремизмом, а также выполнение "
    "договоренностей, достигнутых в ходе государственного визита Председателя КНР в 2024 году."
)
_RECALLED_EN = (
    "Speaker of Mazhilis meets Chinese delegation\n"
    "ASTANA, 8 October 2026 - The Speaker of the Mazhilis received a delegation of China's "
    "National People's Congress on October 8 to talk about culture and tourism.\n"
    "In 2019 the two countries held a joint counter-terrorism exercise near the border."
)


def test_matters_of_the_talks_before_a_past_year_are_the_talks_own() -> None:
    for text in (_TALKS_EN, _TALKS_RU):
        document = _code(text)
        assert document.relevant, text[:30]


def test_a_sentence_recalling_a_past_year_only_stays_background() -> None:
    assert not _code(_RECALLED_EN).relevant


# -- a notice reporting a meeting with the partner's officials ------------------------------------

_NOTICE_MEETING_ZH = (
    "驻塔吉克斯坦使馆提醒在塔中国公民注意安全\n"
    "2026-05-13\n"
    "5月11日晚，在杜尚别工作的2名中国公民遭不明身份人员抢劫。\n"
    "5月12日，使馆领事参赞会见杜尚别市警察局局长，要求塔方尽快破案，切实保障在塔中国公民安全。\n"
    "使馆提醒在塔中国公民避免夜间单独外出。"
)
_NOTICE_ONLY_ZH = (
    "驻塔吉克斯坦使馆提醒在塔中国公民注意安全\n"
    "2026-05-13\n"
    "近期塔吉克斯坦天气多变，使馆提醒在塔中国公民注意人身和财产安全，避免夜间单独外出。"
)


def test_notice_reporting_a_meeting_with_the_partner_is_an_event() -> None:
    document = _code(_NOTICE_MEETING_ZH)
    assert document.relevant
    assert "TJ" in document.countries


def test_reminder_without_a_meeting_stays_a_notice() -> None:
    assert not _code(_NOTICE_ONLY_ZH).relevant
