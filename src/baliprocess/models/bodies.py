"""The Bali Process's bodies and mechanisms (and others the statements name)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from ._base import Inference, Passage, Span, dataset_of, link, record_class
from .vocabularies import BodyKind

if TYPE_CHECKING:
    from .meetings import Meeting

__all__ = ["Body", "CoChair"]


@record_class
@attrs.frozen(kw_only=True, repr=False)
class CoChair:
    member: str
    as_of: datetime.date
    span: Span
    inferred: str | None = None


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Body:
    """A Bali Process body or mechanism (or another body a statement names)."""

    id: str
    name: str
    kind: BodyKind
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    bali_process: bool = True
    co_chairs: tuple[CoChair, ...] = ()
    established: Passage | None = None
    span: Span
    inferred: tuple[Inference, ...] = ()
    _dataset: object = link()

    def meetings(self) -> tuple[Meeting, ...]:
        """Meetings of this body, in date order.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self).meetings.filter(body=self.id).all()
