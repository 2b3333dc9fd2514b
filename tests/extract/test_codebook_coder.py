from __future__ import annotations

import pytest

from steppewatch.extract import code_document, get_coder

from .conftest import (
    RU_CHINA_RUSSIA,
    ZH_CHINA_RUSSIA_DRILL,
    ZH_ECONOMIC,
    ZH_ETHNIC_KAZAKH,
    ZH_TURKEY,
    make_doc,
)


@pytest.mark.parametrize(
    "lang,country,topic",
    [("zh", "KG", "terrorism"), ("ru", "KG", "three_evils"), ("en", "KZ", "three_evils")],
)
def test_readouts_are_relevant_and_coded(readouts, lang: str, country: str, topic: str) -> None:
    coded = code_document(readouts[lang])
    assert coded.relevant, coded
    assert coded.relevance_score >= 0.5
    assert country in coded.countries and "CN" in coded.countries
    assert coded.kind == "meeting"
    assert coded.level == "head_of_state"
    assert coded.event_date == "2019-06-13" and coded.date_precision == "day"
    assert topic in coded.topics
    assert coded.codebook_version and coded.coder and coded.coder.version
    names = {a.name for a in coded.actors}
    assert "Xi Jinping" in names


def test_chinese_readout_codes_topics_domains_and_evidence(readouts) -> None:
    coded = code_document(readouts["zh"])
    assert {"three_evils", "separatism", "border_security", "drug_trafficking"} <= set(coded.topics)
    assert "law_enforcement" in coded.domains
    assert coded.framework == "bilateral"
    text = coded.text or ""
    fields = {(e.field, e.code) for e in coded.evidence}
    for topic in coded.topics:
        assert ("topic", topic) in fields
    for e in coded.evidence:
        assert text[e.start : e.end] == e.text


def test_actor_names_are_normalised_to_english(readouts) -> None:
    coded = code_document(readouts["ru"])
    actors = {a.name: a for a in coded.actors}
    assert actors["Sooronbay Jeenbekov"].office == "President"
    assert actors["Sooronbay Jeenbekov"].country == "KG"


@pytest.mark.parametrize(
    "text",
    [ZH_ECONOMIC, ZH_TURKEY, ZH_CHINA_RUSSIA_DRILL, ZH_ETHNIC_KAZAKH, RU_CHINA_RUSSIA],
    ids=[
        "economic-only",
        "zhongtu-turkey",
        "china-russia-drill",
        "ethnic-kazakh",
        "ru-china-russia",
    ],
)
def test_hard_negatives_are_not_relevant(text: str) -> None:
    coded = code_document(make_doc(text))
    assert not coded.relevant, coded.evidence
    assert not set(coded.countries) & {"KZ", "KG", "TJ", "UZ", "TM"}


def test_transcript_is_segmented_and_summarised() -> None:
    text = (
        "应吉尔吉斯斯坦外交部长邀请，国务委员兼外长王毅将于6月10日访问吉尔吉斯斯坦。\n"
        "法新社记者：美国今天宣布对中国商品加征关税，中方有何回应？\n"
        "耿爽：我们已多次表明立场。\n"
        "塔斯社记者：据报道，中塔两国边防部队将举行联合反恐演习，你能否证实？\n"
        "耿爽：中塔两国在打击“三股势力”方面合作密切，此次联合演习旨在提升反恐能力。\n"
        "彭博社记者：关于香港问题，你有何评论？\n"
        "耿爽：香港事务纯属中国内政。"
    )
    doc = make_doc(text)
    coded = get_coder().code(doc)
    assert len(coded.items) == 4
    relevant = [i for i in coded.items if i.relevant]
    assert [i.index for i in relevant] == [2]
    assert relevant[0].kind == "bilateral_exercise"
    assert relevant[0].countries == ["CN", "TJ"]
    assert coded.relevant and coded.countries == ["CN", "TJ"]
    assert {"three_evils", "terrorism"} <= set(coded.topics)
    assert "border_guard" in coded.domains


def test_traditional_chinese_is_coded_like_simplified() -> None:
    trad = "2019年6月13日，國家主席習近平同吉爾吉斯斯坦總統熱恩別科夫舉行會談，雙方同意共同打擊恐怖主義和分裂勢力。"
    coded = code_document(make_doc(trad))
    assert coded.relevant and "KG" in coded.countries and "terrorism" in coded.topics


def test_three_evils_formula_codes_three_evils_only() -> None:
    # "terrorism, separatism and extremism" is the formula: three_evils, not its three parts;
    # a separate mention of terrorism still counts
    only_formula = make_doc(
        "2019年6月13日，习近平同吉尔吉斯斯坦总统举行会谈，双方同意共同打击恐怖主义、分裂主义和极端主义，加强执法安全合作。"
    )
    coded = code_document(only_formula)
    assert "three_evils" in coded.topics
    assert not {"terrorism", "separatism", "extremism"} & set(coded.topics)
    both = make_doc(
        "2019年6月13日，习近平同吉尔吉斯斯坦总统举行会谈，双方同意共同打击恐怖主义、分裂主义和极端主义。"
        "双方还谴责了比什凯克中国使馆遭受的恐怖袭击。"
    )
    assert {"three_evils", "terrorism"} <= set(code_document(both).topics)


def test_russian_extremism_and_separatism_nouns_are_indicators() -> None:
    # "экстремис"/"сепаратис" only match экстремист-/сепаратист-; the nouns need their own stems
    coded = code_document(
        make_doc(
            "13 июня 2019 г. Министр обороны Казахстана и Министр национальной обороны КНР обсудили "
            "противодействие международному терроризму и религиозному экстремизму, а также сепаратизму."
        )
    )
    assert {"terrorism", "extremism", "separatism"} <= set(coded.topics)
    assert "religion" not in coded.topics  # religious extremism is extremism (codebook note)


def test_islamic_state_is_terrorism_not_religion() -> None:
    coded = code_document(
        make_doc(
            "В ночь на 6 ноября 2019 года боевики атаковали заставу в Таджикистане; нападавшие являлись членами "
            "организации «Исламское государство». Посольство КНР заявило, что Китай готов усиливать "
            "сотрудничество с Таджикистаном в сфере безопасности."
        )
    )
    assert coded.relevant and "terrorism" in coded.topics
    assert "religion" not in coded.topics
    mosque = code_document(
        make_doc(
            "2019年6月13日，中国和哈萨克斯坦宗教事务部门会谈，双方讨论了清真寺管理和打击恐怖主义合作。"
        )
    )
    assert "religion" in mosque.topics  # religious affairs as such still code religion


@pytest.mark.parametrize(
    "phrase",
    [
        "позволят усилить охрану таджикско-афганской границы",
        "обеспечению безопасности на общей государственной границе",
        "создана экспертная группа по пограничному сотрудничеству",
    ],
)
def test_russian_border_security_phrases_with_case_endings(phrase: str) -> None:
    coded = code_document(
        make_doc(
            f"30 сентября 2017 г. представители КНР и Таджикистана договорились о мерах, которые {phrase}."
        )
    )
    assert "border_security" in coded.topics, coded.evidence


def test_russian_private_security_and_investment_security_case_forms() -> None:
    coded = code_document(
        make_doc(
            "Китайская охранная компания выходит на рынок Казахстана\n"
            "В апреле 2019 года китайская частная охранная компания подписала соглашение с казахстанским "
            "партнёром о создании совместного предприятия. Предприятие будет обеспечивать охрану объектов "
            "компаний с китайским участием."
        )
    )
    assert coded.relevant and coded.kind == "private_security"
    assert "investment_security" in coded.topics


def test_safety_of_chinese_companies_is_investment_security() -> None:
    coded = code_document(
        make_doc(
            "In September 2019 protests against Chinese-funded factories took place in Kazakhstan. Police "
            "detained dozens of people. The Chinese embassy urged Kazakhstan to ensure the safety of Chinese "
            "companies and citizens."
        )
    )
    assert "investment_security" in coded.topics


def test_domain_word_inside_another_domain_name_does_not_count() -> None:
    # 部队 (troops: military) inside 边防部队 (border troops: border_guard)
    coded = code_document(make_doc("2019年8月，中国和塔吉克斯坦边防部队举行联合反恐演习。"))
    assert coded.domains == ["border_guard"]
    army = code_document(
        make_doc("2019年8月，中国和塔吉克斯坦边防部队和解放军部队举行联合反恐演习。")
    )
    assert {"border_guard", "military"} <= set(army.domains)
