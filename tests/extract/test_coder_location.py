"""The event's location (annotation guide, point 7): the venue's city in English, a state's code
when only the state or a province is given, none when the text does not say or the event is a
call. Hand-written readouts in the documents' own scripts (not copied from any gold text), and
a check that a coded page's location reaches the machine event ingest stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from steppewatch.extract import ExtractedDocument, get_coder
from steppewatch.extract.gazetteer import load_gazetteer
from steppewatch.extract.model import CodedDocument
from steppewatch.ingest import Ingestor
from steppewatch.sources.archive import Archive
from steppewatch.sources.collect import iter_documents
from steppewatch.store import EventFilter, open_store
from tests.ingest.test_pipeline import write


def _code(text: str, language: str, published: str | None = None) -> CodedDocument:
    return get_coder().code(
        ExtractedDocument(source="t.txt", text=text, language=language, published=published)
    )


VENUES = [
    (  # 在 + city + 举行
        "zh",
        "2024年4月9日，中国和塔吉克斯坦执法安全合作磋商在杜尚别举行，双方就联合打击恐怖主义和"
        "毒品走私交换意见。",
        "Dushanbe",
    ),
    (  # the state's name between the venue word and the city, the city before 举行
        "zh",
        "2023年10月17日，中哈两国边防部门在哈萨克斯坦首都阿斯塔纳举行会谈，双方同意加强边境"
        "管控合作，共同打击跨境犯罪。",
        "Astana",
    ),
    (  # a province before the city: the city
        "zh",
        "2022年8月2日，中国、吉尔吉斯斯坦两国执法部门在新疆喀什举行联合反恐演练，演练模拟处置劫持"
        "人质事件。",
        "Kashgar",
    ),
    (  # Russian case endings: в Ташкенте, в Урумчи
        "ru",
        "12 марта 2024 года в Ташкенте состоялись консультации представителей Министерства "
        "внутренних дел Узбекистана и Министерства общественной безопасности КНР по вопросам "
        "противодействия терроризму.",
        "Tashkent",
    ),
    (
        "ru",
        "5 июня 2023 года в Урумчи прошла встреча руководителей пограничных ведомств Казахстана "
        "и Китая, стороны обсудили охрану государственной границы и борьбу с контрабандой.",
        "Urumqi",
    ),
    (  # под Бишкеком (instrumental case)
        "ru",
        "На полигоне под Бишкеком 3 октября 2023 года завершились совместные антитеррористические "
        "учения подразделений Кыргызстана и Китая.",
        "Bishkek",
    ),
    (  # English "held in"
        "en",
        "Chinese and Kyrgyz border guards held a joint counter-terrorism exercise in Naryn "
        "region on May 14, 2024, the Kyrgyz border service said.",
        "KG",
    ),
    (
        "en",
        "China's Minister of Public Security met the Interior Minister of Turkmenistan in "
        "Ashgabat on June 2, 2024, and the two sides agreed to step up counter-terrorism "
        "cooperation.",
        "Ashgabat",
    ),
    (  # a chain of places: the last city (a range in a Russian region)
        "zh",
        "2021年9月13日，上海合作组织成员国联合反恐军事演习在俄罗斯奥伦堡州托茨科耶训练场开幕，中国、"
        "哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦军队参演。",
        "Totskoye",
    ),
    (  # a landmark of the city: the Great Hall of the People is in Beijing
        "zh",
        "2024年5月20日，国家主席习近平在人民大会堂同乌兹别克斯坦总统举行会谈，双方同意深化执法安全"
        "合作，共同打击“三股势力”。",
        "Beijing",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), VENUES)
def test_the_venue_is_the_location(language: str, text: str, expected: str) -> None:
    coded = _code(text, language)
    assert coded.relevant
    assert coded.location == expected
    evidence = [e for e in coded.evidence if e.field == "location"]
    assert evidence and evidence[0].code == expected
    assert coded.text is not None
    assert coded.text[evidence[0].start : evidence[0].end] == evidence[0].text


def test_a_dateline_is_the_location_when_the_body_names_no_venue() -> None:
    en = _code(
        "China hands over patrol vehicles to Kazakh police\n"
        "ALMATY, May 5 (Xinhua) -- China on Tuesday handed over 40 patrol vehicles and "
        "communication equipment to Kazakhstan's Interior Ministry as free aid to support "
        "its fight against terrorism and drug trafficking.",
        "en",
    )
    assert en.location == "Almaty"
    zh = _code(
        "中吉执法安全合作磋商举行\n新华社北京3月4日电 中国和吉尔吉斯斯坦执法安全合作磋商4日举行，"
        "双方同意加强反恐情报交流，共同打击“三股势力”。",
        "zh",
        "2024-03-04",
    )
    assert zh.location == "Beijing"
    ru = _code(
        "Пограничники Таджикистана получили от Китая партию техники\n"
        "Душанбе, 17 апреля 2024 г. Правительство Китайской Народной Республики безвозмездно "
        "передало Пограничным войскам ГКНБ Таджикистана партию автомобилей и средств связи для "
        "охраны границы.",
        "ru",
    )
    assert ru.location == "Dushanbe"


def test_a_body_venue_beats_the_dateline() -> None:
    coded = _code(
        "Kazakh officers complete counter-terrorism course in China\n"
        "ASTANA, June 3, 2024 - Twenty officers of Kazakhstan's National Guard completed a "
        "counter-terrorism course at the People's Armed Police academy in Beijing, the Guard "
        "said on Monday.",
        "en",
    )
    assert coded.location == "Beijing"


def test_no_location_for_a_call_or_when_the_text_does_not_say() -> None:
    call = _code(
        "2024年1月8日，国务委员兼外长在北京同哈萨克斯坦外长通电话，双方就阿富汗局势交换意见，同意"
        "加强反恐安全合作。",
        "zh",
    )
    assert call.relevant and call.location is None
    video = _code(
        "9 февраля 2024 года министр внутренних дел Узбекистана провел видеоконференцию с "
        "министром общественной безопасности КНР, стороны обсудили борьбу с терроризмом и "
        "незаконным оборотом наркотиков.",
        "ru",
    )
    assert video.relevant and video.location is None
    silent = _code(
        "Генеральные прокуратуры Кыргызстана и Китая 3 апреля 2024 года подписали меморандум о "
        "сотрудничестве в противодействии терроризму и экстремизму.",
        "ru",
    )
    assert silent.relevant and silent.location is None


def test_an_embassy_or_a_headquarters_is_no_venue() -> None:
    coded = _code(
        "China donates surveillance equipment to Tajik border troops\n"
        "China on March 3, 2024, handed over surveillance cameras and night-vision devices "
        "to Tajikistan's Border Troops, the Chinese Embassy in Dushanbe said. The equipment "
        "will help guard the border with Afghanistan against drug trafficking.",
        "en",
    )
    assert coded.relevant and coded.location is None
    firm = _code(
        "2024年6月，一家总部位于北京的中国安保企业在吉尔吉斯斯坦比什凯克注册成立分公司，为当地中资"
        "企业提供安保服务。",
        "zh",
    )
    assert firm.location == "Bishkek"


def test_a_venue_of_an_earlier_event_is_not_the_location() -> None:
    coded = _code(
        "Мажилис ратифицировал соглашение с Китаем о борьбе с терроризмом\n"
        "Астана, 11 марта 2024 года. Депутаты Мажилиса ратифицировали Соглашение между "
        "Казахстаном и Китаем о сотрудничестве в борьбе с терроризмом, сепаратизмом и "
        "экстремизмом.\nСоглашение было подписано в Пекине в прошлом году.",
        "ru",
    )
    assert coded.location == "Astana"


def test_a_name_holding_a_city_is_no_venue() -> None:
    # 上海合作组织 holds 上海; the SCO summit named after Astana is in Astana
    coded = _code(
        "2024年7月4日，国家主席习近平在阿斯塔纳出席上海合作组织成员国元首理事会会议，各方同意深化安全"
        "合作，共同打击恐怖主义、分裂主义和极端主义。",
        "zh",
    )
    assert coded.location == "Astana"
    shanghai = _code(
        "2024年3月，中国和塔吉克斯坦在上海合作组织框架下举行边防部门会晤，双方同意加强边境管控"
        "和反恐合作。",
        "zh",
    )
    assert shanghai.relevant and shanghai.location != "Shanghai"


def test_places_load_with_old_names_and_landmarks() -> None:
    places = {p.name: p for p in load_gazetteer().places}
    astana = places["Astana"]
    assert astana.kind == "city" and astana.location == "Astana"
    assert {"Nur-Sultan", "Astana"} <= set(astana.names["en"])
    assert "努尔苏丹" in astana.names["zh"] and "Астан" in astana.names["ru"]
    region = places["Sughd region"]
    assert region.kind == "region" and region.location == region.country


def test_a_bad_place_kind_is_a_clear_error(tmp_path: Path) -> None:
    from steppewatch.errors import ExtractionError

    bundled = Path(__file__).resolve().parents[2] / "src/steppewatch/data/gazetteer"
    for name in ("states.yaml", "officials.yaml", "institutions.yaml"):
        (tmp_path / name).write_text((bundled / name).read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "places.yaml").write_text(
        "places:\n  - {name: Osh, country: KG, kind: town, names: {en: [Osh]}}\n", "utf-8"
    )
    load_gazetteer.cache_clear()
    with pytest.raises(ExtractionError, match=r"places.yaml places/0 \(Osh\): kind"):
        load_gazetteer(str(tmp_path))


def test_the_location_reaches_the_stored_machine_event(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    write(
        folder,
        "kg_border.txt",
        "Пограничники Кыргызстана и Китая провели совместное патрулирование\n"
        "14 мая 2024 года в районе перевала Торугарт пограничные наряды Пограничной службы ГКНБ "
        "Кыргызской Республики и пограничные органы Китайской Народной Республики провели "
        "совместное патрулирование участка государственной границы, направленное на "
        "противодействие контрабанде наркотиков и незаконному пересечению границы.\n",
    )
    store = open_store(db_url)
    summary = Ingestor(store, archive=Archive(tmp_path / "archive")).ingest(
        iter_documents([folder])
    )
    assert summary.events_created == 1
    (event,) = store.list_events(EventFilter.make(statuses=["machine"]))
    assert event.kind == "joint_patrol_operation"
    # (a border crossing that is no town is written as its state's code: gazetteer, twenty-second
    # round)
    assert event.location == "KG"


def test_location_evidence_is_labelled_for_calibration() -> None:
    from types import SimpleNamespace

    from steppewatch.extract.calibration import label_evidence

    coded = _code(VENUES[3][1], "ru")  # в Ташкенте
    gold = SimpleNamespace(
        relevant=True,
        countries=["CN", "UZ"],
        countries_all=["CN", "UZ"],
        kind="meeting",
        events=[],
        framework="bilateral",
        level=None,
        topics=[],
        domains=[],
        actors=[],
        event_date=None,
        location="Tashkent",
        annotated=frozenset({"location"}),
    )
    labelled = {(f, right) for f, _, _, right in label_evidence(coded, gold)}
    assert ("location", True) in labelled
    labelled = {
        (f, right)
        for f, _, _, right in label_evidence(
            coded, SimpleNamespace(**{**vars(gold), "location": "Samarkand"})
        )
    }
    assert ("location", False) in labelled
    dated = _code(
        "Kazakhstan receives Chinese border surveillance equipment\n"
        "ALMATY, May 5, 2024 - Kazakhstan's Border Service has received a batch of surveillance "
        "equipment and patrol vehicles provided by China as free military aid.",
        "en",
    )
    (evidence,) = [e for e in dated.evidence if e.field == "location"]
    assert evidence.code == "Almaty" and evidence.basis == "dateline"


def test_a_long_text_of_repeated_places_codes_the_first_venue() -> None:
    # 1,200 place names, more than the coder examines (MAX_PLACES): the first venue is found
    sentence = "中国和哈萨克斯坦两国执法部门在阿拉木图举行联合反恐演练，双方交流了反恐经验。"
    coded = _code("2024年5月3日，" + sentence * 400, "zh")
    assert coded.relevant and coded.location == "Almaty"


def test_a_reviewed_event_without_a_location_gets_it_suggested() -> None:
    from steppewatch.ingest.events_from_items import candidate_from_item, suggestion_values
    from steppewatch.models import Source
    from tests.factories import make_event

    coded = _code(VENUES[3][1], "ru")  # консультации в Ташкенте, 12 марта 2024
    candidate = candidate_from_item(coded, None, focal="CN", partners={"UZ"})
    assert candidate is not None
    source = Source(url="https://example.org/uz-cn", publisher="Example")
    kind = candidate.kind
    unplaced = make_event(1, kind=kind, countries=["CN", "UZ"], location=None)
    assert ("location", "Tashkent") in suggestion_values(unplaced, coded, source, candidate)
    placed = make_event(2, kind=kind, countries=["CN", "UZ"], location="Tashkent, Uzbekistan")
    fields = [f for f, _ in suggestion_values(placed, coded, source, candidate)]
    assert "location" not in fields  # a reviewed location is not second-guessed


def test_a_clause_of_many_places_in_a_row_codes_its_venue() -> None:
    # the places before a venue are blanked to spaces; a run of them once made the connector
    # pattern backtrack exponentially (this sentence took 14 s of CPU, some readouts minutes)
    text = (
        "Пограничные ведомства Китая и Кыргызстана провели совместное патрулирование в Нарыне "
        "Караколе Таласе Баткене Токмоке Балыкчы и Оше. Стороны обсудили борьбу с терроризмом."
    )
    coded = _code(text, "ru")
    assert coded.relevant and coded.location == "Karakol"


def test_a_run_of_places_before_a_place_is_read_once() -> None:
    # a place blanked between a venue word and a place (в Восточно-Казахстанской и Алматинской
    # областях) ran a starred connector pattern into exponential backtracking (7 s of CPU for
    # this one place); the venue is still the city the meeting was held in
    coded = _code(
        "Астана, 21 марта 2026 г. 20 марта в Астане прошло заседание казахстанско-китайской "
        "пограничной комиссии. Стороны рассмотрели результаты работ на участках границы в "
        "Восточно-Казахстанской и Алматинской областях и договорились о совместной охране границы.",
        "ru",
    )
    assert coded.relevant
    assert coded.location == "Astana"
