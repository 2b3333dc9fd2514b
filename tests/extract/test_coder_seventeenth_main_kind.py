"""Seventeenth round (coder45), the main kind of a page: the lead sentence under the title reports
the event itself, so when it names some kinds the main kind is one of them, however long a later
passage on another kind the title also names; and a line of rubrics split by bars that ends in a
photo credit is the page's furniture, not its lead sentence. Every text is written for these
tests (no gold text); each rule has its contrast."""

from __future__ import annotations

import pytest

from steppewatch.extract import extract_document
from steppewatch.extract.codebook_coder import CodebookCoder
from steppewatch.extract.coder_rules import choose_kind, kind_lead_end, lead_parts
from steppewatch.extract.matcher import Hit
from steppewatch.extract.model import CodedDocument, CodedItem

CODER = CodebookCoder()


def _main(text: str) -> CodedDocument | CodedItem:
    coded = CODER.code(extract_document(text.encode("utf-8"), source="seventeenth.txt"))
    return next(i for i in coded.items if i.relevant) if coded.items else coded


HANDOVER_EN = (
    "China hands over vehicles to Tajik border troops, opens new border outpost\n"
    "Dushanbe, 3 March 2026 / News agency /\n"
    "China handed over twenty off-road vehicles and night-vision devices to the Border Troops of "
    "Tajikistan on Tuesday, the Tajik side said.\n"
    "The new border outpost in the Murghab district was built with Chinese funds. The outpost has "
    "barracks, a canteen and a surveillance tower. Builders from Xinjiang finished the outpost in "
    "the autumn. A second border outpost is being built near the pass. The barracks can hold "
    "sixty soldiers.\n"
)
# the lead sentence reports both: the mentions decide, as before
BOTH_EN = HANDOVER_EN.replace(
    "China handed over twenty off-road vehicles and night-vision devices to the Border Troops of "
    "Tajikistan on Tuesday",
    "China handed over twenty off-road vehicles to the Border Troops of Tajikistan and opened a "
    "new outpost built with its funds on Tuesday",
)
HANDOVER_ZH = (
    "中方向塔吉克斯坦边防部队移交巡逻车辆 新边防哨所启用\n"
    "新华社杜尚别3月3日电\n"
    "中国政府3日向塔吉克斯坦边防部队移交了二十辆巡逻车和一批夜视器材。\n"
    "位于穆尔加布地区的新边防哨所由中方援建。哨所设有营房、食堂和瞭望塔。中国建设者去年秋天完成了"
    "哨所建设。另一座边防哨所正在山口附近建设。营房可容纳六十名官兵。\n"
)
HANDOVER_RU = (
    "Китай передал пограничникам Кыргызстана спецтехнику и открыл новую заставу\n"
    "Бишкек, 5 мая 2026 — Информагентство\n"
    "Китайская сторона безвозмездно передала Пограничной службе Кыргызстана тридцать служебных "
    "автомобилей и тепловизоры, сообщили в ведомстве.\n"
    "Новая пограничная застава в Нарынской области построена на средства КНР. На заставе есть "
    "казарма, столовая и вышка наблюдения. Строители завершили заставу осенью. Еще одна "
    "пограничная застава строится у перевала. В казарме разместятся шестьдесят военнослужащих.\n"
)


@pytest.mark.parametrize("text", [HANDOVER_EN, HANDOVER_ZH, HANDOVER_RU])
def test_the_lead_sentences_own_kind_is_the_main_one(text: str) -> None:
    # (the title names the handover and the outpost; the first sentence reports the handover
    # alone; the longer later passage on the outpost had made the page an infrastructure one)
    assert _main(text).kind == "equipment_transfer"


def test_a_lead_sentence_naming_both_leaves_the_mentions_to_decide() -> None:
    assert _main(BOTH_EN).kind == "infrastructure"


def _hit(text: str, words: str, payload: tuple[str, str], nth: int = 0) -> Hit:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Hit(start, start + len(words), payload, words.lower())


def test_choose_kind_keeps_to_the_kinds_of_the_lead_sentence() -> None:
    item = CodedItem(start=0, end=len(HANDOVER_EN), relevant=True)
    (_, head_end), lead_end = lead_parts(HANDOVER_EN, item)
    kinds = {
        "equipment_transfer": [
            _hit(HANDOVER_EN, "vehicles", ("event_kind", "equipment_transfer")),
            _hit(HANDOVER_EN, "handed over", ("event_kind", "equipment_transfer")),
        ],
        "infrastructure": [
            _hit(HANDOVER_EN, "outpost", ("event_kind", "infrastructure"), n) for n in range(5)
        ],
    }
    assert head_end > 0
    got = choose_kind(item, kinds, False, lead_end, False, HANDOVER_EN, head_end)
    assert got == "equipment_transfer"
    # (with no lead sentence given, the weighted mentions decide)
    assert choose_kind(item, kinds, False, lead_end, False, HANDOVER_EN) == "infrastructure"


PATROL = (
    "Kazakh and Chinese border guards walk the Khorgos section side by side\n"
    "ASTANA. News agency - 14 April 2026, 16:05\n"
    "Society | Security | Regions Photo: press office of the Border Service of the Kazakh "
    "National Security Committee\n"
    "\n"
    "Border guards of Kazakhstan and China on Tuesday carried out a joint patrol of a stretch of "
    "the state border near the Khorgos crossing, the Border Service said.\n"
    "Last year China handed over thermal cameras and radios to the Kazakh border units. The "
    "equipment is used at several posts.\n"
)


def test_a_rubric_line_ending_in_a_photo_credit_is_not_the_lead() -> None:
    item = CodedItem(start=0, end=len(PATROL), relevant=True)
    lead = PATROL[: kind_lead_end(PATROL, item)]
    assert "joint patrol" in lead
    assert _main(PATROL).kind == "joint_patrol_operation"


def test_a_story_line_with_long_fields_between_bars_is_still_the_lead() -> None:
    text = PATROL.replace(
        "Society | Security | Regions Photo: press office of the Border Service of the Kazakh "
        "National Security Committee\n\n",
        "Border guards of the two states | who meet monthly at the crossing | walked the "
        "frontier together on Tuesday, the Border Service said.\n",
    )
    item = CodedItem(start=0, end=len(text), relevant=True)
    lead = text[: kind_lead_end(text, item)]
    assert "walked the frontier together" in lead


# -- gold guide addition 4: the meeting leads, whether the headline names it or its product -----
FOUNDED_EN = (
    "China and Central Asian states set up a regular security consultation mechanism\n"
    "ALMATY, May 12 (Agency) -- The fourth China-Central Asia Defence Ministers' Meeting was "
    "held in Almaty on Tuesday, where the six ministers agreed to establish a regular "
    "consultation mechanism on border security.\n"
    "The mechanism will meet twice a year. The ministers also signed a memorandum on "
    "counter-terrorism cooperation.\n"
)
FOUNDED_ZH = (
    "中国与中亚五国建立安全定期磋商机制\n"
    "新华社阿拉木图5月12日电\n"
    "第四次中国—中亚国防部长会议12日在阿拉木图举行，六国部长同意建立边境安全定期磋商机制。\n"
    "该机制每年举行两次会议。部长们还签署了反恐合作备忘录。\n"
)
# no meeting held in the lead: the mechanism set up is the event
FOUNDED_ALONE_EN = (
    "China and Central Asian states set up a regular security consultation mechanism\n"
    "ALMATY, May 12 (Agency) -- China and the five Central Asian states have established a "
    "regular consultation mechanism on border security, the Chinese defence ministry said on "
    "Tuesday.\n"
    "The mechanism will meet twice a year at the level of deputy ministers.\n"
)


@pytest.mark.parametrize("text", [FOUNDED_EN, FOUNDED_ZH])
def test_a_body_set_up_at_the_meeting_held_in_the_lead_comes_second(text: str) -> None:
    coded = _main(text)
    assert coded.kind == "meeting"
    assert coded.event_kinds == ["meeting", "mechanism"]


def test_a_body_set_up_with_no_meeting_in_the_lead_is_the_main_event() -> None:
    assert _main(FOUNDED_ALONE_EN).kind == "mechanism"
