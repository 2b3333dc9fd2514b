"""Which sector a domain word names where it stands (fifteenth round): a sector's word codes the
domain only when it names that sector of a state taking part.

- ``sphere_word``: "military" as the first half of military-political (confidence-building
  measures in the military-political sphere, военно-политической сфере, 军事政治领域) names a
  field of confidence measures that foreign ministers discuss, not armed forces taking part
  (codebook military: armed forces and defence ministries take part).
- ``former_members``: a sector's word after "former" (former PLA officers, бывшие
  военнослужащие, 退役军人) names where a person once served: a security firm's staff, an
  analyst; the sector does not act.
- ``army_border``: a general border word (border defence, border troops, 边防, пограничные
  войска) in a sentence that names the army acting (the PLA, a military district, the two
  militaries, 两军, a defence ministry) is the army's border work (a border-defence regiment of
  the Xinjiang Military District; the two militaries' exchanges in training and border
  defence): codebook border_guard, exclude: army units on the border are military. A border
  service named as such (border guards, border service, погранслужба, 边检) stays.
- ``drug_field``: 禁毒 (drug control) in a list of fields of cooperation (深化反恐、禁毒、信息安全
  等领域合作) is the drug topic, no police agency taking part; 禁毒执法, 禁毒局, 国家禁毒委 are.
- ``bordering``: a Russian border adjective followed by с (пограничный с Мьянмой округ, the
  district bordering Myanmar) says where a place lies, not that a border service acts.
- ``split_guofang``: 国防 read across two words (本国防灾减灾: 本国, then 防灾; 各国防范) names
  no defence: the 防 begins a word of its own (防灾, 防疫, 防汛, 防火, 防范, 防控, 防止, 防治).
- ``committee_owns_border``, ``committee_name``: a security committee named as the owner of
  the border troops in an item (Border Troops of the GKNB; the GKNB's first deputy chairman,
  commander of the Border Troops; 国家安全委员会边防部队): its names in the item are the border
  service's, no state_security (the codebook's border_owner rule, read over the item); a
  service's intelligence or the focal state's ministry still codes it.
"""

from __future__ import annotations

import re

from steppewatch.extract.matcher import Hit

__all__ = [
    "army_border",
    "bordering",
    "committee_name",
    "committee_owns_border",
    "drug_field",
    "former_members",
    "sphere_word",
    "split_guofang",
]

# -- military-political --------------------------------------------------------------------------
_POLITICAL_AFTER = re.compile(r"\s*-\s*(?:political|политическ)|政治", re.IGNORECASE)


def sphere_word(hit: Hit, text: str) -> bool:
    """The military ``hit`` is the first half of military-political (военно-политической,
    军事政治)."""
    return _POLITICAL_AFTER.match(text, hit.end) is not None


# -- former members -----------------------------------------------------------------------------
FORMER_SPAN = 32  # characters before a sector's word searched for "former"
_FORMER = re.compile(
    r"(?<![^\W\d_])(?:former|ex-|retired|бывш\w*|отставн\w*)(?![^\W\d_])|退役|前",
    re.IGNORECASE,
)
# (a clause's end; "and" does not end it: former servicemen of the PLA and the People's Armed
# Police served in both)
_CLAUSE = re.compile(r"[,，。;；:：!?！？\n()（）]")


def former_members(hit: Hit, text: str) -> bool:
    """The domain ``hit`` follows "former" in its phrase (former officers of the PLA, бывшие
    военнослужащие НОАК, 退役军人): where someone once served."""
    lo = max(0, hit.start - FORMER_SPAN)
    for m in _CLAUSE.finditer(text, lo, hit.start):
        lo = m.end()
    former = _FORMER.search(text, lo, hit.start)
    if former is None:
        return False
    # 前 is "former" only right before the word (前军人), not 之前, 目前, 前往, 向前
    return former.group() != "前" or (
        former.end() == hit.start
        and text[former.start() - 1 : former.start()] not in "之目此向提以当"
    )


# -- the army's border work -----------------------------------------------------------------------
# border words that do not say which service guards (border defence, border troops): the army's
# in a sentence that names the army
_GENERAL_BORDER = frozenset(
    {
        "border defence",
        "border defense",
        "frontier defence",
        "frontier defense",
        "border troops",
        "border control",
        "边防",
        "пограничн",
        "погранич",
        "погранвойск",
    }
)
_ARMY = re.compile(
    r"(?<![^\W\d_])(?:PLA|People's\s+Liberation\s+Army|military\s+district|militaries|"
    r"armed\s+forces|army|defen[cs]e\s+minist\w*|ministry\s+of\s+(?:national\s+)?defen[cs]e|"
    r"НОАК|военн\w*\s+округ\w*|арми[яиюей]|вооруженн\w*\s+сил\w*|министерств\w*\s+обороны|"
    r"министр\w*\s+обороны|минобороны)(?![^\W\d_])|"
    r"军区|解放军|两军|国防部|国防大学|军队|武装力量|战区",
    re.IGNORECASE,
)
_SENTENCE_MARK = re.compile(r"[。！？!?\n]|\.(?:\s|$)")
SENTENCE_REACH = 300  # characters searched either side of a word for its sentence's ends


# a Russian border adjective before a border service's noun (пограничная служба, пограничной
# заставы, пограничного отряда, пограничных представителей): the service named as such
_SERVICE_AFTER = re.compile(
    r"[а-я]*\s+(?:служб|застав|отряд|пост|ведомств|управлени|комендатур|представител|орган)",
)


def army_border(hit: Hit, text: str) -> bool:
    """The border_guard ``hit`` is a general border word in a sentence that names the army."""
    term = hit.term.lower()
    if term not in _GENERAL_BORDER:
        return False
    if term.startswith("погранич") and _SERVICE_AFTER.match(text.lower(), hit.end):
        return False
    lo = max(0, hit.start - SENTENCE_REACH)
    for m in _SENTENCE_MARK.finditer(text, lo, hit.start):
        lo = m.end()
    stop = _SENTENCE_MARK.search(text, hit.end, hit.end + SENTENCE_REACH)
    hi = stop.start() if stop else min(len(text), hit.end + SENTENCE_REACH)
    return _ARMY.search(text, lo, hi) is not None


# -- the security committee as the border service's owner ------------------------------------------
# the Central Asian security committees, whose border services are theirs (Border Troops of the
# GKNB, Пограничная служба КНБ, 国家安全委员会边防军)
_COMMITTEE = re.compile(
    r"(?<![^\W\d_])(?:G?KNB|SCNS|State\s+Committee\s+for\s+National\s+Security|"
    r"National\s+Security\s+Committee|Г?КНБ|(?:Государственн\w+\s+)?комитет\w*\s+национальной\s+"
    r"безопасност\w*)(?![^\W\d_])|国家安全委员会|国安委",
    re.IGNORECASE,
)
# the committee and the border service named side by side (国家安全委员会及边防部门, the Border
# Service and the State Committee): two bodies taking part, not an owner
_CONJUNCTION = re.compile(
    r"[及和与、]|(?<![^\W\d_])(?:and|or|и|или|также)(?![^\W\d_])", re.IGNORECASE
)
OWNER_REACH = 80  # characters between a border service's word and the committee's name


def committee_owns_border(text: str, start: int, end: int, border: list[Hit]) -> bool:
    """In ``text[start:end]`` a security committee is named within ``OWNER_REACH`` characters
    of a border-guard hit of ``border``, in the same sentence: the committee the border service
    belongs to (Border Troops of the State Committee for National Security; the first deputy
    chairman of the GKNB - commander of the Border Troops; the GKNB, which controls the Border
    Troops; 塔国家安全委员会边防部队)."""
    for m in _COMMITTEE.finditer(text, start, end):
        for hit in border:
            lo, hi = min(m.start(), hit.start), max(m.end(), hit.end)
            gap = (m.end(), hit.start) if m.end() <= hit.start else (hit.end, m.start())
            if (
                hi - lo <= OWNER_REACH + (m.end() - m.start()) + (hit.end - hit.start)
                and not _SENTENCE_MARK.search(text, lo, hi)
                and not _CONJUNCTION.search(text, *gap)
            ):
                return True
    return False


def committee_name(hit: Hit, text: str) -> bool:
    """The state-security ``hit`` is a security committee's name (not intelligence, a special
    service or the focal state's ministry)."""
    return _COMMITTEE.fullmatch(text, hit.start, hit.end) is not None or (
        _COMMITTEE.search(text, hit.start, hit.end) is not None and hit.end - hit.start <= 60
    )


# -- drug control as a field, not an agency ----------------------------------------------------
# 禁毒 (drug control) names the police's drug work when an agency or enforcement follows it
# (禁毒执法, 禁毒局, 禁毒委员会, 禁毒部门, 禁毒警察) or the state's commission is meant (国家禁毒委);
# in a list of fields (深化反恐、禁毒、信息安全等领域合作) it is the drug topic only
_DRUG_AGENCY_AFTER = re.compile(r"执法|警|局|委|部门|机构|支队|大队|总队|办公室|合作中心")


def drug_field(hit: Hit, text: str) -> bool:
    """The law-enforcement ``hit`` is 禁毒 named as a field of cooperation, not an agency."""
    if hit.term != "禁毒":
        return False
    if _DRUG_AGENCY_AFTER.match(text, hit.end):
        return False
    return not text[max(0, hit.start - 2) : hit.start].endswith("国家")


# the rest of the word, an adjective's ending, then с/со: "bordering" (пограничный с Мьянмой,
# пограничных с Китаем)
_BORDERING_AFTER = re.compile(
    r"[а-яё]*(?:(?<=ый|ий|ая|ое|ые|ой|ом|ым|ых|ую)|(?<=ого|ому|ыми))\s+со?\s", re.IGNORECASE
)


def bordering(hit: Hit, text: str) -> bool:
    """The border-guard ``hit`` is an adjective meaning "bordering" a place (пограничный с
    Мьянмой округ), not a border service."""
    return hit.term.startswith("погранич") and _BORDERING_AFTER.match(text, hit.end) is not None


_WORD_AFTER_GUO = frozenset("灾疫汛火范控止治")


def split_guofang(hit: Hit, text: str) -> bool:
    """The military ``hit`` 国防 ends one word and begins the next (本国防灾, 各国防范)."""
    return hit.term == "国防" and text[hit.end : hit.end + 1] in _WORD_AFTER_GUO
