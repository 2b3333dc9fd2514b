"""The learned participation layer as judged in the eighteenth round (``participation_model``,
fitted by ``participation_fit``), on hand-written Chinese, Russian and English readouts (none
copied from a gold text): the structural features added this round, a state taking part kept
and a state named only in a general statement removed (as ``named_state`` evidence), the fit's
determinism, and the refusal of held-out and validation sets by name. The layer is not adopted
(no weights shipped; gold/README.md, "Eighteenth round, learned participation layer
revisited"): these tests use weights written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from steppewatch.errors import InputError
from steppewatch.extract import code_document
from steppewatch.extract import participation_fit as pf
from steppewatch.extract import participation_model as pm
from steppewatch.extract.model import CodedDocument

from .conftest import make_doc

CA = {"KZ", "KG", "TJ", "UZ", "TM"}

# the meeting's side in the lead; three other states named only in a statement about what China
# does every year (not this event's sides)
HABITUAL = [
    pytest.param(
        "ASTANA, May 6, 2025 -- Kazakh Defence Minister Ruslan Zhaksylykov met Chinese Defence "
        "Minister Dong Jun in Astana. The talks covered counter-terrorism exercises that China "
        "holds with Kyrgyzstan, Tajikistan and Uzbekistan every year.",
        id="en",
    ),
    pytest.param(
        "2025年5月6日，国防部长董军在阿斯塔纳会见哈萨克斯坦国防部长。双方同意扩大联合反恐训练。"
        "中方每年同吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦举行联合反恐演习。",
        id="zh",
    ),
    pytest.param(
        "Астана, 6 мая 2025 г. Министр обороны Казахстана встретился с министром обороны КНР. "
        "Стороны договорились расширить совместную антитеррористическую подготовку. Китай "
        "ежегодно проводит совместные учения с Кыргызстаном, Таджикистаном и Узбекистаном.",
        id="ru",
    ),
]


def _ca(text: str) -> tuple[CodedDocument, set[str]]:
    coded = code_document(make_doc(text))
    return coded, set(coded.countries) & CA


def _pairs(text: str) -> dict[str, dict[str, float]]:
    with pm.capturing() as seen:
        code_document(make_doc(text))
    return {state: features for item, state, features in seen if item.relevant}


@pytest.fixture(autouse=True)
def _fresh_weights() -> object:
    pm.load_weights.cache_clear()
    yield
    pm.load_weights.cache_clear()


@pytest.mark.parametrize("text", HABITUAL)
def test_the_structural_features_read_the_pairs(text: str) -> None:
    pairs = _pairs(text)
    assert set(pairs) == {"KZ", "KG", "TJ", "UZ"}
    assert set(pairs["KZ"]) == set(pm.FEATURES)
    assert pairs["KZ"]["lead_partner"] == 1.0
    assert pairs["KZ"]["list3_sentence"] == 0.0
    for state in ("KG", "TJ", "UZ"):
        assert pairs[state]["list3_sentence"] == 1.0
        assert pairs[state]["lead_partner"] == 0.0
        assert pairs[state]["in_lead"] == 0.0
        assert pairs[state]["greeting"] == 0.0


def test_a_thanked_state_is_seen_in_a_greeting() -> None:
    text = (
        "BISHKEK, May 6, 2025 -- Kyrgyz and Chinese border guards held a joint counter-terrorism "
        "exercise near Irkeshtam on Tuesday. The Kyrgyz commander thanked Kazakhstan for lending "
        "two helicopters to the joint exercise."
    )
    pairs = _pairs(text)
    if "KZ" in pairs:  # (the rules may already drop it)
        assert pairs["KZ"]["greeting"] == 1.0
        assert pairs["KZ"]["lead_partner"] == 0.0
    assert pairs["KG"]["in_lead"] == 1.0


def _weights(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    weights: dict[str, float],
    intercept: float = 0.0,
) -> None:
    path = tmp_path / "participation.json"
    path.write_text(
        json.dumps({"intercept": intercept, "weights": weights, "threshold": 0.5}),
        encoding="utf-8",
    )
    monkeypatch.setattr(pm, "WEIGHTS_PATH", path)
    pm.load_weights.cache_clear()


@pytest.mark.parametrize("text", HABITUAL)
def test_the_side_is_kept_and_the_states_of_a_general_statement_removed(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _weights(tmp_path, monkeypatch, {"lead_partner": 3.0, "in_lead": 1.0}, intercept=-1.0)
    coded, ca = _ca(text)
    assert ca == {"KZ"}
    for state in ("KG", "TJ", "UZ"):
        notes = [e for e in coded.evidence if e.field == pm.NOT_TAKING_PART and e.code == state]
        assert notes, coded.evidence
        assert notes[0].basis is not None
        assert notes[0].basis.startswith("named, not taking part (p=0.27")
        assert not any(e.field == "country" and e.code == state for e in coded.evidence)
    assert any(e.field == "country" and e.code == "KZ" for e in coded.evidence)


def test_a_second_state_said_to_take_part_is_seen() -> None:
    text = (
        "ASTANA, May 6, 2025 -- Kazakh Interior Minister Yerzhan Sadenov held talks with Chinese "
        "Minister of Public Security Wang Xiaohong in Astana on counter-terrorism cooperation.\n"
        "Kyrgyz police officers took part in the talks as well."
    )
    pairs = _pairs(text)
    assert pairs["KZ"]["lead_partner"] == 1.0
    if "KG" in pairs:
        assert pairs["KG"]["took_part"] == 1.0
        assert pairs["KG"]["in_lead"] == 0.0


def test_no_weights_are_shipped_and_a_refit_writes_them_disabled(tmp_path: Path) -> None:
    assert not pm.WEIGHTS_PATH.exists()  # not adopted (gold/README.md, eighteenth round)
    sets = {f"s{k}": _documents(k) for k in range(3)}
    data = pf.weights_json(sets, 0.1, 0.5, enabled=False)
    target = pf.write_weights(data, tmp_path / "participation.json")
    assert pm.load_weights(str(target)) is None
    enabled = pf.write_weights(dict(data, enabled=True), tmp_path / "enabled.json")
    assert pm.load_weights(str(enabled)) is not None


# -- the fit ------------------------------------------------------------------------------------
def _documents(seed: int, n: int = 40) -> list[pf.Document]:
    """Synthetic documents: one state taking part in the lead, a second one that does when it is
    in the lead too, none otherwise."""
    documents = []
    for i in range(n):
        lead2 = (i * 7 + seed) % 3 == 0
        base = dict.fromkeys(pm.FEATURES, 0.0)
        first = dict(base, lead_partner=1.0, in_lead=1.0, relevance=0.9)
        second = dict(base, in_lead=float(lead2), n_partners_2=1.0, relevance=0.9)
        gold = {"KZ", "KG"} if lead2 else {"KZ"}
        documents.append(
            pf.Document(
                id=f"d{seed}-{i}",
                gold=gold,
                scored=True,
                gold_relevant=True,
                predicted={"KZ", "KG"},
                support={"KZ": {0}, "KG": {0}},
                pairs=[pf.Pair(0, "KZ", first, True), pf.Pair(0, "KG", second, lead2)],
            )
        )
    return documents


def test_the_fit_is_deterministic() -> None:
    sets = {f"s{k}": _documents(k) for k in range(4)}
    first = pf.choose(sets)
    assert first == pf.choose(sets)
    one = json.dumps(pf.weights_json(sets, *first), sort_keys=True)
    two = json.dumps(pf.weights_json(sets, *first), sort_keys=True)
    assert one == two
    data = json.loads(one)
    # the second state in the lead takes part; out of it, it does not
    assert data["weights"]["in_lead"] > 0
    tp, fp, fn = pf.counts(sets["s0"], None, 0.0)
    intercept, coef = pf.fit_weights([d for ds in sets.values() for d in ds], first[0])
    probs = pf.probabilities(sets["s0"], intercept, coef)
    after = pf.counts(sets["s0"], probs, first[1])
    assert after[1] < fp and after[2] == fn


@pytest.mark.parametrize(
    "name",
    ["test27.jsonl", "test28.jsonl", "test27_second.jsonl", "test28_second.jsonl", "test.jsonl"],
)
def test_held_out_sets_are_refused(name: str) -> None:
    with pytest.raises(InputError) as raised:
        pf.fit_participation([f"gold/{name}"], "/nonexistent/never-written.json")
    assert raised.value.code == "SW393"


@pytest.mark.parametrize("name", ["test15.jsonl", "test16.jsonl", "tune5.jsonl", "tune6.jsonl"])
def test_the_validation_pair_is_refused(name: str) -> None:
    with pytest.raises(InputError):
        pf.collect_pairs([f"gold/{name}"])
    pf.refuse(["gold/dev.jsonl", "gold/test18.jsonl"])
