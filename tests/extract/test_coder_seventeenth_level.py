"""Seventeenth-round level rules (the level is the office of the focal state's principal, guide
item 5): an office named in a sentence of background (an organisation's founding president, the
presidents' earlier meetings recalled) is not the meeting's, nor part of its name; a focal
principal's title with no state beside it in a sentence of the lead reporting the meeting sets
the level, whatever office of the focal state a later sentence recalls, unless it names the
meeting (совещание секретарей советов безопасности, whoever the focal state sent); when the lead
names only the other side's office (the host's president opening a conference) or none, an office
of the focal state's or of no named state set the level before a partner state's; an assistant
minister is of the vice-minister level. Texts written for these tests, none copied from a gold
text; each rule has a text it changes and one it leaves alone."""

from __future__ import annotations

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_rules import _delegates, _office_level, _on_behalf
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedItem

CODER = CodebookCoder()


def _code(text: str) -> CodedItem:
    document = CODER.code(extract_document(text.encode("utf-8"), source="contrast.txt"))
    return document.items[0] if document.items else document


# -- a regional party secretary in the lead; the presidents recalled later ----------------------

PARTY_SECRETARY = (
    "王某会见吉尔吉斯斯坦奥什州州长一行\n"
    "本报乌鲁木齐5月10日讯 5月9日，自治区党委书记王某在乌鲁木齐会见吉尔吉斯斯坦奥什州州长一行，"
    "双方就加强边境地区安全合作交换意见。\n"
    "王某说，在习近平主席和扎帕罗夫总统的战略引领下，两国关系不断发展。"
    "双方要加强边境执法安全合作，共同打击“三股势力”和跨境贩毒活动。\n"
)
PRESIDENTS = (
    "习近平会见吉尔吉斯斯坦总统扎帕罗夫\n"
    "新华社北京5月9日电 国家主席习近平9日在人民大会堂会见吉尔吉斯斯坦总统扎帕罗夫，"
    "双方就加强边境安全合作交换意见。\n"
    "习近平说，双方要加强执法安全合作，共同打击“三股势力”和跨境贩毒活动。\n"
)


def test_focal_title_in_the_lead_beats_presidents_recalled_later() -> None:
    item = _code(PARTY_SECRETARY)
    assert item.kind == "meeting"
    assert item.level == "party"


def test_presidents_meeting_in_the_lead_stays_head_of_state() -> None:
    item = _code(PRESIDENTS)
    assert item.kind == "meeting"
    assert item.level == "head_of_state"


# -- the NPC chairman in the lead; the presidents' meetings recalled as background ---------------

SPEAKERS = (
    "张某同塔吉克斯坦议会上院主席会谈\n"
    "本报北京3月2日电 全国人大常委会委员长张某3月2日在人民大会堂同塔吉克斯坦议会上院主席举行会谈。\n"
    "张某说，去年以来，习近平主席同拉赫蒙总统多次会晤，为两国关系发展指明了方向。"
    "双方立法机构要加强在打击恐怖主义和跨国有组织犯罪方面的交流。\n"
)


def test_speaker_in_the_lead_sets_parliament_level() -> None:
    item = _code(SPEAKERS)
    assert item.kind == "meeting"
    assert item.level == "parliament"


# -- a conference opened by the host's president; the focal state's delegation head ------------

CONFERENCE = (
    "第五届反恐高级别会议在杜尚别举行\n"
    "新华社杜尚别5月4日电 第五届反恐高级别国际会议4日在杜尚别开幕，来自40多个国家的代表出席。"
    "塔吉克斯坦总统拉赫蒙出席开幕式并致辞。\n"
    "本届会议重点讨论恐怖主义融资和阿富汗局势。\n"
    "中国代表团团长、公安部副部长李某在会上发言表示，中方愿同中亚国家深化反恐合作，"
    "共同打击“三股势力”。\n"
)
CONFERENCE_NO_OFFICIAL = (
    "第五届反恐高级别会议在杜尚别举行\n"
    "新华社杜尚别5月4日电 第五届反恐高级别国际会议4日在杜尚别开幕，来自40多个国家的代表出席。"
    "塔吉克斯坦总统拉赫蒙出席开幕式并致辞。\n"
    "本届会议重点讨论恐怖主义融资和阿富汗局势。\n"
    "中方代表在会上发言表示，中方愿同中亚国家深化反恐合作，共同打击“三股势力”。\n"
)


def test_focal_delegation_head_beats_the_hosts_president() -> None:
    item = _code(CONFERENCE)
    assert item.kind == "meeting"
    assert item.level == "vice_minister_working"


def test_hosts_president_sets_the_level_when_no_focal_official_is_named() -> None:
    item = _code(CONFERENCE_NO_OFFICIAL)
    assert item.kind == "meeting"
    assert item.level == "head_of_state"


# -- senior officials of a regional format; a founding president in background ----------------

SENIOR_OFFICIALS = (
    "CICA senior officials meet in Almaty\n"
    "ALMATY, May 3. A meeting of the CICA Senior Officials Committee was held in Almaty on May 2, "
    "the secretariat said.\n"
    "China was represented by Assistant Foreign Minister Li Ming. The participants discussed "
    "countering terrorism and drug trafficking in the region.\n"
    "The delegates welcomed the proposal of Kazakhstan's President Kassym-Jomart Tokayev on a "
    "new security dialogue.\n"
    "CICA was founded on the initiative of Kazakhstan's first president in 1992.\n"
)
SUMMIT = (
    "CICA leaders meet in Almaty\n"
    "ALMATY, May 3. The CICA summit was held in Almaty on May 2. Chinese President Xi Jinping "
    "and Kazakhstan's President Kassym-Jomart Tokayev attended.\n"
    "The leaders discussed countering terrorism and drug trafficking in the region.\n"
)


def test_assistant_minister_named_later_beats_a_partners_president() -> None:
    item = _code(SENIOR_OFFICIALS)
    assert item.kind == "meeting"
    assert item.level == "vice_minister_working"


def test_summit_with_the_focal_president_stays_head_of_state() -> None:
    item = _code(SUMMIT)
    assert item.kind == "meeting"
    assert item.level == "head_of_state"


# -- a meeting named by its offices; the focal state sent another office ------------------------

SECRETARIES = (
    "Секретари советов безопасности стран ШОС встретились в Бишкеке\n"
    "БИШКЕК, 12 мая. В столице Киргизии во вторник при закрытых дверях и без участия прессы "
    "прошло очередное, двадцать второе по счёту совещание секретарей советов безопасности государств - членов ШОС, "
    "сообщили в аппарате Совета безопасности республики.\n"
    "Китайскую делегацию возглавил министр общественной безопасности КНР. Участники обсудили "
    "борьбу с терроризмом и незаконным оборотом наркотиков.\n"
)
SECRETARIES_ONLY = (
    "Секретари советов безопасности стран ШОС встретились в Бишкеке\n"
    "БИШКЕК, 12 мая. Очередное совещание секретарей советов безопасности государств - членов ШОС "
    "прошло в Бишкеке.\n"
    "Участники обсудили борьбу с терроризмом и незаконным оборотом наркотиков.\n"
)


def test_focal_principal_beats_the_meetings_name() -> None:
    item = _code(SECRETARIES)
    assert item.kind == "meeting"
    assert item.level == "interior_public_security"


def test_meetings_name_sets_the_level_when_no_focal_principal_is_named() -> None:
    item = _code(SECRETARIES_ONLY)
    assert item.kind == "meeting"
    assert item.level == "security_council"


# -- a delegation's head is the office's holder, its members are not ---------------------------


def test_delegation_headed_by_a_minister_is_the_ministers_level() -> None:
    for text, delegates in (
        ("Китайскую делегацию возглавил министр общественной безопасности", False),
        ("делегацию во главе с министром общественной безопасности", False),
        ("Он принял представителей министерства общественной безопасности", True),
        ("делегация министерства общественной безопасности", True),
    ):
        at = text.index("минист")
        hit = Hit(at, at + 7, ("meeting_level", "interior_public_security"), "министр")
        assert _delegates(text, hit) is delegates, text


# -- a field's ministers with no level of their own: other ------------------------------------

FIELD_MINISTERS = (
    (
        "中国—中亚司法部长会议在阿拉木图举行\n"
        "新华社阿拉木图6月3日电 首届中国—中亚司法部长会议3日在阿拉木图举行，中国和哈萨克斯坦、"
        "吉尔吉斯斯坦、塔吉克斯坦、土库曼斯坦、乌兹别克斯坦司法部长出席。"
        "各方同意加强司法协助和引渡合作，共同打击恐怖主义和跨国有组织犯罪。\n"
    ),
    (
        "China, Central Asian states hold health ministers' talks\n"
        "XI'AN, June 3. Health ministers of China and the five Central Asian countries met in "
        "Xi'an on Wednesday and agreed to cooperate against drug trafficking and bioterrorism.\n"
    ),
    (
        "В Бишкеке прошло совещание министров по чрезвычайным ситуациям Центральной Азии и Китая\n"
        "Бишкек, 3 июня. В Бишкеке состоялось совещание министров по чрезвычайным ситуациям "
        "стран Центральной Азии и Китая; стороны обсудили охрану границы и борьбу с терроризмом.\n"
    ),
)
LISTED_MINISTERS = (
    (
        "中国—中亚外交部长会议在阿拉木图举行\n"
        "新华社阿拉木图6月3日电 中国—中亚外交部长会议3日在阿拉木图举行，"
        "各方同意加强安全合作，共同打击“三股势力”和贩毒活动。\n"
    ),
    (
        "Президент Таджикистана принял Министра национальной обороны КНР\n"
        "Душанбе, 3 июня. Президент Таджикистана принял Министра национальной обороны КНР; "
        "стороны обсудили охрану границы и борьбу с терроризмом.\n"
    ),
    (
        "Central Asian states and China hold foreign ministers' talks on security\n"
        "ASTANA, June 3. The China-Central Asia Foreign Ministers' Meeting was held in Astana on "
        "Wednesday; the six states agreed to fight terrorism and drug trafficking together.\n"
    ),
)


def test_a_fields_ministers_are_other_level() -> None:
    for text in FIELD_MINISTERS:
        item = _code(text)
        assert item.kind == "meeting", text
        assert item.level == "other", text


def test_listed_ministers_keep_their_level() -> None:
    foreign, defence, named = (_code(text) for text in LISTED_MINISTERS)
    assert foreign.level == "foreign_minister"
    assert defence.level == "defence_minister"  # (a title the codebook's words miss)
    assert named.level == "foreign_minister"  # (the office's words before the minister's)


# -- the partner's office beside the focal delegation head's in the reporting sentence ---------

HOST_AND_DELEGATION = (
    "Kyrgyzstan, China discuss police cooperation\n"
    "BISHKEK, June 3. Kyrgyzstan's Minister of Internal Affairs met a Chinese delegation led by "
    "Vice Minister of Public Security Li Ming in Bishkek on Tuesday to discuss countering "
    "terrorism and drug trafficking.\n"
)
HOST_ONLY = (
    "Kyrgyzstan, China discuss police cooperation\n"
    "BISHKEK, June 3. Kyrgyzstan's Minister of Internal Affairs met a Chinese police delegation "
    "in Bishkek on Tuesday to discuss countering terrorism and drug trafficking.\n"
)


def test_focal_delegation_head_beats_the_hosts_minister() -> None:
    item = _code(HOST_AND_DELEGATION)
    assert item.kind == "meeting"
    assert item.level == "vice_minister_working"


def test_hosts_minister_sets_the_level_when_the_focal_side_names_no_office() -> None:
    item = _code(HOST_ONLY)
    assert item.kind == "meeting"
    assert item.level == "interior_public_security"


def test_a_ministers_assistant_is_vice_minister_level_a_presidents_aide_no_level() -> None:
    for text, word, code, level in (
        (
            "китайскую — помощник министра иностранных дел КНР",
            "министра",
            "foreign_minister",
            "vice_minister_working",
        ),
        ("外交部长助理李明", "外交部长", "foreign_minister", "vice_minister_working"),
        ("помощник президента Казахстана", "президента", "head_of_state", None),
        ("министр иностранных дел КНР", "министр", "foreign_minister", "foreign_minister"),
    ):
        at = text.index(word)
        hit = Hit(at, at + len(word), ("meeting_level", code), word)
        assert _office_level(code, hit, text) == level, text


# -- a commission's session with no office named: its members' working level ------------------

COMMISSION_SESSIONS = (
    "В Бишкеке прошло заседание кыргызско-китайской подкомиссии по сотрудничеству в сфере "
    "безопасности.\nСтороны обсудили борьбу с терроризмом и незаконным оборотом наркотиков.\n",
    "2024年5月6日，中哈执法安全合作分委会第五次会议在阿斯塔纳举行。"
    "双方就打击跨国有组织犯罪和反恐合作交换意见。\n",
    "The sixth meeting of the China-Tajikistan joint commission on law enforcement cooperation "
    "was held in Dushanbe on May 6.\nThe sides discussed counter-terrorism and the fight "
    "against drug trafficking.\n",
)
NO_BODY_SESSIONS = (
    "В Бишкеке прошла встреча представителей Кыргызстана и Китая.\nСтороны обсудили борьбу с "
    "терроризмом и незаконным оборотом наркотиков.\n",
    "В Бишкеке прошло заседание кыргызско-китайской подкомиссии по безопасности под "
    "председательством министра внутренних дел Кыргызстана.\nСтороны обсудили борьбу с "
    "терроризмом и незаконным оборотом наркотиков.\n",
)


def test_a_commissions_session_is_working_level() -> None:
    for text in COMMISSION_SESSIONS:
        item = _code(text)
        assert item.kind == "meeting", text
        assert item.level == "vice_minister_working", text


def test_no_commission_no_level_and_a_named_minister_sets_it() -> None:
    plain, chaired = (_code(text) for text in NO_BODY_SESSIONS)
    assert plain.kind == "meeting"
    assert plain.level is None
    assert chaired.kind == "meeting"
    assert chaired.level == "interior_public_security"


# -- a ministry named in Chinese with no state is the focal state's ------------------------------

MINISTERIAL_DEPUTY = (
    "亚信外长会议在阿斯塔纳举行\n"
    "2026年6月3日，亚信第八次外长会议在哈萨克斯坦阿斯塔纳举行。外交部副部长李明率团出席并发言。\n"
    "李明表示，中方愿同各方深化反恐、禁毒和打击跨国犯罪合作。\n"
)
MINISTERIAL_MINISTER = (
    "亚信外长会议在阿斯塔纳举行\n"
    "2026年6月3日，亚信第八次外长会议在哈萨克斯坦阿斯塔纳举行。外交部长王毅出席并发言。\n"
    "王毅表示，中方愿同各方深化反恐、禁毒和打击跨国犯罪合作。\n"
)


def test_a_bare_ministrys_deputy_at_a_ministerial_is_vice_minister_level() -> None:
    item = _code(MINISTERIAL_DEPUTY)
    assert item.kind == "meeting"
    assert item.level == "vice_minister_working"


def test_the_minister_at_a_ministerial_is_foreign_minister_level() -> None:
    item = _code(MINISTERIAL_MINISTER)
    assert item.kind == "meeting"
    assert item.level == "foreign_minister"


# -- the head of the focal state's delegation holds the focal state's office ---------------------

RATS_COUNCIL = (
    "SCO anti-terror council meets in Bishkek\n"
    "BISHKEK, May 6. The council of the SCO Regional Anti-Terrorist Structure held its regular "
    "meeting in Bishkek on Tuesday.\n"
    "Heads of the member states' security agencies took part, {delegation}and reviewed joint "
    "counter-terrorism work for the year.\n"
)


def test_the_focal_delegations_head_sets_the_level() -> None:
    for delegation in (
        "including a Chinese delegation led by a vice minister of public security, ",
        "including a Chinese delegation headed by the Vice Minister of Public Security, ",
    ):
        item = _code(RATS_COUNCIL.format(delegation=delegation))
        assert item.kind == "meeting", delegation
        assert item.level == "vice_minister_working", delegation


def test_the_councils_own_level_without_a_focal_delegation_head() -> None:
    item = _code(RATS_COUNCIL.format(delegation=""))
    assert item.kind == "meeting"
    assert item.level == "state_security_intelligence"


def test_russian_focal_delegations_head_sets_the_level() -> None:
    text = (
        "Совет РАТС ШОС провел заседание в Бишкеке\n"
        "БИШКЕК, 6 мая. Совет Региональной антитеррористической структуры ШОС провел очередное "
        "заседание в Бишкеке.\n"
        "Китайскую делегацию возглавил заместитель министра общественной безопасности. Участники "
        "обсудили противодействие терроризму.\n"
    )
    item = _code(text)
    assert item.kind == "meeting"
    assert item.level == "vice_minister_working"


# -- the lead's meeting named by its offices; bodies' representatives at it ----------------------

DEFENCE_MINISTERS = (
    "Home | World | Asia\nWorld > Asia\nDefence chief urges SCO solidarity\n"
    "By Li Ming | Updated: 2026-06-26\n"
    "Defence Minister Dong Jun called on SCO member states to deepen military cooperation against "
    "terrorism while attending the SCO defence ministers' meeting in Bishkek on Thursday.\n"
    "The annual meeting, hosted by Kyrgyzstan, brought together defence chiefs of the member "
    "states and representatives of the SCO Secretariat and the Regional Anti-Terrorist "
    "Structure.\n"
)


def test_the_leads_ministers_meeting_beats_bodies_representatives() -> None:
    item = _code(DEFENCE_MINISTERS)
    assert item.kind == "meeting"
    assert item.level == "defence_minister"


def test_representatives_of_listed_bodies_are_delegates() -> None:
    for text, delegates in (
        ("representatives of the SCO Secretariat and the Regional Anti-Terrorist Structure", True),
        ("officials from the ministry and the Regional Anti-Terrorist Structure", True),
        ("chaired by the head of the Regional Anti-Terrorist Structure", False),
    ):
        at = text.index("Regional")
        hit = Hit(at, len(text), ("meeting_level", "state_security_intelligence"), text[at:])
        assert _delegates(text, hit) is delegates, text


# -- the office in whose name someone acts takes no part --------------------------------------

ON_BEHALF = (
    (
        "塔吉克斯坦总统就职典礼在杜尚别举行\n"
        "新华社杜尚别5月6日电 受习近平主席委托，全国政协副主席李某6日在杜尚别出席塔吉克斯坦"
        "总统就职典礼，并会见塔吉克斯坦总统，双方就加强安全合作、共同打击“三股势力”交换意见。\n",
        "parliament",
    ),
    (
        "Chinese envoy meets Kyrgyz security chief\n"
        "BISHKEK, May 6. On behalf of President Xi Jinping, Chinese special envoy Li Ming met the "
        "Secretary of the Security Council of Kyrgyzstan on Tuesday; the sides discussed "
        "counter-terrorism cooperation.\n",
        "vice_minister_working",
    ),
)


def test_the_office_someone_acts_for_sets_no_level() -> None:
    for text, level in ON_BEHALF:
        item = _code(text)
        assert item.kind == "meeting", text
        assert item.level == level, text


def test_on_behalf_in_every_script() -> None:
    for text, word, behalf in (
        ("受习近平主席委托，李某出席", "习近平主席", True),
        ("李某转达了习近平主席的亲切问候", "习近平主席", True),
        ("习近平主席会见了李某", "习近平主席", False),
        ("по поручению Председателя КНР посол провел встречу", "Председателя", True),
        ("посол передал привет от Председателя КНР", "Председателя", True),
        ("Председатель КНР провел встречу", "Председатель", False),
        ("greetings from the President of China", "President", True),
        ("the President of China met", "President", False),
    ):
        at = text.index(word)
        hit = Hit(at, at + len(word), ("meeting_level", "head_of_state"), word)
        assert _on_behalf(hit, text) is behalf, text


# -- a president receiving a minister in the lead; a state visit recalled later ----------------

RECEIVES = (
    "Japarov Receives Chinese Foreign Minister Wang Yi\n"
    "BISHKEK, June 3, 2026 – President Sadyr Japarov received Wang Yi, Member of the Political "
    "Bureau of the CPC Central Committee and Minister of Foreign Affairs of China, at the "
    "Ala-Archa residence on Tuesday, the presidential press office reported.\n"
    "The sides discussed preparations for coming high-level contacts and how to carry out the "
    "agreements reached during President Xi Jinping's state visit to Kyrgyzstan. Japarov said "
    "the two countries share an interest in regional stability and in countering terrorism, "
    "separatism and extremism.\n",
)
PRESIDENTS_TALKS = (
    "Japarov and Xi Jinping hold talks in Beijing\n"
    "BEIJING, June 3, 2026 – President Sadyr Japarov held talks with President Xi Jinping in "
    "Beijing on Tuesday during his state visit to China.\n"
    "The sides agreed to step up cooperation in countering terrorism, separatism and "
    "extremism.\n"
)


def test_a_minister_received_in_the_lead_sets_the_level() -> None:
    for text in RECEIVES:
        item = _code(text)
        assert item.kind == "meeting", text
        assert item.level == "foreign_minister", text


def test_presidents_talks_in_the_lead_stay_head_of_state() -> None:
    item = _code(PRESIDENTS_TALKS)
    assert item.kind == "meeting"
    assert item.level == "head_of_state"
