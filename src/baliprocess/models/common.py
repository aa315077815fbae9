"""Building blocks shared by every kind of record: spans, inferences, refs and passages."""

import attrs

from ._base import field, record_class
from .vocabularies import RefKind

__all__ = ["Inference", "Passage", "Ref", "Span"]


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Span:
    """The exact words of a source that a fact came from: ``source.text[start:end] == text``.

    Offsets count Unicode code points (Python ``str`` indices) into the decoded source text.
    """

    source: str = field(refers_to="source", inferable=False)
    start: int
    end: int
    text: str


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Inference:
    """A value that is inferred rather than stated: which field, and why."""

    field: str
    reason: str


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Ref:
    """A typed pointer to another record (``member:AUS``) or a collective (``group:members``)."""

    kind: RefKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Passage:
    """A piece of a statement kept verbatim, such as a purpose or an agenda item."""

    text: str
    span: Span
