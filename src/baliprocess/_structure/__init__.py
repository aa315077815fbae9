"""The fast structuring path: parsed JSON -> model objects, for valid data.

This is the path every record takes when it is valid, the bundled record and a user's data alike.
It is exactly as strict as the cattrs converter in :mod:`baliprocess._converter` (strict types,
no extra keys, required keys present, enum values, ISO dates, ``kind:id`` refs): the test suite
proves with hypothesis that both accept the same inputs and build equal objects. What it does not
do is explain: on the first problem it raises, and the loader then asks the cattrs converter for
the full, located list of problems. So cattrs is imported only when something is wrong (or when
a user exports), and a first answer costs only ``attrs`` and ``json``.
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Callable
from typing import Any, TypeVar

from ..models._base import Inference, Passage, Ref, Span
from ..models.vocabularies import RefKind

__all__ = ["Invalid", "parse_date", "parse_ref", "structurer"]

_MODULES = {
    "sources": "Source",
    "members": "Member",
    "bodies": "Body",
    "documents": "Document",
    "meetings": "Meeting",
    "commitments": "Commitment",
}


def structurer(key: str) -> tuple[type[Any], Callable[[Any], Any]]:
    """The record class of data file ``key`` (``"members"``) and its structuring function.

    Each kind lives in its own module, imported on first use, so that structuring members never
    defines the meeting classes.
    """
    module = importlib.import_module(f"{__name__}.{key}")
    return module.CLASS, module.structure


def __getattr__(name: str) -> Any:
    if name == "STRUCTURERS":
        # Every top-level class -> its structuring function (imports every kind; for tests).
        return dict(structurer(key) for key in _MODULES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


T = TypeVar("T")


class Invalid(Exception):
    """Raised by the fast path on the first problem; the loader then asks cattrs for details."""


def str_(value: Any) -> str:
    if type(value) is not str:
        raise Invalid("expected a string")
    return value


def opt_str(value: Any) -> str | None:
    return None if value is None else str_(value)


def int_(value: Any) -> int:
    if type(value) is not int:
        raise Invalid("expected an integer")
    return value


def opt_int(value: Any) -> int | None:
    return None if value is None else int_(value)


def bool_(value: Any) -> bool:
    if type(value) is not bool:
        raise Invalid("expected true or false")
    return value


def opt_bool(value: Any) -> bool | None:
    return None if value is None else bool_(value)


def parse_date(value: Any) -> _dt.date:
    """An ISO ``YYYY-MM-DD`` date; nothing looser."""
    if not (
        type(value) is str
        and len(value) == 10
        and value.isascii()
        and value[4] == "-" == value[7]
        and (value[:4] + value[5:7] + value[8:]).isdigit()
    ):
        raise ValueError(f"expected an ISO date like '2020-10-20', got {value!r}")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"expected a real date, got {value!r} ({error})") from None


def opt_date(value: Any) -> _dt.date | None:
    return None if value is None else parse_date(value)


_REFS: dict[str, Ref] = {}
"""Refs already parsed: they repeat a lot, and being immutable they can be shared."""
_REFS_LIMIT = 100_000


def parse_ref(value: Any) -> Ref:
    """A ``kind:id`` string such as ``member:AUS`` or ``group:members``."""
    if type(value) is not str:
        raise ValueError(f"expected a reference like 'member:AUS', got {value!r}")
    ref = _REFS.get(value)
    if ref is not None:
        return ref
    kind, sep, ident = value.partition(":")
    if not sep or not ident:
        raise ValueError(f"expected a reference like 'member:AUS', got {value!r}")
    try:
        ref = Ref(kind=_REF_KINDS[kind], id=ident)
    except KeyError:
        kinds = ", ".join(k.value for k in RefKind)
        raise ValueError(f"expected a reference kind ({kinds}), got {value!r}") from None
    if len(_REFS) >= _REFS_LIMIT:
        _REFS.clear()
    _REFS[value] = ref
    return ref


def values_of(vocabulary: type[Any]) -> dict[Any, Any]:
    """Value -> member of an enum: a dict lookup, much faster than calling the enum.

    An unknown value raises ``KeyError`` (an unhashable one ``TypeError``), which the loader
    treats like any other rejection.
    """
    return vocabulary._value2member_map_  # type: ignore[no-any-return]


_REF_KINDS: dict[str, RefKind] = values_of(RefKind)


def tuple_of(value: Any, item: Callable[[Any], T]) -> tuple[T, ...]:
    if type(value) is not list:
        raise Invalid("expected a list")
    return tuple([item(v) for v in value])


def fields(value: Any, keys: frozenset[str], required: frozenset[str]) -> dict[str, Any]:
    """``value`` if it is an object with no key outside ``keys``.

    A missing required key needs no check here: reading it raises ``KeyError``, a rejection.
    """
    if type(value) is not dict or not keys.issuperset(value):
        raise Invalid("expected an object with known keys")
    return value


def keys(*names: str, optional: tuple[str, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(names) | frozenset(optional), frozenset(names)


_SPAN = keys("source", "start", "end", "text")


_SPAN_KEYS = _SPAN[0]


def span(value: Any) -> Span:
    # The most frequent structure of all: checks inlined.
    if type(value) is not dict or not _SPAN_KEYS.issuperset(value):
        raise Invalid("expected a span object")
    source, start, end, text = value["source"], value["start"], value["end"], value["text"]
    if not (type(source) is str and type(start) is int and type(end) is int and type(text) is str):
        raise Invalid("wrong span field types")
    return Span(source=source, start=start, end=end, text=text)


_INFERENCE = keys("field", "reason")


def inference(value: Any) -> Inference:
    d = fields(value, *_INFERENCE)
    return Inference(field=str_(d["field"]), reason=str_(d["reason"]))


def inferred(d: dict[str, Any]) -> tuple[Inference, ...]:
    return tuple_of(d["inferred"], inference) if "inferred" in d else ()


_PASSAGE = keys("text", "span")


def passage(value: Any) -> Passage:
    d = fields(value, *_PASSAGE)
    return Passage(text=str_(d["text"]), span=span(d["span"]))


def opt_passage(value: Any) -> Passage | None:
    return None if value is None else passage(value)


def refs(d: dict[str, Any], key: str) -> tuple[Ref, ...]:
    return tuple_of(d[key], parse_ref) if key in d else ()


def strs(d: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple_of(d[key], str_) if key in d else ()
