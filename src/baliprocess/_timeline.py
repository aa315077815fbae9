"""``bp.timeline(x)``: everything in the record that concerns one member, body, document,
meeting or commitment, in date order, each entry with the words it rests on."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import attrs

from .errors import InvalidQueryError, UnknownIdError
from .models._base import record_class
from .models.common import Ref, Span

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["TimelineEntry", "timeline"]

_NAMED = ("member", "body", "document")
_BY_ID = ("meeting", "commitment")


@record_class
@attrs.frozen(kw_only=True, repr=False)
class TimelineEntry:
    """One thing that concerns the subject of a timeline.

    ``kind`` is ``"meeting"``, ``"outcome"``, ``"commitment"`` or ``"followup"``; ``how`` says
    how it concerns the subject (``"participant"``, ``"held"``, ``"actor"``, ``"object"``,
    ``"made-at"``, ``"evidence"``, ...); ``date`` is the date of the meeting, commitment or
    follow-up (``None`` when the record has none; such entries come last).
    """

    date: datetime.date | None
    kind: str
    how: str
    record: Any
    span: Span


def _subject(dataset: Dataset, x: object) -> tuple[str, str]:
    """``(kind, id)`` of the record ``x`` names."""
    from .models import Body, Commitment, Document, Meeting, Member

    for cls, kind in (
        (Member, "member"),
        (Body, "body"),
        (Document, "document"),
        (Meeting, "meeting"),
        (Commitment, "commitment"),
    ):
        if isinstance(x, cls):
            return kind, getattr(dataset, _plural(kind)).get(x.id).id
    if not isinstance(x, str):
        raise InvalidQueryError(f"timeline takes a record, an id or a name, not {x!r}")
    prefix, sep, rest = x.partition(":")
    if sep and prefix in (*_NAMED, *_BY_ID) and rest:
        collection = getattr(dataset, _plural(prefix))
        found = collection.lookup(rest) if prefix in _NAMED else collection.get(rest)
        return prefix, found.id
    # Suggestions only: a kept exception would hold its frames (and the dataset) in a cycle.
    suggested: list[str] = []
    for kind in _NAMED:  # members, then bodies, then documents
        try:
            return kind, getattr(dataset, _plural(kind)).lookup(x).id
        except UnknownIdError as error:
            suggested.extend(error.suggestions)
    for kind in _BY_ID:
        if x in getattr(dataset, _plural(kind)):
            return kind, x
    raise UnknownIdError("member, body, document, meeting or commitment", x, tuple(suggested[:3]))


def _plural(kind: str) -> str:
    from ._registry import BY_TARGET

    return BY_TARGET[kind].name


def timeline(dataset: Dataset, x: object) -> tuple[TimelineEntry, ...]:
    """Every meeting, outcome, commitment and follow-up that concerns ``x``, in date order.

    ``x`` is a member, body, document, meeting or commitment: the record, its id, or a name
    (resolved through members, then bodies, then documents; ``kind:id`` when it is ambiguous).

    Raises:
        UnknownIdError: nothing has that id or name.
        InvalidQueryError: ``x`` is not a record, an id or a name.
    """
    from .models import RefKind

    kind, ident = _subject(dataset, x)
    # What outcomes and commitments name: a ref (a commitment is never named by one).
    subject = Ref(kind=RefKind(kind), id=ident) if kind in RefKind._value2member_map_ else None
    entries: list[TimelineEntry] = []
    seen: set[tuple[str, str]] = set()

    def add(date: datetime.date | None, what: str, how: str, record: Any, span: Span) -> None:
        key = (what, record.id)
        if key not in seen:
            seen.add(key)
            entries.append(TimelineEntry(date=date, kind=what, how=how, record=record, span=span))

    commitments_concerned: list[Any] = []
    for meeting in dataset.meetings:
        date = meeting.start
        if kind == "meeting" and meeting.id == ident:
            add(date, "meeting", "subject", meeting, meeting.span)
        if kind == "member":
            for row in meeting.attendance:
                if row.member == ident:
                    add(date, "meeting", "participant", meeting, row.span)
        if kind == "body":
            if meeting.body == ident:
                add(date, "meeting", "held", meeting, meeting.span)
            for present in meeting.bodies_present:
                if present.body == ident:
                    add(date, "meeting", "participant", meeting, present.span)
        for outcome in meeting.outcomes:
            if kind == "meeting" and meeting.id == ident:
                add(date, "outcome", "held-at", outcome, outcome.span)
            elif subject in outcome.actors:
                add(date, "outcome", "actor", outcome, outcome.span)
            elif subject in outcome.objects:
                add(date, "outcome", "object", outcome, outcome.span)
    outcome_names = {e.record.id for e in entries if e.kind == "outcome"}
    for commitment in dataset.commitments:
        made = commitment.made
        if kind == "commitment" and commitment.id == ident:
            add(made, "commitment", "subject", commitment, commitment.span)
            outcome = commitment.source_outcome()
            add(made, "outcome", "source", outcome, outcome.span)
        elif kind == "meeting" and commitment.meeting().id == ident:
            add(made, "commitment", "made-at", commitment, commitment.span)
        elif subject in commitment.actors:
            add(made, "commitment", "actor", commitment, commitment.span)
        elif commitment.outcome in outcome_names:
            add(made, "commitment", "object", commitment, commitment.span)
        elif kind == "meeting" and commitment.due is not None and commitment.due.meeting == ident:
            add(made, "commitment", "due-at", commitment, commitment.due.span)
        else:
            continue
        commitments_concerned.append(commitment.id)
    concerned = set(commitments_concerned)
    # The records a follow-up touches, as its fields' metadata declares them.
    from .models import FollowUp
    from .models._base import REFERS_TO

    touching = [
        f.name
        for f in attrs.fields(FollowUp)
        if f.metadata.get(REFERS_TO) == kind and f.name != "commitment"
    ]
    for followup in dataset.followups:
        if followup.commitment in concerned:
            add(followup.date, "followup", "follows-up", followup, followup.span)
        elif any(getattr(followup, name) == ident for name in touching):
            add(followup.date, "followup", "evidence", followup, followup.span)
    entries.sort(key=lambda e: (e.date is None, e.date or datetime.date.min))
    return tuple(entries)
