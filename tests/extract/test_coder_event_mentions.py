"""Issue 13, point 3: kinds per event mention, framework and level from the evidence about the
event, countries taking part rather than named. Each test is named after the bug it pins; the
texts follow the MFA's and the agencies' own wording (the real page passages are read from
../shared/corpora/china_fm and skip without it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from steppewatch.extract import code_document, extract_document

from .conftest import make_doc

REPO = Path(__file__).resolve().parents[2]
CENTRAL_ASIA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _kinds(coded) -> set[str]:
    kinds = set(getattr(coded, "event_kinds", [])) | ({coded.kind} if coded.kind else set())
    for item in coded.items:
        if item.relevant:
            kinds |= set(getattr(item, "event_kinds", [])) | ({item.kind} if item.kind else set())
    return kinds


def _gold_page(gold_id: str):
    for name in ("dev.jsonl", "real_tune.jsonl"):  # tuning sets only
        for line in (REPO / "gold" / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] == gold_id:
                path = (REPO / record["path"]).resolve()
                if not path.is_file():
                    pytest.skip(f"needs ../shared/corpora/china_fm ({path} not found)")
                return extract_document(path.read_bytes(), source=str(path))
    raise AssertionError(gold_id)


ZH_TRAINING_CENTRE = (
    "问：有报道称，一些哈萨克斯坦公民在新疆的亲属被送进了职业技能教育培训中心。中方是否就此同哈萨克斯坦沟通？\n"
    "答：新疆依法设立职业技能教育培训中心，目的是从源头上预防恐怖主义和宗教极端主义。"
    "中国和哈萨克斯坦是友好邻邦，双方就涉及两国人员往来的问题保持着良好沟通。\n"
)
EN_TRAINING_CENTRE = (
    "Q: Kazakh families say their relatives are held in vocational education and training centers "
    "in Xinjiang. Has China discussed this with Kazakhstan?\n"
    "A: The vocational education and training centers in Xinjiang are a preventive counter-terrorism "
    "measure. China and Kazakhstan are friendly neighbours and keep good communication on the "
    "movement of people between the two countries.\n"
)


@pytest.mark.parametrize("text", [ZH_TRAINING_CENTRE, EN_TRAINING_CENTRE], ids=["zh", "en"])
def test_xinjiang_training_centre_question_coded_training_education(text: str) -> None:
    coded = code_document(make_doc(text))
    assert "training_education" not in _kinds(coded)


EN_EXTRADITION = (
    "Q: Can you confirm that the Chinese government has asked Uzbekistan to extradite Xinjiang "
    "businessman Halemubieke Xiaheman, who is reportedly stranded at Tashkent airport?\n"
    "A: You raised a very specific case. I can refer your question to the competent authorities "
    "in Xinjiang. Time and again such reports have turned out to be rumours.\n"
)


def test_extradition_question_coded_joint_patrol_operation() -> None:
    coded = code_document(make_doc(EN_EXTRADITION))
    assert "joint_patrol_operation" not in _kinds(coded)


def test_extradition_question_on_real_page_coded_joint_patrol_operation() -> None:
    coded = code_document(_gold_page("fm-1aa1af9e1d1908f8"))  # real_tune: 2019-02-11 briefing
    assert "joint_patrol_operation" not in _kinds(coded)


def test_confirmed_exercise_in_an_answer_is_still_an_event() -> None:
    text = (
        "问：据报道，中塔两国边防部队将举行联合反恐演习，你能否证实？\n"
        "答：中塔两国在打击“三股势力”方面合作密切，此次联合反恐演习旨在提升两国边防部队的反恐能力。\n"
    )
    assert "bilateral_exercise" in _kinds(code_document(make_doc(text)))


ZH_EPIDEMIC_AID = (
    "问：哪些国家向中方提供了抗疫物资援助？\n"
    "答：疫情发生以来，哈萨克斯坦、乌兹别克斯坦、吉尔吉斯斯坦、塔吉克斯坦、土库曼斯坦、巴基斯坦、俄罗斯、"
    "白俄罗斯、蒙古国、伊朗、土耳其、日本、韩国等国政府和人民向中方捐赠了口罩、防护服等抗疫物资。"
    "中方对此表示衷心感谢。上海合作组织成员国也通过各种方式支持中方抗疫，中方愿同各方深化卫生、执法安全等领域合作。\n"
)


def test_anti_epidemic_aid_coded_equipment_transfer_with_thirteen_countries() -> None:
    coded = code_document(make_doc(ZH_EPIDEMIC_AID))
    assert "equipment_transfer" not in _kinds(coded)
    # not yet: the donors are still coded as countries when the item is relevant (the SCO and
    # law-enforcement cooperation named after the list); see the report of issue 13


def test_medical_aid_to_the_army_is_still_an_equipment_transfer() -> None:
    text = (
        "6月5日，中国人民解放军向塔吉克斯坦国防部军队移交了一批抗疫物资和医疗装备。"
        "塔吉克斯坦国防部长米尔佐出席交接仪式，感谢中方的无偿军事援助。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "equipment_transfer" and "TJ" in coded.countries


ZH_SECURITY_SECRETARIES = (
    "2019年6月14日，上海合作组织成员国安全会议秘书第十四次会议在比什凯克举行。"
    "中共中央政治局委员、中央政法委书记郭声琨出席会议。"
    "吉尔吉斯斯坦总统助理、国家安全会议秘书，哈萨克斯坦总统助理兼安全会议秘书，俄罗斯联邦安全会议秘书帕特鲁舍夫等出席。"
    "各方就打击恐怖主义、分裂主义和极端主义以及毒品走私问题交换了意见。\n"
)
RU_SECURITY_SECRETARIES = (
    "14 июня 2019 г. в Бишкеке состоялось заседание секретарей советов безопасности государств-членов ШОС. "
    "В нем приняли участие помощник Президента Казахстана – секретарь Совета безопасности, "
    "секретарь Совета безопасности Кыргызской Республики и член Политбюро ЦК КПК Го Шэнкунь. "
    "Стороны обсудили борьбу с терроризмом и незаконным оборотом наркотиков.\n"
)
EN_SECURITY_SECRETARIES = (
    "On 14 June 2019 the 14th Meeting of Secretaries of Security Councils of SCO Member States was held "
    "in Bishkek. Guo Shengkun attended. Presidential Aide and Secretary of the Security Council of "
    "Kazakhstan and the Secretary of the Security Council of Kyrgyzstan discussed counter-terrorism "
    "and drug trafficking.\n"
)


@pytest.mark.parametrize(
    "text",
    [ZH_SECURITY_SECRETARIES, RU_SECURITY_SECRETARIES, EN_SECURITY_SECRETARIES],
    ids=["zh", "ru", "en"],
)
def test_presidential_aide_coded_head_of_state(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant and coded.kind == "meeting"
    assert coded.level == "security_council"
    assert coded.framework == "SCO"


def test_sco_member_list_evidence_was_the_bare_word_sco() -> None:
    coded = code_document(make_doc(ZH_SECURITY_SECRETARIES))
    basis = {e.code: e.basis for e in coded.evidence if e.field == "country"}
    assert {"CN", "KG", "KZ", "TJ", "UZ", "RU", "IN", "PK"} <= set(coded.countries)
    assert basis["KG"] == "named" and basis["KZ"] == "named" and basis["RU"] == "named"
    assert basis["TJ"] == basis["UZ"] == basis["IN"] == basis["PK"] == "membership"


def test_afghanistan_on_an_sco_agenda_coded_as_taking_part() -> None:
    text = (
        "5月22日，上海合作组织成员国外长理事会会议在吉尔吉斯斯坦首都比什凯克举行，国务委员兼外长王毅出席。"
        "各方就阿富汗局势和打击恐怖主义交换了意见。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.framework == "SCO" and "KG" in coded.countries
    assert "AF" not in coded.countries


def test_agreement_signed_at_a_meeting_was_not_an_event() -> None:
    text = (
        "国务委员兼国防部长魏凤和在北京同哈萨克斯坦国防部长叶尔梅克巴耶夫举行会谈，双方就加强防务安全合作、"
        "共同打击恐怖主义交换了意见。\n"
        "会谈后，两国防长签署了两国国防部2019年至2021年军事合作协定。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert coded.event_kinds == ["meeting", "mechanism"]
    second = [e for e in coded.evidence if e.field == "kind" and e.code == "mechanism"]
    assert second and second[0].basis == "second_event"


ZH_CRITIC_ABROAD = (
    "问：《纽约时报》报道，一名自称曾在新疆当过警察的人对新疆教培中心发表了指责性言论。你有何评论？\n"
    "答：经新疆有关部门核查，此人从未当过警察。他现在在哈萨克斯坦，2011年偷偷加入哈萨克斯坦国籍，"
    "办理了哈萨克斯坦护照，后来去了哈萨克斯坦，编造了很多关于新疆反恐和去极端化的谣言。\n"
)


def test_kazakhstan_where_a_critic_lives_coded_as_taking_part() -> None:
    coded = code_document(make_doc(ZH_CRITIC_ABROAD))
    assert "KZ" not in coded.countries


def test_kazakhstan_where_a_critic_lives_on_real_page_coded_as_taking_part() -> None:
    coded = code_document(_gold_page("fm-1aa1af9e1d1908f8"))  # real_tune: CN+UZ only
    assert coded.countries == ["CN", "UZ"]


def test_commentary_got_a_framework() -> None:
    coded = code_document(
        make_doc(EN_EXTRADITION.replace("rumours", "rumours about law enforcement cooperation"))
    )
    if coded.relevant:
        assert coded.kind is None and coded.framework is None
    coded = code_document(_gold_page("fm-1aa1af9e1d1908f8"))
    assert coded.relevant and coded.kind is None and coded.framework is None


def test_visit_to_kazakhstan_still_takes_part() -> None:
    text = "6月12日，国务委员兼公安部部长赵克志访问哈萨克斯坦，同哈萨克斯坦内务部长会谈，双方同意加强反恐和禁毒合作。\n"
    coded = code_document(make_doc(text))
    assert coded.relevant and "KZ" in coded.countries and coded.kind == "meeting"


ZH_VISIT_SCO_IN_PASSING = (
    "应国务院总理李克强邀请，乌兹别克斯坦共和国总理阿里波夫将于8月27日至29日对中国进行正式访问。\n"
    "访问期间，中央政法委书记郭声琨将同阿里波夫总理主持召开中乌政府间合作委员会会议，双方将就打击“三股势力”、"
    "加强执法安全合作深入交换意见。中乌两国在联合国和上海合作组织等多边框架内保持紧密协作。\n"
)


def test_sco_named_in_passing_made_a_bilateral_visit_sco() -> None:
    coded = code_document(make_doc(ZH_VISIT_SCO_IN_PASSING))
    assert coded.relevant and coded.framework == "bilateral"
    assert coded.countries == ["CN", "UZ"]


def test_sco_named_in_passing_on_real_page_made_a_bilateral_visit_sco() -> None:
    coded = code_document(_gold_page("fm-11a9bb848e6a2072"))  # dev: Aripov's visit, 2019
    assert coded.framework == "bilateral"


ZH_CICA_FM = (
    "2016年4月28日，亚洲相互协作与信任措施会议第五次外长会议在北京举行。\n"
    "国家主席习近平出席开幕式并发表主旨讲话。\n"
    "哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦等成员国外长与会，各方一致认为应共同应对恐怖主义威胁。\n"
)
RU_SCO_DEFENCE = (
    "29 апреля 2019 г. в Бишкеке состоялось совещание министров обороны государств – членов ШОС. "
    "Президент Кыргызстана Сооронбай Жээнбеков принял участников совещания. "
    "Министр обороны КНР Вэй Фэнхэ и министры обороны Казахстана, Таджикистана и Узбекистана обсудили "
    "противодействие терроризму.\n"
)


@pytest.mark.parametrize(
    ("text", "level"),
    [(ZH_CICA_FM, "foreign_minister"), (RU_SCO_DEFENCE, "defence_minister")],
    ids=["zh", "ru"],
)
def test_head_of_state_opening_a_ministers_meeting_gave_head_of_state(
    text: str, level: str
) -> None:
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting" and coded.level == level


def test_agreement_signed_at_a_meeting_was_not_an_event_ru() -> None:
    text = (
        "Переговоры министров обороны Казахстана и Китая\n"
        "13 июня 2019 г. в Нур-Султане Министр обороны Республики Казахстан провёл переговоры с Министром "
        "обороны Китайской Народной Республики Вэй Фэнхэ.\n"
        "Особое внимание было уделено противодействию международному терроризму.\n"
        "По итогам встречи подписан план двустороннего военного сотрудничества на 2020 год.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting" and "mechanism" in coded.event_kinds


def test_agreement_signed_by_both_sides_after_a_meeting_was_not_an_event() -> None:
    text = (
        "2017年10月24日，国务委员、公安部部长在北京会见塔吉克斯坦内务部长拉希姆佐达一行。\n"
        "双方就深化中塔执法安全合作，共同打击恐怖主义、毒品犯罪等议题深入交换意见。\n"
        "会见后，双方签署了两部警务合作文件。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting" and "mechanism" in coded.event_kinds


# -- bodies named are not mechanisms; meetings named by their body are meetings ----------------
def test_security_secretaries_meeting_coded_mechanism_for_the_rats_director() -> None:
    # the RATS director's title names a body: an existing one, not a mechanism set up
    text = (
        "上海合作组织成员国安全会议秘书第十三次会议将于5月21日至22日在北京举行。"
        "吉尔吉斯斯坦安全会议秘书萨金巴耶夫、塔吉克斯坦安全会议秘书卡霍洛夫、"
        "上合组织地区反恐怖机构执委会主任瑟索耶夫将与会。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert "mechanism" not in coded.event_kinds
    assert coded.level == "security_council"


def test_commission_chair_in_a_visit_coded_as_a_new_mechanism() -> None:
    text = (
        "应国务院总理李克强邀请，乌兹别克斯坦共和国总理阿里波夫将于8月27日至29日对中国进行正式访问。"
        "访问期间，中央政法委书记郭声琨将同阿里波夫总理主持召开中乌政府间合作委员会第五次会议。"
        "双方将就深化执法安全合作、共同打击“三股势力”交换意见。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert coded.event_kinds == ["meeting"]


def test_body_set_up_at_a_meeting_held_comes_second() -> None:
    # (gold guide addition 4, seventeenth round: the meeting leads whether the headline names
    # it or the body it set up; before: mechanism first)
    text = (
        "В Астане учреждена экспертная группа ШОС по пограничному сотрудничеству\n"
        "16 ноября 2015 г. в Астане состоялось совещание руководителей пограничных ведомств "
        "государств — членов Шанхайской организации сотрудничества. В совещании приняли участие "
        "руководители пограничных служб Казахстана, Китая, Кыргызстана, России и Таджикистана.\n"
        "Участники подписали протокол об учреждении экспертной группы по пограничному сотрудничеству.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert coded.event_kinds == ["meeting", "mechanism"]


def test_founding_anniversary_coded_as_a_mechanism() -> None:
    text = (
        "问：上海合作组织青岛峰会昨天刚刚闭幕。请问这次峰会的主要亮点是什么？\n"
        "答：上合组织成立17年来，之所以能够不断发展壮大，根本原因就在于始终践行“上海精神”。"
        "中方同哈萨克斯坦、吉尔吉斯斯坦等成员国同意继续合作打击“三股势力”，维护地区安全稳定。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert coded.level == "head_of_state"
    assert "mechanism" not in coded.event_kinds


def test_rats_council_meeting_coded_as_an_exercise_for_its_plan() -> None:
    text = (
        "Состоялось очередное заседание Совета РАТС ШОС\n"
        "4 апреля 2019 г. в Ташкенте прошло очередное заседание Совета Региональной "
        "антитеррористической структуры Шанхайской организации сотрудничества. "
        "В работе заседания приняли участие делегации компетентных органов Казахстана, Китая, "
        "Кыргызстана, Таджикистана и Узбекистана.\n"
        "Утверждён план проведения совместных антитеррористических учений на 2019–2021 годы.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert not {"multilateral_exercise", "bilateral_exercise"} & set(coded.event_kinds)


def test_exercise_held_after_a_plan_is_still_an_exercise() -> None:
    text = (
        "2019年8月，中国和吉尔吉斯斯坦执法安全部门在伊塞克湖州举行联合反恐演习，"
        "演练了解救人质和打击恐怖分子的行动。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind in ("bilateral_exercise", "multilateral_exercise")


@pytest.mark.parametrize(
    "text",
    [
        "On April 10, Kazakh Vice Foreign Minister Roman Vassilenko met with the Chinese ambassador "
        "in Nur-Sultan; the two sides discussed counter-terrorism and border security cooperation.\n",
        "10 апреля заместитель министра иностранных дел Казахстана провёл встречу с послом КНР; "
        "стороны обсудили сотрудничество в борьбе с терроризмом и охрану границы.\n",
    ],
    ids=["en", "ru"],
)
def test_vice_foreign_minister_coded_foreign_minister(text: str) -> None:
    """A partner's vice foreign minister is not a foreign minister; and the level is the office
    of the focal state's principal (codebook, meeting_level): here the Chinese ambassador's,
    other (as gold/tune2.jsonl's minister meeting the ambassador)."""
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert coded.level == "other"


def test_sco_listed_with_the_un_made_a_bilateral_visit_sco() -> None:
    text = (
        "At the invitation of Premier Li Keqiang, Prime Minister Abdulla Aripov of Uzbekistan will pay "
        "an official visit to China from August 27 to 29. The two sides will discuss law-enforcement "
        "and security cooperation and combating terrorism, separatism and extremism. Our relations "
        "have grown at a high level during the past 27 years since diplomatic ties were established. "
        "We also have good coordination under multilateral frameworks such as the UN and the SCO, "
        "and the two prime ministers will hold a meeting on it.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert coded.framework == "bilateral"
    assert coded.event_kinds == ["meeting"]  # ties established 27 years ago: no new mechanism


def test_paris_agreement_named_in_a_question_made_a_mechanism_event() -> None:
    text = (
        "问：哈萨克斯坦外长访华期间，双方将讨论哪些安全合作议题？美国退出《巴黎协定》对此有无影响？\n"
        "答：王毅国务委员兼外长将同哈萨克斯坦外长举行会谈，双方将就共同打击“三股势力”、"
        "深化执法安全合作交换意见。《巴黎协定》是国际社会应对气候变化的共识。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert coded.event_kinds == ["meeting"]


def test_agreement_ratified_is_still_a_mechanism() -> None:
    text = (
        "Президент Республики Казахстан подписал закон о ратификации Соглашения между "
        "Республикой Казахстан и Китайской Народной Республикой о сотрудничестве в борьбе с "
        "терроризмом, сепаратизмом и экстремизмом.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "mechanism"


ZH_MPS_MEETING = (
    "2019年8月15日，国务委员兼公安部部长赵克志在北京会见塔吉克斯坦内务部长拉希姆佐达。"
    "赵克志表示，中国公安部愿同塔内务部深化执法安全合作，共同打击“三股势力”和毒品犯罪。\n"
)
RU_BORDER_PATROL = (
    "Пограничная служба ГКНБ Кыргызской Республики и пограничные органы КНР провели совместное "
    "патрулирование участка кыргызско-китайской границы. Стороны обменялись информацией о "
    "борьбе с контрабандой наркотиков.\n"
)


@pytest.mark.parametrize("text", [ZH_MPS_MEETING, RU_BORDER_PATROL], ids=["zh", "ru"])
def test_ministries_and_the_sco_coded_as_actors(text: str) -> None:
    """Actors are the officials who take part (gold guideline 6); a ministry, border service or
    the SCO named in the text still brings its state and domain but is no actor."""
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert "KG" in coded.countries or "TJ" in coded.countries
    names = {a.name for a in coded.actors}
    assert all(a.office is not None for a in coded.actors), coded.actors
    assert not names & {
        "Ministry of Public Security",
        "Border Service",
        "Shanghai Cooperation Organisation",
    }
    if "赵克志" in text:
        assert "Zhao Kezhi" in names


ZH_C5_PLUS_US = (
    "问：据报道，日前，“中亚五国+美国”机制外长会议期间，美国务卿无端指责中国治疆政策。"
    "请问这对中国同中亚国家关系有何影响？\n"
    "答：中亚五国都是中国新疆的近邻。美国国务卿在中亚五国外长面前挑拨离间，实在是找错了对象。"
    "自新疆维吾尔自治区成立以来，新疆的人口逐年递增。中国和中亚国家是友好邻邦和战略伙伴，"
    "我们坚信，中亚各国同中方共同打击“三股势力”的决心是坚定的。\n"
)
EN_C5_PLUS_US = (
    "Q: The US Secretary of State will attend the C5+1 foreign ministers' meeting in Tashkent "
    "and discuss Xinjiang. What is China's comment?\n"
    "A: China and the Central Asian countries are friendly neighbours. The Central Asian countries "
    "support China's counter-terrorism and de-radicalization measures in Xinjiang, and we jointly "
    "fight terrorism, separatism and extremism.\n"
)
RU_C5_PLUS_US = (
    "Вопрос: На встрече министров иностранных дел в формате «Центральная Азия + США» в Ташкенте "
    "госсекретарь США критиковал политику Китая в Синьцзяне. Как Китай это прокомментирует?\n"
    "Ответ: Китай и страны Центральной Азии — добрые соседи, которые вместе борются с терроризмом, "
    "сепаратизмом и экстремизмом.\n"
)


@pytest.mark.parametrize(
    "text", [ZH_C5_PLUS_US, EN_C5_PLUS_US, RU_C5_PLUS_US], ids=["zh", "en", "ru"]
)
def test_commentary_on_a_central_asia_plus_us_meeting_coded_as_a_meeting(text: str) -> None:
    """A meeting of another state's format with the region (C5+1) is not the PRC's meeting; the
    item comments on it, so it is commentary (no kind, framework or level), still relevant with
    the Central Asian states whose engagement with the PRC it discusses."""
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert {"CN", "KZ", "UZ"} <= set(coded.countries)
    assert "meeting" not in _kinds(coded)
    assert "mechanism" not in _kinds(coded)
    assert coded.kind is None and coded.level is None and coded.framework is None


def test_meeting_in_the_central_asia_plus_china_format_is_still_a_meeting() -> None:
    text = (
        "2020年7月16日，国务委员兼外长王毅以视频方式出席“中国+中亚五国”外长会晤。"
        "各方同意加强安全合作，共同打击“三股势力”和跨国有组织犯罪。\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.kind == "meeting"
    assert coded.level == "foreign_minister"


ZH_RATS_DIRECTOR = (
    "2018年4月24日，上海合作组织成员国外长理事会会议将在北京举行。国务委员兼外长王毅将主持会议，"
    "哈萨克斯坦外长阿布德拉赫曼诺夫、乌兹别克斯坦外长卡米洛夫和上海合作组织反恐怖机构执委会主任瑟索耶夫将与会。"
    "各方将就加强本组织框架内合作、应对“三股势力”等问题交换意见。\n"
)
EN_RATS_DIRECTOR = (
    "The meeting of the Security Council Secretaries of the SCO member states will be held in "
    "Beijing on 22 May 2018. Secretary-General Rashid Alimov and Director of the Executive "
    "Committee of the SCO Regional Anti-Terrorism Structure Yevgeniy Sysoyev will attend. They "
    "will discuss cooperation on combating drug trafficking and transnational organized crime.\n"
)


@pytest.mark.parametrize("text", [ZH_RATS_DIRECTOR, EN_RATS_DIRECTOR], ids=["zh", "en"])
def test_rats_directors_title_coded_terrorism_and_law_enforcement(text: str) -> None:
    """反恐 in 地区反恐怖机构执委会主任 (the RATS director attending) is part of his title: it
    codes neither the terrorism topic nor the RATS's law-enforcement field."""
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.kind == "meeting"
    assert "terrorism" not in coded.topics
    assert "law_enforcement" not in coded.domains


def test_rats_council_meeting_had_no_level() -> None:
    text = (
        "4 апреля 2019 года в Ташкенте состоялось очередное заседание Совета Региональной "
        "антитеррористической структуры Шанхайской организации сотрудничества. Делегации "
        "Китая, Казахстана, Кыргызстана, Таджикистана и Узбекистана обсудили борьбу с "
        "терроризмом, сепаратизмом и экстремизмом.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert coded.framework == "SCO"
    assert coded.level == "state_security_intelligence"
    assert "terrorism" in coded.topics  # the council's own name still says what it is about


EN_MEDICAL_TEAM = (
    "China National Radio: You announced yesterday that a team of medical experts the Chinese "
    "government sent to Kazakhstan had left for the country. Do you have more details?\n"
    "Zhao Lijian: A team of 10 medical experts sent by the Chinese government arrived in "
    "Kazakhstan yesterday. The Kazakh government attached great importance to this and sent two "
    "military planes to China to take the team to Kazakhstan. The Chinese ambassador to "
    "Kazakhstan, Kazakh Vice Foreign Minister and Vice Minister of Health greeted the team at the "
    "airport.\n"
)
ZH_MEDICAL_TEAM = (
    "问：中国政府派出的医疗专家组已抵达哈萨克斯坦，你能否介绍有关情况？\n"
    "答：中国政府派出的10人医疗专家组昨天抵达哈萨克斯坦。哈方高度重视，专门派出两架军用飞机来华接运专家组。"
    "中国驻哈萨克斯坦大使、哈萨克斯坦副外长和卫生部副部长到机场迎接。\n"
)
RU_MEDICAL_TEAM = (
    "Группа из 10 китайских медицинских экспертов прибыла в Казахстан. Для их доставки "
    "Правительство Казахстана направило в Китай два военно-транспортных самолёта. В аэропорту "
    "экспертов встретили посол КНР и заместитель министра иностранных дел Казахстана.\n"
)


@pytest.mark.parametrize(
    "text", [EN_MEDICAL_TEAM, ZH_MEDICAL_TEAM, RU_MEDICAL_TEAM], ids=["en", "zh", "ru"]
)
def test_military_planes_carrying_a_medical_team_coded_relevant(text: str) -> None:
    """Civilian public-health aid is not security engagement (gold guideline 1): the military
    planes that fetch a medical team are transport, not military cooperation."""
    coded = code_document(make_doc(text))
    assert not coded.relevant
    assert "military" not in coded.domains


def test_military_planes_delivering_equipment_to_the_army_are_still_military() -> None:
    text = (
        "Два военно-транспортных самолёта НОАК доставили в Душанбе партию военной техники, "
        "переданной Министерству обороны Таджикистана в рамках военной помощи Китая.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert "military" in coded.domains


def test_batch_of_forensic_equipment_handed_over_at_a_meeting_was_no_transfer() -> None:
    """`передала … партию криминалистического оборудования`: the words between the verb and the
    equipment hid the handover; the meeting stays the main event, the transfer comes second."""
    text = (
        "Министр внутренних дел Туркменистана встретился с заместителем Министра общественной "
        "безопасности КНР\n"
        "27 ноября 2018 года в Ашхабаде состоялась встреча Министра внутренних дел Туркменистана "
        "с заместителем Министра общественной безопасности Китайской Народной Республики.\n"
        "Стороны обсудили борьбу с транснациональной организованной преступностью.\n"
        "Китайская сторона передала туркменским коллегам партию криминалистического "
        "оборудования.\n"
    )
    coded = code_document(make_doc(text))
    assert coded.kind == "meeting"
    assert "equipment_transfer" in coded.event_kinds


def test_a_batch_of_goods_in_a_trade_item_is_no_security_event() -> None:
    text = (
        "Китайская сторона передала казахстанским партнёрам партию сельскохозяйственной техники "
        "в рамках торгового соглашения.\n"
    )
    coded = code_document(make_doc(text))
    assert not coded.relevant


@pytest.mark.parametrize(
    "text",
    [
        "2019年6月14日，中国国防部长魏凤和在北京会见吉尔吉斯斯坦国防部长，双方就加强反恐合作交换意见。\n",
        "14 июня 2019 года Министр обороны Кыргызской Республики встретился в Пекине с "
        "Министром национальной обороны КНР. Стороны обсудили сотрудничество в борьбе с "
        "терроризмом.\n",
    ],
    ids=["zh", "ru"],
)
def test_bilateral_framework_inferred_had_no_evidence_nor_confidence(text: str) -> None:
    """No framework named and one partner state taking part: bilateral, with the partner state's
    mention as evidence (basis one_partner), so the code gets a confidence like the others."""
    coded = code_document(make_doc(text))
    assert coded.framework == "bilateral"
    framework = [e for e in coded.evidence if e.field == "framework"]
    assert [e.code for e in framework] == ["bilateral"]
    assert framework[0].basis == "one_partner"
    assert framework[0].text in text
    assert framework[0].confidence is not None and 0.0 < framework[0].confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "据报道，中国私营安保公司在吉尔吉斯斯坦为中资矿山和企业员工提供安保服务，"
        "保护中国公民和企业的安全。\n",
        "Китайские частные охранные компании охраняют объекты китайских компаний в Казахстане "
        "и обеспечивают безопасность китайского персонала.\n",
    ],
    ids=["zh", "ru"],
)
def test_private_security_firms_abroad_coded_bilateral(text: str) -> None:
    """Chinese security firms guarding Chinese assets in a partner state act one-sidedly: the
    codebook's unilateral, not bilateral because the host state is named."""
    coded = code_document(make_doc(text))
    assert coded.kind == "private_security"
    assert coded.framework == "unilateral"
    framework = [e for e in coded.evidence if e.field == "framework"]
    assert [(e.code, e.basis) for e in framework] == [("unilateral", "kind")]


@pytest.mark.parametrize(
    "text",
    [
        "Twenty-five officers of the Ministry of Internal Affairs of Kazakhstan have completed a "
        "three-week course at the China People's Police University in Langfang, organised by "
        "China's Ministry of Public Security, on counter-terrorism tactics.\n",
        "哈萨克斯坦内务部25名警官在廊坊中国人民警察大学完成为期三周的反恐课程。\n",
        "Двадцать пять сотрудников МВД Казахстана окончили трёхнедельный курс по борьбе с "
        "терроризмом в Народном полицейском университете Китая в Ланфане.\n",
    ],
    ids=["en", "zh", "ru"],
)
def test_course_at_the_police_university_had_no_kind(text: str) -> None:
    coded = code_document(make_doc(text))
    assert coded.relevant
    assert coded.kind == "training_education"
    assert {"CN", "KZ"} <= set(coded.countries)


def test_border_service_of_the_gknb_coded_state_security() -> None:
    """Пограничная служба ГКНБ: the GKNB says whose border service it is; the border guards
    patrol, so the domain is border_guard only, and the GKNB gives no level."""
    coded = code_document(
        make_doc(
            "В период с 5 по 7 октября 2018 года подразделения Пограничной службы ГКНБ Кыргызской "
            "Республики и пограничные органы Китайской Народной Республики провели совместное "
            "патрулирование участка кыргызско-китайской государственной границы.\n"
        )
    )
    assert coded.kind == "joint_patrol_operation"
    assert coded.domains == ["border_guard"]
    assert "KG" in coded.countries
    gknb = code_document(
        make_doc(
            "Председатель ГКНБ Кыргызской Республики встретился с министром государственной "
            "безопасности КНР. Стороны обсудили борьбу с терроризмом.\n"
        )
    )
    assert "state_security" in gknb.domains
