"""The bundled statements (sources) of the record."""

import datetime

import attrs

from ._base import Linked, field, record_class
from .vocabularies import SourceFormat

__all__ = ["Source"]


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Source(Linked):
    """One bundled statement: its metadata and, in ``text``, its full wording."""

    id: str
    title: str
    date: datetime.date
    format: SourceFormat
    path: str
    meetings: tuple[str, ...] = field(refers_to="meeting")
    publisher: str | None = field(default=None, inferable=False)
    """Who published the statement, where known."""
    url: str | None = field(default=None, inferable=False)
    """The official page of the statement or its meeting, where one is known."""
    text: str = attrs.field(default="", init=False, repr=False, eq=False, hash=False)
    """The statement's full text, read from ``path`` when the data is loaded (not in the JSON)."""
