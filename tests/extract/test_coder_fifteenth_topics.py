"""Fifteenth-round topic rules (issue 13): what a security word protects codes the concern
whatever words sit between them (``coder_protected``). Texts written for these tests (ru/en),
none copied from a gold text; each rule has a text it changes and one it leaves alone."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_protected import protected_objects
from steppewatch.extract.model import CodedDocument

CODER = CodebookCoder(topic_layer=False)  # the rules alone


def _code(text: str) -> CodedDocument:
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


def _objects(text: str) -> set[str]:
    normal = text.lower()
    return {h.payload[1] for h in protected_objects(normal, 0, len(normal))}


# --- the phrase a security word governs --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a list of objects after the security word: every noun of the list counts
        (
            "Министры договорились укреплять защиту рабочих, офисов и совместных горнорудных "
            "проектов.",
            {"citizen_protection", "investment_security"},
        ),
        (
            "Особое внимание уделено безопасности персонала китайских строительных фирм.",
            {"citizen_protection", "investment_security"},
        ),
        (
            "The ministers pledged to guard the oil pipeline and the Chinese engineers who run it.",
            {"citizen_protection", "investment_security"},
        ),
        (
            "Both agencies will safeguard joint mining investments along the new road.",
            {"investment_security"},
        ),
        # a site is the focal state's or both sides' only when the phrase says so
        ("They spoke of the safety of cross-border facilities.", {"investment_security"}),
    ],
)
def test_what_a_security_word_protects(text: str, codes: set[str]) -> None:
    assert _objects(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        # a partner's own people or the locals: not the focal state's citizens
        "Посол поднял вопрос о безопасности узбекских студентов в Синьцзяне.",
        "The envoy raised the protection of Kazakh students studying abroad.",
        # a state's or the public's sites, with no owner named
        "Гвардия отвечает за охрану важных правительственных объектов.",
        "The unit is tasked with guarding critical state infrastructure.",
        # another topic's security word
        "Стороны обсудили вопросы информационной безопасности предприятий.",
        # civil aviation, a diplomatic mission: not citizens
        "Речь шла о безопасности гражданской авиации.",
        # a guard firm is the one that guards, not what is guarded
        "A Chinese guard firm opened an office in Osh, Kyrgyz police said.",
        # the phrase ends at a preposition: the firms are where trade is done, not protected
        "They discussed border security in the valley where Chinese firms trade.",
    ],
)
def test_what_a_security_word_does_not_protect(text: str) -> None:
    assert not _objects(text)


def test_the_phrase_ends_at_a_participle() -> None:
    text = "обеспечение безопасности дорог, ведущих к китайским предприятиям"
    assert _objects(text) == set()
    text = "обеспечение безопасности дорог и китайских предприятий"
    assert _objects(text) == {"investment_security"}


# --- in the coder ------------------------------------------------------------------------------

RU_TALKS = (
    "Министр внутренних дел Таджикистана встретился с министром общественной безопасности КНР\n"
    "Душанбе, 4 марта 2026 г. Министр внутренних дел Таджикистана провел переговоры с "
    "министром общественной безопасности Китая. Стороны обсудили противодействие терроризму "
    "и обеспечение безопасности рабочих, офисов и совместных горнорудных проектов на юге "
    "страны."
)
RU_TALKS_PLAIN = (
    "Министр внутренних дел Таджикистана встретился с министром общественной безопасности КНР\n"
    "Душанбе, 4 марта 2026 г. Министр внутренних дел Таджикистана провел переговоры с "
    "министром общественной безопасности Китая. Стороны обсудили противодействие терроризму "
    "и развитие совместных горнорудных проектов на юге страны."
)
EN_TALKS = (
    "Kyrgyz and Chinese security chiefs meet in Bishkek\n"
    "BISHKEK, May 5 (Steppe News) - The head of Kyrgyzstan's national security committee met "
    "China's Minister of State Security on Monday. They agreed to step up counter-terrorism "
    "cooperation and to protect Chinese workers and mining projects in the south."
)
EN_TALKS_PLAIN = (
    "Kyrgyz and Chinese security chiefs meet in Bishkek\n"
    "BISHKEK, May 5 (Steppe News) - The head of Kyrgyzstan's national security committee met "
    "China's Minister of State Security on Monday. They agreed to step up counter-terrorism "
    "cooperation and discussed new mining projects in the south."
)


@pytest.mark.parametrize("text", [RU_TALKS, EN_TALKS])
def test_talks_on_protecting_firms_and_people_code_both(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert {"citizen_protection", "investment_security", "terrorism"} <= set(record.topics)


@pytest.mark.parametrize("text", [RU_TALKS_PLAIN, EN_TALKS_PLAIN])
def test_firms_and_people_only_named_code_neither(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert not {"citizen_protection", "investment_security"} & set(record.topics)


# --- a topic the event's kind carries -----------------------------------------------------------

EN_GUARDS = (
    "Chinese security firm opens office in Kyrgyzstan\n"
    "BISHKEK, June 2 (Steppe News) - A Chinese private security company has opened an office "
    "in Bishkek and hired forty armed guards for a gold mine in the Naryn region, Kyrgyzstan's "
    "interior ministry said after licensing the firm."
)
EN_GUARDS_NOT = (
    "Chinese and Kyrgyz border guards hold joint patrol\n"
    "BISHKEK, June 2 (Steppe News) - Chinese and Kyrgyz border guards held a joint patrol "
    "along the border near the Torugart pass to stop smugglers."
)


def test_a_security_firms_work_abroad_is_investment_security() -> None:
    record = _code(EN_GUARDS)
    assert record.kind == "private_security"
    assert "investment_security" in record.topics
    basis = {e.basis for e in record.evidence if e.code == "investment_security"}
    assert basis == {"kind"}


def test_other_kinds_carry_no_topic() -> None:
    record = _code(EN_GUARDS_NOT)
    assert record.kind == "joint_patrol_operation"
    assert "investment_security" not in record.topics


# --- the SCO's anti-terrorist structure is a body of security services ---------------------------

RU_RATS = (
    "Совет РАТС ШОС провел заседание в Бишкеке\n"
    "Бишкек, 3 октября 2026 г. В Бишкеке состоялось заседание Совета Региональной "
    "антитеррористической структуры ШОС с участием делегаций Китая, Казахстана и Кыргызстана. "
    "Стороны обсудили противодействие терроризму."
)
ZH_RATS = (
    "上合组织地区反恐怖机构理事会会议在阿斯塔纳举行\n"
    "新华社阿斯塔纳3月2日电 上海合作组织地区反恐怖机构理事会第四十八次会议2日在阿斯塔纳举行，"
    "中国、哈萨克斯坦、吉尔吉斯斯坦等成员国代表团出席，会议讨论了打击恐怖主义问题。"
)
RU_POLICE = (
    "Министры внутренних дел Кыргызстана и Китая провели переговоры\n"
    "Бишкек, 3 октября 2026 г. Министр внутренних дел Кыргызстана провел переговоры с министром "
    "общественной безопасности КНР. Стороны обсудили противодействие терроризму."
)


@pytest.mark.parametrize("text", [RU_RATS, ZH_RATS])
def test_the_rats_is_state_security_not_police(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert record.domains == ["state_security"]


def test_interior_ministries_stay_law_enforcement() -> None:
    record = _code(RU_POLICE)
    assert "law_enforcement" in record.domains


# --- which sector a domain word names -----------------------------------------------------------

EN_CICA = (
    "CICA foreign ministers meet in Astana\n"
    "ASTANA, Oct. 5 (Steppe News) - Foreign ministers of CICA member states, among them China's "
    "and Kazakhstan's, met on Thursday and agreed to widen confidence-building measures in the "
    "military-political dimension and to fight drug trafficking together."
)
RU_CICA = (
    "Министры иностранных дел СВМДА встретились в Астане\n"
    "Астана, 5 октября 2026 г. Министры иностранных дел стран СВМДА, в том числе Китая и "
    "Казахстана, договорились расширять меры доверия в военно-политической области и совместно "
    "бороться с наркотрафиком."
)
EN_DEFENCE = (
    "Chinese and Kazakh defence ministers meet in Beijing\n"
    "BEIJING, Oct. 5 (Steppe News) - China's defence minister met his Kazakh counterpart on "
    "Thursday; they agreed to expand military cooperation, joint exercises and officer training."
)


@pytest.mark.parametrize("text", [EN_CICA, RU_CICA])
def test_a_military_political_sphere_is_no_army(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert "military" not in record.domains


def test_military_cooperation_stays_military() -> None:
    assert "military" in _code(EN_DEFENCE).domains


RU_FIRM = (
    "Китайская охранная компания получила лицензию в Кыргызстане\n"
    "Бишкек, 8 июня 2026 г. Китайская частная охранная компания получила лицензию МВД Кыргызстана "
    "на охрану золотого рудника. В ее штате - бывшие военнослужащие НОАК."
)
RU_FIRM_SERVING = (
    "Китайская охранная компания получила лицензию в Кыргызстане\n"
    "Бишкек, 8 июня 2026 г. Китайская частная охранная компания получила лицензию МВД Кыргызстана "
    "на охрану золотого рудника. Подготовку ее охранников проводят инструкторы НОАК."
)


def test_where_staff_once_served_is_no_sector() -> None:
    assert "military" not in _code(RU_FIRM).domains
    assert "military" in _code(RU_FIRM_SERVING).domains


def test_former_covers_both_forces_joined_by_and() -> None:
    text = RU_FIRM.replace(
        "бывшие военнослужащие НОАК.", "бывшие военнослужащие НОАК и Народной вооруженной полиции."
    )
    assert not {"military", "paramilitary"} & set(_code(text).domains)


ZH_REGIMENT = (
    "新疆军区某边防团在帕米尔高原开展冬季演练\n"
    "本报喀什1月9日电 新疆军区某边防团日前在海拔4000多米的帕米尔高原组织冬季演练，"
    "检验部队边境管控和反恐处置能力。"
)
ZH_BORDER_GUARDS = (
    "中哈两国边防部门举行会晤\n"
    "新华社阿拉木图5月3日电 中国和哈萨克斯坦边防部门代表3日在霍尔果斯口岸举行会晤，"
    "双方就联合巡逻和打击跨境犯罪交换意见。"
)
EN_MILITARIES = (
    "Chinese and Kyrgyz defence ministers hold talks\n"
    "BEIJING, May 3 (Steppe News) - China's defence minister met Kyrgyzstan's defence minister "
    "on Tuesday. The two militaries will deepen exchanges in training, joint exercises and "
    "border defense, he said."
)


def test_an_armys_border_unit_is_military() -> None:
    record = _code(ZH_REGIMENT)
    assert "border_guard" not in record.domains
    assert "military" in record.domains


def test_the_two_militaries_border_work_is_military() -> None:
    record = _code(EN_MILITARIES)
    assert "border_guard" not in record.domains
    assert "military" in record.domains


def test_border_services_named_stay_border_guard() -> None:
    assert "border_guard" in _code(ZH_BORDER_GUARDS).domains


def test_a_border_service_named_beside_the_army_stays() -> None:
    text = (
        "Китай передал технику силовым структурам Казахстана\n"
        "Астана, 2 июля 2026 г. Китай безвозмездно передал Казахстану партию автомобилей, "
        "которые получили Вооруженные силы и Пограничная служба КНБ."
    )
    record = _code(text)
    assert {"border_guard", "military"} <= set(record.domains)


# --- the security committee as the border troops' owner -----------------------------------------

EN_OUTPOST = (
    "China hands over new outpost to Tajik border troops\n"
    "DUSHANBE, May 20 (Steppe News) - China has handed over a new outpost to the Border Troops "
    "of the State Committee for National Security in the Murghab district, the GKNB said. "
    "The Chinese ambassador attended the ceremony."
)
EN_SERVICES = (
    "Kyrgyz and Chinese security services hold talks\n"
    "BISHKEK, May 20 (Steppe News) - The chairman of the GKNB met a delegation of China's "
    "Ministry of State Security; the two services agreed to share intelligence on terrorist "
    "groups."
)


def test_the_committee_that_owns_the_border_troops_is_no_state_security() -> None:
    record = _code(EN_OUTPOST)
    assert record.relevant
    assert "border_guard" in record.domains
    assert "state_security" not in record.domains


def test_the_committee_on_its_own_business_stays_state_security() -> None:
    assert "state_security" in _code(EN_SERVICES).domains


# --- a bare word for crime ------------------------------------------------------------------------

EN_CAMERAS = (
    "China hands over city cameras to Kyrgyz police\n"
    "BISHKEK, May 20 (Steppe News) - China handed over a video surveillance system to the "
    "Kyrgyz Interior Ministry on Tuesday. The minister said street crime in the capital had "
    "fallen since the cameras went up."
)
EN_GANGS = (
    "China hands over city cameras to Kyrgyz police\n"
    "BISHKEK, May 20 (Steppe News) - China handed over a video surveillance system to the "
    "Kyrgyz Interior Ministry on Tuesday. The minister said the cameras help track crime "
    "groups that move goods across the border."
)
RU_CRIME = (
    "Китай передал МВД Таджикистана патрульные машины\n"
    "Душанбе, 2 июля 2026 г. Китай передал МВД Таджикистана партию патрульных машин. "
    "Министр отметил, что техника поможет в борьбе с преступностью на улицах столицы."
)


@pytest.mark.parametrize("text", [EN_CAMERAS, RU_CRIME])
def test_crime_at_large_is_no_organised_crime(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert "organized_crime" not in record.topics


def test_crime_groups_are_organised_crime() -> None:
    assert "organized_crime" in _code(EN_GANGS).topics


# --- citizens as suspects -------------------------------------------------------------------------

RU_HANDED = (
    "Кыргызстан передал Китаю подозреваемых в мошенничестве\n"
    "Бишкек, 3 марта 2026 г. ГКНБ Кыргызстана в рамках сотрудничества с МВД КНР передал "
    "китайской стороне 9 граждан КНР, подозреваемых в телефонном мошенничестве."
)
RU_ATTACKED = (
    "Китай и Кыргызстан обсудили нападение на граждан КНР\n"
    "Бишкек, 3 марта 2026 г. Посол КНР и министр внутренних дел Кыргызстана обсудили нападение "
    "на граждан КНР на рынке; задержанные подозреваемые переданы следствию."
)
EN_HANDED = (
    "Kazakhstan hands over Chinese fugitive\n"
    "ALMATY, March 3 (Steppe News) - Kazakh police handed over a Chinese citizen wanted for "
    "large-scale fraud to China's Ministry of Public Security under the extradition treaty."
)


@pytest.mark.parametrize("text", [RU_HANDED, EN_HANDED])
def test_citizens_handed_over_as_suspects_are_not_protected(text: str) -> None:
    record = _code(text)
    assert record.relevant
    assert "citizen_protection" not in record.topics


def test_citizens_attacked_stay_protected_though_suspects_are_named() -> None:
    assert "citizen_protection" in _code(RU_ATTACKED).topics


# --- what an official says at the event -----------------------------------------------------------

EN_SUMMIT = (
    "Xi Jinping attends C5+China summit in Astana\n"
    "ASTANA, June 17 (Steppe News) - Chinese President Xi Jinping and Kazakh President "
    "Kassym-Jomart Tokayev held talks on Tuesday on the sidelines of the summit and agreed to "
    "deepen security cooperation against terrorism.\n"
    "Leaders of the six states later adopted a declaration on trade and transport.\n"
    # (a long item: its passages are an anchor's sentence and the next one, so the speech
    # below lies outside them)
    + "The declaration lists new rail links, customs corridors and tariff talks. "
    * 40
    + "\nAt the plenary session Xi Jinping said the region must resist attempts at colour "
    "revolutions."
)
EN_SUMMIT_OTHER = EN_SUMMIT.replace(
    "At the plenary session Xi Jinping said", "Analysts in Almaty wrote that"
)


def test_what_an_official_says_at_the_event_is_a_topic() -> None:
    assert "regime_stability" in _code(EN_SUMMIT).topics


def test_what_others_write_is_not() -> None:
    assert "regime_stability" not in _code(EN_SUMMIT_OTHER).topics


# --- drug control as a field, not an agency -------------------------------------------------------

ZH_FIELDS = (
    "中国同哈萨克斯坦外长举行会谈\n"
    "新华社北京4月2日电 外交部长同哈萨克斯坦外长2日在北京举行会谈。双方同意深化反恐、禁毒、"
    "网络安全等领域合作，共同打击“三股势力”。"
)
ZH_AGENCY = (
    "中哈两国警方举行禁毒执法会晤\n"
    "新华社阿拉木图4月2日电 中国公安部禁毒局与哈萨克斯坦内务部代表2日在阿拉木图举行会晤，"
    "双方同意深化禁毒执法合作。"
)


def test_drug_control_in_a_list_of_fields_is_no_police() -> None:
    record = _code(ZH_FIELDS)
    assert record.relevant
    assert "law_enforcement" not in record.domains
    assert "drug_trafficking" in record.topics


def test_drug_enforcement_agencies_stay_police() -> None:
    assert "law_enforcement" in _code(ZH_AGENCY).domains
