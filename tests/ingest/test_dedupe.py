"""Near-duplicate index: MinHash signatures over normalised character shingles."""

from __future__ import annotations

import random

from steppewatch.ingest.dedupe import NearDuplicateIndex

POOL = (
    "中吉两国元首在比什凯克会谈双方同意加强安全合作共同打击三股势力维护地区和平稳定深化执法反恐边境"
)
RU = (
    "Министр обороны Китая встретился с министром обороны Таджикистана. Стороны обсудили борьбу "
    "с терроризмом, охрану границы и совместные учения. "
)


def chinese(seed: int, n: int = 1500) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(POOL) for _ in range(n))


def test_near_copy_found_other_text_not() -> None:
    index = NearDuplicateIndex()
    base = chinese(1)
    index.add("a", index.signature(base))  # type: ignore[arg-type]
    edited = base[:700] + "，。" + base[700:]  # punctuation and a small change
    assert index.query(index.signature(edited)) == ["a"]  # type: ignore[arg-type]
    assert index.query(index.signature(chinese(2))) == []  # type: ignore[arg-type]


def test_spacing_and_case_do_not_matter() -> None:
    index = NearDuplicateIndex()
    text = RU * 4
    index.add("ru", index.signature(text))  # type: ignore[arg-type]
    assert index.query(index.signature(text.upper().replace(" ", "  \n"))) == ["ru"]  # type: ignore[arg-type]


def test_same_template_other_numbers_is_not_a_duplicate() -> None:
    index = NearDuplicateIndex()
    one = "2019年6月13日，" + chinese(3) + "第1次会议"
    two = "2020年7月2日，" + chinese(3) + "第2次会议"
    sig_one, sig_two = index.signature(one), index.signature(two)
    assert sig_one is not None and sig_two is not None
    index.add("one", sig_one, index.numbers_key(one))
    assert index.query(sig_two) == ["one"]  # the text alone looks the same
    assert index.query(sig_two, index.numbers_key(two)) == []  # its dates differ


def test_short_texts_have_no_signature_and_hex_round_trip() -> None:
    index = NearDuplicateIndex()
    assert index.signature("中吉会谈") is None and index.signature(None) is None
    signature = index.signature(chinese(4))
    assert signature is not None and len(signature) == 64
    restored, numbers = index.from_hex(index.to_hex(signature, "abcd"))
    assert (restored == signature).all() and numbers == "abcd"
    other = NearDuplicateIndex()
    other.load([("x", index.to_hex(signature, "abcd"))])
    assert other.query(signature, "abcd") == ["x"] and len(other) == 1
