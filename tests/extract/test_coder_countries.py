"""Which states the default coder lists as taking part (gold/README.md guidelines 2, 3 and 6):
group names, venues, observers, third-party borders, announcement lists, SCO membership by date,
中土 in a Turkmen context. Hand-written texts in the native script (not copied from any page)."""

from __future__ import annotations

import pytest

from steppewatch.extract import code_document
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}


def _code(text: str) -> CodedDocument:
    return code_document(make_doc(text))


def test_central_asian_states_joined_to_china_name_all_five() -> None:
    coded = _code(
        "2019年11月26日，外交部发言人表示，中国和中亚国家是友好邻邦和战略伙伴，中亚国家一贯支持中方"
        "在新疆采取的反恐和去极端化举措，双方将共同打击“三股势力”。"
    )
    assert coded.relevant
    assert set(coded.countries) == {"CN"} | CA


def test_group_of_central_asian_states_in_a_us_meeting_does_not_anchor() -> None:
    # the US meets the Central Asian foreign ministers; China answers only about the US
    coded = _code(
        "据报道，9月22日，美国国务卿在纽约会见中亚五国外长后称，中方在新疆的行动与反恐无关。"
        "中方表示，新疆事务纯属中国内政，美方在反恐问题上搞双重标准。"
    )
    assert not coded.relevant
    assert not set(coded.countries) & CA


def test_group_name_refers_to_the_states_listed() -> None:
    coded = _code(
        "中亚国家军官在中国国防大学结业。2019年7月，中国国防大学防务学院举行结业典礼，来自哈萨克斯坦、"
        "吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦的军官完成反恐指挥培训。"
    )
    assert coded.relevant
    assert set(coded.countries) & CA == {"KZ", "KG", "TJ", "UZ"}  # not Turkmenistan


@pytest.mark.parametrize(
    "text",
    [
        "2017年6月19日，王毅外长会见印度外交国务部长辛格。习近平主席同莫迪总理在阿斯塔纳成功举行了会晤，"
        "双方同意加强反恐合作。",
        "Yesterday Foreign Minister Wang Yi met with Pakistani Foreign Minister Qureshi on the sidelines of "
        "the SCO Council of Foreign Ministers' Meeting in Bishkek. Both agreed to step up cooperation on "
        "counter-terrorism.",
    ],
    ids=["zh-astana-china-india", "en-bishkek-china-pakistan"],
)
def test_capital_as_venue_only_is_not_engagement(text: str) -> None:
    coded = _code(text)
    assert not coded.relevant, coded.evidence
    assert not set(coded.countries) & CA


def test_venue_capital_is_the_host_when_no_other_central_asian_state_is_named() -> None:
    coded = _code("2019年8月，上合组织成员国边防部门联合反恐演习在杜尚别举行，中国边防部队参加。")
    assert coded.relevant
    assert set(coded.countries) & CA == {"TJ"}
    named = _code("2019年8月，中国和吉尔吉斯斯坦边防部门联合反恐演习在杜尚别举行。")
    assert set(named.countries) & CA == {"KG"}  # Dushanbe is only the place


def test_observers_do_not_take_part() -> None:
    coded = _code(
        "24 августа 2014 года началась активная фаза совместных антитеррористических учений государств — "
        "членов ШОС «Мирная миссия-2014». В учениях принимают участие подразделения вооружённых сил Китая, "
        "России, Казахстана, Кыргызстана и Таджикистана. Узбекистан направил на учения наблюдателей."
    )
    assert coded.relevant and coded.kind == "multilateral_exercise"
    assert set(coded.countries) & CA == {"KZ", "KG", "TJ"}
    assert "MN" not in coded.countries  # Внутренняя Монголия is a Chinese region


def test_third_party_border_names_a_place() -> None:
    coded = _code(
        "В ночь на 6 ноября 2019 года боевики атаковали пограничную заставу на таджикско-узбекской границе "
        "в Таджикистане. Посольство КНР в Таджикистане заявило, что Китай осуждает теракт и готов усиливать "
        "сотрудничество с Таджикистаном в сфере безопасности."
    )
    assert coded.relevant
    assert set(coded.countries) & CA == {"TJ"}


def test_announcement_list_entries_are_separate() -> None:
    # the defence minister belongs to the Saudi visit, not to the Kyrgyz foreign minister's
    coded = _code(
        "一、应国务院副总理韩正邀请，沙特阿拉伯王国王储兼副首相、国防大臣穆罕默德将于2月21日至22日访华。\n"
        "二、应国务委员兼外交部长王毅邀请，吉尔吉斯斯坦外交部长艾达尔别科夫将于2月19日至23日对中国进行正式访问。"
    )
    assert not coded.relevant, coded.evidence


def test_sco_item_about_korea_is_not_engagement() -> None:
    coded = _code(
        "问：上合组织峰会是否会谈及朝核问题？答：各方都很关心朝鲜半岛核问题。我们希望上合组织青岛峰会"
        "聚焦此次峰会主题，弘扬上海精神。关于朝美领导人会晤，中方将继续发挥建设性作用。"
    )
    assert not coded.relevant, coded.evidence


@pytest.mark.parametrize(
    "text,others",
    [
        (
            "2019年4月29日，上海合作组织成员国国防部长会议在比什凯克举行，各方就打击恐怖主义交换意见。",
            {"RU", "IN", "PK"},
        ),
        (
            "2015年6月9日，上海合作组织成员国国防部长会议在圣彼得堡举行，各方就打击恐怖主义交换意见。",
            {"RU"},
        ),
    ],
    ids=["2019", "2015"],
)
def test_sco_meeting_lists_the_members_of_its_day(text: str, others: set[str]) -> None:
    coded = _code(text)
    assert coded.relevant
    assert set(coded.countries) == {"CN", "KZ", "KG", "TJ", "UZ"} | others


def test_zhongtu_is_turkmenistan_when_the_item_names_turkmenistan() -> None:
    coded = _code(
        "2019年10月，公安部副部长率团访问土库曼斯坦，同土库曼斯坦内务部长举行会谈。双方表示，中土是战略伙伴，"
        "中方感谢土方为保障中国—中亚天然气管道安全运营所作努力，同意共同打击恐怖主义。"
    )
    assert coded.relevant
    assert coded.countries == [
        "CN",
        "TM",
    ]  # not Turkey (TR), and not all five (the pipeline is no C5+China)
    assert coded.framework == "bilateral"
    turkey = _code("2019年5月3日，中土两国外长通电话，土方表示愿同中方加强反恐合作。")
    assert "TM" not in turkey.countries


def test_afghan_issue_weighs_like_a_topic() -> None:
    coded = _code(
        "问：阿富汗问题塔什干高级别会议将于3月27日举行，中方将派哪位官员出席？答：中方重视并支持乌兹别克斯坦"
        "主办阿富汗问题塔什干高级别会议，外交部副部长李保东将率团与会。"
    )
    assert coded.relevant
    assert "UZ" in coded.countries and "afghanistan" in coded.topics
    # the country named in passing does not make a visit relevant
    passing = _code("2019年3月27日，乌兹别克斯坦外长访华，双方讨论了经贸合作，并谈到阿富汗。")
    assert not passing.relevant


def test_numbered_entries_only_for_a_list_that_opens_the_item() -> None:
    from steppewatch.extract.coder_entities import numbered_entries

    listing = "一、王毅将访问吉尔吉斯斯坦。\n二、沙特国防大臣将访华。"
    assert numbered_entries(listing, 0, len(listing)) == [(0, 15), (15, len(listing))]
    answer = (
        "答：关于你的问题，中方立场是明确的，我们认为：一、反恐合作应当加强；二、各方应尊重主权。"
    )
    assert numbered_entries(answer, 0, len(answer)) == []


def test_shanghe_inside_other_words_is_not_the_sco() -> None:
    legal = _code(
        "2019年5月3日，外交部发言人表示，一些势力企图给恐怖主义披上合法外衣。中方愿同哈萨克斯坦加强反恐合作。"
    )
    # commentary (no event): no framework since issue 13; the point is that 合法 is not 上合
    assert legal.framework is None and set(legal.countries) == {"CN", "KZ"}
    summit = _code(
        "2019年6月14日，习近平出席上合比什凯克峰会，同吉尔吉斯斯坦总统会谈，双方同意加强反恐合作。"
    )
    assert summit.framework == "SCO" and {"KZ", "KG", "TJ", "UZ"} <= set(summit.countries)


def test_about_a_capital_is_not_a_venue() -> None:
    from steppewatch.extract.coder_entities import clean_entities
    from steppewatch.extract.matcher import Hit

    text = "关于塔什干会议，在塔什干举行"
    cities = frozenset({"塔什干"})
    hits = [Hit(2, 5, ("state", "UZ"), "塔什干"), Hit(9, 12, ("state", "UZ"), "塔什干")]
    kinds = [h.payload[0] for h in clean_entities(hits, cities, text)]
    assert kinds == ["state", "venue"]


@pytest.mark.parametrize(
    "text",
    [
        "Chinese security company to guard copper mine in Kazakhstan\n"
        "A Chinese private security company signed a contract on May 6, 2024, to guard a "
        "Chinese-owned copper mine in Kazakhstan's Karaganda region. The company, which already "
        "operates in Kyrgyzstan and Tajikistan, will train 60 local guards.",
        "Китайская охранная компания будет охранять рудник в Казахстане\n"
        "Частная охранная компания из КНР 6 мая 2024 года подписала контракт на охрану "
        "принадлежащего китайской корпорации медного рудника в Карагандинской области "
        "Казахстана. Компания, которая уже действует в Кыргызстане и Таджикистане, обучит "
        "60 местных охранников.",
    ],
)
def test_states_where_a_firm_operates_do_not_take_part(text: str) -> None:
    # where a firm already operates is its whereabouts, the next state of the list too
    coded = _code(text)
    assert coded.relevant and coded.kind == "private_security"
    assert set(coded.countries) & CA == {"KZ"}
