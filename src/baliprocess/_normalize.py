"""Folding names for lookup and ranking near misses for search and error messages."""

from __future__ import annotations

import unicodedata

__all__ = ["FuzzyIndex", "fold"]

_KEEP = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of ``text``.

    >>> fold("  Viêt-Nam ")
    'viet nam'
    >>> fold("the ILO")
    'ilo'
    >>> fold("The the Group") == fold(fold("The the Group")) == "group"
    True
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch if ch in _KEEP else " " for ch in decomposed if not unicodedata.combining(ch))
    words = kept.split()
    # Every leading "the", so that folding is idempotent: fold(fold(x)) == fold(x).
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


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

    Scores (higher is better): 100 exact, 90 prefix, 80 whole-word, 70 substring, then 60 minus
    10 per edit for a name or word within one or two typos. Candidates for typo matching are
    narrowed by shared bigrams first, so a search costs microseconds, not a scan of every pair.
    """

    __slots__ = ("_names", "_words")

    def __init__(self, names: list[tuple[str, str]]) -> None:
        # (folded name, record id) pairs; the same id may appear under many names.
        self._names: list[tuple[str, str, frozenset[str]]] = [
            (name, record, _bigrams(name)) for name, record in names if name
        ]
        words: dict[str, set[str]] = {}
        for name, record in names:
            for word in name.split():
                words.setdefault(word, set()).add(record)
        self._words: list[tuple[str, frozenset[str], frozenset[str]]] = [
            (word, frozenset(records), _bigrams(word)) for word, records in words.items()
        ]

    def scores(self, query: str) -> dict[str, int]:
        """Best score per record id for ``query`` (already folded); records scoring 0 left out."""
        best: dict[str, int] = {}

        def offer(record: str, score: int) -> None:
            if score > best.get(record, 0):
                best[record] = score

        if not query:
            return best
        query_grams = _bigrams(query)
        limit = _allowed_edits(query)
        for name, record, grams in self._names:
            if name == query:
                offer(record, 100)
            elif name.startswith(query):
                offer(record, 90)
            elif f" {query} " in f" {name} ":
                offer(record, 80)
            elif query in name:
                offer(record, 70)
            elif (
                limit and len(grams & query_grams) >= max(len(grams), len(query_grams)) - 2 * limit
            ):
                edits = distance(query, name, limit)
                if edits <= limit:
                    offer(record, 60 - 10 * edits)
        query_words = query.split()
        if len(query_words) >= 1:
            for query_word in query_words:
                word_limit = _allowed_edits(query_word)
                if not word_limit:
                    continue
                word_grams = _bigrams(query_word)
                for word, records, grams in self._words:
                    if len(grams & word_grams) < _needed(grams, word_grams, word_limit):
                        continue
                    edits = distance(query_word, word, word_limit)
                    if edits <= word_limit:
                        score = 50 - 10 * edits
                        for record in records:
                            offer(record, score)
        return best
