"""Another study is a file, not code (issue 16): a made-up third study written here (a made-up
focal state, two partners, a framework with membership, its own gazetteer and a handful of
fixture events) and the shipped russia_central_asia study go through init, code and ingest with
no code change; their readouts are coded relevant with the right countries.

The made-up states take ISO 3166 user-assigned codes (QV, QM, QN), which ISO keeps free for
exactly this use.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from steppewatch.cli import main
from steppewatch.extract import extract_document, get_coder
from steppewatch.store import open_store
from steppewatch.study import load_study

STUDY = """\
id: vesnia_marelia
name: Vesnian security engagement with the Marelian Sea states
focal_state: QV
partner_states: [QM, QN]
period_start: 2010
codebook_version: 1.0.0
dataset: {dataset}
dataset_version: test-1
periods:
  - {{label: "2010-2017", start: 2010, end: 2017}}
  - {{label: "2018-present", start: 2018, end: null}}
focal_names:
  en: [Vesnia, Vesnian]
  ru: [Весни, Весниск]
region:
  name: Marelian Sea
  names: {{en: [Marelian Sea], ru: [Марелийское море]}}
  group_names:
    en: [Marelian Sea states]
    ru: [государства Марелийского моря, государств Марелийского моря]
frameworks:
  - id: northern_shield
    name: Northern Shield Pact
    code: other_multilateral
    from: 2012-03-01
    anchor_weight: 1.0
    implied_members: true
    members:
      - {{state: QV, from: 2012-03-01}}
      - {{state: QM, from: 2012-03-01}}
      - {{state: QN, from: 2018-09-01}}
gazetteer: gazetteer
publishers: publishers.yaml
reference_studies: []
claims: []
"""

PUBLISHERS = """\
publishers:
  - name: Vesnian Ministry of Defence
    side: QV
    kind: government
    names: [Vesnian Ministry of Defence]
    domains: [mod.vesnia.example]
  - name: Marelian Gazette
    side: neither
    kind: media
    names: [Marelian Gazette]
    domains: [gazette.marelia.example]
"""

STATES = """\
version: 1
states:
  - code: QV
    name: Vesnia
    names: {en: [Vesnia, Vesnian], zh: [韦斯尼亚], ru: [Весни]}
  - code: QM
    name: Marelia
    names: {en: [Marelia, Marelian, Tirsk], zh: [马雷利亚], ru: [Марели, Тирск]}
    cities: {en: [Tirsk], ru: [Тирск]}
  - code: QN
    name: Norvask
    names: {en: [Norvask, Norvaskan], zh: [诺尔瓦斯克], ru: [Норваск]}
groups: []
blocks: {}
"""

OFFICIALS = """\
version: 1
officials:
  - {name: Anton Velar, country: QV, names: {en: [Velar], zh: [韦拉尔], ru: [Велар]},
     offices: [{office: defence_minister, title: Minister of Defence, from: 2015-02-01, to: null}]}
  - {name: Ilse Brann, country: QM, names: {en: [Brann], zh: [布兰], ru: [Бранн]},
     offices: [{office: defence_minister, title: Minister of Defence, from: 2016-06-01, to: null}]}
"""

INSTITUTIONS = """\
version: 1
institutions:
  - {name: Northern Shield Pact, framework: other_multilateral,
     names: {en: [Northern Shield Pact, Northern Shield], zh: [北方之盾], ru: [Северный щит, Северного щита]}}
"""

EVENTS = """\
id,kind,title,date_start,date_end,countries,framework,location,cn_actors,partner_actors,level,domains,topics,attributes,summary,verification
2016-09-12-meeting-qv-qm-1,meeting,Vesnian and Marelian defence ministers meet,2016-09-12,,QV;QM,bilateral,"Tirsk, Marelia",Anton Velar (Minister of Defence),Ilse Brann (Minister of Defence),defence_minister,military,terrorism,{},A made-up meeting of the two defence ministers.,official_source
2018-10-03-multilateral_exercise-qv-qm-qn-1,multilateral_exercise,Northern Shield 2018 exercise,2018-10-03,2018-10-09,QV;QM;QN,other_multilateral,Norvask,,,,military,terrorism,"{""exercise_name"": ""Northern Shield 2018""}",A made-up exercise of the pact.,single_source
2019-04-meeting-qv-qn-1,meeting,Vesnian and Norvaskan border chiefs meet,2019-04,,QV;QN,bilateral,,,,border_guard_chief,border_guard,border_security,{},A made-up meeting on the common border.,single_source
2020-training_education-qv-qm-1,training_education,Marelian officers trained in Vesnia,2020,,QV;QM,bilateral,Vesnia,,,,military,,"{""trainees"": 40}",A made-up training programme.,single_source
"""

SOURCES = """\
event_id,url,publisher,language,published,source_type,attests
2016-09-12-meeting-qv-qm-1,https://mod.vesnia.example/news/2016/09/12,Vesnian Ministry of Defence,en,2016-09-12,official,the meeting
2018-10-03-multilateral_exercise-qv-qm-qn-1,https://news.example/northern-shield-2018,News Example,en,2018-10-03,news,the exercise
2019-04-meeting-qv-qn-1,https://news.example/border-chiefs,News Example,en,2019-04-20,news,the meeting
2020-training_education-qv-qm-1,https://news.example/training,News Example,en,2020-06-01,news,the training
"""

READOUT_EN = """\
Vesnian Defence Minister meets Marelian counterpart
On 14 May 2021 Vesnian Defence Minister Anton Velar held talks with Marelian Defence Minister Ilse Brann in Tirsk. The ministers discussed military cooperation, joint counter-terrorism exercises and the training of Marelian officers in Vesnia.
"""

READOUT_RU = """\
Министр обороны Веснии провёл переговоры с министром обороны Марелии
14 мая 2021 года министр обороны Веснии Антон Велар провёл переговоры с министром обороны Марелии Ильзе Бранн. Стороны обсудили военное сотрудничество, совместную борьбу с терроризмом и подготовку военных кадров.
"""

PACT_MEETING = """\
Northern Shield Pact defence ministers meet
On 2 March 2022 the defence ministers of the Northern Shield Pact met in Tirsk. Vesnia and Marelia agreed on joint exercises and closer military cooperation against terrorism.
"""

NOT_SECURITY = """\
Vesnia and Marelia sign a trade agreement
On 3 March 2022 Vesnia and Marelia signed an agreement on tomato exports and cheaper rail freight.
"""

# a Russian MoD-style readout (written for this test): the defence ministers of the Russian
# Federation and the Kyrgyz Republic; under the PRC study it is no business of the study
RU_KG_READOUT = """\
Министр обороны Российской Федерации провёл переговоры с министром обороны Кыргызской Республики
Министр обороны Российской Федерации генерал армии Сергей Шойгу провёл переговоры с министром обороны Кыргызской Республики в Москве. В ходе встречи стороны обсудили состояние и перспективы двустороннего военного и военно-технического сотрудничества, подготовку военных кадров для Вооружённых Сил Кыргызской Республики и совместное противодействие международному терроризму.
«Кыргызстан является нашим стратегическим союзником», — отметил Сергей Шойгу.
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture()
def third_study(tmp_path: Path) -> Path:
    """The made-up study written to ``tmp_path``: its file, gazetteer and dataset folders."""
    gazetteer = tmp_path / "gazetteer"
    gazetteer.mkdir()
    (gazetteer / "states.yaml").write_text(STATES, encoding="utf-8")
    (gazetteer / "officials.yaml").write_text(OFFICIALS, encoding="utf-8")
    (gazetteer / "institutions.yaml").write_text(INSTITUTIONS, encoding="utf-8")
    (tmp_path / "publishers.yaml").write_text(PUBLISHERS, encoding="utf-8")
    dataset = tmp_path / "dataset"
    dataset.mkdir()
    (dataset / "events.csv").write_text(EVENTS, encoding="utf-8")
    (dataset / "sources.csv").write_text(SOURCES, encoding="utf-8")
    study = tmp_path / "vesnia_marelia.yaml"
    study.write_text(STUDY.format(dataset=dataset), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in (
        ("en_readout.txt", READOUT_EN),
        ("ru_readout.txt", READOUT_RU),
        ("pact_meeting.txt", PACT_MEETING),
        ("trade.txt", NOT_SECURITY),
    ):
        (docs / name).write_text(text, encoding="utf-8")
    return study


def test_a_made_up_third_study_inits_codes_and_ingests(
    third_study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "third.db")
    docs = tmp_path / "docs"
    code, out, err = run(["init", "--study", str(third_study), "--db", db], capsys)
    assert code == 0, err
    assert "4 events read, 4 new" in out

    code, out, err = run(["code", str(docs), "--study", str(third_study)], capsys)
    assert code == 0, err
    coded = {Path(r["source"]).name: r for r in map(json.loads, out.splitlines())}
    for name in ("en_readout.txt", "ru_readout.txt"):
        record = coded[name]
        assert record["relevant"], name
        assert record["countries"] == ["QV", "QM"], name  # focal first
        assert record["kind"] == "meeting" and record["level"] == "defence_minister", name
        assert record["event_date"] == "2021-05-14", name
    # a meeting of the pact's ministers: every member on that day, named or not
    pact = coded["pact_meeting.txt"]
    assert pact["relevant"] and pact["framework"] == "other_multilateral"
    assert pact["countries"] == ["QV", "QM", "QN"]
    assert not coded["trade.txt"]["relevant"]

    # the database knows its study: ingest without --study refuses to guess a study file
    code, _, err = run(["ingest", str(docs), "--db", db], capsys)
    assert code != 0 and "[SW118]" in err and "vesnia_marelia" in err
    code, out, err = run(["ingest", str(docs), "--db", db, "--study", str(third_study)], capsys)
    assert code == 0, err
    store = open_store(db)
    try:
        machine = [e for e in store.list_events() if e.review_status == "machine"]
    finally:
        store.close()
    meetings = {e.date_start: e for e in machine if e.kind == "meeting"}
    # the English and Russian readouts of one meeting are one event with two sources
    meeting = meetings["2021-05-14"]
    assert meeting.id == "2021-05-14-meeting-qv-qm-1" and meeting.countries == ["QV", "QM"]
    assert len(meeting.sources) == 2
    assert {a.side for a in meeting.actors} == {"focal", "partner"}


def test_another_studys_database_refuses_a_different_study(
    third_study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "third.db")
    assert run(["init", "--study", str(third_study), "--db", db, "--no-data"], capsys)[0] == 0
    code, _, err = run(["ingest", str(tmp_path / "docs"), "--db", db, "--study",
                        "russia_central_asia"], capsys)  # fmt: skip
    assert code != 0 and "[SW117]" in err


def test_russian_mod_readout_of_ru_kg_defence_ministers_is_relevant_under_the_russia_study() -> (
    None
):
    document = extract_document(RU_KG_READOUT.encode("utf-8"), source="mil_ru_readout.txt")
    russia = get_coder(study=load_study("russia_central_asia")).code(document)
    assert russia.relevant
    assert russia.countries == ["RU", "KG"]
    assert russia.kind == "meeting" and russia.level == "defence_minister"
    assert [a.name for a in russia.actors] == ["Sergei Shoigu"]
    # under the PRC study the same readout is no PRC-Central Asia engagement
    assert not get_coder().code(document).relevant


def test_russia_central_asia_inits_and_ingests_a_readout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "ru.db")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ru_kg.txt").write_text(RU_KG_MOD_READOUT, encoding="utf-8")
    code, out, err = run(["init", "--study", "russia_central_asia", "--db", db], capsys)
    assert code == 0, err
    assert "(dataset 2026.12): 135 events read, 135 new" in out
    code, out, err = run(["ingest", str(docs), "--db", db], capsys)  # the database's study
    assert code == 0, err
    store = open_store(db)
    try:
        machine = {e.kind: e for e in store.list_events() if e.review_status == "machine"}
    finally:
        store.close()
    # the talks, and the cooperation plan the ministers signed at them (two events of one item)
    assert sorted(machine) == ["mechanism", "meeting"]
    assert machine["mechanism"].countries == ["RU", "KG"]
    event = machine["meeting"]
    assert event.id == "2023-05-24-meeting-ru-kg-1"
    assert event.countries == ["RU", "KG"] and event.level == "defence_minister"
    assert event.actors[0].name == "Sergei Shoigu" and event.actors[0].side == "focal"


# A readout in the structure of the Russian MoD's news items (function.mil.ru): headline, the
# minister's full rank and name, the counterpart by office, place, the topics discussed, a quote
# and the closing paragraph on documents signed. Written for this test; it reports no real
# meeting.
RU_KG_MOD_READOUT = """Сергей Шойгу провёл переговоры с министром обороны Кыргызской Республики
24 мая 2023 года
Министр обороны Российской Федерации генерал армии Сергей Шойгу провёл в Москве переговоры с министром обороны Кыргызской Республики.
В ходе встречи стороны обсудили вопросы двустороннего военного и военно-технического сотрудничества, подготовки военных кадров для Вооружённых Сил Кыргызской Республики в российских военных вузах, а также противодействия международному терроризму и экстремизму.
«Кыргызстан является нашим стратегическим союзником. Мы высоко ценим уровень взаимодействия между нашими военными ведомствами», — отметил глава российского военного ведомства.
По итогам переговоров министры подписали план двустороннего военного сотрудничества на 2024 год.
"""


def _served(db: str, study: str, event_id: str) -> tuple[str, dict[str, object], str]:
    """The explorer's home page, its JSON twin and one event's page, as a browser gets them
    (the app as ``steppewatch serve --db DB --study STUDY`` makes it)."""
    from starlette.testclient import TestClient

    from steppewatch.web import create_app

    with TestClient(create_app(db, secret="test-secret", study=study)) as client:
        home = client.get("/")
        listing = client.get("/events.json")
        page = client.get(f"/events/{event_id}")
    assert home.status_code == listing.status_code == page.status_code == 200
    return home.text, listing.json(), page.text


@pytest.mark.parametrize("which", ["russia_central_asia", "third"])
def test_done_when_init_ingest_report_and_serve_work_for_another_study(
    which: str, third_study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 16, done when: the shipped russia_central_asia study and a made-up third study go
    through init, ingest of a few pages, report and a served page with no code change between
    them; each report checks the study's own claims (the third states none, and says so)."""
    db = str(tmp_path / f"{which}.db")
    out_dir = tmp_path / "report"
    if which == "third":
        study, docs, claims = str(third_study), tmp_path / "docs", []
        ingested_id = "2021-05-14-meeting-qv-qm-1"
        n_events, countries = 4, ["QV", "QM"]
    else:
        study, docs = "russia_central_asia", tmp_path / "ru_docs"
        docs.mkdir()
        (docs / "mil_ru_readout.txt").write_text(RU_KG_MOD_READOUT, encoding="utf-8")
        claims = [c.id for c in load_study(study).claims]
        ingested_id = "2023-05-24-meeting-ru-kg-1"
        n_events, countries = 135, ["RU", "KG"]
    code, out, err = run(["init", "--study", study, "--db", db], capsys)
    assert code == 0, err
    assert f"{n_events} events read, {n_events} new" in out
    code, out, err = run(["ingest", str(docs), "--db", db, "--study", study], capsys)
    assert code == 0, err
    store = open_store(db)
    try:
        ingested = store.get_event(ingested_id)
    finally:
        store.close()
    assert ingested is not None and ingested.countries == countries
    assert ingested.level == "defence_minister" and ingested.review_status == "machine"

    code, out, err = run(["report", "--db", db, "--out", str(out_dir), "--study", study], capsys)
    assert code == 0, err
    html = (out_dir / "index.html").read_text(encoding="utf-8")
    findings = (out_dir / "data" / "findings.csv").read_text(encoding="utf-8")
    assert [line.split(",")[0] for line in findings.splitlines()[1:]] == claims
    if claims:
        assert "steppewatch example study" in html and 'id="no-claims"' not in html
        assert "China's Security Management" not in html  # not the PRC study's claims
    else:
        assert 'id="no-claims"' in html and "states no claims" in html
    assert (out_dir / "data" / "meetings_by_country.csv").is_file()

    home, listing, page = _served(db, study, ingested_id)
    assert listing["total"] == n_events  # public pages: the curated events
    assert ingested_id not in home  # an unreviewed machine event is not public by default
    assert "defence_minister" in page or "Defence minister" in page


def test_readout_sides_and_official_sources_come_from_the_studys_publisher_table(
    third_study: Path,
) -> None:
    """The made-up study's own publisher table decides sides and officialness: its focal
    state's ministry is one side (first), a partner's readout the other, its gazette neither;
    the bundled table knows none of these outlets."""
    from steppewatch.ingest.events_from_items import source_for
    from steppewatch.models import Event, Source
    from steppewatch.sources.publishers import source_side
    from steppewatch.web.readouts import event_evidence

    study = load_study(third_study)
    assert study.publishers and Path(study.publishers).is_file()
    ministry = "https://mod.vesnia.example/news/2016/09/12"
    assert source_side("Vesnian Ministry of Defence", ministry, study.publishers) == "QV"
    assert source_side("Vesnian Ministry of Defence", ministry) is None  # bundled table
    row = {"id": "ab" * 32, "url": ministry, "publisher": None, "language": "en"}
    assert source_for(row, type("Item", (), {"title": "t"})(), study.publishers).source_type == (
        "official"
    )
    gazette = {**row, "url": "https://gazette.marelia.example/a"}
    assert source_for(
        gazette, type("Item", (), {"title": "t"})(), study.publishers
    ).source_type == ("news")
    store = open_store(f"sqlite:///{third_study.parent / 'r.db'}")
    event = Event(
        id="2016-09-12-meeting-qv-qm-1", kind="meeting", title="Defence ministers meet",
        date_start="2016-09-12", countries=["QV", "QM"], framework="bilateral",
        level="defence_minister", review_status="curated",
        sources=[
            Source(url="https://gazette.marelia.example/b", publisher="Marelian Gazette"),
            Source(url=ministry, publisher="Vesnian Ministry of Defence"),
        ],
    )  # fmt: skip
    assert event_evidence(store, event, study).readouts == []  # one side only
    event.sources.append(Source(url="https://example.org/x", publisher="QM ministry"))
    table = third_study.parent / "publishers.yaml"
    table.write_text(
        table.read_text(encoding="utf-8")
        + "  - {name: Marelian ministry, side: QM, kind: government, names: [QM ministry]}\n",
        encoding="utf-8",
    )
    from steppewatch.sources.publishers import publisher_table

    publisher_table.cache_clear()
    readouts = event_evidence(store, event, study).readouts
    assert [r.side for r in readouts] == ["QV", "QM"]
    store.close()
