"""Relevance needs the focal state (China) to take part: named in the item's lead or in a
sentence that reports something, and not only as a border, a route's stop, the home of
researchers, a dateline or one of a partner's many partners. Hand-written texts in the
documents' own scripts (not copied from any gold text)."""

from __future__ import annotations

import pytest

from steppewatch.extract import ExtractedDocument, get_coder
from steppewatch.extract.codebook_coder import _framework_meeting
from steppewatch.extract.coder_resources import load_resources
from steppewatch.extract.normalise import normalise_for_matching
from steppewatch.study import resolve_study


def _code(text: str, language: str) -> tuple[bool, list[str]]:
    coded = get_coder().code(ExtractedDocument(source="t.txt", text=text, language=language))
    return bool(coded.relevant), list(coded.countries)


NOT_TAKING_PART = [
    (  # China only in a background sentence on transport corridors
        "ru",
        "Узбекистан и Россия провели консультации по вопросам безопасности\n"
        "Москва, 4 марта 2024 г. Стороны обсудили борьбу с терроризмом и охрану границы с "
        "Афганистаном.\nОтдельно обсуждались транспортные коридоры, связывающие Центральную "
        "Азию с Китаем и Европой.",
    ),
    (  # China one of a partner's many partners, with states from outside the region
        "en",
        "Kazakhstan and Russia agree on border security cooperation\n"
        "ASTANA – The defence ministers of Kazakhstan and Russia signed a plan on border "
        "security and joint training on March 4, 2024.\nKazakhstan also keeps defence ties "
        "with China, the United States and Japan, the minister said.",
    ),
    (  # the dateline's city is where the report was filed
        "en",
        "BEIJING, May 3 (Xinhua) -- The CSTO held a counter-terrorism exercise in Kyrgyzstan "
        "with troops from Russia, Kyrgyzstan and Kazakhstan, the organization said on Friday.",
    ),
    (  # researchers from China are not the state
        "zh",
        "2024年5月3日，来自中国、哈萨克斯坦和俄罗斯的专家学者在阿拉木图举行研讨会，讨论地区反恐形势和阿富汗局势。",
    ),
    (  # the other side of a border the partner guards alone
        "ru",
        "Пограничная служба Кыргызстана провела учения по охране участка государственной "
        "границы с Китаем. В учениях отрабатывались действия по задержанию нарушителей границы "
        "и контрабандистов наркотиков.",
    ),
    (  # a stop of a railway's name
        "ru",
        "Президенты Казахстана и Узбекистана провели переговоры в Ташкенте 5 мая 2024 года. "
        "Главы государств обсудили охрану границы, борьбу с терроризмом и строительство "
        "железной дороги Китай – Кыргызстан – Узбекистан.",
    ),
]


@pytest.mark.parametrize(("language", "text"), NOT_TAKING_PART)
def test_china_named_without_taking_part_makes_no_relevant_item(language: str, text: str) -> None:
    assert _code(text, language) == (False, [])


TAKING_PART = [
    (  # China in the lead, the security content in the next sentence
        "en",
        "Wang Yi holds talks with Kazakh foreign minister\nOn May 5, 2024, Foreign Minister "
        "Wang Yi held talks with Kazakh Foreign Minister Murat Nurtleu in Beijing. The two "
        "sides agreed to deepen counter-terrorism cooperation.",
        ["CN", "KZ"],
    ),
    (  # China past the lead, in a sentence naming an office
        "ru",
        "Президент Кыргызстана принял делегацию 5 мая 2024 года в Бишкеке. Делегацию "
        "Министерства общественной безопасности Китая возглавил заместитель министра. Стороны "
        "обсудили борьбу с терроризмом и наркотрафиком.",
        ["CN", "KG"],
    ),
    (  # an SCO council's session, its meeting named before the SCO's name in a genitive chain
        "ru",
        "В Бишкеке 5 мая 2024 года состоялось заседание Совета министров обороны государств – "
        "членов Шанхайской организации сотрудничества. Участники заседания обсудили "
        "противодействие терроризму.",
        ["CN", "KG", "KZ", "TJ", "UZ"],
    ),
]


@pytest.mark.parametrize(("language", "text", "countries"), TAKING_PART)
def test_china_taking_part_keeps_the_item_relevant(
    language: str, text: str, countries: list[str]
) -> None:
    relevant, coded = _code(text, language)
    assert relevant and coded[: len(countries)] == countries


def test_a_framework_meeting_is_the_one_of_the_framework_sentence() -> None:
    """The SCO named at the end of one sentence and a meeting word opening the next are no
    SCO meeting; in one sentence they are."""
    res = load_resources(None, resolve_study(None))
    apart = "Казахстан поддерживает контакты с ШОС. Заседание правительства обсудило бюджет."
    joined = "Казахстан принял участие в заседании Совета министров иностранных дел ШОС."
    for text, expected in ((apart, False), (joined, True)):
        normal = normalise_for_matching(text)
        hits = res.matcher.hits(normal, 0, len(normal))
        assert _framework_meeting(hits, res, "SCO", text=text) is expected
