"""Meetings, their attendance and their outcomes."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import attrs

from ._base import Linked, dataset_of, field, record_class
from .common import Inference, Passage, Ref, Span
from .vocabularies import _Vocabulary

if TYPE_CHECKING:
    from .bodies import Body
    from .commitments import Commitment
    from .members import Member

__all__ = [
    "Attendance",
    "AttendanceRole",
    "BodyAttendance",
    "Contribution",
    "ContributionKind",
    "DatePrecision",
    "Location",
    "Meeting",
    "MeetingKind",
    "MeetingState",
    "Outcome",
    "ParticipantCount",
    "Verb",
]


class AttendanceRole(_Vocabulary):
    """A participant's standing at a meeting, as the statement gives it.

    ``unstated`` is a participant the statement shows taking part (presenting, updating,
    co-chairing) without saying in what capacity it attended. What it did is its
    :class:`Contribution`, apart from its standing.
    """

    MEMBER = "member"
    OBSERVER = "observer"
    GUEST = "guest"
    UNSTATED = "unstated"


class ContributionKind(_Vocabulary):
    """What a participant did at a meeting, when the statement says so."""

    CO_CHAIRED = "co-chaired"
    PRESENTED = "presented"
    UPDATED = "updated"
    BRIEFED = "briefed"
    PROVIDED_RECOMMENDATIONS = "provided-recommendations"
    PANELLIST = "panellist"
    HOSTED = "hosted"


class MeetingState(_Vocabulary):
    """Whether a meeting took place, as the record knows it."""

    HELD = "held"
    PLANNED = "planned"
    DEFERRED = "deferred"
    UNKNOWN = "unknown"


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
    STEERING_GROUP_MEETING = "steering-group-meeting"
    ROUNDTABLE = "roundtable"
    EXERCISE = "exercise"
    ACTIVITY = "activity"
    """A period of joint activity, such as a Joint Period of Action."""


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
    ESTABLISHED = "established"
    HEARD = "heard"
    HIGHLIGHTED = "highlighted"
    INVITED = "invited"
    LAUNCHED = "launched"
    NOTED = "noted"
    OTHER = "other"
    """A main verb outside this vocabulary (the outcome's ``text`` keeps the statement's own)."""
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
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Location:
    """Where a meeting took place: the place as the statement names it, and its country.

    ``city`` is given only when the place is a city ("Kuala Lumpur"); "Bali" is a place, not a
    city, so its ``city`` is ``None``.
    """

    place: str
    city: str | None = None
    country: str = field(refers_to="member")
    """ISO 3166-1 alpha-3 code of the country."""
    span: Span

    def __str__(self) -> str:
        return f"{self.place}, {self.country}"


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Contribution:
    """Something a participant did at a meeting (presented, co-chaired, ...), with its words."""

    kind: ContributionKind
    span: Span
    inferred: str | None = None


class _Participant:
    """What attendance rows of members and of bodies share: asking what they did."""

    __slots__ = ()
    contributions: tuple[Contribution, ...]

    def contributed(self, kind: ContributionKind | str | None = None) -> bool:
        """Whether the participant did anything (or ``kind``) at the meeting."""
        if kind is None:
            return bool(self.contributions)
        return any(c.kind == kind for c in self.contributions)


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Attendance(_Participant):
    """One member at one meeting: its standing (``role``) and what it did (``contributions``).

    ``wording`` is the statement's own name for the member, ``span`` its first evidence and
    ``mentions`` every other span that shows it there.
    """

    member: str = field(refers_to="member")
    role: AttendanceRole
    wording: str
    span: Span
    mentions: tuple[Span, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    inferred: str | None = None


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class BodyAttendance(_Participant):
    """A Bali Process body (such as the RSO) taking part in a meeting, as a participant."""

    body: str = field(refers_to="body")
    role: AttendanceRole
    wording: str
    span: Span
    mentions: tuple[Span, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    inferred: str | None = None


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class ParticipantCount:
    """A number of participants a statement gives ("65 participants").

    ``within`` is the position, in the meeting's ``participants``, of a count this one is part
    of ("14 Working Group members (including three international organisations)": the 3 are
    within the 14). Such nested counts are never added up; :meth:`Meeting.participant_total`
    sums the outer ones only.
    """

    count: int
    description: str
    within: int | None = None
    span: Span


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
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
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Meeting(Linked):
    """A meeting, workshop, forum or webinar a statement describes, mentions or dates."""

    id: str
    title: str
    kind: MeetingKind
    state: MeetingState
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
        """The year the meeting started, or ``None`` when the record has no date for it."""
        return None if self.start is None else self.start.year

    def attendees(
        self,
        role: AttendanceRole | str | None = None,
        *,
        contributed: ContributionKind | str | bool | None = None,
    ) -> tuple[Member, ...]:
        """The members that took part, in statement order.

        ``role`` keeps those of that standing (``"member"``, ``"observer"``, ``"guest"``,
        ``"unstated"``); ``contributed`` those that did that (``"presented"``, ...), or anything
        at all with ``True``. With neither, every member the statement shows taking part.

        Raises:
            InvalidQueryError: ``role`` or ``contributed`` is not in its vocabulary.
            DetachedRecordError: the meeting was built by hand, not loaded into a dataset.
        """
        dataset = dataset_of(self)
        rows = _select_rows(self.attendance, role, contributed)
        return tuple(dataset.members.get(row.member) for row in rows)

    def bodies_taking_part(
        self,
        role: AttendanceRole | str | None = None,
        *,
        contributed: ContributionKind | str | bool | None = None,
    ) -> tuple[Body, ...]:
        """The Bali Process bodies that took part (the RSO, ...), as :meth:`attendees` selects.

        Raises:
            InvalidQueryError: ``role`` or ``contributed`` is not in its vocabulary.
            DetachedRecordError: the meeting was built by hand, not loaded into a dataset.
        """
        dataset = dataset_of(self)
        rows = _select_rows(self.bodies_present, role, contributed)
        return tuple(dataset.bodies.get(row.body) for row in rows)

    def roles_of(self, member: str) -> tuple[AttendanceRole, ...]:
        """The standing in which ``member`` (an id, name or alias) took part: one role, or none.

        Raises:
            UnknownIdError: no member has that name (the error names close matches).
            DetachedRecordError: the meeting was built by hand, not loaded into a dataset.
        """
        member_id = dataset_of(self).members.lookup(member).id
        return tuple(row.role for row in self.attendance if row.member == member_id)

    def participant_total(self) -> int | None:
        """The number of participants the statement gives, nested counts not added twice;
        ``None`` when it gives none (not zero: the statement simply does not say)."""
        outer = [count.count for count in self.participants if count.within is None]
        return sum(outer) if outer else None

    def commitments(self) -> tuple[Commitment, ...]:
        """Commitments made at this meeting.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self).commitments.filter(meeting=self.id).all()


def _select_rows(
    rows: tuple[Any, ...],
    role: AttendanceRole | str | None,
    contributed: ContributionKind | str | bool | None,
) -> list[Any]:
    """The attendance rows of this standing and contribution (see :meth:`Meeting.attendees`)."""
    from ..collections import _coerce_contribution, _coerce_role

    wanted = None if role is None else _coerce_role(role)
    did: ContributionKind | bool | None = (
        contributed
        if contributed is None or isinstance(contributed, bool)
        else _coerce_contribution(contributed)
    )
    chosen = []
    for row in rows:
        if wanted is not None and row.role is not wanted:
            continue
        if did is True and not row.contributions:
            continue
        if did is False and row.contributions:
            continue
        if isinstance(did, ContributionKind) and not any(c.kind is did for c in row.contributions):
            continue
        chosen.append(row)
    return chosen
