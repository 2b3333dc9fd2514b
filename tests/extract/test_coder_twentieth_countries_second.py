"""Central Asian states taking part, second pass (twentieth round, issue 13, branch coder69):
the Russian and Chinese forms of coder64's English classes and the English forms of coder65's.

- a format's gathering still to come (саммит ШОС станет успешным, 上合组织峰会必将取得圆满成功)
  implies no members; the same format's gathering reported as held still does;
- a non-state track's forum under a format's name (Форум аналитических центров ШОС, Медиафорум
  «Китай – Центральная Азия», 中国—中亚智库论坛, 上合组织媒体论坛) implies no members; the
  format's ministers' meeting still does;
- in commentary, a state measured against the subject (Таджикистан ведёт себя осторожнее /
  проявляет большую сдержанность; 塔吉克斯坦则更为谨慎; 仍仅限于咨询) is a yardstick, not a
  state whose engagement the text discusses; one whose own ties it describes stays;
- a route named as a line (the China-Kyrgyzstan-Uzbekistan line, линии Китай – Кыргызстан –
  Узбекистан): its stops are no sides; a state's own line ministry stays;
- (coder65's classes in English) one more event still to come held for states (will also hold
  a course for officers of Kazakhstan and Tajikistan), others' concern (Uzbekistan and
  Kyrgyzstan have also expressed concern).

Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from .conftest import CENTRAL_ASIA as _CA
from .conftest import states_taking_part as _states

# -- a format's gathering still to come ----------------------------------------------------

_INTERVIEW_RU = (
    "Интервью: посол Китая о сотрудничестве с Таджикистаном в сфере безопасности\n"
    "Вопрос: Как взаимодействуют спецслужбы двух стран?\n"
    "Ответ: 3 марта Министерство общественной безопасности Китая и МВД Таджикистана подписали "
    "в Душанбе протокол о борьбе с терроризмом и наркотрафиком.\n"
    "Вопрос: Чего вы ждете от саммита Шанхайской организации сотрудничества?\n"
)
_INTERVIEW_ZH = (
    "驻塔吉克斯坦大使接受专访谈中塔安全合作\n"
    "问：两国安全部门合作情况如何？\n"
    "答：3月3日，中国公安部与塔吉克斯坦内务部在杜尚别签署打击恐怖主义和毒品犯罪合作议定书。\n"
    "问：您对上海合作组织峰会有何期待？\n"
)


def test_a_summit_still_to_come_implies_no_members_ru() -> None:
    text = _INTERVIEW_RU + (
        "Ответ: Уверен, что саммит ШОС станет успешным и укрепит солидарность членов ШОС в "
        "борьбе с терроризмом.\n"
    )
    assert _states(text) == {"TJ"}


def test_a_summit_still_to_come_implies_no_members_zh() -> None:
    text = _INTERVIEW_ZH + "答：我们相信，上合组织峰会必将取得圆满成功，进一步凝聚各方反恐共识。\n"
    assert _states(text) == {"TJ"}


def test_a_summit_held_still_implies_its_members_ru_zh() -> None:
    ru = (
        "В Астане прошел саммит ШОС\n"
        "Астана, 4 июля – Саммит ШОС состоялся в Астане в четверг; лидеры государств – членов "
        "ШОС приняли программу сотрудничества в борьбе с терроризмом, сепаратизмом и "
        "экстремизмом.\n"
    )
    zh = (
        "上合组织峰会在阿斯塔纳举行\n"
        "新华社阿斯塔纳7月4日电 上海合作组织成员国元首理事会会议4日在阿斯塔纳举行，各成员国领导人"
        "通过打击恐怖主义、分裂主义和极端主义合作纲要。\n"
    )
    assert {"KZ", "KG", "TJ", "UZ"} <= _states(ru)
    assert {"KZ", "KG", "TJ", "UZ"} <= _states(zh)


# -- a non-state track's forum under a format's name ---------------------------------------


def test_a_think_tank_forum_under_a_formats_name_implies_no_members_zh() -> None:
    text = (
        "王毅出席中国—中亚智库论坛开幕式\n"
        "新华社西安5月9日电 外交部长王毅9日在西安出席中国—中亚智库论坛开幕式并发表主旨演讲，"
        "呼吁六国携手打击恐怖主义和极端主义。\n"
        "论坛期间，王毅会见乌兹别克斯坦外长赛义多夫。双方同意深化执法安全合作，共同打击恐怖主义。\n"
    )
    assert _states(text) == {"UZ"}


def test_a_think_tank_forum_under_a_formats_name_implies_no_members_ru() -> None:
    text = (
        "Ван И выступил на Форуме аналитических центров «Китай – Центральная Азия»\n"
        "Сиань, 9 мая – Министр иностранных дел КНР Ван И выступил на открытии Форума "
        "аналитических центров «Китай – Центральная Азия», призвав шесть стран совместно "
        "бороться с терроризмом и экстремизмом.\n"
        "На полях форума Ван И провел переговоры с министром иностранных дел Узбекистана. "
        "Стороны договорились углублять сотрудничество в сфере безопасности и совместно "
        "бороться с терроризмом.\n"
    )
    assert _states(text) == {"UZ"}


def test_a_media_forum_under_a_formats_name_implies_no_members_ru() -> None:
    text = (
        "В Пекине открылся Медиафорум ШОС\n"
        "Пекин, 9 мая – Министр общественной безопасности КНР выступил на Медиафоруме ШОС, "
        "призвав журналистов освещать совместную борьбу с терроризмом и экстремизмом.\n"
        "На полях форума министр провел переговоры с министром внутренних дел Кыргызстана. "
        "Стороны договорились углублять сотрудничество в сфере безопасности.\n"
    )
    assert _states(text) == {"KG"}


def test_the_formats_ministers_meeting_still_implies_its_members_ru_zh() -> None:
    ru = (
        "Ван И провел встречу министров иностранных дел «Китай – Центральная Азия»\n"
        "Сиань, 9 мая – Министр иностранных дел КНР Ван И провел в пятницу встречу министров "
        "иностранных дел «Китай – Центральная Азия», призвав совместно бороться с терроризмом и "
        "экстремизмом.\n"
    )
    zh = (
        "王毅主持中国—中亚外长会晤\n"
        "新华社西安5月9日电 外交部长王毅9日在西安主持中国—中亚外长会晤，呼吁六国携手打击恐怖主义"
        "和极端主义。\n"
    )
    assert _states(ru) == _CA
    assert _states(zh) == _CA


# -- a state measured against the subject in commentary -------------------------------------

_ANALYSIS_RU = (
    "Безопасность по-китайски: Кыргызстан углубляет связи с Пекином\n"
    "Аналитический комментарий\n"
    "За последние десять лет Китай стал ведущим партнером Кыргызстана в сфере безопасности. "
    "Кыргызские полицейские учатся в китайских академиях, китайские компании охраняют рудники в "
    "Нарыне, а спецслужбы двух стран обмениваются сведениями о терроризме и экстремизме.\n"
    "Критики в Бишкеке говорят, что растущая зависимость подрывает контроль государства.\n"
    "{other}\n"
    "Пекин утверждает, что сотрудничество не направлено против третьих стран.\n"
)
_ANALYSIS_ZH = (
    "观察：中吉安全合作不断深化\n"
    "评论员文章\n"
    "过去十年，中国已成为吉尔吉斯斯坦安全领域的主要伙伴。吉警官在中国院校受训，中国企业在纳伦"
    "为矿山提供安保，两国安全部门就恐怖主义和极端主义交换情报。\n"
    "比什凯克的批评者认为，这种依赖削弱了国家对武力的控制。\n"
    "{other}\n"
    "北京表示，双方合作不针对任何第三方。\n"
)


def test_a_state_measured_against_the_subject_is_no_side_of_commentary_ru() -> None:
    other = (
        "Таджикистан, где спецслужбы пристально следят за иностранным капиталом, был гораздо "
        "более осторожен."
    )
    assert _states(_ANALYSIS_RU.format(other=other)) == {"KG"}


def test_a_state_measured_against_the_subject_is_no_side_of_commentary_zh() -> None:
    other = "塔吉克斯坦则更为谨慎，其安全部门对外国资本保持高度警惕。"
    assert _states(_ANALYSIS_ZH.format(other=other)) == {"KG"}


def test_a_state_where_firms_remain_limited_is_a_yardstick_ru_zh() -> None:
    ru = "В Таджикистане китайские компании по-прежнему ограничиваются консультациями."
    zh = "在塔吉克斯坦，中国企业仍仅限于提供咨询。"
    assert _states(_ANALYSIS_RU.format(other=ru)) == {"KG"}
    assert _states(_ANALYSIS_ZH.format(other=zh)) == {"KG"}


def test_a_state_whose_engagement_the_commentary_discusses_stays_a_side_ru_zh() -> None:
    ru = (
        "В Таджикистане китайские компании также охраняют золотые рудники, а таджикские "
        "офицеры учатся в китайских академиях."
    )
    zh = "在塔吉克斯坦，中国企业同样为金矿提供安保，塔吉克斯坦军官也在中国院校受训。"
    assert _states(_ANALYSIS_RU.format(other=ru)) == {"KG", "TJ"}
    assert _states(_ANALYSIS_ZH.format(other=zh)) == {"KG", "TJ"}


# -- a route named as a line ------------------------------------------------------------------


def _route_hits(text: str, name: str) -> bool:
    from steppewatch.extract.coder_entities import named_only
    from steppewatch.extract.matcher import Hit

    start = text.index(name)
    return named_only(text, Hit(start, start + len(name), ("state", "UZ"), name))


def test_the_last_stop_of_a_line_is_named_only() -> None:
    en = "scanners for the future China-Kyrgyzstan-Uzbekistan line, the ministry said"
    ru = "сканеры для будущей линии Китай – Кыргызстан – Узбекистан, сообщили в министерстве"
    assert _route_hits(en, "Uzbekistan")
    assert _route_hits(ru, "Узбекистан")


def test_a_hotline_or_a_state_before_a_line_stays_a_side() -> None:
    en = "a China-Uzbekistan hot line between the two defence ministries was opened"
    other = "Uzbekistan lines up with China against terrorism"
    assert not _route_hits(en, "Uzbekistan")
    assert not _route_hits(other, "Uzbekistan")


# -- coder65's classes in English ---------------------------------------------------------------

_COURSE_EN = (
    "Kyrgyz police officers complete counter-terrorism course in China\n"
    "BEIJING, June 5 (Xinhua) -- Thirty police officers from Kyrgyzstan on Friday completed a "
    "three-week counter-terrorism training course at the People's Public Security University of "
    "China in Beijing, the Ministry of Public Security said.\n"
    "{extra}\n"
)


def test_one_more_course_still_to_come_for_states_is_no_side_en() -> None:
    extra = (
        "The ministry will also hold a similar course for law enforcement officers of "
        "Kazakhstan and Tajikistan later this year."
    )
    assert _states(_COURSE_EN.format(extra=extra)) == {"KG"}


def test_others_concern_is_no_side_en() -> None:
    extra = "Uzbekistan and Tajikistan have also expressed concern about extremist infiltration."
    assert _states(_COURSE_EN.format(extra=extra)) == {"KG"}


def test_officers_of_another_state_on_the_same_course_stay_a_side_en() -> None:
    extra = "Ten officers from Tajikistan also took part in the course."
    assert _states(_COURSE_EN.format(extra=extra)) == {"KG", "TJ"}
