"""Relevance on new house styles (twenty-first round, issue 13, branch coder75).

- a digest's announcement list under its heading (上合组织秘书处一周要闻 / 秘书处 | 新闻汇编 |
  date, then 一、... 二、...): each entry is its own passage even though the heading stands
  above entry 一, and the secretary-general's business leading entry 一 (or the heading) speaks
  for no other entry: an entry reporting the members' security council secretaries' session is
  relevant; a digest whose entries are all the secretary-general's business stays not relevant;
  a spokesman's answer (我想强调三点。一、...) is no digest heading;
- the PRC's provincial security organs (新疆维吾尔自治区公安厅, Xinjiang Public Security
  Department, Департамент общественной безопасности Синьцзяна) are the focal state's
  institutions: their handover of smuggling suspects to a partner is no partner's domestic
  case; a partner's police seizing goods smuggled from Xinjiang still is;
- energy security (of gas supplies, of the continent: energy security, энергетическая
  безопасность, 能源安全) makes no passage security on its own; the protection of a pipeline
  against attacks still does;
- an academic seminar's lead (学术研讨会, academic seminar, научный семинар) is scholars'
  business: its seminar word is no security event of the lead; the two states' law-enforcement
  seminar stays relevant;
- under a lead on trade, the two sides agreeing on the security of a pipeline or the focal
  state's projects (jointly safeguard the security of the gas pipeline, обеспечивать
  безопасность газопровода, 共同维护油气管道安全) is the talks' security content; agreeing on
  investment and energy security is not.

The digest's structure (一、 entries) exists in Chinese only. Texts written for these tests, none
copied from a gold text; each rule has a text it changes and one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_entities import numbered_entries

CODER = CodebookCoder()


def _code(text: str):  # type: ignore[no-untyped-def]
    return CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))


# -- a digest's announcement list under its heading ------------------------------------------

_DIGEST_ZH = (
    "上合组织秘书处一周要闻\n"
    "上海合作组织秘书处 | 新闻汇编 | 2026-10-30\n"
    "一、秘书长出席上合组织地区经贸合作论坛并致辞。\n"
    "二、10月28日，上合组织成员国安全会议秘书第十九次会议在杜尚别举行。中方代表团团长、公安部部长出席。会议讨论了打击恐怖主义和毒品贩运问题。\n"
    "三、秘书处举办上合组织成员国传统文化展。"
)
_DIGEST_STAFF_ZH = (
    "上合组织秘书处一周要闻\n"
    "上海合作组织秘书处 | 新闻汇编 | 2026-10-30\n"
    "一、秘书长出席上合组织地区经贸合作论坛并致辞。\n"
    "二、秘书长在杜尚别出席上合组织反恐研讨会并致辞，强调打击恐怖主义和毒品贩运。\n"
    "三、秘书处举办上合组织成员国传统文化展。"
)


def test_digest_entry_under_heading_is_its_own_passage() -> None:
    document = _code(_DIGEST_ZH)
    assert document.relevant
    assert {"KZ", "KG", "TJ", "UZ"} <= set(document.countries)


def test_digest_of_secretary_general_business_stays_not_relevant() -> None:
    assert not _code(_DIGEST_STAFF_ZH).relevant


def test_digest_heading_opens_a_list_but_an_answer_does_not() -> None:
    heading = "上合组织秘书处一周要闻\n秘书处 | 新闻汇编 | 2026-10-30\n一、甲事。\n二、乙事。\n"
    assert len(numbered_entries(heading, 0, len(heading))) == 2
    answer = "问：中方如何看待此事？\n答：我想强调三点：\n一、甲事。\n二、乙事。\n"
    assert numbered_entries(answer, 0, len(answer)) == []


# -- the PRC's provincial security organs ----------------------------------------------------

_XINJIANG_HANDOVER_ZH = (
    "新疆公安厅向哈萨克斯坦移交三名走私毒品嫌疑人\n"
    "天山网 | 2026-10-14\n"
    "10月13日，新疆维吾尔自治区公安厅在霍尔果斯口岸向哈萨克斯坦内务部移交三名涉嫌走私毒品的哈萨克斯坦籍嫌疑人。"
)
_PARTNER_SEIZURE_ZH = (
    "哈萨克斯坦警方查获走私货物\n"
    "哈通社 | 2026-10-14\n"
    "10月13日，哈萨克斯坦警方在霍尔果斯口岸查获一批从新疆走私入境的电子产品，货物由一家中国公司生产。"
)
_XINJIANG_HANDOVER_EN = (
    "Xinjiang police hand over smuggling suspects to Kazakhstan\n"
    "Tianshan Net | 14 October 2026\n"
    "On October 13, the Xinjiang Public Security Department handed over three Kazakh citizens suspected of drug smuggling to the Ministry of Internal Affairs of Kazakhstan at the Khorgos crossing."
)
_PARTNER_SEIZURE_EN = (
    "Kazakh police seize smuggled electronics from Xinjiang\n"
    "Kazinform | 14 October 2026\n"
    "On October 13, Kazakh police seized a batch of electronics smuggled from Xinjiang at the Khorgos crossing; the goods were made by a Chinese company."
)
_XINJIANG_HANDOVER_RU = (
    "Полиция Синьцзяна передала Казахстану подозреваемых в контрабанде\n"
    "Казинформ | 14 октября 2026\n"
    "13 октября Департамент общественной безопасности Синьцзяна передал МВД Казахстана на пункте пропуска Хоргос трех граждан Казахстана, подозреваемых в контрабанде наркотиков."
)
_PARTNER_SEIZURE_RU = (
    "Полиция Казахстана изъяла контрабанду из Синьцзяна\n"
    "Казинформ | 14 октября 2026\n"
    "13 октября полиция Казахстана на пункте пропуска Хоргос изъяла партию электроники, ввезенной контрабандой из Синьцзяна; товар произведен китайской компанией."
)


def test_provincial_police_handover_is_focal_engagement() -> None:
    for text in (_XINJIANG_HANDOVER_ZH, _XINJIANG_HANDOVER_EN, _XINJIANG_HANDOVER_RU):
        document = _code(text)
        assert document.relevant, text[:40]
        assert "KZ" in document.countries


def test_partner_seizure_of_goods_from_xinjiang_stays_a_domestic_case() -> None:
    for text in (_PARTNER_SEIZURE_ZH, _PARTNER_SEIZURE_EN, _PARTNER_SEIZURE_RU):
        assert not _code(text).relevant, text[:40]


# -- energy security is an economic concern --------------------------------------------------

_GAS_EN = (
    "President of Kazakhstan receives Chinese Vice Premier\n"
    "Akorda | Astana, 3 October 2026\n"
    "The President of Kazakhstan today received the Vice Premier of the State Council of China, who is in Astana on an official visit. The sides discussed new gas supplies through the pipeline and energy security in the region. Reliable supplies of gas contribute to the energy security of the continent, the President said."
)
_PIPELINE_GUARD_EN = (
    "President of Kazakhstan receives Chinese Vice Premier\n"
    "Akorda | Astana, 3 October 2026\n"
    "The President of Kazakhstan today received the Vice Premier of the State Council of China, who is in Astana on an official visit. The sides discussed energy security in the region and the protection of the gas pipeline against terrorist attacks. Joint counter-terrorism work will continue, the President said."
)
_GAS_RU = (
    "Президент Казахстана принял вице-премьера Госсовета КНР\n"
    "Акорда | Астана, 3 октября 2026\n"
    "Президент Казахстана сегодня принял вице-премьера Госсовета КНР, находящегося в Астане с официальным визитом. Стороны обсудили новые поставки газа по трубопроводу и энергетическую безопасность региона. Надежные поставки газа укрепляют энергетическую безопасность континента, отметил Президент."
)
_PIPELINE_GUARD_RU = (
    "Президент Казахстана принял вице-премьера Госсовета КНР\n"
    "Акорда | Астана, 3 октября 2026\n"
    "Президент Казахстана сегодня принял вице-премьера Госсовета КНР, находящегося в Астане с официальным визитом. Стороны обсудили энергетическую безопасность региона и защиту газопровода от террористических атак. Совместная борьба с терроризмом будет продолжена, отметил Президент."
)
_GAS_ZH = (
    "哈萨克斯坦总统会见中国国务院副总理\n"
    "新华社阿斯塔纳10月3日电\n"
    "哈萨克斯坦总统3日在阿斯塔纳会见正在进行正式访问的中国国务院副总理。双方讨论了通过管道增加天然气供应和地区能源安全问题。总统表示，稳定的天然气供应有助于整个大陆的能源安全。"
)
_PIPELINE_GUARD_ZH = (
    "哈萨克斯坦总统会见中国国务院副总理\n"
    "新华社阿斯塔纳10月3日电\n"
    "哈萨克斯坦总统3日在阿斯塔纳会见正在进行正式访问的中国国务院副总理。双方讨论了地区能源安全和保护天然气管道免遭恐怖袭击问题。总统表示，双方将继续开展反恐合作。"
)


def test_energy_security_alone_is_no_security() -> None:
    for text in (_GAS_EN, _GAS_RU, _GAS_ZH):
        document = _code(text)
        assert not document.relevant, text[:40]
        assert document.relevance_score < 0.1, text[:40]


def test_pipeline_protection_stays_security() -> None:
    for text in (_PIPELINE_GUARD_EN, _PIPELINE_GUARD_RU, _PIPELINE_GUARD_ZH):
        document = _code(text)
        assert document.relevant, text[:40]
        assert "KZ" in document.countries


# -- scholars' seminar ---------------------------------------------------------------------

_ACADEMIC_ZH = (
    '"中国—中亚安全治理"学术研讨会在京举行\n'
    "某研究中心 | 学术活动 | 2026-10-20\n"
    '10月20日，"中国—中亚安全治理"学术研讨会在北京举行。来自中国、哈萨克斯坦高校的20余名学者参加，围绕地区反恐和非传统安全等议题展开讨论。'
)
_AGENCIES_SEMINAR_ZH = (
    "中哈执法安全研讨会在京举行\n"
    "公安部 | 2026-10-20\n"
    "10月20日，中国公安部与哈萨克斯坦内务部在北京联合举办执法安全研讨会，双方就打击恐怖主义和跨境犯罪交换意见。"
)
_ACADEMIC_EN = (
    "Academic seminar on China-Central Asia security governance held in Beijing\n"
    "A research centre | Events | 20 October 2026\n"
    "On October 20, an academic seminar on China-Central Asia security governance was held in Beijing. Some 20 scholars from universities of China and Kazakhstan discussed counter-terrorism and non-traditional security."
)
_AGENCIES_SEMINAR_EN = (
    "China, Kazakhstan hold law-enforcement seminar in Beijing\n"
    "Ministry of Public Security | 20 October 2026\n"
    "On October 20, China's Ministry of Public Security and Kazakhstan's Ministry of Internal Affairs held a seminar on law-enforcement cooperation in Beijing and exchanged views on fighting terrorism and cross-border crime."
)
_ACADEMIC_RU = (
    "В Пекине прошел научный семинар о безопасности в Центральной Азии\n"
    "Исследовательский центр | События | 20 октября 2026\n"
    "20 октября в Пекине прошел научный семинар «Китай – Центральная Азия: управление безопасностью». Около 20 ученых из вузов Китая и Казахстана обсудили борьбу с терроризмом и нетрадиционные угрозы."
)
_AGENCIES_SEMINAR_RU = (
    "МОБ КНР и МВД Казахстана провели семинар по правоохранительному сотрудничеству\n"
    "МОБ КНР | 20 октября 2026\n"
    "20 октября Министерство общественной безопасности Китая и МВД Казахстана провели в Пекине семинар по правоохранительному сотрудничеству и обменялись мнениями о борьбе с терроризмом и трансграничной преступностью."
)


def test_academic_seminar_is_scholars_business() -> None:
    for text in (_ACADEMIC_ZH, _ACADEMIC_EN, _ACADEMIC_RU):
        assert not _code(text).relevant, text[:40]


def test_agencies_seminar_stays_relevant() -> None:
    for text in (_AGENCIES_SEMINAR_ZH, _AGENCIES_SEMINAR_EN, _AGENCIES_SEMINAR_RU):
        document = _code(text)
        assert document.relevant, text[:40]
        assert "KZ" in document.countries


# -- the sides agree on a pipeline's security under a trade lead --------------------------

_PIPELINE_AGREED_EN = (
    "China, Uzbekistan pledge closer trade links at business forum\n"
    "TASHKENT, Oct. 9, 2026 (Xinhua)\n"
    "The China-Uzbekistan business forum held here on Thursday focused on trade, transport corridors and green energy.\n"
    "On the sidelines, Chinese Commerce Minister met Uzbek Foreign Minister. The two sides agreed to strengthen cooperation in border security and to jointly safeguard the security of the oil and gas pipeline."
)
_INVESTMENT_AGREED_EN = (
    "China, Uzbekistan pledge closer trade links at business forum\n"
    "TASHKENT, Oct. 9, 2026 (Xinhua)\n"
    "The China-Uzbekistan business forum held here on Thursday focused on trade, transport corridors and green energy.\n"
    "On the sidelines, Chinese Commerce Minister met Uzbek Foreign Minister. The two sides agreed to jointly expand Chinese investment and energy security."
)
_PIPELINE_AGREED_RU = (
    "Китай и Узбекистан договорились расширить торговлю на бизнес-форуме\n"
    "ТАШКЕНТ, 9 октября 2026\n"
    "Китайско-узбекский бизнес-форум в четверг был посвящен торговле, транспортным коридорам и зеленой энергетике.\n"
    "На полях форума министр коммерции КНР встретился с министром иностранных дел Узбекистана. Стороны договорились укреплять сотрудничество в сфере безопасности границ и совместно обеспечивать безопасность газопровода."
)
_INVESTMENT_AGREED_RU = (
    "Китай и Узбекистан договорились расширить торговлю на бизнес-форуме\n"
    "ТАШКЕНТ, 9 октября 2026\n"
    "Китайско-узбекский бизнес-форум в четверг был посвящен торговле, транспортным коридорам и зеленой энергетике.\n"
    "На полях форума министр коммерции КНР встретился с министром иностранных дел Узбекистана. Стороны договорились совместно наращивать китайские инвестиции и энергетическую безопасность."
)
_PIPELINE_AGREED_ZH = (
    "中乌工商论坛在塔什干举行 双方承诺深化贸易合作\n"
    "新华社塔什干10月9日电\n"
    "中国—乌兹别克斯坦工商论坛9日在塔什干举行，聚焦贸易、运输走廊和绿色能源。\n"
    "论坛期间，中国商务部长会见乌兹别克斯坦外长。双方同意加强边境安全合作，共同维护油气管道安全。"
)
_INVESTMENT_AGREED_ZH = (
    "中乌工商论坛在塔什干举行 双方承诺深化贸易合作\n"
    "新华社塔什干10月9日电\n"
    "中国—乌兹别克斯坦工商论坛9日在塔什干举行，聚焦贸易、运输走廊和绿色能源。\n"
    "论坛期间，中国商务部长会见乌兹别克斯坦外长。双方同意共同扩大中资企业投资和能源安全。"
)


def test_sides_agreeing_on_pipeline_security_is_security_content() -> None:
    for text in (_PIPELINE_AGREED_EN, _PIPELINE_AGREED_RU, _PIPELINE_AGREED_ZH):
        document = _code(text)
        assert document.relevant, text[:40]
        assert "UZ" in document.countries


def test_sides_agreeing_on_investment_and_energy_security_is_not() -> None:
    for text in (_INVESTMENT_AGREED_EN, _INVESTMENT_AGREED_RU, _INVESTMENT_AGREED_ZH):
        assert not _code(text).relevant, text[:40]
