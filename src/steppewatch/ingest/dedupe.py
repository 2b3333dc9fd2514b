"""Near-duplicate documents: MinHash signatures over character shingles, a datasketch LSH index.

Exact duplicates are caught earlier by the content address (same bytes, same sha256). Two
documents whose *texts* are near-identical (the same readout re-published with another page
template, a copy with a changed footer) have a MinHash Jaccard estimate above ``threshold``.

Shingles are computed with numpy, not per-shingle Python hashing: the text is normalised
(lower case, without spaces, punctuation and symbols, so spacing and punctuation do not matter, and Chinese needs
no segmentation), its code points hashed as rolling ``k``-grams, and the shingles sampled by
hash value (one in ``sample_rate``, the same rule for every text, so the sampled sets of two
texts estimate their Jaccard similarity); only the first ``max_chars`` letters count.
Texts that share their shingles but not their numbers (two readouts of different meetings from
one template: other dates) are not duplicates; a hash of the numbers is kept with the signature.
Signatures are stored with each document (hex) and loaded into the index when ingest starts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHashLSH

__all__ = ["NearDuplicateIndex"]

# Ranges of code points dropped before shingling: spaces, punctuation, symbols.
_DROP_RANGES = (
    (0x00, 0x2F),
    (0x3A, 0x60),
    (0x7B, 0xBF),
    (0x2000, 0x2BFF),
    (0x3000, 0x303F),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
)
# True for the code points (below U+10000) that are kept; astral code points are always kept
_KEEP = np.ones(0x10000, dtype=bool)
for _low, _high in _DROP_RANGES:
    _KEEP[_low : _high + 1] = False
_SHIFT = np.uint64(32)
_DIGITS = re.compile(r"\d+")
_MAX_HASH = np.uint64((1 << 32) - 1)
_MIX = np.uint64(0x9E3779B97F4A7C15)


class NearDuplicateIndex:
    def __init__(
        self,
        *,
        threshold: float = 0.9,
        num_perm: int = 64,
        shingle: int = 7,
        min_chars: int = 200,
        sample_rate: int = 8,
        max_chars: int = 60_000,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_chars = min_chars
        self.sample_rate = sample_rate
        self.max_chars = max_chars
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        rng = np.random.default_rng(20240601)
        self._a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(
            1
        )
        self._b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
        self._signatures: dict[str, np.ndarray] = {}
        self._numbers: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    # -- signatures --------------------------------------------------------------------------
    def shingle_hashes(self, text: str) -> np.ndarray | None:
        cps = _letters(text[: self.max_chars * 2])[: self.max_chars]
        if len(cps) < self.min_chars:
            return None
        k = self.shingle
        n = len(cps) - k + 1
        with np.errstate(over="ignore"):
            h = cps[0:n].copy()
            for j in range(1, k):
                h = h * np.uint64(1000003) + cps[j : j + n]
            h ^= h >> np.uint64(29)
            h *= _MIX
            h ^= h >> np.uint64(32)
        h &= _MAX_HASH
        # the same sampling for every text, so any two signatures stay comparable
        # repeated shingles are kept: they cannot change a minimum, and sorting them out costs more
        rate = self.sample_rate
        if rate & (rate - 1) == 0:  # a power of two: a mask, cheaper than a modulo
            sampled: np.ndarray = h[(h & np.uint64(rate - 1)) == 0]
            return sampled
        sampled = h[h % np.uint64(rate) == 0]
        return sampled

    def signature(self, text: str | None) -> np.ndarray | None:
        """MinHash values (uint64 < 2**32, ``num_perm`` of them), or None for short texts."""
        if not text:
            return None
        hashes = self.shingle_hashes(text)
        if hashes is None or not len(hashes):
            return None
        with np.errstate(over="ignore"):
            # multiply-shift universal hashing (a odd, 64-bit): (a * h + b) >> 32, wrapping
            # uint64 arithmetic; the minimum over the shingles for each of num_perm functions
            values = np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)
            for start in range(0, len(hashes), 2048):
                # one row per hash function: the minimum runs along contiguous memory
                products = np.multiply.outer(self._a, hashes[start : start + 2048])
                products += self._b[:, None]
                products >>= _SHIFT
                np.minimum(values, products.min(axis=1), out=values)
        return values

    @staticmethod
    def numbers_key(text: str) -> str:
        """A short hash of the numbers in ``text`` (dates, counts): two reports of different
        meetings written from one template share most shingles but not their dates."""
        runs = sorted(set(_DIGITS.findall(text)))
        return hashlib.blake2b(" ".join(runs).encode(), digest_size=8).hexdigest()

    @staticmethod
    def to_hex(signature: np.ndarray, numbers: str = "") -> str:
        value = signature.astype("<u4").tobytes().hex()
        return f"{value}:{numbers}" if numbers else value

    @staticmethod
    def from_hex(value: str) -> tuple[np.ndarray, str]:
        hex_part, _, numbers = value.partition(":")
        return np.frombuffer(bytes.fromhex(hex_part), dtype="<u4").astype(np.uint64), numbers

    def _minhash(self, signature: np.ndarray) -> _Signature:
        return _Signature(signature)

    # -- index -------------------------------------------------------------------------------
    def add(self, key: str, signature: np.ndarray, numbers: str = "") -> None:
        if key in self._signatures:
            return
        self._lsh.insert(key, self._minhash(signature), check_duplication=False)
        self._signatures[key] = signature.astype(np.uint32)
        self._numbers[key] = numbers

    def load(self, rows: Iterable[tuple[str, str | None]]) -> None:
        for key, value in rows:
            if value and len(value.partition(":")[0]) == self.num_perm * 8:
                signature, numbers = self.from_hex(value)
                self.add(key, signature, numbers)

    def query(self, signature: np.ndarray, numbers: str | None = None) -> list[str]:
        """Keys whose estimated Jaccard similarity reaches the threshold (and, when ``numbers``
        is given, whose texts hold the same numbers), best first."""
        minhash = self._minhash(signature)
        found = list(self._lsh.query(minhash))
        if not found:
            return []
        # LSH gives candidates; keep those really above the threshold (stored signatures).
        scored = []
        for key in found:
            if numbers is not None and self._numbers.get(key, numbers) != numbers:
                continue
            other = self._signatures[key]
            scored.append((float(np.mean(other == signature.astype(np.uint32))), key))
        return [k for s, k in sorted(scored, key=lambda x: (-x[0], x[1])) if s >= self.threshold]


class _Signature:
    """What ``MinHashLSH`` reads of a MinHash (its values and scheme), without the cost of
    building a ``datasketch.MinHash`` (which draws its permutations again every time)."""

    scheme = "custom-multiply-shift"

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = hashvalues

    def __len__(self) -> int:
        return len(self.hashvalues)


def _letters(text: str) -> np.ndarray:
    """Code points of ``text`` in lower case without spaces, punctuation and symbols."""
    cps = np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32)
    keep = _KEEP[np.minimum(cps, 0xFFFF)]
    keep |= cps > 0xFFFF
    return cps[keep].astype(np.uint64)
