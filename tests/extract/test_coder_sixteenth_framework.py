"""Sixteenth-round framework and kind rules: a site's breadcrumb trail above the title is no
part of the item (its title and lead come after it); the lead's sides are read from all the
item's mentions, not only from the passages scored as security, so a lead reporting talks with
one partner state stays bilateral when a later passage names a regional format only as a subject
of the talks; a Russian count of trainees may put adjectives between the number and the noun;
a document adopted by a gathering, named by its kind, is a mechanism in English and Chinese as in
Russian; the equipment one sentence lists is one mention of its handover when the main kind is
chosen; a summons is a meeting; a framework's body in the source line publishes the page; a
format's gathering recalled as past is no framework of the event. Texts written for these tests, none copied from a gold text; each rule has a text it changes and
one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_phrases import document_mentions, summons_mentions
from steppewatch.extract.coder_rules import _TRAINEES
from steppewatch.extract.model import CodedItem
from steppewatch.extract.segment import content_start, segment_text

CODER = CodebookCoder()


def _code(text: str) -> CodedItem:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    return document.items[0] if document.items else document


# -- the breadcrumb trail ----------------------------------------------------------------------


def test_breadcrumb_trail_is_skipped_in_every_script() -> None:
    for trail, title in (
        ("人民网 > 国际 > 正文", "中吉两国边防部门举行会晤"),
        ("Portal | English | Home > World > Asia", "China and Kyrgyzstan hold border talks"),
        ("Главная › Новости › Политика", "Пограничники Кыргызстана и Китая провели встречу"),
    ):
        text = f"{trail}\n{title}\nBody.\n"
        (segment,) = segment_text(text)
        assert text[segment.start :].startswith(title)


def test_titles_and_datelines_are_not_trails() -> None:
    for text in (
        "China and Kyrgyzstan hold border talks | Agency\nBody.\n",  # one separator: a title
        "Talks > 3 rounds > agreement\nBody.\n",  # a digit: no section names
        "A > B\nBody.\n",  # one separator
        "Он сказал: > нет > да.\nBody.\n",  # a sentence's end
    ):
        assert content_start(text) == 0
        assert segment_text(text)[0].start == 0


# -- the lead's sides from the whole item ------------------------------------------------------

FILL_EN = " ".join(
    f"Trade in goods of group {n} rose steadily over the past decade, the commerce ministry "
    "said in its yearly review."
    for n in "ABCDEFGHIJKLMNOP"
)
TALKS_EN = (
    "Portal | English | Home > World > Asia\n"
    "Chinese president holds talks with visiting Kazakh leader\n"
    "Source: Agency | 2026-03-04 10:00\n"
    "BEIJING, March 4 -- Chinese President Xi Jinping held talks with President Kassym-Jomart "
    "Tokayev of Kazakhstan, who is on a state visit, at the Great Hall of the People on "
    "Wednesday.\n"
    "Xi said the two countries are good neighbours and friends and their trade grew by a fifth "
    "last year. " + FILL_EN + "\n"
    "Xi urged closer cooperation in law enforcement and security with Kazakhstan, a joint fight "
    "against terrorism, separatism and extremism, and better protection of each other's citizens "
    "and projects. Tokayev said Kazakhstan is ready to work with China against cross-border "
    "crime.\n"
    "The two presidents also exchanged views on the China-Central Asia mechanism and on the "
    "situation in Afghanistan.\n"
)
SUMMIT_EN = TALKS_EN.replace(
    "Chinese president holds talks with visiting Kazakh leader",
    "Second China-Central Asia summit opens in Beijing",
).replace(
    "Chinese President Xi Jinping held talks with President Kassym-Jomart Tokayev of "
    "Kazakhstan, who is on a state visit, at the Great Hall of the People on Wednesday.",
    "The second China-Central Asia summit opened on Wednesday, with Chinese President Xi "
    "Jinping and President Kassym-Jomart Tokayev of Kazakhstan among the leaders taking part.",
)

FILL_RU = " ".join(
    f"По данным годового обзора министерства торговли, товарооборот по группе товаров {n} за "
    "десять лет стабильно рос."
    for n in "АБВГДЕЖЗИКЛМНОПРС"
)
TALKS_RU = (
    "Новости › Политика › Мир\n"
    "Си Цзиньпин провел переговоры с президентом Казахстана\n"
    "Агентство | 04.03.2026\n"
    "ПЕКИН, 4 марта. Председатель КНР Си Цзиньпин провел переговоры с президентом Казахстана "
    "Касым-Жомартом Токаевым, находящимся в Китае с государственным визитом.\n"
    "Си Цзиньпин отметил, что две страны являются добрыми соседями, а их товарооборот за прошлый "
    "год вырос на пятую часть. " + FILL_RU + "\n"
    "Си Цзиньпин призвал углублять сотрудничество с Казахстаном в правоохранительной сфере и "
    "сфере безопасности, совместно бороться с терроризмом, сепаратизмом и экстремизмом и "
    "защищать граждан и проекты друг друга. Токаев заявил, что Казахстан готов вместе с Китаем "
    "противодействовать трансграничной преступности.\n"
    "Главы государств также обменялись мнениями о формате Центральная Азия – Китай и о ситуации "
    "в Афганистане.\n"
)

FILL_ZH = "".join(
    f"据商务部年度报告，第{n}类商品的双边贸易额在过去十年中稳步增长，农产品和机电产品的出口也有所增加，"
    "物流通道运行顺畅。"
    for n in "一二三四五六七八九十" * 5
)
TALKS_ZH = (
    "新华网 > 时政 > 正文\n"
    "习近平同来访的哈萨克斯坦总统举行会谈\n"
    "2026-03-04 10:00 来源：新华社\n"
    "新华社北京3月4日电 国家主席习近平4日在人民大会堂同来华进行国事访问的哈萨克斯坦总统托卡耶夫"
    "举行会谈。\n"
    "习近平指出，两国是好邻居、好朋友，去年双边贸易额增长五分之一。" + FILL_ZH + "\n"
    "习近平强调，中方愿同哈方深化执法安全合作，共同打击恐怖主义、分裂主义、极端主义，保护彼此公民和"
    "项目安全。托卡耶夫表示，哈方愿同中方携手打击跨国犯罪。\n"
    "两国元首还就中国—中亚机制和阿富汗局势交换了意见。\n"
)


def test_talks_with_one_partner_stay_bilateral_when_a_format_is_a_later_subject() -> None:
    for text in (TALKS_EN, TALKS_RU, TALKS_ZH):
        item = _code(text)
        assert item.kind == "meeting"
        assert item.framework == "bilateral"
        assert item.countries == ["CN", "KZ"]


def test_a_lead_reporting_the_format_s_own_gathering_keeps_it() -> None:
    item = _code(SUMMIT_EN)
    assert item.kind == "meeting"
    assert item.framework == "C5+China"


# -- trainees counted with adjectives ----------------------------------------------------------


def test_russian_trainees_with_adjectives_between_number_and_noun() -> None:
    assert _TRAINEES.search("вручены дипломы 30 туркменским сотрудникам полиции")
    assert _TRAINEES.search("подготовку прошли 120 молодых кыргызских офицеров")
    assert _TRAINEES.search("обучение прошли 45 сотрудников")
    # (a date or an amount is no count of trainees)
    assert not _TRAINEES.search("30 октября в Ашхабаде прошла встреча министров")
    assert not _TRAINEES.search("выделено 5 миллионов долларов на ремонт здания")


# -- a document adopted by a gathering, in English and Chinese ---------------------------------


def _documents(text: str) -> list[str]:
    normal = text.lower()
    return [h.term for h in document_mentions([], normal, 0, len(normal))]


def test_english_and_chinese_documents_adopted_are_second_events() -> None:
    assert _documents("The ministers adopted the Bishkek Declaration on border security.")
    assert _documents("The committee approved the revised Action Plan on new threats.")
    assert _documents("A programme of cooperation was approved by the council.")
    assert _documents("会议审议通过了《成员国禁毒合作行动计划》。")
    assert _documents("双方签署了边境管理合作议定书。")


def test_plans_talk_and_press_communiques_are_not_documents_adopted() -> None:
    assert not _documents("The two sides signed up to nothing and agreed to meet again.")
    assert not _documents("会议将通过《杜尚别宣言》。")  # (to be adopted: a plan)
    assert not _documents("各方通过加强合作计划推进边境管理。")  # (通过 as "by way of")
    assert not _documents("会谈后发表了新闻公报。")  # (a press communiqué records the talks)


def test_a_declaration_adopted_at_a_summit_is_its_second_event() -> None:
    text = (
        "Leaders of member states meet in Astana for the CICA summit\n"
        "ASTANA, Oct. 12 -- Leaders of the member states of the Conference on Interaction and "
        "Confidence-Building Measures in Asia met in Astana on Wednesday for the CICA summit, "
        "with Kazakhstan as chair and China represented by a vice president.\n"
        "The leaders adopted the Astana Declaration on fighting terrorism and drug trafficking.\n"
    )
    item = _code(text)
    assert item.kind == "meeting"
    assert item.framework == "CICA"
    assert "mechanism" in item.event_kinds
    plain = text.replace(
        "The leaders adopted the Astana Declaration on fighting terrorism and drug trafficking.",
        "The leaders spoke about fighting terrorism and drug trafficking.",
    )
    assert "mechanism" not in _code(plain).event_kinds


# -- the equipment a sentence lists is one mention of its handover -----------------------------

MEET_EN = (
    "Ambassador meets Kazakh interior minister and attends handover of police equipment\n"
    "On June 3, the Chinese ambassador to Kazakhstan met the Kazakh Minister of Internal Affairs "
    "in Astana. The two sides exchanged views on law enforcement and security cooperation.\n"
    "The ambassador said China is ready to work with Kazakhstan against terrorism, drug "
    "trafficking and cross-border crime. The minister thanked China for its support.\n"
    "After the meeting, both attended the handover ceremony of a batch of police equipment "
    "provided by China free of charge, including patrol vehicles, body armour, drones, radios "
    "and mobile forensic laboratories.\n"
)
MEET_ZH = (
    "驻吉尔吉斯斯坦大使会见吉内务部长并出席警用装备交接仪式\n"
    "6月3日，中国驻吉尔吉斯斯坦大使在比什凯克会见吉内务部长，双方就深化执法安全合作交换意见。\n"
    "大使表示，中方愿同吉方共同打击恐怖主义、毒品犯罪和跨国有组织犯罪。吉内务部长感谢中方长期以来的支持。\n"
    "会见后，双方共同出席中国政府无偿援助的一批警用物资交接仪式，包括巡逻车、防弹衣、无人机、对讲机和刑侦设备。\n"
)
MEET_RU = (
    "Посол Китая встретился с министром внутренних дел Таджикистана и принял участие в "
    "передаче техники\n"
    "ДУШАНБЕ, 3 июня. Посол КНР в Таджикистане провел встречу с министром внутренних дел "
    "Таджикистана. Стороны обсудили сотрудничество в правоохранительной сфере и сфере "
    "безопасности.\n"
    "Посол заявил, что Китай готов вместе с Таджикистаном бороться с терроризмом, наркотрафиком "
    "и трансграничной преступностью. Министр поблагодарил китайскую сторону за поддержку.\n"
    "После встречи состоялась церемония передачи безвозмездной помощи Китая: патрульных "
    "автомобилей, бронежилетов, беспилотников, радиостанций и криминалистического оборудования.\n"
)
GIVE_EN = (
    "China hands over patrol vehicles and drones to Kazakh police\n"
    "ASTANA, June 3 -- China handed over patrol vehicles, drones and radios to Kazakhstan's "
    "Ministry of Internal Affairs on Tuesday as free aid.\n"
    "The equipment will be used on the border. The minister thanked China for the donated "
    "equipment.\n"
)
GIVE_ZH = (
    "中国向吉尔吉斯斯坦内务部援助警用装备\n"
    "6月3日，中国政府无偿援助吉尔吉斯斯坦内务部的一批警用装备交接仪式在比什凯克举行。\n"
    "这批装备包括巡逻车和无人机。吉方感谢中方援助。\n"
)
GIVE_RU = (
    "Китай передал МВД Таджикистана патрульные автомобили\n"
    "ДУШАНБЕ, 3 июня. Китай безвозмездно передал Министерству внутренних дел Таджикистана "
    "партию патрульных автомобилей и беспилотников.\n"
    "Техника будет использоваться на границе. Министр поблагодарил Китай за безвозмездную "
    "помощь.\n"
)


def test_talks_with_a_handover_listed_after_them_stay_a_meeting() -> None:
    for text in (MEET_EN, MEET_ZH, MEET_RU):
        item = _code(text)
        assert item.kind == "meeting"
        assert item.event_kinds == ["meeting", "equipment_transfer"]


def test_a_handover_reported_in_the_lead_stays_the_main_event() -> None:
    for text in (GIVE_EN, GIVE_ZH, GIVE_RU):
        assert _code(text).kind == "equipment_transfer"


# -- a summons is a meeting of the two sides ---------------------------------------------------


def _summonses(text: str) -> list[str]:
    normal = text.lower()
    return [h.term for h in summons_mentions([], normal, 0, len(normal))]


def test_summoning_an_envoy_or_a_minister_is_a_meeting_mention() -> None:
    assert _summonses("事发后，中国驻哈萨克斯坦大使约见哈内务部副部长，要求尽快破案。")
    assert _summonses("The ministry summoned the Kyrgyz ambassador over the attack.")
    assert _summonses("МИД Китая вызвал посла Таджикистана в связи с нападением.")


def test_calls_and_invitations_of_others_are_not_summonses() -> None:
    assert not _summonses("The minister called in sick and summoned up his courage.")
    assert not _summonses("Министерство пригласило журналистов на брифинг.")
    assert not _summonses("使馆提醒中国公民注意安全。")


ATTACK_ZH = (
    "驻哈萨克斯坦使馆就中国公民遇袭事件约见哈方官员\n"
    "6月2日晚，阿拉木图一家中资企业的两名中国员工遭歹徒袭击受伤。\n"
    "6月3日，中国驻哈萨克斯坦大使约见哈萨克斯坦内务部副部长，要求哈方尽快侦破案件，严惩凶手，"
    "切实保障在哈中国公民安全。哈方表示已成立专案组。\n"
)


def test_an_incident_followed_by_a_summons_has_a_meeting_second() -> None:
    item = _code(ATTACK_ZH)
    assert item.kind == "incident"
    assert item.event_kinds == ["incident", "meeting"]
    alone = ATTACK_ZH.replace("约见哈方官员", "发布安全提醒").replace(
        "中国驻哈萨克斯坦大使约见哈萨克斯坦内务部副部长，要求哈方", "中国驻哈萨克斯坦使馆要求哈方"
    )
    assert _code(alone).event_kinds == ["incident"]


# -- a framework's body in the source line under the title is the publisher --------------------


def _talks(source: str) -> str:
    return (
        "Министры внутренних дел Казахстана и Китая провели переговоры\n"
        f"{source}\n"
        "АСТАНА, 12 мая. Министр общественной безопасности КНР провел переговоры с министром "
        "внутренних дел Казахстана. Стороны договорились усилить сотрудничество в борьбе с "
        "терроризмом и наркотрафиком.\n"
    )


def test_a_framework_body_publishing_the_page_is_no_framework_of_its_event() -> None:
    for source in ("Источник: Секретариат ШОС | 12.05.2026", "Источник: Казинформ | 12.05.2026"):
        item = _code(_talks(source))
        assert item.framework == "bilateral"
        assert item.countries == ["CN", "KZ"]
    # (named in the lead's own sentence, the framework is the event's)
    within = _talks("Источник: Казинформ | 12.05.2026").replace(
        "АСТАНА, 12 мая. Министр", "АСТАНА, 12 мая. На заседании Совета министров ШОС министр"
    )
    assert _code(within).framework == "SCO"


# -- a format's gathering recalled as past is another event ------------------------------------
TOUR_ZH = (
    "王毅访问哈萨克斯坦和乌兹别克斯坦\n"
    "5月10日至12日，外交部长王毅对哈萨克斯坦和乌兹别克斯坦进行访问。\n"
    "5月10日，哈萨克斯坦总统在阿斯塔纳会见王毅，双方同意加强安全合作，共同打击恐怖主义和跨国犯罪。\n"
    "5月12日，王毅在塔什干同乌兹别克斯坦外长举行会谈，双方讨论了执法安全合作。\n"
    "今年3月，王毅曾在西安出席中国—中亚外长会晤。\n"
)
TOUR_ZH_NOW = TOUR_ZH.replace(
    "今年3月，王毅曾在西安出席中国—中亚外长会晤。",
    "访问期间，王毅还出席了在塔什干举行的中国—中亚外长会晤。",
)
TOUR_EN = (
    "Wang Yi visits Kazakhstan and Uzbekistan\n"
    "From May 10 to 12, Foreign Minister Wang Yi visited Kazakhstan and Uzbekistan.\n"
    "On May 10, the President of Kazakhstan met Wang Yi in Astana, and the two sides agreed to strengthen security cooperation and fight terrorism and cross-border crime together.\n"
    "On May 12, Wang Yi held talks in Tashkent with the Foreign Minister of Uzbekistan on law enforcement and security cooperation.\n"
    "In March, Wang Yi had attended the China-Central Asia foreign ministers' meeting in Xi'an.\n"
)
TOUR_EN_NOW = TOUR_EN.replace(
    "In March, Wang Yi had attended the China-Central Asia foreign ministers' meeting in Xi'an.",
    "During the visit, Wang Yi also attended the China-Central Asia foreign ministers' meeting in Tashkent.",
)
TOUR_RU = (
    "Ван И посетил Казахстан и Узбекистан\n"
    "С 10 по 12 мая министр иностранных дел КНР Ван И посетил Казахстан и Узбекистан.\n"
    "10 мая президент Казахстана принял Ван И в Астане, стороны договорились укреплять сотрудничество в сфере безопасности и совместно бороться с терроризмом.\n"
    "12 мая Ван И провел переговоры в Ташкенте с министром иностранных дел Узбекистана о сотрудничестве в правоохранительной сфере.\n"
    "В марте Ван И ранее принимал участие во встрече министров иностранных дел Центральная Азия – Китай в Сиане.\n"
)
TOUR_RU_NOW = TOUR_RU.replace(
    "В марте Ван И ранее принимал участие во встрече министров иностранных дел Центральная Азия – Китай в Сиане.",
    "В ходе визита Ван И также принял участие во встрече министров иностранных дел Центральная Азия – Китай в Ташкенте.",
)


def test_a_format_s_gathering_recalled_as_past_is_no_framework_of_the_visit() -> None:
    for text in (TOUR_ZH, TOUR_EN, TOUR_RU):
        item = _code(text)
        assert item.framework != "C5+China"
        assert item.countries == ["CN", "KZ", "UZ"]  # (no members implied by the format)


def test_a_format_s_gathering_attended_during_the_visit_is_its_framework() -> None:
    for text in (TOUR_ZH_NOW, TOUR_EN_NOW, TOUR_RU_NOW):
        assert _code(text).framework == "C5+China"
