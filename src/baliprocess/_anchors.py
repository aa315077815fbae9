"""Quote anchors: a span written as the words it quotes instead of character offsets.

In a data file a span may be written ``{"source": "ahg-som-4", "quote": "Australia"}`` instead of
``{"source": "ahg-som-4", "start": 1234, "end": 1243, "text": "Australia"}``. An anchor is any
JSON object with the key ``"quote"`` whose keys are among ``source``, ``quote``, ``occurrence``
and ``after``. It names the occurrences of the quote in the source's text that are not inside a
longer word (a quote starting with a letter or digit does not match after one, and one ending
with a letter or digit does not match before one):

- without ``occurrence`` or ``after``, the quote must match exactly once;
- ``"occurrence": n`` takes the n-th match (0-based);
- ``"after": "words"`` takes the first match after the end of the only match of ``words``
  (with ``occurrence`` too, the n-th match after it).

The loader resolves the anchors of a record that the fast structuring path rejects (an anchor
is not a span) into offset spans, then structures it again (:func:`resolve_record`); every
anchor that cannot be resolved is one located :class:`Problem`, all of them reported
together. :func:`anchored` writes a record back with the shortest anchor for each span.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import Problem

if TYPE_CHECKING:
    from ._checks import Known

__all__ = ["anchor_of", "anchored", "is_anchor", "matches", "resolve_record"]

_KEYS = frozenset({"source", "quote", "occurrence", "after"})


def is_anchor(value: Any) -> bool:
    """Whether a JSON value is an anchor: an object with ``quote`` and only anchor keys."""
    return type(value) is dict and "quote" in value and _KEYS.issuperset(value)


def matches(text: str, quote: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Start offsets of ``quote`` in ``text[lo:hi]`` that are not inside a longer word."""
    hi = len(text) if hi is None else hi
    found, i = [], text.find(quote, lo, hi)
    while i != -1:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(quote)] if i + len(quote) < len(text) else " "
        if not (quote[0].isalnum() and before.isalnum()) and not (
            quote[-1].isalnum() and after.isalnum()
        ):
            found.append(i)
        i = text.find(quote, i + 1, hi)
    return found


# -- reading ----------------------------------------------------------------------------------


def resolve_record(file: str, raw: Any, record: str, known: Known, problems: list[Problem]) -> bool:
    """Replace, in place, every anchor in the raw record ``raw`` of ``file`` by its offset span;
    whether it held any. ``record`` is how its problems name it (its id, or ``#position``).

    An anchor that cannot be resolved becomes a problem (file, record, JSON path of the span)
    and an empty span that the later checks pass over, so that it is reported once. Anchors
    citing a source whose text could not be read are left to that source's own problem.
    """
    found = _anchors_in(raw) if type(raw) is dict else []
    if not found:
        return False
    resolver = _Resolver(known, raw)
    for container, key in found:
        container[key] = resolver.resolve(container[key])
    for _, path, message in sorted(resolver.found):
        problems.append(Problem(file, record, path, message))
    return True


def _anchors_in(record: dict[str, Any]) -> list[tuple[Any, Any]]:
    """``(container, key)`` of every anchor in a raw record, found without building paths.

    Every record of every file is walked, so this is kept lean: an offset span (an object with
    ``start`` and ``text``) holds nothing to walk and is skipped.
    """
    found: list[tuple[Any, Any]] = []
    stack: list[Any] = [record]
    pop, push = stack.pop, stack.append
    keys = _KEYS
    while stack:
        container = pop()
        for key, item in container.items() if type(container) is dict else enumerate(container):
            kind = type(item)
            if kind is dict:
                if "quote" in item and keys.issuperset(item):
                    found.append((container, key))
                elif not ("start" in item and "text" in item):
                    push(item)
            elif kind is list and item:
                push(item)
    return found


def _paths(
    value: Any, path: str = "", into: dict[int, tuple[int, str]] | None = None
) -> dict[int, tuple[int, str]]:
    """``id(object) -> (position in the document, JSON path)`` for every object and list inside
    ``value``: paths such as ``attendance[3].span``, built only when there is a problem."""
    into = {} if into is None else into
    items = value.items() if type(value) is dict else enumerate(value)
    for key, item in items:
        if type(item) in (dict, list):
            where = f"{path}[{key}]" if type(key) is int else f"{path}.{key}".lstrip(".")
            into[id(item)] = (len(into), where)
            _paths(item, where, into)
    return into


class _Resolver:
    """Resolves the anchors of one record; ``found`` collects its problems."""

    __slots__ = ("found", "known", "paths", "raw")

    def __init__(self, known: Known, raw: dict[str, Any]) -> None:
        self.known = known
        self.raw = raw
        self.paths: dict[int, tuple[int, str]] | None = None
        self.found: list[tuple[int, str, str]] = []

    def problem(self, anchor: dict[str, Any], message: str) -> None:
        if self.paths is None:
            # Before this anchor is replaced; those after it in the record are still in place.
            self.paths = _paths(self.raw)
        position, path = self.paths[id(anchor)]
        self.found.append((position, path, message))

    def resolve(self, anchor: dict[str, Any]) -> dict[str, Any]:
        known = self.known
        source: Any = anchor.get("source")
        quote: Any = anchor["quote"]
        occurrence: Any = anchor.get("occurrence")
        after: Any = anchor.get("after")
        wrong = []
        if type(source) is not str:
            wrong.append('"source" must be a source id (a string)')
        if type(quote) is not str or not quote:
            wrong.append('"quote" must be a non-empty string')
        if occurrence is not None and (type(occurrence) is not int or occurrence < 0):
            wrong.append('"occurrence" must be a whole number, 0 or more')
        if after is not None and (type(after) is not str or not after):
            wrong.append('"after" must be a non-empty string')
        if wrong:
            self.problem(anchor, f"invalid anchor {_show(anchor)}: " + "; ".join(wrong))
            return self.placeholder(source)
        text = known.texts.get(source)
        if text is None:
            if source not in known.unreadable and "sources" not in known.unreadable_kinds:
                from ._checks import unknown as _unknown

                self.problem(anchor, _unknown("source", source, known.texts))
            return self.placeholder(source)
        lo = 0
        where = f"in source {source!r}"
        if after is not None:
            found = matches(text, after)
            if len(found) != 1:
                times = "is not found" if not found else f"matches {len(found)} times"
                self.problem(
                    anchor, f'"after" {_clip(after)!r} {times} {where}; it must match exactly once'
                )
                return self.placeholder(source)
            lo = found[0] + len(after)
            where = f"{where} after {_clip(after)!r}"
        found = matches(text, quote, lo)
        if not found:
            self.problem(anchor, f"quote {_clip(quote)!r} not found {where}")
            return self.placeholder(source)
        if occurrence is None:
            if after is None and len(found) > 1:
                self.problem(
                    anchor,
                    f"quote {_clip(quote)!r} is ambiguous: {len(found)} matches {where}; "
                    f'add "occurrence" (0 to {len(found) - 1}) or "after" to choose one',
                )
                return self.placeholder(source)
            start = found[0]
        elif occurrence >= len(found):
            self.problem(
                anchor,
                f"quote {_clip(quote)!r} has no occurrence {occurrence}: it matches "
                f"{_times(len(found))} {where} (occurrences 0 to {len(found) - 1})",
            )
            return self.placeholder(source)
        else:
            start = found[occurrence]
        return {"source": source, "start": start, "end": start + len(quote), "text": quote}

    def placeholder(self, source: Any) -> dict[str, Any]:
        """An empty span the later checks pass over: its problem is reported already."""
        texts = self.known.texts
        if type(source) is not str or (source not in texts and source not in self.known.unreadable):
            # Cite a readable source (an empty span of it is valid), if there is one.
            source = next(iter(texts), source if type(source) is str else "")
        return {"source": source, "start": 0, "end": 0, "text": ""}


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _show(anchor: dict[str, Any]) -> str:
    import json

    return _clip(json.dumps(anchor, ensure_ascii=False), 120)


# -- writing ----------------------------------------------------------------------------------


def anchor_of(source: str, start: int, end: int, quote: str, text: str) -> dict[str, Any] | None:
    """The shortest anchor that resolves to the span, or ``None`` when no anchor does (an empty
    span, or one that starts or ends inside a word)."""
    if not quote or text[start:end] != quote:
        return None
    found = matches(text, quote)
    if start not in found:
        return None
    if len(found) == 1:
        return {"source": source, "quote": quote}
    return {"source": source, "quote": quote, "occurrence": found.index(start)}


def anchored(record: Any, unstructured: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """The JSON form of ``record`` with each span as its anchor and default fields left out.

    ``unstructured`` is the record's ordinary JSON form; keys stay in field order. A span no
    anchor can express keeps its offsets.
    """
    import attrs

    fields = {field.alias: field for field in attrs.fields(type(record))}
    result: dict[str, Any] = {}
    for key, raw in unstructured.items():
        field = fields[key]
        value = getattr(record, field.name)
        default = field.default
        if default is not attrs.NOTHING:
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if value == default and type(value) is type(default):
                continue
        result[key] = _anchored_value(value, raw, texts)
    return result


def _anchored_value(value: Any, raw: Any, texts: dict[str, str]) -> Any:
    if type(raw) is list:
        return [_anchored_value(v, r, texts) for v, r in zip(value, raw, strict=True)]
    if type(raw) is not dict:
        return raw
    if set(raw) == {"source", "start", "end", "text"}:
        text = texts.get(raw["source"])
        anchor = None
        if text is not None:
            anchor = anchor_of(raw["source"], raw["start"], raw["end"], raw["text"], text)
        return raw if anchor is None else anchor
    return anchored(value, raw, texts)
