"""Folding names for lookup and ranking near misses for search and error messages."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

__all__ = ["FuzzyIndex", "fold", "fold_cached"]

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_KEEP = frozenset(f"{_LETTERS}0123456789 ")
_ASCII_FOLD = bytearray(b" " * 256)
_ASCII_FOLD[48:58] = b"0123456789"
_ASCII_FOLD[65:91] = _ASCII_FOLD[97:123] = _LETTERS.encode("ascii")
"""A byte table: ASCII letters -> lower case, digits and space kept, anything else -> a space
(filled by slices: a loop over the 256 bytes cost a first answer a tenth of a millisecond)."""


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of ``text``.

    >>> fold("  Viêt-Nam ")
    'viet nam'
    >>> fold("the ILO")
    'ilo'
    >>> fold("The the Group") == fold(fold("The the Group")) == "group"
    True
    """
    if text.isascii():
        # The same answer without Unicode work: ASCII has no accents, and casefold is lower.
        kept = text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    else:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        kept = "".join(
            ch if ch in _KEEP else " " for ch in decomposed if not unicodedata.combining(ch)
        )
    words = kept.split()
    # Every leading "the", so that folding is idempotent: fold(fold(x)) == fold(x).
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


fold_cached = lru_cache(maxsize=4096)(fold)
""":func:`fold` with its answers kept: a lookup that needs folding folds each name once."""


def _bigrams(text: str) -> frozenset[str]:
    padded = f" {text} "
    return frozenset(padded[i : i + 2] for i in range(len(padded) - 1))


def _allowed_edits(text: str) -> int:
    """How many typos a word of this length may carry and still match."""
    if len(text) <= 3:
        return 0
    if len(text) <= 5:
        return 1
    return 2


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance of ``a`` and ``b``, or ``limit + 1`` once it exceeds it."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(lb + 1))
    for i in range(1, la + 1):
        current = [i] + [0] * lb
        ca = a[i - 1]
        best = i
        for j in range(1, lb + 1):
            cb = b[j - 1]
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            if value < best:
                best = value
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    result = previous[lb]
    return result if result <= limit else limit + 1


def _needed(a: frozenset[str], b: frozenset[str], edits: int) -> int:
    """Bigrams two strings within ``edits`` edits must share.

    An insertion, deletion or substitution breaks at most two bigrams of the padded string and a
    transposition three, so strings within ``edits`` edits share all but ``3 * edits`` of them.
    """
    return max(len(a), len(b)) - 3 * edits


class FuzzyIndex:
    """Ranks records by how well one of their names matches a query.

    A score is a float; higher is better. Its band says how the best name matched: 100 exact,
    90 a prefix, 80 a whole word, 70 a substring, below 60 a near miss, scaled by similarity:
    one minus the edit distance over the longer length, taken over the whole name or word by
    word, whichever is better (so "new zeeland" matches "new zealand" as well as "zeeland"
    matches "zealand"). Within a band the whole-name similarity breaks ties: "united kingdgom"
    is nearer the United Kingdom than the United Arab Emirates, whose word "united" it shares
    exactly. A near miss must be at least :data:`CUTOFF` similar, and only the names sharing
    the most bigrams with the query are scored as near misses. Distances are
    optimal-string-alignment distances: rapidfuzz's (in C) when installed, else a bit-parallel
    pure-Python one (:func:`osa_distance`); both give the same scores.
    """

    __slots__ = ("_grams", "_names")

    CUTOFF = 0.6
    NEAREST = 12
    """How many names, those sharing the most bigrams with the query, are scored as near misses."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        # (folded name, record id, its words) triples; the same id may appear under many names.
        self._names: list[tuple[str, str, tuple[str, ...]]] = [
            (name, record, tuple(name.split())) for name, record in names if name
        ]
        grams: dict[str, list[int]] = {}
        for i, (name, _, _) in enumerate(self._names):
            for gram in _bigrams(name):
                grams.setdefault(gram, []).append(i)
        self._grams = grams

    def scores(self, query: str) -> dict[str, float]:
        """Best score per record id for ``query`` (already folded); records scoring 0 left out.

        Exact, prefix, whole-word and substring matches are found by string tests; of the
        other names, the :attr:`NEAREST` that share the most bigrams with the query (relative
        to their length) are scored by edit distance, each within the edits the cutoff allows,
        so that no edit distance runs to its end for a name too far to matter.
        """
        best: dict[str, float] = {}
        if not query:
            return best
        if _distance is None:
            use_rapidfuzz()
        distance = _distance
        names = self._names
        query_grams = _bigrams(query)
        shared: dict[int, int] = {}
        for gram in query_grams:
            for i in self._grams.get(gram, ()):
                shared[i] = shared.get(i, 0) + 1
        query_words = query.split()
        spaced = f" {query} "
        size = len(query)
        slack = 1 - self.CUTOFF
        near: list[tuple[float, int]] = []
        for i, count in shared.items():
            name, record, words = names[i]
            if name == query:
                score = 100.0
            elif name.startswith(query):
                score = 90 + _similarity(query, name)
            elif spaced in f" {name} ":
                score = 80 + _similarity(query, name)
            elif query in name:
                score = 70 + _similarity(query, name)
            else:
                # Dice coefficient of the bigrams: the near misses worth an edit distance.
                near.append((2 * count / (len(query_grams) + len(name) + 1), i))
                continue
            if score > best.get(record, 0):
                best[record] = score
        near.sort(reverse=True)
        letters = size - len(query_words) + 1
        for _, i in near[: self.NEAREST]:
            name, record, words = names[i]
            longest = max(size, len(name))
            limit = int(slack * longest)
            # Edits are at least the difference in length, of the whole names or of their
            # letters (word by word, a word left out counts as edits): a name too long or too
            # short for either similarity to reach the cutoff is not scored at all.
            whole = 0.0
            if abs(size - len(name)) <= limit:
                edits = distance(query, name, limit)
                whole = 1 - edits / longest if edits <= limit else 0.0
            similar = whole
            if similar < self.CUTOFF and (len(words) > 1 or len(query_words) > 1):
                theirs = len(name) - len(words) + 1
                if abs(letters - theirs) <= slack * max(letters, theirs):
                    similar = max(whole, _word_similarity(query_words, words))
            if similar < self.CUTOFF:
                continue
            score = 60 * similar + whole / 100
            if score > best.get(record, 0):
                best[record] = score
        return best


def _similarity(a: str, b: str) -> float:
    """One minus the edit distance of ``a`` and ``b`` over the longer length."""
    longest = max(len(a), len(b))
    if not longest:
        return 1.0
    return 1 - float(_distance(a, b, longest)) / longest


def _word_similarity(query: tuple[str, ...] | list[str], words: tuple[str, ...]) -> float:
    """How well the query's words match a name's words, each to its nearest, weighted by
    length; words of the name the query leaves out lower it too (as missing letters)."""
    total = 0
    edits = 0
    used: set[int] = set()
    for word in query:
        best_edits, best_j = len(word), -1
        for j, other in enumerate(words):
            if j in used:
                continue
            d = _distance(word, other, best_edits)
            if d < best_edits:
                best_edits, best_j = d, j
        if best_j >= 0:
            used.add(best_j)
            total += max(len(word), len(words[best_j]))
        else:
            total += len(word)
        edits += best_edits
    for j, other in enumerate(words):
        if j not in used:
            total += len(other)
            edits += len(other)
    return 1 - edits / total if total else 0.0


@lru_cache(maxsize=4096)
def _pattern(text: str) -> tuple[dict[str, int], int]:
    """Each character of ``text`` -> the bit mask of its positions; and the top bit's mask."""
    masks: dict[str, int] = {}
    bit = 1
    for ch in text:
        masks[ch] = masks.get(ch, 0) | bit
        bit <<= 1
    return masks, bit >> 1


def osa_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance of ``a`` and ``b``, bit-parallel (Hyyrö 2003): one
    pass over ``b`` with a few integer operations per character, whatever the length of ``a``
    (Python's integers are as wide as it needs). Equal to :func:`distance` without a limit.
    """
    if not a:
        return len(b)
    masks, top = _pattern(a)
    full = (top << 1) - 1
    get = masks.get
    vp, vn, d0, previous = full, 0, 0, 0
    result = len(a)
    for ch in b:
        pm = get(ch, 0)
        tr = (((~d0) & pm) << 1) & previous
        d0 = ((((pm & vp) + vp) ^ vp) | pm | vn | tr) & full
        hp = vn | (~(d0 | vp) & full)
        hn = d0 & vp
        if hp & top:
            result += 1
        elif hn & top:
            result -= 1
        hp = (hp << 1) | 1
        hn <<= 1
        vp = (hn | ~(d0 | hp)) & full
        vn = hp & d0
        previous = pm
    return result


def _python_distance(a: str, b: str, limit: int) -> int:
    found = osa_distance(a, b)
    return found if found <= limit else limit + 1


def _fast_distance() -> Any:
    """rapidfuzz's Levenshtein with transpositions (OSA) when installed, else ours."""
    try:
        from rapidfuzz.distance import OSA
    except ImportError:
        return _python_distance

    osa = OSA.distance

    def fast(a: str, b: str, limit: int) -> int:
        return int(osa(a, b, score_cutoff=limit))

    return fast


_distance: Any = None


def use_rapidfuzz(enabled: bool = True) -> None:
    """Compute edit distances with rapidfuzz (when installed) or in pure Python."""
    global _distance
    _distance = _fast_distance() if enabled else _python_distance
