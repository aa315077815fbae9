"""The ISO 3166-1 country list shipped with the package (``countries/iso3166-1.json``).

Built from Debian's iso-codes (LGPL-2.1-or-later; see ``countries/README.md``). The list is read
on the first lookup, once, and indexed by every folded name a country goes by: its ISO name, its
common and official names, the uninverted form of an inverted ISO name ("Korea, Republic of" ->
"Republic of Korea") and a few everyday short forms that the ISO list lacks ("UK", "UAE").

>>> lookup("Viet Nam")
('VNM', 'Vietnam')
>>> lookup("the united states of america")
('USA', 'United States')
>>> lookup("Republic of Korea")
('KOR', 'South Korea')
>>> lookup("Atlantis") is None
True
"""

from __future__ import annotations

import os
import threading
from typing import Any

__all__ = ["Country", "countries", "lookup"]

Country = tuple[str, str]
"""``(alpha-3 code, name)``: the name is the common name where ISO gives one."""

_PATH = os.path.join(os.path.dirname(__file__), "countries", "iso3166-1.json")

# Everyday names the ISO list does not carry, by alpha-3 code (folded when indexed).
_EXTRA: dict[str, tuple[str, ...]] = {
    "ARE": ("UAE", "Emirates"),
    "GBR": ("UK", "Britain", "Great Britain"),
    "USA": ("US", "United States of America", "America"),
    "KOR": ("Korea",),
    "PRK": ("DPRK",),
    "RUS": ("Russia",),
    "CZE": ("Czech Republic",),
    "TUR": ("Turkey",),
    "MMR": ("Burma",),
    "TLS": ("East Timor",),
    "CIV": ("Ivory Coast",),
    "FSM": ("Micronesia",),
    "VNM": ("Vietnam", "Viet Nam"),
    "PSE": ("Palestine",),
    "BRN": ("Brunei",),
    "LAO": ("Lao PDR",),
    "NLD": ("Holland",),
    "SWZ": ("Swaziland",),
    "MKD": ("Macedonia",),
    "CPV": ("Cape Verde",),
}

_lock = threading.Lock()
_index: dict[str, Country] | None = None
_rows: tuple[dict[str, str], ...] = ()


def _read() -> tuple[dict[str, str], ...]:
    get_data = getattr(globals().get("__loader__"), "get_data", None)
    if get_data is not None:
        raw: bytes = get_data(_PATH)
    else:  # pragma: no cover - only for importers without get_data
        import importlib_resources

        raw = (
            importlib_resources.files("baliprocess")
            .joinpath("countries", "iso3166-1.json")
            .read_bytes()
        )
    import json

    document: dict[str, Any] = json.loads(raw.decode("utf-8"))
    return tuple(document["3166-1"])


def _uninvert(name: str) -> str:
    """ "Korea, Republic of" -> "Republic of Korea"; other names unchanged."""
    head, comma, tail = name.partition(", ")
    return f"{tail} {head}" if comma else name


def _build() -> dict[str, Country]:
    from ._normalize import fold

    global _rows
    _rows = _read()
    index: dict[str, Country] = {}
    for row in _rows:
        code = row["alpha_3"]
        country = (code, row.get("common_name") or row["name"])
        names = [row["name"], _uninvert(row["name"]), row["alpha_3"]]
        names += [row[key] for key in ("common_name", "official_name") if key in row]
        names += _EXTRA.get(code, ())
        for name in names:
            index.setdefault(fold(name), country)
    return index


def _the_index() -> dict[str, Country]:
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                _index = _build()
    return _index


def lookup(name: str) -> Country | None:
    """The country ``name`` names (case, accents, punctuation and a leading "the" folded away),
    as ``(alpha-3 code, name)``; ``None`` when it names none. Two-letter codes are not names."""
    from ._normalize import fold

    return _the_index().get(fold(name))


def countries() -> tuple[Country, ...]:
    """Every country of the list, as ``(alpha-3 code, name)``, in code order."""
    _the_index()
    return tuple((row["alpha_3"], row.get("common_name") or row["name"]) for row in _rows)
