"""Structuring documents."""

from __future__ import annotations

from typing import Any

from ..models.documents import Document
from ..models.vocabularies import DocumentKind
from . import fields, inferred, keys, opt_int, refs, span, str_, strs, values_of

_DOCUMENTKIND = values_of(DocumentKind)
CLASS = Document


_DOCUMENT = keys("id", "title", "kind", "span", optional=("aliases", "authors", "year", "inferred"))


def structure(value: Any) -> Document:
    d = fields(value, *_DOCUMENT)
    return Document(
        id=str_(d["id"]),
        title=str_(d["title"]),
        kind=_DOCUMENTKIND[d["kind"]],
        aliases=strs(d, "aliases"),
        authors=refs(d, "authors"),
        year=opt_int(d.get("year")),
        span=span(d["span"]),
        inferred=inferred(d),
    )
