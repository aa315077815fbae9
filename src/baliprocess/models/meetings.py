"""Meetings, their attendance and their outcomes."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from ._base import Linked, dataset_of, field, record_class
from .common import Inference, Passage, Ref, Span
from .vocabularies import _Vocabulary

if TYPE_CHECKING:
    from .commitments import Commitment
    from .members import Member

__all__ = [
    "Attendance",
    "AttendanceRole",
    "BodyAttendance",
    "DatePrecision",
    "Location",
    "Meeting",
    "MeetingKind",
    "Outcome",
    "ParticipantCount",
    "Verb",
]


class AttendanceRole(_Vocabulary):
    MEMBER = "member"
    OBSERVER = "observer"
    CO_CHAIR = "co-chair"
    PRESENTER = "presenter"
    OTHER = "other"


class MeetingKind(_Vocabulary):
    SENIOR_OFFICIALS_MEETING = "senior-officials-meeting"
    MINISTERIAL_CONFERENCE = "ministerial-conference"
    ANNUAL_MEETING = "annual-meeting"
    WORKING_GROUP_MEETING = "working-group-meeting"
    WORKSHOP = "workshop"
    WEBINAR = "webinar"
    FORUM = "forum"
    CONSULTATION = "consultation"
    PREPARATORY_MEETING = "preparatory-meeting"
    EXPERTS_GATHERING = "experts-gathering"


class DatePrecision(_Vocabulary):
    """How precisely a statement dates a meeting."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class Verb(_Vocabulary):
    """What an outcome records: the main verb of the sentence, normalised."""

    ACKNOWLEDGED = "acknowledged"
    ADOPTED = "adopted"
    AFFIRMED = "affirmed"
    AGREED = "agreed"
    COMMENDED = "commended"
    COMMITTED = "committed"
    CONFIRMED = "confirmed"
    DEFERRED = "deferred"
    DISCUSSED = "discussed"
    DISTRIBUTED = "distributed"
    ENDORSED = "endorsed"
    HEARD = "heard"
    HIGHLIGHTED = "highlighted"
    INVITED = "invited"
    LAUNCHED = "launched"
    NOTED = "noted"
    PRESENTED = "presented"
    PROVIDED = "provided"
    REAFFIRMED = "reaffirmed"
    RECALLED = "recalled"
    RECEIVED = "received"
    RECOGNISED = "recognised"
    RECOMMENDED = "recommended"
    REFLECTED = "reflected"
    REQUESTED = "requested"
    REVIEWED = "reviewed"
    TASKED = "tasked"
    THANKED = "thanked"
    UPDATED = "updated"
    WELCOMED = "welcomed"
    WILL = "will"


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Location:
    """Where a meeting took place."""

    city: str
    country: str = field(refers_to="member")
    """ISO 3166-1 alpha-3 code of the country."""
    span: Span

    def __str__(self) -> str:
        return f"{self.city}, {self.country}"


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Attendance:
    """One member at one meeting in one role; ``wording`` is the statement's own name for it."""

    member: str = field(refers_to="member")
    role: AttendanceRole
    wording: str
    span: Span
    inferred: str | None = None


@record_class
@attrs.frozen(kw_only=True, repr=False)
class BodyAttendance:
    """A Bali Process body (such as the RSO) taking part in a meeting."""

    body: str = field(refers_to="body")
    role: AttendanceRole
    wording: str
    span: Span


@record_class
@attrs.frozen(kw_only=True, repr=False)
class ParticipantCount:
    """A number of participants a statement gives ("65 participants")."""

    count: int
    description: str
    span: Span


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Outcome(Linked):
    """A sentence or bullet that records what happened or was decided at a meeting."""

    id: str
    text: str = field(inferable=False)
    actors: tuple[Ref, ...]
    verb: Verb
    objects: tuple[Ref, ...] = ()
    span: Span
    inferred: tuple[Inference, ...] = ()

    def meeting(self) -> Meeting:
        """The meeting whose record holds this outcome.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self)._meeting_of(self)


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Meeting(Linked):
    """A meeting, workshop, forum or webinar a statement describes, mentions or dates."""

    id: str
    title: str
    kind: MeetingKind
    number: int | None = None
    body: str | None = field(default=None, refers_to="body")
    start: datetime.date | None = None
    end: datetime.date | None = None
    days: tuple[datetime.date, ...] = ()
    date_precision: DatePrecision
    date_text: str | None = field(default=None, inferable=False)
    location: Location | None = None
    virtual: bool | None = None
    co_chairs: tuple[str, ...] = field(default=(), refers_to="member")
    attendance: tuple[Attendance, ...] = ()
    bodies_present: tuple[BodyAttendance, ...] = ()
    participants: tuple[ParticipantCount, ...] = ()
    purpose: tuple[Passage, ...] = field(default=(), inferable=False)
    agenda: tuple[Passage, ...] = field(default=(), inferable=False)
    outcomes: tuple[Outcome, ...] = field(default=(), inferable=False)
    source: str = field(refers_to="source", inferable=False)
    span: Span
    mentions: tuple[Span, ...] = field(default=(), inferable=False)
    inferred: tuple[Inference, ...] = ()

    @property
    def year(self) -> int | None:
        return None if self.start is None else self.start.year

    def attendees(self, role: AttendanceRole | str | None = None) -> tuple[Member, ...]:
        """The members that attended in ``role`` (any role when ``None``), in statement order.

        Raises:
            InvalidQueryError: ``role`` is not an :class:`AttendanceRole` or its value.
            DetachedRecordError: the meeting was built by hand, not loaded into a dataset.
        """
        from ..collections import coerce_role

        dataset = dataset_of(self)
        wanted = None if role is None else coerce_role(role)
        seen: dict[str, None] = {}
        for row in self.attendance:
            if wanted is None or row.role is wanted:
                seen.setdefault(row.member)
        return tuple(dataset.members.get(member_id) for member_id in seen)

    def roles_of(self, member: str) -> tuple[AttendanceRole, ...]:
        """Every role in which ``member`` (an id, name or alias) attended, in statement order.

        Raises:
            UnknownIdError: no member has that name (the error names close matches).
            DetachedRecordError: the meeting was built by hand, not loaded into a dataset.
        """
        member_id = dataset_of(self).members.lookup(member).id
        return tuple(row.role for row in self.attendance if row.member == member_id)

    def commitments(self) -> tuple[Commitment, ...]:
        """Commitments made at this meeting.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self).commitments.filter(meeting=self.id).all()
