"""Folding names for lookup and ranking near misses for search and error messages."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

__all__ = ["FuzzyIndex", "fold", "fold_cached"]

_KEEP = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")
_ASCII_FOLD = {code: " " for code in range(128) if chr(code) not in _KEEP}
"""Every ASCII character but lower-case letters, digits and space -> a space."""


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
        kept = text.lower().translate(_ASCII_FOLD)
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
    exactly. A near miss must be at least :data:`CUTOFF` similar. Candidates are narrowed by
    shared bigrams before any edit distance is computed; with ``rapidfuzz`` installed its
    Levenshtein distance is used (same scores, computed in C).
    """

    __slots__ = ("_grams", "_names")

    CUTOFF = 0.75

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
        """Best score per record id for ``query`` (already folded); records scoring 0 left out."""
        best: dict[str, float] = {}
        if not query:
            return best
        if _distance is None:
            use_rapidfuzz()
        names = self._names
        query_grams = _bigrams(query)
        shared: dict[int, int] = {}
        for gram in query_grams:
            for i in self._grams.get(gram, ()):
                shared[i] = shared.get(i, 0) + 1
        # A name within the cutoff shares at least this many of the query's bigrams (an edit
        # breaks at most three): below it no edit distance is computed.
        needed = len(query_grams) * 0.35
        query_words = query.split()
        spaced = f" {query} "
        for i, count in shared.items():
            name, record, words = names[i]
            whole = _similarity(query, name)
            if name == query:
                score = 100.0
            elif name.startswith(query):
                score = 90 + whole
            elif spaced in f" {name} ":
                score = 80 + whole
            elif query in name:
                score = 70 + whole
            elif count >= needed:
                by_words = _word_similarity(query_words, words)
                similar = max(whole, by_words)
                if similar < self.CUTOFF:
                    continue
                score = 60 * similar + whole / 100
            else:
                continue
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


def _python_distance(a: str, b: str, limit: int) -> int:
    return distance(a, b, limit)


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
