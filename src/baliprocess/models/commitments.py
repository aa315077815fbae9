"""Forward-looking undertakings and when they fall due."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from ._base import Linked, dataset_of, field, record_class
from .common import Inference, Ref, Span
from .vocabularies import CommitmentKind

if TYPE_CHECKING:
    from .meetings import Meeting, Outcome

__all__ = ["Commitment", "Due"]


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Due:
    """When a commitment falls due: a date, a meeting, or only the statement's words."""

    text: str
    date: datetime.date | None = None
    meeting: str | None = field(default=None, refers_to="meeting")
    span: Span


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Commitment(Linked):
    """A forward-looking undertaking recorded in an outcome."""

    id: str
    outcome: str = field(refers_to="outcome", inferable=False)
    kind: CommitmentKind
    actors: tuple[Ref, ...]
    action: str
    due: Due | None = None
    span: Span
    inferred: tuple[Inference, ...] = ()

    def meeting(self) -> Meeting:
        """The meeting at which the commitment was made.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        dataset = dataset_of(self)
        return dataset._meeting_of(dataset._outcome(self.outcome))

    def source_outcome(self) -> Outcome:
        """The outcome this commitment comes from.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self)._outcome(self.outcome)
