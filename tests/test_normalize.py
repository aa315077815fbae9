"""Folding, edit distance and search: properties that must hold for any text."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import baliprocess as bp
from baliprocess import _normalize
from baliprocess._normalize import distance, fold, osa_distance

WORDS = st.text(alphabet="aeiourstlnATHÉé -'\u2019.", max_size=24)


@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(max_size=40))
def test_fold_ignores_case_and_spacing(text: str) -> None:
    assert fold(text.upper()) == fold(text.lower()) == fold(f"  {text}  ")


def _reference_distance(a: str, b: str) -> int:
    """Plain optimal-string-alignment distance, for comparison."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@given(st.text("abcd", max_size=8), st.text("abcd", max_size=8), st.integers(0, 3))
def test_bounded_distance_matches_the_reference(a: str, b: str, limit: int) -> None:
    exact = _reference_distance(a, b)
    assert distance(a, b, limit) == (exact if exact <= limit else limit + 1)


@given(st.text("abcd ", max_size=70), st.text("abcd ", max_size=70))
def test_bit_parallel_distance_matches_the_reference(a: str, b: str) -> None:
    # The pure-Python path's distance (one pass, any length) is the reference's, exactly.
    assert osa_distance(a, b) == _reference_distance(a, b)


def test_search_finds_two_typo_names_with_and_without_rapidfuzz() -> None:
    try:
        for rapid in (True, False):
            _normalize.use_rapidfuzz(rapid)
            assert bp.members.search("United Kingdgom")[0].id == "GBR"
            assert bp.members.search("Tailnd")[0].id == "THA"  # two edits on a short name
            assert bp.members.search("Zeeland new")[0].id == "NZL"  # words in another order
    finally:
        _normalize.use_rapidfuzz(True)


@given(WORDS)
def test_search_never_fails_and_returns_members(query: str) -> None:
    found = bp.members.search(query, limit=5)
    assert len(found) <= 5
    assert all(member in bp.members for member in found)


@given(st.sampled_from([name for m in bp.members for name in (m.id, m.name, *m.aliases)]))
def test_every_name_looks_up_its_member_however_written(name: str) -> None:
    member = bp.members.lookup(name)
    assert bp.members.lookup(fold(name)) is member
    assert bp.members.lookup(name.upper()) is member
    assert bp.members.search(name)[0] is member


def test_one_and_two_typos_are_tolerated() -> None:
    for query, expected in [("Austrlia", "AUS"), ("Ausrtalia", "AUS"), ("Bangldesh", "BGD")]:
        assert bp.members.search(query)[0].id == expected
    assert bp.members.search("Thialnd")[0].id == "THA"


@given(st.text(alphabet=st.characters(max_codepoint=255)))
@example("The Hague, Room 09-Az!")  # every class of byte: letters, digits, punctuation
def test_folding_ascii_by_its_byte_table_agrees_with_unicode_folding(text: str) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        ch if ch in _normalize._KEEP else " " for ch in decomposed if not unicodedata.combining(ch)
    )
    words = kept.split()
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    assert fold(text) == " ".join(words)
