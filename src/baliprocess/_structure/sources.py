"""Structuring sources."""

from __future__ import annotations

from typing import Any

from ..models.sources import Source
from ..models.vocabularies import SourceFormat
from . import fields, keys, parse_date, str_, tuple_of, values_of

_SOURCEFORMAT = values_of(SourceFormat)
CLASS = Source


_SOURCE = keys("id", "title", "date", "format", "path", "meetings")


def structure(value: Any) -> Source:
    d = fields(value, *_SOURCE)
    return Source(
        id=str_(d["id"]),
        title=str_(d["title"]),
        date=parse_date(d["date"]),
        format=_SOURCEFORMAT[d["format"]],
        path=str_(d["path"]),
        meetings=tuple_of(d["meetings"], str_),
    )
