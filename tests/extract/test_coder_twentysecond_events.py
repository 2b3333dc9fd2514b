"""Twenty-second round (issue 13): several events per item (coder_second_events, and the
SECOND_EVENTS table of coder_rules). Every text is written for these tests (no gold text); each
rule has a positive and a near-miss negative, in Russian first and in the other languages where
the class exists.

- A joint operation reported done at a meeting (its conduct or results in its sentence) is a
  second event; one a plan provides for is not.
- A training course's equipment handover, an exercise's handover (a verb and what it hands
  over), not the forces' own equipment.
- The incident at a security firm's site, not what its guards are trained for.
- The heads reviewing an operation at their meeting: the meeting leads.
- A national guard's team at an international contest of forces; not a cooks' contest.
- Training pledged with its size at a meeting; not operators taught to work equipment.
- An exercise set or held on stated days, reported by a meeting's item; not one proposed.
"""

from __future__ import annotations

from steppewatch.extract import code_document

from .conftest import make_doc


def _coded(text: str):  # type: ignore[no-untyped-def]
    return code_document(make_doc(text))


# ------------------------------------------------------------ operations done at a meeting

_RU_MEETING = (
    "Министры внутренних дел Казахстана и Китая провели переговоры в Астане\n"
    "АСТАНА, 5 ноября. Министр внутренних дел Казахстана провел переговоры с министром "
    "общественной безопасности КНР, стороны обсудили борьбу с наркотрафиком и терроризмом.\n"
)


def test_ru_operation_done_is_a_second_event_of_the_meeting() -> None:
    coded = _coded(
        _RU_MEETING + "В сентябре полиция двух стран провела совместную операцию, в ходе "
        "которой задержаны 40 членов преступных групп.\n"
    )
    assert coded.kind == "meeting"
    assert "joint_patrol_operation" in coded.event_kinds


def test_ru_operation_in_a_plan_is_no_second_event() -> None:
    coded = _coded(
        _RU_MEETING + "По итогам переговоров стороны подписали план сотрудничества на "
        "2027-2028 годы, предусматривающий проведение совместных операций.\n"
    )
    assert coded.kind == "meeting"
    assert "joint_patrol_operation" not in coded.event_kinds


_EN_MEETING = (
    "Kazakh and Chinese police chiefs meet in Almaty\n"
    "ALMATY, Nov. 5. The interior minister of Kazakhstan held talks with China's minister of "
    "public security on countering drug trafficking and terrorism.\n"
)


def test_en_operation_done_is_a_second_event_of_the_meeting() -> None:
    coded = _coded(
        _EN_MEETING + "The two sides noted that the joint operation conducted by the police of "
        "both countries in September detained 40 members of criminal groups.\n"
    )
    assert coded.kind == "meeting"
    assert "joint_patrol_operation" in coded.event_kinds


def test_en_operation_in_a_plan_is_no_second_event() -> None:
    coded = _coded(
        _EN_MEETING + "After the talks the two sides signed a cooperation plan for 2027-2028, "
        "which provides for joint operations against drug trafficking.\n"
    )
    assert coded.kind == "meeting"
    assert "joint_patrol_operation" not in coded.event_kinds


_ZH_MEETING = (
    "中哈两国公安部门负责人在阿拉木图举行会谈\n"
    "11月5日，公安部副部长同哈萨克斯坦内务部部长在阿拉木图举行会谈，双方就打击毒品犯罪和恐怖主义交换意见。\n"
)


def test_zh_operation_done_is_a_second_event_of_the_meeting() -> None:
    coded = _coded(
        _ZH_MEETING
        + "会谈中，双方通报了9月两国警方联合开展打击毒品犯罪专项行动的成果，共抓获犯罪嫌疑人40名。\n"
    )
    assert coded.kind == "meeting"
    assert "joint_patrol_operation" in coded.event_kinds


def test_zh_operation_in_a_plan_is_no_second_event() -> None:
    coded = _coded(_ZH_MEETING + "会谈后，双方签署了2027—2028年合作计划，其中包括开展联合行动。\n")
    assert coded.kind == "meeting"
    assert "joint_patrol_operation" not in coded.event_kinds


# ------------------------------------------------------------- handovers with training, drills


def test_ru_training_course_takes_the_handover_as_second_event() -> None:
    coded = _coded(
        "В Урумчи завершились курсы повышения квалификации для кыргызских пограничников\n"
        "Курсы подготовки для 30 сотрудников Пограничной службы Кыргызстана прошли в "
        "Урумчи по линии Министерства общественной безопасности КНР.\n"
        "По окончании курсов китайская сторона передала Пограничной службе Кыргызстана "
        "10 автомобилей и тепловизоры.\n"
    )
    assert coded.kind == "training_education"
    assert "equipment_transfer" in coded.event_kinds


def test_ru_training_course_alone_takes_no_handover() -> None:
    coded = _coded(
        "В Урумчи завершились курсы повышения квалификации для кыргызских пограничников\n"
        "Курсы подготовки для 30 сотрудников Пограничной службы Кыргызстана прошли в "
        "Урумчи по линии Министерства общественной безопасности КНР.\n"
        "Занятия проходили на учебном полигоне и в классах университета.\n"
    )
    assert coded.kind == "training_education"
    assert "equipment_transfer" not in coded.event_kinds


_RU_DRILL = (
    "На Иссык-Куле начались кыргызско-китайские антитеррористические учения\n"
    "Сегодня в Иссык-Кульской области начались совместные антитеррористические учения ГКНБ "
    "Кыргызстана и Министерства общественной безопасности КНР.\n"
)


def test_ru_exercise_takes_a_handover_of_its_own() -> None:
    coded = _coded(
        _RU_DRILL + "На церемонии открытия китайская сторона передала кыргызскому "
        "спецподразделению 10 беспилотников и комплекты связи.\n"
    )
    assert coded.kind == "bilateral_exercise"
    assert "equipment_transfer" in coded.event_kinds


def test_ru_exercise_forces_equipment_is_no_handover() -> None:
    coded = _coded(
        _RU_DRILL + "Китайские подразделения прибыли на учения на военно-транспортных "
        "самолетах со своей бронетехникой и беспилотниками.\n"
    )
    assert coded.kind == "bilateral_exercise"
    assert "equipment_transfer" not in coded.event_kinds


# --------------------------------------------------------------- a security firm's incident

_RU_FIRM = (
    "Китайская охранная компания начала работу в Кыргызстане\n"
    "Китайская частная охранная компания взяла под охрану золоторудное месторождение "
    "китайской компании в Таласской области Кыргызстана.\n"
)


def test_ru_security_firm_story_takes_the_attack_at_its_site() -> None:
    coded = _coded(
        _RU_FIRM + "В июне на месторождении в Кыргызстане произошло нападение местных жителей на "
        "китайских рабочих, пострадали трое граждан КНР.\n"
    )
    assert coded.kind == "private_security"
    assert "incident" in coded.event_kinds


def test_ru_security_firm_training_programme_is_no_incident() -> None:
    coded = _coded(
        _RU_FIRM + "Программа подготовки охранников включает охрану периметра и действия "
        "при нападении на объект.\n"
    )
    assert coded.kind == "private_security"
    assert "incident" not in coded.event_kinds


# ------------------------------------------------------------------- the heads' review meeting


def test_ru_heads_reviewing_the_operation_at_their_meeting_lead() -> None:
    coded = _coded(
        "Пограничники стран ШОС подвели итоги операции «Рубеж-2026»\n"
        "АСТАНА, 30 октября. Руководители пограничных служб государств-членов ШОС на "
        "совещании в Астане подвели итоги совместной пограничной операции «Рубеж-2026».\n"
        "Операция проводилась в октябре на участках границ Казахстана, Китая и Кыргызстана, "
        "пограничники задержали 300 нарушителей границы.\n"
    )
    assert coded.kind == "meeting"
    assert "joint_patrol_operation" in coded.event_kinds


def test_ru_operation_without_the_heads_meeting_stays_the_operation() -> None:
    coded = _coded(
        "Пограничники Казахстана, Китая и Кыргызстана провели операцию «Рубеж-2026»\n"
        "АСТАНА, 30 октября. Пограничные службы Казахстана, Китая и Кыргызстана завершили "
        "совместную пограничную операцию «Рубеж-2026», задержаны 300 нарушителей границы.\n"
    )
    assert coded.kind == "joint_patrol_operation"


# --------------------------------------------------------------------- a contest of forces


def test_ru_national_guard_team_at_an_international_contest() -> None:
    coded = _coded(
        "Нацгвардия Узбекистана заняла второе место на соревнованиях в Урумчи\n"
        "Команда Национальной гвардии Узбекистана заняла второе место в международных "
        "соревнованиях спецподразделений, которые завершились в Урумчи (КНР). Участвовали "
        "команды Китая, Казахстана, Кыргызстана и Узбекистана.\n"
    )
    assert coded.relevant
    assert coded.kind == "multilateral_exercise"


def test_ru_cooks_at_an_international_contest_are_no_forces() -> None:
    coded = _coded(
        "Повара Узбекистана заняли второе место на конкурсе в Урумчи\n"
        "Команда поваров из Ташкента заняла второе место в международном кулинарном конкурсе, "
        "который завершился в Урумчи (КНР). Участвовали команды Китая, Казахстана и "
        "Узбекистана.\n"
    )
    assert coded.kind != "multilateral_exercise"


# ------------------------------------------------------------- training pledged at a meeting

_EN_SUMMIT = (
    "SCO interior ministers meet in Bishkek\n"
    "BISHKEK, June 10. Interior ministers of the SCO member states met in Bishkek on "
    "Tuesday to discuss countering terrorism and drug trafficking.\n"
)


def test_en_training_pledged_with_its_size_at_a_meeting() -> None:
    coded = _coded(
        _EN_SUMMIT + "The Chinese minister said China will train 2,000 law enforcement "
        "personnel for the member states over the next five years.\n"
    )
    assert coded.kind == "meeting"
    assert "training_education" in coded.event_kinds


def test_en_operators_taught_to_work_equipment_are_no_training_event() -> None:
    coded = _coded(
        _EN_SUMMIT + "The Chinese minister said Chinese engineers will train 80 Kyrgyz "
        "officers to operate the surveillance system.\n"
    )
    assert coded.kind == "meeting"
    assert "training_education" not in coded.event_kinds


_RU_SUMMIT = (
    "Министры внутренних дел стран Центральной Азии и Китая встретились в Бишкеке\n"
    "БИШКЕК, 10 июня. В Бишкеке прошла встреча министров внутренних дел Казахстана, "
    "Кыргызстана, Таджикистана, Узбекистана и Китая по вопросам борьбы с терроризмом.\n"
)


def test_ru_training_pledged_with_its_size_at_a_meeting() -> None:
    coded = _coded(
        _RU_SUMMIT + "Министр общественной безопасности КНР заявил, что китайская сторона "
        "готова в течение трех лет подготовить 1500 сотрудников правоохранительных органов "
        "стран региона.\n"
    )
    assert coded.kind == "meeting"
    assert "training_education" in coded.event_kinds


def test_ru_training_pledged_with_no_size_is_no_event() -> None:
    coded = _coded(
        _RU_SUMMIT + "Министр общественной безопасности КНР заявил, что китайская сторона "
        "готова и дальше помогать в подготовке кадров правоохранительных органов.\n"
    )
    assert coded.kind == "meeting"
    assert "training_education" not in coded.event_kinds


# ------------------------------------------------------- an exercise on stated days, at a meeting

_RU_MINISTERS = (
    "Министры обороны Казахстана и Китая провели переговоры в Астане\n"
    "АСТАНА, 3 ноября. Министр обороны Казахстана провел переговоры с министром обороны "
    "КНР, стороны обсудили военное сотрудничество и борьбу с терроризмом.\n"
)


def test_ru_exercise_held_on_stated_days_is_a_second_event_of_the_meeting() -> None:
    coded = _coded(
        _RU_MINISTERS + "Стороны также подвели итоги совместного антитеррористического "
        "учения спецподразделений Казахстана и Китая, прошедшего 28-30 октября на полигоне "
        "в Алматинской области.\n"
    )
    assert coded.kind == "meeting"
    assert "bilateral_exercise" in coded.event_kinds


def test_ru_exercise_proposed_is_no_second_event() -> None:
    coded = _coded(
        _RU_MINISTERS + "Министр обороны КНР предложил провести 20 мая следующего года "
        "совместные учения спецподразделений Казахстана и Китая.\n"
    )
    assert coded.kind == "meeting"
    assert "bilateral_exercise" not in coded.event_kinds


_EN_DEFENCE = (
    "SCO defence ministers meet in Bishkek\n"
    "BISHKEK, June 24. Defence ministers of the SCO member states met in Bishkek on "
    "Wednesday and discussed regional security and counter-terrorism.\n"
)


def test_en_exercise_held_on_stated_days_is_a_multilateral_second_event() -> None:
    coded = _coded(
        _EN_DEFENCE + "The ministers reviewed the results of the joint counter-terrorism "
        "exercise of Kazakhstan, China, Kyrgyzstan and Tajikistan held from 15 to 25 September "
        "in the Almaty region.\n"
    )
    assert coded.kind == "meeting"
    assert "multilateral_exercise" in coded.event_kinds


def test_en_exercise_called_for_is_no_second_event() -> None:
    coded = _coded(
        _EN_DEFENCE + "The Chinese minister called for more joint exercises of Kazakhstan, "
        "China, Kyrgyzstan and Tajikistan, starting on 15 September next year.\n"
    )
    assert coded.kind == "meeting"
    assert "multilateral_exercise" not in coded.event_kinds


def test_zh_exercise_held_on_stated_days_is_a_second_event_of_the_meeting() -> None:
    coded = _coded(
        "中国和中亚五国执法部门负责人在西安举行会议\n"
        "11月5日，中国和中亚五国执法部门负责人会议在西安举行，各方就打击恐怖主义交换意见。\n"
        "会前，中国和中亚五国执法部门于11月1日至3日在陕西举行了联合反恐演练。\n"
    )
    assert coded.kind == "meeting"
    assert "multilateral_exercise" in coded.event_kinds


def test_zh_exercise_proposed_is_no_second_event() -> None:
    coded = _coded(
        "中国和中亚五国执法部门负责人在西安举行会议\n"
        "11月5日，中国和中亚五国执法部门负责人会议在西安举行，各方就打击恐怖主义交换意见。\n"
        "中方倡议明年5月1日在陕西举行联合反恐演练。\n"
    )
    assert coded.kind == "meeting"
    assert "multilateral_exercise" not in coded.event_kinds


# ------------------------------------------------------------ commanders meeting at a drill

_RU_DRILL_ENDS = (
    "В Кыргызстане завершились совместные учения Национальной гвардии и Народной "
    "вооруженной полиции КНР\n"
    "БИШКЕК, 20 октября. В Иссык-Кульской области завершились совместные "
    "антитеррористические учения Национальной гвардии Кыргызстана и Народной вооруженной "
    "полиции Китая.\n"
)


def test_ru_commanders_meeting_at_the_drills_closing_is_a_second_event() -> None:
    coded = _coded(
        _RU_DRILL_ENDS + "На церемонии закрытия учений заместитель командующего НВП Китая "
        "встретился с командующим Национальной гвардией Кыргызстана.\n"
    )
    assert coded.kind == "bilateral_exercise"
    assert "meeting" in coded.event_kinds


def test_ru_commanders_meeting_recalled_is_no_second_event() -> None:
    coded = _coded(
        _RU_DRILL_ENDS + "Ранее заместитель командующего НВП Китая встретился с командующим "
        "Национальной гвардией Кыргызстана в Бишкеке.\n"
    )
    assert coded.kind == "bilateral_exercise"
    assert "meeting" not in coded.event_kinds


def test_en_commanders_met_at_the_closing_ceremony_is_a_second_event() -> None:
    coded = _coded(
        "China-Kyrgyzstan counter-terrorism drill closes\n"
        "BISHKEK, Oct. 20. A joint counter-terrorism drill of Kyrgyzstan's National Guard and "
        "China's People's Armed Police closed on Tuesday in the Issyk-Kul region.\n"
        "At the closing ceremony, the deputy commander of China's People's Armed Police met "
        "the commander of Kyrgyzstan's National Guard.\n"
    )
    assert coded.kind == "bilateral_exercise"
    assert "meeting" in coded.event_kinds
