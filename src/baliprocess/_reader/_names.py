"""Names: what a statement's words for a state, organisation, body, document or place mean.

A :class:`Resolver` knows the names and aliases of a dataset's members, bodies and documents,
the ISO 3166-1 country list shipped with the package, a few demonyms ("the Indonesian Ministry
of Foreign Affairs" -> Indonesia) and the bundled gazetteer of places. It finds known names in a
sentence (longest match first, on folded words, so case, accents and punctuation do not matter)
and resolves a phrase such as a list item, tolerating a typo ("Unites States") but never
guessing: a phrase with no single close match is unresolved, with its closest candidates.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from typing import Any

from .._normalize import distance, fold

__all__ = ["Found", "Name", "Resolver"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_WORDS = 16

_DEMONYMS: dict[str, str] = {
    "afghan": "AFG",
    "australian": "AUS",
    "bangladeshi": "BGD",
    "bhutanese": "BTN",
    "bruneian": "BRN",
    "cambodian": "KHM",
    "canadian": "CAN",
    "chinese": "CHN",
    "fijian": "FJI",
    "french": "FRA",
    "indian": "IND",
    "indonesian": "IDN",
    "iranian": "IRN",
    "iraqi": "IRQ",
    "japanese": "JPN",
    "jordanian": "JOR",
    "korean": "KOR",
    "lao": "LAO",
    "malaysian": "MYS",
    "maldivian": "MDV",
    "mongolian": "MNG",
    "nepalese": "NPL",
    "nepali": "NPL",
    "pakistani": "PAK",
    "philippine": "PHL",
    "filipino": "PHL",
    "samoan": "WSM",
    "singaporean": "SGP",
    "singapore": "SGP",
    "sri lankan": "LKA",
    "syrian": "SYR",
    "thai": "THA",
    "timorese": "TLS",
    "tongan": "TON",
    "turkish": "TUR",
    "emirati": "ARE",
    "british": "GBR",
    "american": "USA",
    "vietnamese": "VNM",
    "new zealand": "NZL",
    "swiss": "CHE",
    "german": "DEU",
    "dutch": "NLD",
    "swedish": "SWE",
    "norwegian": "NOR",
    "kiribati": "KIR",
    "vanuatu": "VUT",
    "myanmar": "MMR",
    "papua new guinean": "PNG",
    "solomon islands": "SLB",
    "nauruan": "NRU",
    "palauan": "PLW",
    "tuvaluan": "TUV",
}
_INSTITUTION = re.compile(
    r"\s+(?:Government|Ministry|Minister|Department|Border Force|Delegation|Embassy|Mission|"
    r"Police|Navy|Coast Guard|Immigration|Foreign Minister|Prime Minister|Agency|Office|"
    r"authorities|officials|Home Affairs|Attorney)",
)
_CAPACITY = re.compile(r"(?:\s+(?:[A-Z][\w’'-]*|of|for|on)(?=[\s,;.:)]|$))*")
_LEAD_WORDS = re.compile(
    r"^(?:(?:and|or|as well as|also|including|both|of|from|by)\s+)*"
    r"(?:(?:the|a|an)\s+)?"
    r"(?:(?:representatives?|delegations?|delegates|officials|senior officials|members|"
    r"bali process members|observers|ministers|foreign ministers|minister)\s+(?:from|of)\s+)?"
    r"(?:the\s+)?",
    re.I,
)


class Name:
    """What a name resolves to: a record of the dataset, or a state of the country list."""

    __slots__ = ("id", "iso2", "kind", "member_kind", "name", "new")

    def __init__(
        self,
        kind: str,
        id: str,
        name: str,
        *,
        new: bool = False,
        member_kind: str | None = None,
        iso2: str | None = None,
    ) -> None:
        self.kind = kind  # "member", "body", "document", "place"
        self.id = id
        self.name = name
        self.new = new  # not a record of the dataset (a state from the country list)
        self.member_kind = member_kind
        self.iso2 = iso2

    def __repr__(self) -> str:
        return f"<{self.kind}:{self.id}>"

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)


class Found:
    """A name found in a piece of text: its offsets there, its words and what it means."""

    __slots__ = ("capacity", "end", "name", "start", "text")

    def __init__(self, start: int, end: int, text: str, name: Name, capacity: str = "") -> None:
        self.start, self.end, self.text, self.name = start, end, text, name
        self.capacity = capacity

    def __repr__(self) -> str:
        return f"<Found {self.text!r} {self.name!r}>"


_FOLDED: dict[str, str] = {}


def _fold_word(word: str) -> str:
    folded = _FOLDED.get(word)
    if folded is None:
        if word.isascii():
            folded = word.lower()
        else:
            decomposed = unicodedata.normalize("NFKD", word.casefold())
            folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if len(_FOLDED) < 100_000:
            _FOLDED[word] = folded
    return folded


def _read_places() -> list[dict[str, Any]]:
    path = os.path.join(os.path.dirname(__file__), "places.json")
    get_data = getattr(globals().get("__loader__"), "get_data", None)
    if get_data is not None:
        raw: bytes = get_data(path)
    else:  # pragma: no cover - only for importers without get_data
        with open(path, "rb") as handle:
            raw = handle.read()
    places: list[dict[str, Any]] = json.loads(raw.decode("utf-8"))["places"]
    return places


class Resolver:
    """Names of one dataset, the country list and the gazetteer, indexed once."""

    def __init__(self, dataset: Any) -> None:
        from .. import _countries

        self.dataset = dataset
        self.names: dict[str, Name] = {}  # folded name -> Name
        self.by_key: dict[tuple[str, str], Name] = {}
        self.places: dict[str, tuple[str, str, str]] = {}  # folded -> (name, alpha-3, kind)
        members = dataset.members
        self.iso3_member: dict[str, str] = {}
        for member in members:
            name = Name("member", member.id, member.name, member_kind=member.kind.value)
            self.by_key[name.key] = name
            if member.iso3:
                self.iso3_member[member.iso3] = member.id
            for text in (member.name, *member.aliases, member.id):
                self._add(text, name)
        for body in dataset.bodies:
            name = Name("body", body.id, body.name)
            self.by_key[name.key] = name
            for text in (body.name, *body.aliases, body.id):
                self._add(text, name)
        for document in dataset.documents:
            name = Name("document", document.id, document.title)
            self.by_key[name.key] = name
            for text in (document.title, *document.aliases):
                self._add(text, name)
        _countries._the_index()
        for row in _countries._rows:
            code = row["alpha_3"]
            name = self.state(code, row.get("common_name") or row["name"], row["alpha_2"])
            lookup_names = [row["name"], _countries._uninvert(row["name"])]
            lookup_names += [row[k] for k in ("official_name", "common_name") if k in row]
            lookup_names += _countries._EXTRA.get(code, ())
            for text in lookup_names:
                if len(fold(text)) > 3:
                    self._add(text, name)
        for place in _read_places():
            for text in (place["name"], *place.get("aliases", ())):
                self.places.setdefault(fold(text), (place["name"], place["country"], place["kind"]))
        self.max_words = min(_MAX_WORDS, max((k.count(" ") + 1 for k in self.names), default=1))
        # The longest name (in words) starting with each first word: find() tries only those.
        self.longest: dict[str, int] = {}
        for key in self.names:
            first, _, _ = key.partition(" ")
            size = key.count(" ") + 1
            if size > self.longest.get(first, 0):
                self.longest[first] = min(size, _MAX_WORDS)
        self._place_cache: dict[
            str, tuple[tuple[str, str, str] | None, float, tuple[str, ...]]
        ] = {}
        self._resolve_cache: dict[str, tuple[Name | None, float, tuple[str, ...]]] = {}
        self._fuzzy_cache: dict[str, tuple[Name | None, float, tuple[str, ...]]] = {}
        self._code_cache: dict[str, Name | None] = {}

    def state(self, code: str, country: str, iso2: str | None) -> Name:
        member_id = self.iso3_member.get(code)
        if member_id is not None:
            return self.by_key[("member", member_id)]
        key = ("member", code)
        found = self.by_key.get(key)
        if found is None:
            found = self.by_key[key] = Name(
                "member", code, country, new=True, member_kind="state", iso2=iso2
            )
        return found

    def _add(self, text: str, name: Name) -> None:
        key = fold(text)
        if key:
            self.names.setdefault(key, name)

    # -- finding names in text -----------------------------------------------------------------

    def find(self, text: str) -> list[Found]:
        """Known names in ``text``, longest first, without overlaps, in order."""
        words = [(m.start(), m.end(), _fold_word(m.group(0))) for m in _WORD.finditer(text)]
        out: list[Found] = []
        i, n = 0, len(words)
        while i < n:
            start, _, _ = words[i]
            first = text[start]
            if not (first.isupper() or first.isdigit()):
                i += 1
                continue
            hit = None
            longest = self.longest.get(words[i][2], 0)
            for size in range(min(longest, n - i), 0, -1):
                key = " ".join(w for _, _, w in words[i : i + size])
                name = self.names.get(key)
                if name is None:
                    continue
                end = words[i + size - 1][1]
                surface = text[start:end]
                if len(key) <= 3 and not surface.isupper() and " " not in key:
                    continue  # a short name matches only as an acronym ("US", not "us")
                if name.kind == "document" and re.match(r"\s*[\d(]", text[end : end + 3]):
                    continue  # "Forward Work Plan 2021-2023" is another plan
                hit = (size, end, name)
                break
            if hit is None:
                demonym = self._demonym(text, words, i)
                if demonym is not None:
                    out.append(demonym)
                    i = next((k for k in range(i, n) if words[k][0] >= demonym.end), n)
                    continue
                i += 1
                continue
            size, end, name = hit
            if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(
                ")", start, end
            ):
                end += 1
            end = self._acronym_end(text, end, name)
            out.append(Found(start, end, text[start:end], name))
            i = next((k for k in range(i + size, n) if words[k][0] >= end), n)
        return out

    def _acronym_end(self, text: str, end: int, name: Name) -> int:
        """Extend a name over a following "(ACRONYM)" that names the same thing or nothing."""
        m = re.match(r"\s*\(([^()]{1,12})\)", text[end:])
        if m is None:
            return end
        inner = self.names.get(fold(m.group(1)))
        if (inner is None and m.group(1).replace("-", "").isupper()) or inner is name:
            return end + m.end()
        return end

    def _demonym(self, text: str, words: list[tuple[int, int, str]], i: int) -> Found | None:
        for size in (3, 2, 1):
            if i + size > len(words):
                continue
            key = " ".join(w for _, _, w in words[i : i + size])
            code = _DEMONYMS.get(key)
            if code is None:
                continue
            end = words[i + size - 1][1]
            m = _INSTITUTION.match(text, end)
            if m is None:
                return None
            tail = _CAPACITY.match(text, end)
            stop = tail.end() if tail else end
            while True:
                trimmed = re.sub(r"\s+(?:of|for|on|the|and)$", "", text[end:stop])
                if len(trimmed) == stop - end:
                    break
                stop = end + len(trimmed)
            capacity = text[end:stop]
            name = self.state_by_code(code)
            if name is None:
                return None
            start = words[i][0]
            return Found(start, stop, text[start:stop], name, capacity=capacity.strip())
        return None

    def state_by_code(self, code: str) -> Name | None:
        if code in self._code_cache:
            return self._code_cache[code]
        from .. import _countries

        _countries._the_index()
        found = None
        for row in _countries._rows:
            if row["alpha_3"] == code:
                found = self.state(code, row.get("common_name") or row["name"], row["alpha_2"])
                break
        self._code_cache[code] = found
        return found

    # -- resolving a phrase --------------------------------------------------------------------

    def resolve(self, phrase: str) -> tuple[Name | None, float, tuple[str, ...]]:
        """What ``phrase`` (a list item) names, a confidence, and candidates when unresolved."""
        found = self._resolve_cache.get(phrase)
        if found is None:
            found = self._resolve_cache[phrase] = self._resolve(phrase)
        return found

    def _resolve(self, phrase: str) -> tuple[Name | None, float, tuple[str, ...]]:
        text = _LEAD_WORDS.sub("", phrase.strip(" \t,;:.")).strip()
        if not text:
            return None, 0.0, ()
        name = self.names.get(fold(text))
        if name is not None:
            return name, 0.95, ()
        m = re.fullmatch(r"(.+?)\s*\((.+)\)", text)
        if m is not None:
            for part in (m.group(1), m.group(2)):
                name = self.names.get(fold(part))
                if name is not None:
                    return name, 0.9, ()
            text = m.group(1)
        found = self.find(text)
        if len(found) == 1 and found[0].end - found[0].start >= 0.6 * len(text):
            return found[0].name, 0.8, ()
        return self.fuzzy(text)

    def fuzzy(self, text: str) -> tuple[Name | None, float, tuple[str, ...]]:
        """A name within a typo or two of ``text``, if exactly one is; else the closest."""
        found = self._fuzzy_cache.get(text)
        if found is None:
            found = self._fuzzy_cache[text] = self._fuzzy(text)
        return found

    def _fuzzy(self, text: str) -> tuple[Name | None, float, tuple[str, ...]]:
        key = fold(text)
        if len(key) < 5:
            return None, 0.0, ()
        limit = 1 if len(key) < 10 else 2
        close: list[tuple[int, str, Name]] = []
        for other, name in self.names.items():
            if abs(len(other) - len(key)) > limit + 2:
                continue
            if other[0] != key[0] and other[1:3] != key[1:3]:
                continue  # a typo keeps the first letter or the two after it
            d = distance(key, other, limit + 2)
            if d <= limit + 2:
                close.append((d, other, name))
        close.sort(key=lambda c: (c[0], c[1]))
        best = [c for c in close if c[0] == close[0][0]] if close else []
        if best and best[0][0] <= limit and len({c[2].key for c in best}) == 1:
            return best[0][2], 0.6, ()
        return None, 0.0, tuple(dict.fromkeys(c[2].name for c in close[:3]))

    def place(self, text: str) -> tuple[tuple[str, str, str] | None, float, tuple[str, ...]]:
        """A place of the gazetteer: ``(name, alpha-3, kind)``, confidence, candidates."""
        found = self._place_cache.get(text)
        if found is None:
            found = self._place_cache[text] = self._place(text)
        return found

    def _place(self, text: str) -> tuple[tuple[str, str, str] | None, float, tuple[str, ...]]:
        key = fold(text)
        found = self.places.get(key)
        if found is not None:
            return found, 0.95, ()
        if len(key) < 5:
            return None, 0.0, ()
        scored = sorted(
            (distance(key, other, 3), other)
            for other in self.places
            if abs(len(other) - len(key)) <= 3 and (other[0] == key[0] or other[1:3] == key[1:3])
        )
        if scored and scored[0][0] <= 1 and (len(scored) == 1 or scored[1][0] > 1):
            return self.places[scored[0][1]], 0.6, ()
        return None, 0.0, tuple(self.places[o][0] for d, o in scored[:3] if d <= 3)
