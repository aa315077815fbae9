"""HTML for notebooks (``_repr_html_``), derived from the attrs fields: no dependency.

Every value is escaped. A record shows its plain fields as a two-column table, each span as the
quoted words with their source, and each tuple of nested rows (attendance, outcomes, ...) as a
table of its own, grouped first by the rows' vocabulary (attendance by standing). A collection
shows its count and a compact table of its first records.
"""

from __future__ import annotations

import datetime
import enum
import html
from collections.abc import Iterable
from typing import Any

import attrs

from ._tables import _is_vocabulary
from .models._base import type_shape

__all__ = ["collection_html", "record_html"]

_MAX_ROWS = 50


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _item_and_many(kind: Any) -> tuple[Any, bool]:
    item, _, many = type_shape(kind)
    return item, many


def _fields(cls: type[Any]) -> list[tuple[str, Any, bool]]:
    attrs.resolve_types(cls)
    return [(f.name, *_item_and_many(f.type)) for f in attrs.fields(cls) if f.repr and f.init]


def _is_span(value: Any) -> bool:
    return type(value).__name__ == "Span" and hasattr(value, "source")


def _quote(span: Any) -> str:
    return (
        f'<q>{_esc(span.text)}</q> <small title="source and characters">'
        f"({_esc(span.source)}, {span.start}&ndash;{span.end})</small>"
    )


def _value(value: Any) -> str:
    """One value as inline HTML: a quote for a span, text for the rest."""
    if value is None:
        return "<em>not stated</em>"
    if _is_span(value):
        return _quote(value)
    if isinstance(value, enum.Enum):
        return _esc(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.date):
        return _esc(value.isoformat())
    if isinstance(value, tuple):
        return ", ".join(_value(v) for v in value) or "&ndash;"
    if attrs.has(type(value)):
        return _esc(str(value))
    return _esc(value)


def _rows_table(items: tuple[Any, ...]) -> str:
    cls = type(items[0])
    columns = [name for name, item, many in _fields(cls) if not (many and attrs.has(item))]
    head = "".join(f"<th>{_esc(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_value(getattr(i, c))}</td>" for c in columns) + "</tr>"
        for i in items[:_MAX_ROWS]
    )
    more = (
        f"<p><small>{len(items) - _MAX_ROWS} more not shown</small></p>"
        if len(items) > _MAX_ROWS
        else ""
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _grouped(items: tuple[Any, ...]) -> str:
    """``co-chair: IDN, AUS`` lines: the rows grouped by their first vocabulary field, each
    named by its first reference field (attendance by standing)."""
    from .models._base import REFERS_TO

    fields = _fields(type(items[0]))
    vocab = next((n for n, t, many in fields if not many and _is_vocabulary(t)), None)
    refs = {f.name for f in attrs.fields(type(items[0])) if REFERS_TO in f.metadata}
    named = next((n for n, t, many in fields if not many and t is str and n in refs), None)
    if vocab is None or named is None:
        return ""
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(getattr(item, vocab).value, []).append(str(getattr(item, named)))
    lines = "".join(
        f"<li><strong>{_esc(k)}</strong> ({len(v)}): {_esc(', '.join(v))}</li>"
        for k, v in groups.items()
    )
    return f"<ul>{lines}</ul>"


def record_html(record: Any) -> str:
    """A record as HTML: a header, its fields, its spans quoted, its nested rows as tables."""
    cls = type(record)
    fields = _fields(cls)
    names = {n for n, _, _ in fields}
    title = next((getattr(record, n) for n in ("title", "name") if n in names), None)
    ident = f" <code>{_esc(record.id)}</code>" if "id" in names else ""
    header = f"<strong>{_esc(cls.__name__)}</strong>{ident}"
    if title:
        header += f" &mdash; {_esc(title)}"
    rows = []
    nested = []
    for name, item, many in fields:
        value = getattr(record, name)
        if many and attrs.has(item) and item.__name__ != "Ref":
            if value:
                summary = f"{_esc(name.replace('_', ' '))} ({len(value)})"
                nested.append(
                    f"<details><summary>{summary}</summary>"
                    f"{_grouped(value)}{_rows_table(value)}</details>"
                )
            continue
        if name in ("id", "title", "name") or value in ((), None):
            continue
        rows.append(f"<tr><th>{_esc(name.replace('_', ' '))}</th><td>{_value(value)}</td></tr>")
    table = f"<table>{''.join(rows)}</table>" if rows else ""
    return f'<div class="baliprocess-record"><p>{header}</p>{table}{"".join(nested)}</div>'


def _summary_columns(cls: type[Any]) -> list[str]:
    fields = _fields(cls)
    names = [n for n, _, _ in fields]
    chosen: list[str] = [n for n in ("id", "name", "title", "kind") if n in names]
    chosen += [n for n, t, many in fields if t is datetime.date and not many][:1]
    return chosen


def collection_html(collection: Iterable[Any]) -> str:
    """A collection as HTML: its count and a compact table of its first records."""
    records = tuple(collection)
    kind = getattr(collection, "_kind", "record")
    caption = f"{len(records)} {kind}{'' if len(records) == 1 else 's'}"
    if not records:
        return f'<div class="baliprocess-collection"><p>{_esc(caption)}</p></div>'
    columns = _summary_columns(type(records[0]))
    head = "".join(f"<th>{_esc(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_value(getattr(r, c))}</td>" for c in columns) + "</tr>"
        for r in records[:_MAX_ROWS]
    )
    more = len(records) - _MAX_ROWS
    foot = f"<p><small>{more} more not shown</small></p>" if more > 0 else ""
    return (
        f'<div class="baliprocess-collection"><table><caption>{_esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{foot}</div>"
    )
