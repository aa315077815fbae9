"""What became of a commitment: follow-ups, each tying a later fact to its words.

A follow-up links a commitment to evidence in a statement: that it was fulfilled, progressed,
reaffirmed, deferred, superseded, or that an earlier follow-up was wrong. A commitment's status is
never typed: it is derived from its follow-ups in date order (see
:meth:`baliprocess.models.Commitment.status_as_of` and the rules in ``docs/commitments.md``).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from ._base import Linked, dataset_of, field, record_class
from .common import Inference, Span
from .vocabularies import _Vocabulary

if TYPE_CHECKING:
    from .commitments import Commitment

__all__ = [
    "G7_SCALE",
    "OGP_SCALE",
    "CommitmentStatus",
    "Degree",
    "FollowUp",
    "Relation",
    "derive_status",
]


class Relation(_Vocabulary):
    """How a follow-up's evidence bears on its commitment."""

    FULFILS = "fulfils"
    PROGRESSES = "progresses"
    REAFFIRMS = "reaffirms"
    DEFERS = "defers"
    SUPERSEDES = "supersedes"
    CONTRADICTS = "contradicts"
    """The evidence shows an earlier follow-up wrong: the status goes back to what it was
    before that follow-up."""
    NOT_STARTED = "not-started"
    """A statement says, in so many words, that the undertaking has not started."""


class Degree(_Vocabulary):
    """How far a ``progresses`` follow-up takes its commitment (a curated judgement)."""

    LIMITED = "limited"
    SUBSTANTIAL = "substantial"


class CommitmentStatus(_Vocabulary):
    """What the record knows of a commitment on a date, derived from its follow-ups."""

    NO_EVIDENCE = "no-evidence"
    """Nothing in the record bears on it: not the same as not started."""
    NOT_STARTED = "not-started"
    LIMITED = "limited"
    SUBSTANTIAL = "substantial"
    COMPLETE = "complete"
    DEFERRED = "deferred"
    SUPERSEDED = "superseded"


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class FollowUp(Linked):
    """Evidence, in a statement, of what became of a commitment."""

    id: str
    commitment: str = field(refers_to="commitment", inferable=False)
    relation: Relation
    degree: Degree | None = None
    """For ``progresses`` only: how far, a curated judgement with its ``degree_reason``."""
    degree_reason: str | None = field(default=None, inferable=False)
    span: Span
    date: datetime.date
    """The date of the event the evidence reports, else of the statement."""
    reason: str = field(inferable=False)
    """Why this evidence bears on the commitment so, in one line."""
    meeting: str | None = field(default=None, refers_to="meeting")
    outcome: str | None = field(default=None, refers_to="outcome")
    document: str | None = field(default=None, refers_to="document")
    status_of: str | None = field(default=None, refers_to="member")
    """A member whose Bali Process status (a status claim) is the evidence."""
    contradicts: str | None = field(default=None, refers_to="followup")
    """For ``contradicts`` only: the follow-up shown wrong."""
    inferred: tuple[Inference, ...] = ()

    def commitment_record(self) -> Commitment:
        """The commitment this follows up.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self).commitments.get(self.commitment)


G7_SCALE: dict[CommitmentStatus, int | None] = {
    CommitmentStatus.COMPLETE: 1,
    CommitmentStatus.SUBSTANTIAL: 0,
    CommitmentStatus.LIMITED: 0,
    CommitmentStatus.NOT_STARTED: -1,
    CommitmentStatus.DEFERRED: -1,
    CommitmentStatus.SUPERSEDED: None,
    CommitmentStatus.NO_EVIDENCE: None,
}
"""A status on the G7 Research Group's compliance scale (-1, 0, +1; ``None``: not scored)."""

OGP_SCALE: dict[CommitmentStatus, str | None] = {
    CommitmentStatus.COMPLETE: "complete",
    CommitmentStatus.SUBSTANTIAL: "substantial",
    CommitmentStatus.LIMITED: "limited",
    CommitmentStatus.NOT_STARTED: "not started",
    CommitmentStatus.DEFERRED: "not started",
    CommitmentStatus.SUPERSEDED: None,
    CommitmentStatus.NO_EVIDENCE: None,
}
"""A status on the Open Government Partnership's completion scale (``None``: not scored)."""

_STATUS_OF = {
    Relation.FULFILS: CommitmentStatus.COMPLETE,
    Relation.DEFERS: CommitmentStatus.DEFERRED,
    Relation.SUPERSEDES: CommitmentStatus.SUPERSEDED,
    Relation.NOT_STARTED: CommitmentStatus.NOT_STARTED,
}


def derive_status(history: tuple[FollowUp, ...], date: datetime.date) -> CommitmentStatus:
    """The status the follow-ups in ``history`` (oldest first) give on ``date``.

    A follow-up that a later one (on or before ``date``) contradicts no longer counts: the
    status is what the others give, which is the status before it when it was the latest.
    A ``contradicts`` that is itself contradicted counts again.
    """
    applicable = [f for f in history if f.date <= date]
    voided: set[str] = set()
    for followup in reversed(applicable):
        if (
            followup.relation is Relation.CONTRADICTS
            and followup.id not in voided
            and followup.contradicts is not None
        ):
            voided.add(followup.contradicts)
    status = CommitmentStatus.NO_EVIDENCE
    for followup in applicable:
        relation = followup.relation
        if followup.id in voided or relation in (Relation.CONTRADICTS, Relation.REAFFIRMS):
            continue
        if relation is Relation.PROGRESSES:
            status = (
                CommitmentStatus.SUBSTANTIAL
                if followup.degree is Degree.SUBSTANTIAL
                else CommitmentStatus.LIMITED
            )
        else:
            status = _STATUS_OF[relation]
    return status
