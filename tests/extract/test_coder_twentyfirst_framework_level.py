"""Twenty-first round framework and level rules (coder74), found on fresh pages (test23, test24):

- a state named in the name of a route through several states (the China-Kyrgyzstan-Uzbekistan
  railway, железная дорога Китай – Кыргызстан – Узбекистан, 中国—吉尔吉斯斯坦—乌兹别克斯坦铁路)
  is the project's name, no side of the event the sentence reports: talks of two states on
  guarding it stay bilateral; the states named as sides stay sides;
- a headline or digest line that joins two items with a semicolon: the clause with the event's
  word is the event's, the other clause's states are another item's;
- a framework named as whose event the event word is (the joint exercise of the SCO member
  states' agencies, учения государств-членов ШОС, 上合组织成员国…联合演练) is the event's format
  wherever its sentence stands; a document "of" a framework (Конвенция ООН) is not;
- the gathering a visitor is in the country for (who is in Tashkent to attend the trilateral
  meeting, который находится в стране для участия во встрече, 来华出席…会晤的外长) is the
  occasion of the meeting reported, not its format;
- a non-state track's gathering under a format's name (the China-Central Asia Think Tank Forum)
  is no framework of the event;
- the focal state's institution named beside its deputy principal (外交和国防部门 at a dialogue
  vice ministers co-chair; representatives of the Ministry of Public Security at a session an
  assistant minister led; the Ministry of Public Security's talks, its delegation led by a vice
  minister) does not keep the deputy from setting the level; a minister named does;
- a meeting's verb of two characters between an office and a state (中国驻…大使会见吉尔吉斯斯坦…)
  makes the state the other side's, not the office holder's (Chinese only: the English and
  Russian joins take no verb already);
- a reporting sentence the lead's 200 characters cut (At the invitation of the Kyrgyz side,
  <a long title>, will attend the Meeting of ... of the Shanghai Cooperation Organization Member
  States): a framework named later in that sentence is the event's, so the inviting host is no
  lone partner; one named there as the occasion of talks is not (English and Russian; a Chinese
  sentence that long is rare and has no test);
- the meeting's name in the item's title counts for the meeting's own level even when the
  passages scoped for the codes leave the title out (a title over a language menu and the
  dateline); a person's title there does not name the meeting;
- security council secretaries named in the plural nominative (Секретари советов безопасности
  ШОС собрались) are the security_council level, as the other cases were.

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder, new_item
from steppewatch.extract.coder_rules import (
    Found,
    _clause_of,
    _event_of_framework,
    _in_route_name,
    _non_state_track,
    _occasion_at,
    meeting_name_levels,
)
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedItem

CODER = CodebookCoder()


def _code(text: str) -> CodedItem:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    items = [i for i in document.items if i.relevant] if document.items else [document]
    assert items, text
    return items[0]


def _state(text: str, name: str, code: str, nth: int = 0) -> Hit:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return Hit(at, at + len(name), ("state", code), name)


# -- a route's name -------------------------------------------------------------------------


def test_a_state_in_a_route_name_is_no_side() -> None:
    en = "guards for the China-Kyrgyzstan-Uzbekistan railway section"
    assert _in_route_name(en, _state(en, "Uzbekistan", "UZ"))
    assert _in_route_name(en, _state(en, "Kyrgyzstan", "KG"))
    ru = "охрана железной дороги Китай – Кыргызстан – Узбекистан на участке"
    assert _in_route_name(ru, _state(ru, "Узбекистан", "UZ"))
    zh = "双方就中国—吉尔吉斯斯坦—乌兹别克斯坦铁路安保合作交换意见"
    assert _in_route_name(zh, _state(zh, "吉尔吉斯斯坦", "KG"))


def test_a_state_beside_a_route_word_is_a_side() -> None:
    en = "China, Kyrgyzstan and Uzbekistan discussed the railway"
    assert not _in_route_name(en, _state(en, "Uzbekistan", "UZ"))
    en_pair = "China-Kyrgyzstan talks on the railway"
    assert not _in_route_name(en_pair, _state(en_pair, "Kyrgyzstan", "KG"))
    ru = "Кыргызстан и Узбекистан обсудили строительство железной дороги"
    assert not _in_route_name(ru, _state(ru, "Узбекистан", "UZ"))
    zh = "中国同吉尔吉斯斯坦、乌兹别克斯坦三方就铁路安保交换意见"
    assert not _in_route_name(zh, _state(zh, "吉尔吉斯斯坦", "KG"))


ROUTE_TALKS = (
    "Police escorts agreed for builders of China-Kyrgyzstan-Uzbekistan railway\n\n"
    "BISHKEK, May 12 -- Kyrgyzstan's Interior Ministry and a delegation of China's Ministry of "
    "Public Security held talks in Bishkek on Tuesday on the protection of Chinese engineers "
    "building the Kyrgyz section of the China-Kyrgyzstan-Uzbekistan railway.\n"
    "The sides signed a protocol on police escorts for the construction crews.\n"
    "Uzbek Railways said the Uzbek National Guard protects its part of the route.\n"
)
THREE_STATE_TALKS = (
    "Police of three states meet on railway security\n\n"
    "BISHKEK, May 12 -- Police officials of China, Kyrgyzstan and Uzbekistan held talks in "
    "Bishkek on Tuesday on the protection of engineers building a new railway.\n"
    "The sides signed a protocol on police escorts for the construction crews.\n"
)


def test_talks_on_guarding_a_route_stay_bilateral() -> None:
    assert _code(ROUTE_TALKS).framework == "bilateral"
    assert _code(THREE_STATE_TALKS).framework == "other_multilateral"


# -- a semicolon between two items ----------------------------------------------------------


def test_the_clause_of_the_event_word() -> None:
    text = "Digest: Kyrgyz border service gets Chinese vehicles; Kazakh-Russian talks"
    at = text.index("vehicles")
    lo, hi = _clause_of(text, at, 0, len(text))
    assert text[lo:hi] == "Digest: Kyrgyz border service gets Chinese vehicles"
    zh = "中方向吉方移交巡逻车；哈俄举行防空会谈"
    lo, hi = _clause_of(zh, zh.index("巡逻车"), 0, len(zh))
    assert zh[lo:hi] == "中方向吉方移交巡逻车"
    plain = "Kyrgyz border service gets Chinese vehicles, Kazakh officials said"
    assert _clause_of(plain, plain.index("vehicles"), 0, len(plain)) == (0, len(plain))


# -- a framework owning the event word ------------------------------------------------------


def test_a_framework_owning_the_event_word() -> None:
    en = "rescuers took part in the joint exercise of the SCO member states' agencies"
    word = en.index("joint exercise")
    spans = [(word, word + len("joint exercise"))]
    sco = en.index("SCO")
    assert _event_of_framework(en, Hit(sco, sco + 3, ("framework", "SCO"), "SCO"), spans)
    ru = "спасатели приняли участие в учениях государств-членов ШОС в Китае"
    word = ru.index("учениях")
    spans = [(word, word + len("учениях"))]
    sco = ru.index("ШОС")
    assert _event_of_framework(ru, Hit(sco, sco + 3, ("framework", "SCO"), "ШОС"), spans)
    zh = "哈方救援人员参加了上合组织成员国紧急救灾部门联合演练"
    word = zh.index("联合演练")
    spans = [(word, word + 4)]
    sco = zh.index("上合组织")
    assert _event_of_framework(zh, Hit(sco, sco + 4, ("framework", "SCO"), "上合组织"), spans)


def test_a_framework_beside_the_event_word_does_not_own_it() -> None:
    en = "the joint exercise, held in China, was praised by the SCO secretary-general"
    word = en.index("joint exercise")
    spans = [(word, word + len("joint exercise"))]
    sco = en.index("SCO")
    assert not _event_of_framework(en, Hit(sco, sco + 3, ("framework", "SCO"), "SCO"), spans)
    ru = "учения прошли в Китае, сообщили в секретариате ШОС"
    spans = [(0, len("учения"))]
    sco = ru.index("ШОС")
    assert not _event_of_framework(ru, Hit(sco, sco + 3, ("framework", "SCO"), "ШОС"), spans)
    zh = "上合组织秘书长表示，中哈联合演练取得成功"
    word = zh.index("联合演练")
    spans = [(word, word + 4)]
    assert not _event_of_framework(zh, Hit(0, 4, ("framework", "SCO"), "上合组织"), spans)


SCO_EXERCISE_LATER = (
    "Annual report of the emergencies ministry: international cooperation\n\n"
    "In 2026 the ministry continued to develop cooperation with the emergency services of "
    "neighbouring countries.\n"
    "From 8 to 10 September, rescuers of Kazakhstan took part in the joint earthquake-response "
    "exercise of the SCO member states' emergency agencies held in Xinjiang, China, together "
    "with teams of China and Kyrgyzstan.\n"
)
SCO_NAMED_APART = (
    "Annual report of the emergencies ministry: international cooperation\n\n"
    "In 2026 the ministry continued to develop cooperation with the emergency services of "
    "neighbouring countries.\n"
    "From 8 to 10 September, rescuers of Kazakhstan took part in a joint earthquake-response "
    "exercise held in Xinjiang, China, together with teams of China and Kyrgyzstan. The SCO "
    "secretariat later published a report on emergency cooperation.\n"
)


def test_an_exercise_of_the_sco_members_is_sco() -> None:
    assert _code(SCO_EXERCISE_LATER).framework == "SCO"
    assert _code(SCO_NAMED_APART).framework == "other_multilateral"


# -- the gathering a visitor came for -------------------------------------------------------


def _at(text: str, name: str) -> tuple[int, int]:
    at = text.index(name)
    return at, at + len(name)


def test_the_gathering_a_visitor_came_for_is_an_occasion() -> None:
    en = (
        "The president received the Chinese foreign minister, who is in Tashkent to attend "
        "the trilateral meeting of foreign ministers"
    )
    assert _occasion_at(en, *_at(en, "trilateral"))
    ru = (
        "Президент принял министра иностранных дел Китая, который находится в нашей стране "
        "для участия в трехсторонней встрече министров"
    )
    assert _occasion_at(ru, *_at(ru, "трехсторонней"))
    zh = "总统会见来华出席中国—中亚外长会晤的哈萨克斯坦外长"
    assert _occasion_at(zh, *_at(zh, "中国—中亚"))


def test_a_gathering_attended_is_no_occasion() -> None:
    en = "The Chinese foreign minister attended the trilateral meeting of foreign ministers"
    assert not _occasion_at(en, *_at(en, "trilateral"))
    ru = "Министр иностранных дел Китая принял участие в трехсторонней встрече министров"
    assert not _occasion_at(ru, *_at(ru, "трехсторонней"))
    zh = "王毅在西安出席中国—中亚外长会晤"
    assert not _occasion_at(zh, *_at(zh, "中国—中亚"))


# -- a non-state track's forum --------------------------------------------------------------


def test_a_think_tank_forum_is_no_format() -> None:
    en = "a keynote speech at the China-Central Asia Think Tank Forum in Beijing"
    hit = Hit(*_at(en, "China-Central Asia"), ("framework", "C5+China"), "China-Central Asia")
    assert _non_state_track(en, hit)
    ru = "выступил на Форуме аналитических центров ШОС в Пекине"
    assert _non_state_track(ru, Hit(*_at(ru, "ШОС"), ("framework", "SCO"), "ШОС"))
    zh = "在中国—中亚智库论坛上发表主旨演讲"
    assert _non_state_track(zh, Hit(*_at(zh, "中国—中亚"), ("framework", "C5+China"), "中国—中亚"))


def test_a_ministers_meeting_is_a_format() -> None:
    en = "a speech at the China-Central Asia Foreign Ministers' Meeting in Beijing"
    hit = Hit(*_at(en, "China-Central Asia"), ("framework", "C5+China"), "China-Central Asia")
    assert not _non_state_track(en, hit)
    ru = "выступил на заседании Совета министров иностранных дел ШОС в Пекине"
    assert not _non_state_track(ru, Hit(*_at(ru, "ШОС"), ("framework", "SCO"), "ШОС"))
    zh = "在中国—中亚外长会晤上发表讲话"
    assert not _non_state_track(
        zh, Hit(*_at(zh, "中国—中亚"), ("framework", "C5+China"), "中国—中亚")
    )


# -- security council secretaries in the plural ---------------------------------------------

SECRETARIES_RU = (
    "Секретари советов безопасности ШОС договорились усилить борьбу с терроризмом\n\n"
    "АСТАНА, 4 июня. Секретари советов безопасности государств - членов ШОС на совещании в "
    "Астане договорились усилить совместную работу против терроризма и наркотрафика. Китайскую "
    "делегацию возглавил член Политбюро ЦК КПК.\n"
    "Следующий саммит глав государств ШОС пройдет в Казахстане.\n"
)
MINISTERS_RU = (
    "Министры обороны ШОС договорились усилить борьбу с терроризмом\n\n"
    "АСТАНА, 4 июня. Министры обороны государств - членов ШОС на совещании в Астане "
    "договорились усилить совместную работу против терроризма и наркотрафика.\n"
    "Следующий саммит глав государств ШОС пройдет в Казахстане.\n"
)


def test_security_council_secretaries_in_the_plural() -> None:
    assert _code(SECRETARIES_RU).level == "security_council"
    assert _code(MINISTERS_RU).level == "defence_minister"


# -- the focal deputy beside the focal state's institution ---------------------------------

DEPUTY_ZH = (
    "中哈外交和国防部门战略对话首次会议在阿斯塔纳举行\n"
    "2026年5月10日 外交部\n"
    "\n"
    "5月9日，中国—哈萨克斯坦外交和国防部门战略对话首次会议在阿斯塔纳举行。外交部副部长同哈萨克斯坦外交部副部长共同主持。\n"
    "双方就反恐、边境安全合作深入交换意见。\n"
)
MINISTER_ZH = (
    "中哈外交和国防部门战略对话首次会议在阿斯塔纳举行\n"
    "2026年5月10日 外交部\n"
    "\n"
    "5月9日，中国—哈萨克斯坦外交和国防部门战略对话首次会议在阿斯塔纳举行。国防部长同哈萨克斯坦国防部长共同主持。\n"
    "双方就反恐、边境安全合作深入交换意见。\n"
)
DEPUTY_RU = (
    "Состоялось заседание подкомитета по сотрудничеству в сфере безопасности\n"
    "Астана, 12 марта 2026 года. В Астане прошло заседание подкомитета по сотрудничеству в сфере безопасности Казахстанско-Китайского комитета по сотрудничеству.\n"
    "Китайскую делегацию возглавил помощник министра иностранных дел КНР. В заседании приняли участие представители пограничной службы и полиции Казахстана, а также Министерства общественной безопасности КНР.\n"
    "Стороны обсудили противодействие терроризму и наркотрафику.\n"
)
MINISTER_RU_SESSION = (
    "Состоялось заседание подкомитета по сотрудничеству в сфере безопасности\n"
    "Астана, 12 марта 2026 года. В Астане прошло заседание подкомитета по сотрудничеству в сфере безопасности Казахстанско-Китайского комитета по сотрудничеству.\n"
    "Китайскую делегацию возглавил министр общественной безопасности КНР. В заседании приняли участие представители пограничной службы и полиции Казахстана.\n"
    "Стороны обсудили противодействие терроризму и наркотрафику.\n"
)
DEPUTY_EN = (
    "China, Kyrgyzstan hold police talks\n"
    "\n"
    "BISHKEK, March 3 -- China's Ministry of Public Security and Kyrgyzstan's Interior Ministry held talks in Bishkek on Tuesday on counter-terrorism cooperation. The Chinese delegation was led by a vice minister of public security.\n"
    "The two sides agreed to share information on terrorist groups.\n"
)
MINISTER_EN = (
    "China, Kyrgyzstan hold police talks\n"
    "\n"
    "BISHKEK, March 3 -- China's Ministry of Public Security and Kyrgyzstan's Interior Ministry held talks in Bishkek on Tuesday on counter-terrorism cooperation. The Chinese delegation was led by the minister of public security.\n"
    "The two sides agreed to share information on terrorist groups.\n"
)
ENVOY_MEETS_ZH = "2026年3月3日，中国驻吉尔吉斯斯坦大使会见吉尔吉斯斯坦国家安全委员会主席，双方就反恐合作交换意见。\n"
MINISTER_MEETS_ZH = (
    "2026年3月3日，中国国家安全部部长会见吉尔吉斯斯坦国家安全委员会主席，双方就反恐合作交换意见。\n"
)


def test_an_institution_beside_the_focal_deputy() -> None:
    for text in (DEPUTY_ZH, DEPUTY_RU, DEPUTY_EN):
        assert _code(text).level == "vice_minister_working", text


def test_a_minister_named_beside_the_institution_keeps_his_level() -> None:
    assert _code(MINISTER_ZH).level == "defence_minister"
    assert _code(MINISTER_RU_SESSION).level == "interior_public_security"
    assert _code(MINISTER_EN).level == "interior_public_security"


def test_the_state_after_a_meeting_verb_is_the_other_side() -> None:
    assert _code(ENVOY_MEETS_ZH).level == "other"
    assert _code(MINISTER_MEETS_ZH).level == "state_security_intelligence"


# -- a reporting sentence longer than the lead ----------------------------------------------

INVITED_EN = (
    "Foreign Ministry Spokesperson's Regular Press Conference on May 6, 2026\n"
    "\n"
    "Home > Press and Media Services > Spokesperson's Remarks\n"
    "\n"
    "At the invitation of the Kyrgyz side, Chen Wenqing, Member of the Political Bureau of the CPC Central Committee and Secretary of the Commission for Political and Legal Affairs of the CPC Central Committee, will attend the Meeting of Security Council Secretaries of the Shanghai Cooperation Organization Member States in Bishkek from May 12 to 13.\n"
    "\n"
    "Q: What does China expect from the meeting?\n"
    "A: The meeting will focus on countering terrorism and drug trafficking.\n"
)
INVITED_TALKS_EN = (
    "Foreign Ministry Spokesperson's Regular Press Conference on May 6, 2026\n"
    "\n"
    "Home > Press and Media Services > Spokesperson's Remarks\n"
    "\n"
    "At the invitation of the Kyrgyz side, Chen Wenqing, Member of the Political Bureau of the CPC Central Committee and Secretary of the Commission for Political and Legal Affairs of the CPC Central Committee, will hold talks with Kyrgyz security officials in Bishkek from May 12 to 13, on the sidelines of the SCO meeting.\n"
    "\n"
    "Q: What does China expect from the talks?\n"
    "A: The talks will focus on countering terrorism and drug trafficking.\n"
)
INVITED_RU = (
    "Брифинг официального представителя МИД КНР 6 мая 2026 года\n"
    "\n"
    "Главная > Пресс-служба > Брифинги\n"
    "\n"
    "По приглашению кыргызской стороны Чэнь Вэньцин, член Политбюро ЦК КПК, секретарь Комиссии ЦК КПК по делам политики и законности, 12-13 мая в Бишкеке примет участие в совещании секретарей советов безопасности государств-членов Шанхайской организации сотрудничества.\n"
    "\n"
    "В центре внимания совещания будут борьба с терроризмом и наркотрафиком.\n"
)
INVITED_TALKS_RU = (
    "Брифинг официального представителя МИД КНР 6 мая 2026 года\n"
    "\n"
    "Главная > Пресс-служба > Брифинги\n"
    "\n"
    "По приглашению кыргызской стороны Чэнь Вэньцин, член Политбюро ЦК КПК, секретарь Комиссии ЦК КПК по делам политики и законности, 12-13 мая в Бишкеке проведет переговоры с секретарем Совета безопасности Кыргызстана на полях совещания Шанхайской организации сотрудничества.\n"
    "\n"
    "В центре внимания переговоров будут борьба с терроризмом и наркотрафиком.\n"
)


def test_a_framework_later_in_the_cut_lead_sentence_is_the_event_s() -> None:
    assert _code(INVITED_EN).framework == "SCO"
    assert _code(INVITED_RU).framework == "SCO"


def test_a_framework_as_the_occasion_there_leaves_the_talks_bilateral() -> None:
    assert _code(INVITED_TALKS_EN).framework == "bilateral"
    assert _code(INVITED_TALKS_RU).framework == "bilateral"


# -- the meeting's name in the title --------------------------------------------------------


def _title_levels(text: str, term: str, code: str) -> dict[str, Hit]:
    at = text.index(term)
    found = Found()
    found.item_hits = [Hit(at, at + len(term), ("meeting_level", code), term)]
    return meeting_name_levels(new_item(0, 0, len(text), None), found, text)


def test_the_meeting_named_in_the_title_sets_its_level() -> None:
    en = (
        "Shoigu takes part in meeting of SCO security council secretaries in Astana\n"
        "ASTANA, April 2. The meeting was held on Thursday."
    )
    assert "security_council" in _title_levels(
        en, "security council secretaries", "security_council"
    )
    ru = "Совещание министров обороны ШОС прошло в Астане\nАСТАНА, 2 апреля. Встреча прошла в четверг."
    assert "defence_minister" in _title_levels(ru, "министров обороны", "defence_minister")
    zh = "上合组织成员国国防部长会议在阿斯塔纳举行\n新华社阿斯塔纳4月2日电 会议于周四举行。"
    assert "defence_minister" in _title_levels(zh, "国防部长", "defence_minister")


def test_a_person_s_title_in_the_title_names_no_meeting() -> None:
    en = (
        "Chinese envoy calls on Kazakh defence minister in Astana to discuss border issues\n"
        "ASTANA, April 2. The two sides discussed border security."
    )
    assert _title_levels(en, "defence minister", "defence_minister") == {}
    ru = "Посол Китая нанес визит министру обороны Казахстана в Астане\nАСТАНА, 2 апреля."
    assert _title_levels(ru, "министру обороны", "defence_minister") == {}
    zh = "中国驻哈萨克斯坦大使拜访哈国防部长，双方讨论边境安全\n新华社阿斯塔纳4月2日电"
    assert _title_levels(zh, "国防部长", "defence_minister") == {}
