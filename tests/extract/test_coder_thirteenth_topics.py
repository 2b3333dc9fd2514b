"""Thirteenth-round topic and domain specificity (``coder_specificity.py``, issue 13): the three
evils listed in any order are the formula; smuggling joined to drugs is drug trafficking; CICA's
name is no confidence-building measure; sharing information is no state security; the security
committee owning a border service does not take part. Texts written for these tests (zh/ru/en),
none copied from a gold text; each rule has a text it changes and one it leaves alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_specificity import THREE_EVILS_LISTED, information_exchange
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedDocument

CODER = CodebookCoder(topic_layer=False)  # the rules alone


def _code(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


# --- three evils listed in any order --------------------------------------------------------

RU_LISTED = (
    "Министр внутренних дел Кыргызстана встретился с министром общественной безопасности КНР\n"
    "Бишкек, 3 марта 2026 - Кабар.\n"
    "Министр внутренних дел Кыргызстана провел переговоры с министром общественной безопасности "
    "Китая. Стороны договорились усилить совместное противодействие терроризму, экстремизму и "
    "сепаратизму, а также незаконному обороту наркотиков."
)
RU_ON_ITS_OWN = (
    "Министр внутренних дел Кыргызстана встретился с министром общественной безопасности КНР\n"
    "Бишкек, 3 марта 2026 - Кабар.\n"
    "Министр внутренних дел Кыргызстана провел переговоры с министром общественной безопасности "
    "Китая. Стороны договорились усилить совместное противодействие терроризму и незаконному "
    "обороту наркотиков."
)
EN_LISTED = (
    "China and Tajikistan agree to step up security cooperation\n"
    "DUSHANBE, April 2 (Steppe News) - Chinese State Councilor and Minister of Public Security "
    "Wang Xiaohong met Tajik Interior Minister Ramazon Rahimzoda on Tuesday. The two sides agreed "
    "to jointly combat extremism, terrorism and separatism and to protect Chinese projects."
)


@pytest.mark.parametrize("text", [RU_LISTED, EN_LISTED])
def test_three_listed_in_any_order_are_the_formula(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert "three_evils" in record.topics
    assert not {"terrorism", "extremism", "separatism"} & set(record.topics)


def test_one_of_the_three_on_its_own_stays_itself() -> None:
    record = _code(RU_ON_ITS_OWN)
    assert "terrorism" in record.topics
    assert "three_evils" not in record.topics


@pytest.mark.parametrize(
    "phrase",
    [
        "терроризмом, экстремизмом и сепаратизмом",
        "separatism, extremism and terrorism",
        "极端主义、恐怖主义和分裂主义",
        "терроризм, сепаратизм, экстремизм",
    ],
)
def test_the_list_pattern_takes_every_order(phrase: str) -> None:
    assert THREE_EVILS_LISTED.fullmatch(phrase)


def test_two_of_the_three_are_no_list() -> None:
    assert THREE_EVILS_LISTED.search("терроризму, экстремизму и наркотикам") is None


# --- drug smuggling ---------------------------------------------------------------------------

ZH_DRUG_SMUGGLING = (
    "中乌两国禁毒部门举行工作会晤\n"
    "新华社塔什干5月6日电 中国公安部禁毒局与乌兹别克斯坦内务部禁毒总局6日在塔什干举行工作会晤，"
    "双方就联合打击跨境毒品走私、加强情报线索交流等深入交换意见。"
)
ZH_SMUGGLING = (
    "中乌两国禁毒部门举行工作会晤\n"
    "新华社塔什干5月6日电 中国公安部禁毒局与乌兹别克斯坦内务部禁毒总局6日在塔什干举行工作会晤，"
    "双方就联合打击跨境毒品犯罪和武器走私等深入交换意见。"
)
EN_DRUG_SMUGGLING = (
    "Kazakh and Chinese police dismantle a heroin ring\n"
    "ALMATY, June 9 (Steppe News) - Kazakhstan's Interior Ministry and China's Ministry of Public "
    "Security have jointly dismantled a cross-border drug smuggling ring, the ministry said."
)


@pytest.mark.parametrize("text", [ZH_DRUG_SMUGGLING, EN_DRUG_SMUGGLING])
def test_smuggling_of_drugs_is_drug_trafficking(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert "drug_trafficking" in record.topics
    assert "organized_crime" not in record.topics


def test_smuggling_of_arms_stays_organised_crime() -> None:
    record = _code(ZH_SMUGGLING)
    assert {"drug_trafficking", "organized_crime"} <= set(record.topics)


# --- CICA's name ------------------------------------------------------------------------------

EN_CICA_NAMED = (
    "Xi Jinping holds talks with Kazakh President\n"
    "BEIJING, May 20 (Steppe News) - Chinese President Xi Jinping held talks with Kazakh President "
    "Kassym-Jomart Tokayev in Beijing on Wednesday. The two sides agreed to deepen law-enforcement "
    "and security cooperation and to jointly fight terrorism and drug trafficking. They will "
    "support each other within the Shanghai Cooperation Organization and the Conference on "
    "Interaction and Confidence Building Measures in Asia."
)
EN_CBM_MATTER = EN_CICA_NAMED.replace(
    "They will support",
    "They agreed to strengthen confidence-building measures in the military field along the "
    "border. They will support",
)


def test_confidence_building_in_cicas_name_is_the_forum() -> None:
    record = _code(EN_CICA_NAMED)
    assert record.relevant
    assert "arms_control_cbm" not in record.topics


def test_confidence_building_as_the_matter_stays() -> None:
    assert "arms_control_cbm" in _code(EN_CBM_MATTER).topics


# --- sharing information is no state security -------------------------------------------------

ZH_EXCHANGE = (
    "中吉边防部门举行会晤\n"
    "新华社喀什6月3日电 中国新疆边境管理支队与吉尔吉斯斯坦边防部门3日举行边境会晤，"
    "双方同意加强边境情报信息交流，联合打击非法越境活动。"
)
ZH_SERVICE = ZH_EXCHANGE.replace("吉尔吉斯斯坦边防部门", "吉尔吉斯斯坦国家安全委员会及边防部门")


def test_information_exchange_codes_no_state_security() -> None:
    record = _code(ZH_EXCHANGE)
    assert record.relevant
    assert "border_guard" in record.domains
    assert "state_security" not in record.domains


def test_a_security_service_named_still_codes_state_security() -> None:
    assert "state_security" in _code(ZH_SERVICE).domains


def test_information_exchange_terms() -> None:
    hit = Hit(0, 4, ("domain", "state_security"), "情报信息")
    assert information_exchange(hit)
    assert not information_exchange(Hit(0, 4, ("domain", "state_security"), "国家安全委员会"))


# --- the committee that owns a border service -------------------------------------------------

EN_OWNED = (
    "China hands over vehicles to Kyrgyz border guards\n"
    "BISHKEK, July 1 (Steppe News) - China handed over 30 off-road vehicles to the Border Service "
    "of the State Committee for National Security of Kyrgyzstan on Tuesday, the Chinese embassy "
    "said. The vehicles will help the border guards patrol the Kyrgyz-Chinese border."
)
RU_OWNED = (
    "Китай передал автомобили пограничникам Таджикистана\n"
    "Душанбе, 1 июля 2026. Китай передал 30 внедорожников Пограничным войскам Государственного "
    "комитета национальной безопасности Таджикистана, сообщило посольство КНР."
)
EN_BOTH = (
    "China hands over vehicles to Kyrgyz border guards and security service\n"
    "BISHKEK, July 1 (Steppe News) - China handed over 30 off-road vehicles to the Border Service "
    "and to the State Committee for National Security of Kyrgyzstan on Tuesday, the Chinese "
    "embassy said."
)


@pytest.mark.parametrize("text", [EN_OWNED, RU_OWNED])
def test_the_border_services_owner_takes_no_part(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert "border_guard" in record.domains
    assert "state_security" not in record.domains


def test_the_committee_named_beside_the_border_service_takes_part() -> None:
    assert {"border_guard", "state_security"} <= set(_code(EN_BOTH).domains)


# --- a sector named in a sentence about another time -----------------------------------------

EN_BACKGROUND_SECTOR = (
    "China hands over police cars to Tajik Interior Ministry\n"
    "DUSHANBE, May 5 (Steppe News) - China handed over 50 police cars to Tajikistan's Interior "
    "Ministry on Tuesday, the ministry said. The cars will be used by the patrol police in "
    "Dushanbe.\n\n"
    "In 2019, China had also built border outposts for the Tajik border troops on the Afghan "
    "border."
)
EN_SECTOR_NOW = EN_BACKGROUND_SECTOR.replace(
    "In 2019, China had also built border outposts for the Tajik border troops",
    "At the ceremony China also handed over radios to the Tajik border troops",
)
RU_BACKGROUND_SECTOR = (
    "Китай передал МВД Кыргызстана патрульные автомобили\n"
    "Бишкек, 5 мая 2026. Китай передал Министерству внутренних дел Кыргызстана 40 патрульных "
    "автомобилей, сообщила пресс-служба МВД.\n\n"
    "Напомним, ранее Китай передал Пограничной службе Кыргызстана тепловизоры."
)


@pytest.mark.parametrize("text", [EN_BACKGROUND_SECTOR, RU_BACKGROUND_SECTOR])
def test_a_sector_of_another_time_is_not_the_events(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert "law_enforcement" in record.domains
    assert "border_guard" not in record.domains


def test_a_sector_of_the_event_stays() -> None:
    assert {"law_enforcement", "border_guard"} <= set(_code(EN_SECTOR_NOW).domains)


# --- whom an attack targets is no hostility of people -----------------------------------------

ZH_ATTACK = (
    "驻塔吉克斯坦使馆提醒中国公民注意安全\n"
    "2026-03-02 来源：中华人民共和国驻塔吉克斯坦共和国大使馆\n"
    "3月1日，塔吉克斯坦哈特隆州发生一起针对中国公民的持枪抢劫案，一名中国工人受伤。使馆已约见塔"
    "内务部有关负责人，要求塔方尽快破案，切实保障在塔中国公民安全。塔方表示将加强执法合作。"
)
ZH_PROTEST = ZH_ATTACK.replace(
    "3月1日，塔吉克斯坦哈特隆州发生一起针对中国公民的持枪抢劫案，一名中国工人受伤。",
    "3月1日，塔吉克斯坦哈特隆州数百名村民聚集抗议，发生一起针对中国公民的围攻事件，一名中国工人受伤。",
)
RU_PLEDGE = (
    "Председатель ГКНБ Кыргызстана встретился с министром общественной безопасности КНР\n"
    "Пекин, 3 июня 2026. Министр общественной безопасности КНР Ван Сяохун встретился с "
    "председателем ГКНБ Кыргызстана. Киргизская сторона заявила, что ее территория никогда не "
    "будет использована для действий, направленных против Китая, и что она углубит "
    "сотрудничество правоохранительных органов в борьбе с терроризмом."
)


def test_an_attack_on_chinese_citizens_is_no_anti_china_sentiment() -> None:
    record = _code(ZH_ATTACK)
    assert record.relevant
    assert "citizen_protection" in record.topics
    assert "anti_china_sentiment" not in record.topics


def test_an_attack_by_protesters_is_hostility() -> None:
    assert "anti_china_sentiment" in _code(ZH_PROTEST).topics


def test_activities_against_china_are_no_sentiment() -> None:
    record = _code(RU_PLEDGE)
    assert record.relevant
    assert "anti_china_sentiment" not in record.topics


# --- words that need their verb or qualifier ---------------------------------------------------

ZH_MARKERS_CHECKED = (
    "中哈边防部门开展联合巡逻\n"
    "新华社伊宁4月8日电 新疆伊犁边境管理支队与哈萨克斯坦边防部门8日在霍尔果斯河段开展联合巡逻，"
    "双方巡逻人员共同检查了界桩和边境设施，交流了边境管控情况。"
)
ZH_MARKERS_PLACED = ZH_MARKERS_CHECKED.replace(
    "双方巡逻人员共同检查了界桩和边境设施", "双方联合检查组共同修复了两座界桩"
)
RU_RECRUITMENT = (
    "Министры обороны стран ШОС обсудили новые угрозы\n"
    "Бишкек, 10 июня 2026. ТАСС. Министры обороны государств - членов ШОС, в том числе министр "
    "обороны КНР, провели совещание в Бишкеке. Министр обороны Казахстана обратил внимание на "
    "использование террористами социальных сетей для вербовки молодежи."
)
RU_RADICAL_RECRUITMENT = RU_RECRUITMENT.replace(
    "использование террористами социальных сетей для вербовки молодежи",
    "вербовку молодежи радикальными группировками в социальных сетях",
)
EN_POVERTY = (
    "Kazakh party delegation visits China\n"
    "BEIJING, May 12 (Steppe News) - A delegation of Kazakhstan's AMANAT party met officials of "
    "the International Department of the CPC Central Committee. The two sides agreed to deepen "
    "exchanges on law-enforcement cooperation against terrorism and on the experience of poverty "
    "reduction."
)


def test_border_markers_checked_on_patrol_are_no_demarcation() -> None:
    record = _code(ZH_MARKERS_CHECKED)
    assert record.relevant
    assert "border_demarcation" not in record.topics


def test_border_markers_restored_are_demarcation() -> None:
    assert "border_demarcation" in _code(ZH_MARKERS_PLACED).topics


def test_recruitment_by_terrorists_is_no_extremism() -> None:
    record = _code(RU_RECRUITMENT)
    assert record.relevant
    assert "extremism" not in record.topics


def test_recruitment_by_radicals_is_extremism() -> None:
    assert "extremism" in _code(RU_RADICAL_RECRUITMENT).topics


def test_poverty_reduction_is_no_economic_decline() -> None:
    record = _code(EN_POVERTY)
    assert record.relevant
    assert "economic_decline" not in record.topics
    poor = _code(EN_POVERTY.replace("the experience of poverty reduction", "rising poverty"))
    assert "economic_decline" in poor.topics


# --- a soldier's word for another force's men --------------------------------------------------

ZH_BORDER_MEN = (
    "中哈边防联合巡逻\n"
    "新华社伊宁11月2日电 新疆伊犁边境管理支队和哈萨克斯坦边防部门1日在霍尔果斯河两岸开展今年"
    "第四次中哈边境联合巡逻。双方官兵在各自一侧同步巡逻，通过对讲机实时沟通。"
)
ZH_ARMY_MEN = (
    "中哈两军举行联合演习\n"
    "新华社乌鲁木齐11月2日电 中国人民解放军新疆军区部队和哈萨克斯坦武装力量官兵1日在伊犁举行"
    "联合反恐演习。"
)


def test_border_guards_under_arms_are_no_army() -> None:
    record = _code(ZH_BORDER_MEN)
    assert record.relevant
    assert "border_guard" in record.domains
    assert "military" not in record.domains


def test_the_army_named_stays() -> None:
    assert "military" in _code(ZH_ARMY_MEN).domains
