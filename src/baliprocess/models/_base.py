"""Shared building blocks of the record: spans, inferences, refs, passages, the decorator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import attrs

from .vocabularies import RefKind

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["Inference", "Passage", "Ref", "Span", "dataset_of", "link"]


def link() -> Any:
    """The private back-reference to the owning dataset: not data, never compared or exported."""
    return attrs.field(default=None, init=False, repr=False, eq=False, hash=False)


@attrs.frozen(kw_only=True)
class Span:
    """The exact words of a source that a fact came from: ``source.text[start:end] == text``.

    Offsets count Unicode code points (Python ``str`` indices) into the decoded source text.
    """

    source: str
    start: int
    end: int
    text: str


@attrs.frozen(kw_only=True)
class Inference:
    """A value that is inferred rather than stated: which field, and why."""

    field: str
    reason: str


@attrs.frozen(kw_only=True)
class Ref:
    """A typed pointer to another record (``member:AUS``) or a collective (``group:members``)."""

    kind: RefKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"


@attrs.frozen(kw_only=True)
class Passage:
    """A piece of a statement kept verbatim, such as a purpose or an agenda item."""

    text: str
    span: Span


def dataset_of(obj: Any) -> Dataset:
    dataset = obj._dataset
    if dataset is None:
        from ..errors import DetachedRecordError

        raise DetachedRecordError(
            f"{type(obj).__name__} {obj.id!r} was built by hand, not loaded into a dataset; "
            "look it up through baliprocess or baliprocess.load(...) to follow its links"
        )
    return cast("Dataset", dataset)
