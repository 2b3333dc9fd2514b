"""Twentieth round (coder66), the main kind on fresh pages: an agreement on free military aid
ratified or signed, its amount told in the paragraph after the lead, is the aid (an
equipment_transfer), not a mechanism; the same agreement named again in the title is then the
aid too, unless a second subject follows it (a package of agreements); an international contest
of forces' skills (snipers, special forces) is an exercise of several states, not the focal
state's own capacity. Every text is written for these tests (no gold text); each rule has its
contrast."""

from __future__ import annotations

import pytest

from .conftest import event_kinds_of as _kinds
from .conftest import main_kind as _kind

# --- an aid agreement ratified, its amount in the next paragraph ---------------------------------

AID_RU = (
    "Парламент Таджикистана одобрил соглашение с Китаем о безвозмездной военной помощи\n"
    "Душанбе, 3 апреля 2026 года\n"
    "\n"
    "Депутаты Маджлиси намояндагон на заседании в среду ратифицировали Соглашение между "
    "Правительством Республики Таджикистан и Правительством Китайской Народной Республики о "
    "безвозмездной военной помощи.\n"
    "\n"
    "Согласно документу, китайская сторона безвозмездно передаст Министерству обороны "
    "Таджикистана инженерную технику и средства связи на сумму 90 млн юаней.\n"
)
AID_EN = (
    "Kazakh senators back Chinese military aid deal\n"
    "Steppe Wire | 9 May 2026\n"
    "\n"
    "The Kazakh Senate on Thursday ratified the agreement between the governments of Kazakhstan "
    "and China on the provision of free military aid to the Kazakh armed forces.\n"
    "\n"
    "Under the agreement, China will provide field radios, trucks and winter uniforms worth 120 "
    "million yuan to the Defence Ministry this year.\n"
)
AID_ZH = (
    "吉尔吉斯斯坦议会批准中吉无偿军事援助协定\n"
    "2026年6月2日\n"
    "\n"
    "吉尔吉斯斯坦议会6月1日批准了吉尔吉斯斯坦政府和中国政府关于中方向吉方提供无偿军事援助的协定。\n"
    "\n"
    "根据协定，中方将向吉尔吉斯斯坦国防部无偿提供价值8000万元人民币的工程车辆和通信器材。\n"
)
# the same ratification with no amount anywhere: a document ratified, the mechanism
AID_NO_AMOUNT_EN = (
    "Kazakh senators back Chinese military aid deal\n"
    "Steppe Wire | 9 May 2026\n"
    "\n"
    "The Kazakh Senate on Thursday ratified the agreement between the governments of Kazakhstan "
    "and China on the provision of free military aid to the Kazakh armed forces.\n"
    "\n"
    "Senators said the agreement would strengthen the two countries' defence cooperation.\n"
)
# a package: the title names the aid and a second subject, the lead ratifies several documents
PACKAGE_RU = (
    "Парламент Таджикистана одобрил соглашения с Китаем о военной помощи и борьбе с терроризмом\n"
    "Душанбе, 3 апреля 2026 года\n"
    "\n"
    "Депутаты Маджлиси намояндагон на заседании в среду ратифицировали сразу три соглашения с "
    "Китаем в сфере безопасности.\n"
    "\n"
    "Первым одобрено соглашение о безвозмездной военной помощи, по которому китайская сторона "
    "передаст Министерству обороны технику на сумму 90 млн юаней.\n"
    "\n"
    "Вторым ратифицировано соглашение о сотрудничестве в борьбе с терроризмом и экстремизмом.\n"
)


@pytest.mark.parametrize("text", [AID_RU, AID_EN, AID_ZH], ids=["ru", "en", "zh"])
def test_aid_agreement_with_its_amount_after_the_lead_is_the_aid(text: str) -> None:
    assert _kind(text) == "equipment_transfer"
    assert "mechanism" not in _kinds(text)


def test_aid_agreement_with_no_amount_is_a_document_ratified() -> None:
    assert _kind(AID_NO_AMOUNT_EN) == "mechanism"


def test_package_of_agreements_stays_a_mechanism() -> None:
    assert _kind(PACKAGE_RU) == "mechanism"


# --- an international contest of forces ----------------------------------------------------------

CONTEST_RU = (
    "В Узбекистане завершился международный конкурс снайперов\n"
    "Ташкент, 14 сентября 2026\n"
    "\n"
    "На полигоне под Ташкентом завершился международный конкурс снайперских пар «Меткий "
    "стрелок – 2026». В нем участвовали военнослужащие Узбекистана, Китая, Казахстана и "
    "Беларуси.\n"
)
CONTEST_EN = (
    "International special forces contest ends in Kyrgyzstan\n"
    "Issyk Herald | 14 September 2026\n"
    "\n"
    'The international special forces contest "Mountain Eagle-2026" ended near Bishkek on '
    "Sunday. Teams from Kyrgyzstan, China, Kazakhstan and Mongolia competed in shooting and "
    "mountain marches.\n"
)
CONTEST_ZH = (
    "我军特战队员参加哈萨克斯坦国际特种兵比赛\n"
    "2026年9月14日\n"
    "\n"
    "9月13日，在哈萨克斯坦阿拉木图州举行的2026国际特种兵比赛落下帷幕。中国代表队由西部战区陆军某旅官兵组成，"
    "来自哈萨克斯坦、中国、吉尔吉斯斯坦等5个国家的10支队伍参加比赛。\n"
)
# the near miss: an international contest of songs or essays names no forces
SONG_EN = (
    "International song contest held in Almaty\n"
    "Steppe Wire | 14 September 2026\n"
    "\n"
    "An international song contest ended in Almaty on Sunday with singers from Kazakhstan, "
    "China and Kyrgyzstan. Organisers said the event would strengthen friendship.\n"
    "\n"
    "Separately, Kazakh and Chinese police discussed border security.\n"
)
SONG_RU = (
    "В Алматы прошел международный конкурс песни\n"
    "Алматы, 14 сентября 2026\n"
    "\n"
    "В Алматы завершился международный конкурс песни, в нем участвовали исполнители из "
    "Казахстана, Китая и Кыргызстана.\n"
    "\n"
    "Отдельно полиция Казахстана и Китая обсудила безопасность границы.\n"
)
SONG_ZH = (
    "阿拉木图举行国际歌唱比赛\n"
    "2026年9月14日\n"
    "\n"
    "9月13日，国际歌唱比赛在阿拉木图落下帷幕，来自哈萨克斯坦、中国和吉尔吉斯斯坦的歌手参加比赛。\n"
    "\n"
    "另外，中哈两国警方就边境安全举行会谈。\n"
)


@pytest.mark.parametrize("text", [CONTEST_RU, CONTEST_EN, CONTEST_ZH], ids=["ru", "en", "zh"])
def test_international_contest_of_forces_is_a_multilateral_exercise(text: str) -> None:
    assert _kind(text) == "multilateral_exercise"


@pytest.mark.parametrize("text", [SONG_EN, SONG_RU, SONG_ZH], ids=["en", "ru", "zh"])
def test_international_song_contest_is_no_exercise(text: str) -> None:
    kinds = _kinds(text)
    assert "multilateral_exercise" not in kinds
    assert "bilateral_exercise" not in kinds


# --- a joint drill named with its purpose between ------------------------------------------------

DRILL_ZH = (
    "中国—中亚边境地区洪灾联合救援演练在伊犁举行\n"
    "2026年7月10日\n"
    "\n"
    "7月9日，中国—中亚洪涝灾害联合应急救援演练在新疆伊犁举行，来自中国、哈萨克斯坦、吉尔吉斯斯坦和"
    "乌兹别克斯坦的6支救援队、300余名救援人员参加演练。\n"
)
DRILL_EN = (
    "Rescue teams from China and Central Asia hold flood drill in Almaty\n"
    "Steppe Wire | 10 July 2026\n"
    "\n"
    "Rescue teams from China, Kazakhstan, Kyrgyzstan and Uzbekistan held a joint flood rescue "
    "drill near Almaty on Thursday, the Kazakh Emergencies Ministry said. About 300 rescuers "
    "took part.\n"
)
DRILL_RU = (
    "Спасатели Китая и Центральной Азии провели учения в Алматы\n"
    "Алматы, 10 июля 2026\n"
    "\n"
    "Спасатели Китая, Казахстана, Кыргызстана и Узбекистана провели в четверг совместные "
    "противопаводковые спасательные учения под Алматы, сообщило МЧС Казахстана. В учениях "
    "участвовали около 300 спасателей.\n"
)
# the near miss: a joint statement ON the drills (a preposition between), the United Nations
STATEMENT_EN = (
    "China and Kazakhstan issue statement\n"
    "Steppe Wire | 10 July 2026\n"
    "\n"
    "China and Kazakhstan issued a joint statement on drills and border security after talks "
    "of their foreign ministers in Astana on Thursday.\n"
)
UN_ZH = (
    "中哈外长在阿斯塔纳会谈\n"
    "2026年7月10日\n"
    "\n"
    "7月9日，中国外长同哈萨克斯坦外长在阿斯塔纳举行会谈，双方就边境安全合作交换意见，并谈及联合国维和演习。\n"
)


@pytest.mark.parametrize("text", [DRILL_ZH, DRILL_EN, DRILL_RU], ids=["zh", "en", "ru"])
def test_joint_drill_named_with_its_purpose_is_an_exercise(text: str) -> None:
    assert _kind(text) == "multilateral_exercise"


@pytest.mark.parametrize("text", [STATEMENT_EN, UN_ZH], ids=["en", "zh"])
def test_statement_on_drills_or_un_drill_is_no_exercise(text: str) -> None:
    kinds = _kinds(text)
    assert "multilateral_exercise" not in kinds
    assert "bilateral_exercise" not in kinds


# --- an exercise named by its two sides' pair ----------------------------------------------------

PAIR_RU = (
    "В Согдийской области завершились таджикско-китайские антитеррористические учения\n"
    "Душанбе, 30 мая 2026\n"
    "\n"
    "Антитеррористические учения подразделений Таджикистана и Китая завершились 29 мая в "
    "Согдийской области, сообщило Минобороны Таджикистана. На учениях присутствовали военные "
    "атташе Кыргызстана и Узбекистана.\n"
)
PAIR_EN = (
    "Chinese-Tajik counter-terrorism drill ends in Sughd\n"
    "Pamir Herald | 30 May 2026\n"
    "\n"
    "The Chinese-Tajik counter-terrorism exercise of units of China and Tajikistan ended in Sughd "
    "region on Friday, the Tajik Defence Ministry said. Military attaches of Kyrgyzstan and "
    "Uzbekistan attended the exercise.\n"
)
PAIR_ZH = (
    "中塔联合反恐演习在索格特州落下帷幕\n"
    "2026年5月30日\n"
    "\n"
    "5月29日，中塔联合反恐演习在塔吉克斯坦索格特州结束。吉尔吉斯斯坦和乌兹别克斯坦国防部代表出席了演习闭幕式。\n"
)
# the near miss: the same drill with no pair named, the three partner states taking part
THREE_RU = (
    "В Согдийской области завершились антитеррористические учения\n"
    "Душанбе, 30 мая 2026\n"
    "\n"
    "Совместные антитеррористические учения подразделений Таджикистана, Кыргызстана, "
    "Узбекистана и Китая завершились 29 мая в Согдийской области.\n"
)


@pytest.mark.parametrize("text", [PAIR_RU, PAIR_EN, PAIR_ZH], ids=["ru", "en", "zh"])
def test_exercise_named_by_its_pair_is_bilateral(text: str) -> None:
    assert _kind(text) == "bilateral_exercise"


def test_exercise_of_three_partners_without_a_pair_is_multilateral() -> None:
    assert _kind(THREE_RU) == "multilateral_exercise"


# --- talks held after the handover ceremony ------------------------------------------------------

CEREMONY_EN = (
    "China hands over night-vision devices to Kyrgyz border troops\n"
    "Embassy of China in Kyrgyzstan | 12 March 2026\n"
    "\n"
    "On 11 March the Chinese Ambassador handed over 200 night-vision devices and 40 drones to the "
    "Border Service of Kyrgyzstan at a ceremony in Bishkek.\n"
    "\n"
    "After the ceremony the Ambassador held talks with the head of the Border Service on "
    "cooperation between the two countries' border forces.\n"
)
CEREMONY_RU = (
    "Китай передал пограничникам Кыргызстана приборы ночного видения\n"
    "Бишкек, 12 марта 2026\n"
    "\n"
    "Посол Китая 11 марта передал Пограничной службе Кыргызстана 200 приборов ночного видения и "
    "40 беспилотников на церемонии в Бишкеке.\n"
    "\n"
    "После церемонии посол провел встречу с руководителем Пограничной службы, стороны обсудили "
    "сотрудничество пограничных ведомств двух стран.\n"
)
CEREMONY_ZH = (
    "中国向吉尔吉斯斯坦边防部门移交夜视器材\n"
    "2026年3月12日\n"
    "\n"
    "3月11日，中国驻吉尔吉斯斯坦大使向吉边防局移交200台夜视仪和40架无人机，交接仪式在比什凯克举行。\n"
    "\n"
    "交接仪式后，大使同吉边防局局长举行会谈，双方就加强两国边防合作交换了意见。\n"
)
# the near miss: the talks recalled with no tie to the ceremony (an earlier visit)
NO_CEREMONY_TALKS_EN = (
    "China hands over night-vision devices to Kyrgyz border troops\n"
    "Embassy of China in Kyrgyzstan | 12 March 2026\n"
    "\n"
    "On 11 March the Chinese Ambassador handed over 200 night-vision devices and 40 drones to the "
    "Border Service of Kyrgyzstan at a ceremony in Bishkek.\n"
    "\n"
    "The devices were promised when the head of the Border Service held talks in Beijing last "
    "year.\n"
)


@pytest.mark.parametrize("text", [CEREMONY_EN, CEREMONY_RU, CEREMONY_ZH], ids=["en", "ru", "zh"])
def test_talks_after_the_handover_ceremony_are_a_second_meeting(text: str) -> None:
    assert _kind(text) == "equipment_transfer"
    assert _kinds(text) == {"equipment_transfer", "meeting"}


def test_talks_recalled_without_the_ceremony_are_no_second_meeting() -> None:
    assert _kind(NO_CEREMONY_TALKS_EN) == "equipment_transfer"
    assert "meeting" not in _kinds(NO_CEREMONY_TALKS_EN)


# --- an exercise's mock object is no facility built ----------------------------------------------

MOCK_EN = (
    "Kazakh and Chinese police wrap up mountain drill\n"
    "Steppe Wire | 14 May 2026\n"
    "\n"
    "ALMATY - Two assault groups of Kazakhstan's police and China's People's Armed Police "
    "stormed a mock militant camp built in an abandoned quarry on Wednesday.\n"
    "\n"
    "The scene closed the first bilateral counter-terrorism exercise of the two forces, which "
    "ran for three days near Almaty.\n"
)
MOCK_RU = (
    "Полицейские Казахстана и Китая завершили горные учения\n"
    "Алматы, 14 мая 2026\n"
    "\n"
    "На совместных учениях штурмовые группы полиции Казахстана и Китая в среду взяли условный "
    "лагерь боевиков, построенный в заброшенном карьере.\n"
    "\n"
    "Этим завершились первые совместные антитеррористические учения двух ведомств под Алматы.\n"
)
MOCK_ZH = (
    "中哈警方山地联合反恐演习落幕\n"
    "2026年5月14日\n"
    "\n"
    "5月13日，中国人民武装警察部队和哈萨克斯坦警察突击分队攻占了修建在废弃采石场内的模拟恐怖分子营地。\n"
    "\n"
    "至此，两国警方在阿拉木图附近举行的首次联合反恐演习圆满结束。\n"
)
# the near miss: a real outpost built for the border troops, the drill held there later
OUTPOST_EN = (
    "China-funded border outpost opens in Tajikistan\n"
    "Pamir Herald | 14 May 2026\n"
    "\n"
    "A border outpost built with Chinese funding was opened in Gorno-Badakhshan on Wednesday, "
    "the Tajik Border Troops said. China paid for the barracks, the watchtower and the power "
    "station.\n"
)


@pytest.mark.parametrize("text", [MOCK_EN, MOCK_RU, MOCK_ZH], ids=["en", "ru", "zh"])
def test_mock_camp_of_an_exercise_is_no_infrastructure(text: str) -> None:
    assert _kind(text) == "bilateral_exercise"
    assert "infrastructure" not in _kinds(text)


def test_outpost_built_with_funding_is_infrastructure() -> None:
    assert _kind(OUTPOST_EN) == "infrastructure"


# --- a handover told by a verb and its object apart, in the lead ---------------------------------
# (coder_phrases.transfer_mentions reads Russian only: the class has no zh or en form)

RECEIVED_RU = (
    "Погранслужба Кыргызстана получила от Китая партию тепловизоров\n"
    "Бишкек, 24 августа 2026\n"
    "\n"
    "Пограничная служба Кыргызстана получила от Китая партию тепловизоров и квадрокоптеров. "
    "Церемония прошла в Бишкеке в понедельник, сообщила пресс-служба ведомства.\n"
)
# the near miss: the lead reports the talks; the handovers of past years are named later
RECEIVED_LATER_RU = (
    "Глава Погранслужбы Кыргызстана провел переговоры с послом Китая\n"
    "Бишкек, 24 августа 2026\n"
    "\n"
    "Председатель Пограничной службы Кыргызстана провел в понедельник переговоры с послом Китая, "
    "стороны обсудили охрану границы.\n"
    "\n"
    "За последние годы служба получила от Китая партию тепловизоров и квадрокоптеров.\n"
)


def test_handover_told_apart_in_the_lead_is_the_main_event() -> None:
    assert _kind(RECEIVED_RU) == "equipment_transfer"


def test_handover_told_apart_later_is_not_the_main_event() -> None:
    assert _kind(RECEIVED_LATER_RU) == "meeting"
