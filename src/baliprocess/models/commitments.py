"""Forward-looking undertakings and when they fall due."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from ._base import Linked, dataset_of, field, record_class
from .common import Inference, Ref, Span
from .vocabularies import _Vocabulary

if TYPE_CHECKING:
    from .followups import CommitmentStatus, FollowUp
    from .meetings import Meeting, Outcome

__all__ = ["Commitment", "CommitmentKind", "Due"]


class CommitmentKind(_Vocabulary):
    UNDERTAKING = "undertaking"
    TASKING = "tasking"
    DEFERRAL = "deferral"
    RECOMMENDATION = "recommendation"
    PLAN = "plan"


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Due:
    """When a commitment falls due: a date, a meeting, or only the statement's words."""

    text: str
    date: datetime.date | None = None
    meeting: str | None = field(default=None, refers_to="meeting")
    span: Span


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
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

    @property
    def made(self) -> datetime.date | None:
        """The date the commitment was made: the first day of its meeting (``None`` if undated).

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return self.meeting().start

    def history(self) -> tuple[FollowUp, ...]:
        """The follow-ups of this commitment, oldest first, each with its evidence span.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self).followups.filter(commitment=self.id).all()

    def status_as_of(self, date: datetime.date) -> CommitmentStatus | None:
        """What the record knows of this commitment on ``date``; ``None`` before it was made.

        Derived, never typed, from the follow-ups dated on or before ``date``, in date order:
        ``fulfils`` gives ``complete``; ``progresses`` its degree (``limited`` or
        ``substantial``); ``defers`` ``deferred``; ``supersedes`` ``superseded``;
        ``not-started`` ``not-started``; ``reaffirms`` keeps the status it had; ``contradicts``
        sets it back to the status before the follow-up it contradicts. With none of them,
        ``no-evidence``: the record says what it knows, and no evidence is not "not started".

        Raises:
            InvalidQueryError: ``date`` is not a ``datetime.date``.
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        from ..errors import InvalidQueryError
        from .followups import derive_status

        if type(date) is not datetime.date:
            raise InvalidQueryError(f"status_as_of takes a datetime.date, not {date!r}")
        made = self.made
        if made is not None and date < made:
            return None
        return derive_status(self.history(), date)

    @property
    def status(self) -> CommitmentStatus:
        """The status on the evidence of every follow-up in the record (see
        :meth:`status_as_of`).

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        from .followups import derive_status

        return derive_status(self.history(), datetime.date.max)

    @property
    def reaffirmed(self) -> bool:
        """Whether a later statement reaffirms it (its status is unchanged by that).

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return any(f.relation.value == "reaffirms" for f in self.history())

    def g7_score(self, date: datetime.date | None = None) -> int | None:
        """The status on the G7 Research Group's compliance scale: ``+1`` complete, ``0``
        progressing (limited or substantial), ``-1`` not started or deferred, ``None`` with no
        evidence or when superseded (as of ``date``, or on all the evidence).

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        from .followups import G7_SCALE

        status = self.status if date is None else self.status_as_of(date)
        return None if status is None else G7_SCALE[status]

    def ogp_completion(self, date: datetime.date | None = None) -> str | None:
        """The status on the Open Government Partnership's completion scale: ``"complete"``,
        ``"substantial"``, ``"limited"``, ``"not started"`` (a deferred undertaking has not
        started), or ``None`` with no evidence or when superseded.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        from .followups import OGP_SCALE

        status = self.status if date is None else self.status_as_of(date)
        return None if status is None else OGP_SCALE[status]
