"""Chinese names written in Cyrillic by the Palladius system (Ван Сяохун, Лю Цзянпин) back in
pinyin (Wang Xiaohong, Liu Jiangping), as English text and the gazetteer write them.

The table is generated from pinyin's initials and finals by Palladius' rules (j, q, x only
before i and ü; zi ci si as цзы цы сы; zhi chi shi ri as чжи чи ши жи; -n as нь, -ng as н), so
every Cyrillic syllable has one pinyin reading; a word is read when it splits into such
syllables (ъ marks a syllable break: Чжунъи)."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["pinyin_word", "pinyin_name"]

_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г",
    "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш",
    "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
# finals after an initial: plain (a, o, e...), i-finals, u-finals, ü-finals
_PLAIN = {
    "a": "а", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун",
}  # fmt: skip
_I = {
    "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь",
    "iang": "ян", "ing": "ин", "iong": "юн",
}  # fmt: skip
_U = {
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
    "uang": "уан",
}  # fmt: skip
_YU = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}  # after j q x: ju = jü
_ZERO = {
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй",
    "en": "энь", "eng": "эн", "er": "эр", "o": "о", "ou": "оу", "yi": "и", "ya": "я",
    "yan": "янь", "yang": "ян", "yao": "яо", "ye": "е", "yin": "инь", "ying": "ин",
    "yong": "юн", "you": "ю", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь", "wu": "у",
    "wa": "ва", "wai": "вай", "wan": "вань", "wang": "ван", "wei": "вэй", "wen": "вэнь",
    "weng": "вэн", "wo": "во",
}  # fmt: skip


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Cyrillic syllable -> pinyin."""
    table: dict[str, str] = {}

    def add(cyr: str, pin: str) -> None:
        table.setdefault(cyr, pin)

    for pin, cyr in _ZERO.items():
        add(cyr, pin)
    for ini, c in _INITIALS.items():
        if ini in ("j", "q", "x"):
            for fin, f in _I.items():
                add(c + f, ini + fin)
            for fin, f in _YU.items():
                add(c + f, ini + fin)
            continue
        if ini in ("z", "c", "s"):
            add(c + "ы", ini + "i")
        elif ini in ("zh", "ch", "sh", "r"):
            add(c + "и", ini + "i")
        elif ini in ("b", "p", "m", "d", "t", "n", "l"):
            for fin, f in _I.items():
                add(c + f, ini + fin)
        for fin, f in _PLAIN.items():
            add(c + f, ini + fin)
        if ini in ("b", "p", "m", "f"):
            add(c + "о", ini + "o")
        else:
            add(c + "о", ini + "uo")
        for fin, f in _U.items():
            if ini in ("b", "p", "m", "f") and fin != "u":
                continue
            add(c + f, ini + fin)
        if ini in ("n", "l"):
            add(c + "юй", ini + "ü".replace("ü", "u"))
            add(c + "юэ", ini + "ue")
    # hui is хуэй (Хуэйцзюнь, Хуэйлян), not the уй of gui, dui and the other initials
    add("хуэй", "hui")
    return table


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(k) for k in _table())


def pinyin_word(word: str) -> list[str] | None:
    """The pinyin syllables of a Cyrillic word, or None when it does not split into Palladius
    syllables (the longest syllable first, backtracking)."""
    low = word.casefold().replace("ё", "е")
    table = _table()
    parts = low.split("ъ")
    out: list[str] = []
    for part in parts:
        syllables = _split(part, table, _longest())
        if syllables is None:
            return None
        out.extend(syllables)
    return out or None


def _split(word: str, table: dict[str, str], longest: int) -> list[str] | None:
    if not word:
        return []
    for n in range(min(longest, len(word)), 0, -1):
        head = word[:n]
        if head in table:
            rest = _split(word[n:], table, longest)
            if rest is not None:
                return [table[head], *rest]
    return None


# family names (pinyin) common enough that a Cyrillic name starting with one, whose every word
# reads in Palladius syllables, is read as Chinese
SURNAMES = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng "
    "liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du "
    "ye cheng wei su lu ding ren shen yao jin fu fang bai cui kang mao qiu qin shi gu hou "
    "shao meng long wan duan lei qian yin yi chang xiong jia gong miao zou yue fan xiang "
    "geng qi mo niu ning bi ou".split()
)


def pinyin_name(words: list[str], chinese: bool) -> str | None:
    """A Cyrillic name (family name first) in pinyin, or None when it is not read as Chinese:
    every word must split into syllables, the family name of one syllable, a given name of one
    or two; ``chinese`` (the title names the PRC) spares the family-name list."""
    if len(words) != 2:
        return None
    family, given = pinyin_word(words[0]), pinyin_word(words[1])
    if family is None or given is None or len(family) != 1 or not 1 <= len(given) <= 2:
        return None
    if not chinese and family[0] not in SURNAMES:
        return None
    return f"{family[0].capitalize()} {''.join(given).capitalize()}"
