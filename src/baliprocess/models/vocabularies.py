"""Closed vocabularies: every enum of the record, valued by the strings used in the data files."""

from __future__ import annotations

import enum

__all__ = [
    "AttendanceRole",
    "BodyKind",
    "CommitmentKind",
    "DatePrecision",
    "DocumentKind",
    "Group",
    "MeetingKind",
    "MemberKind",
    "MemberStatus",
    "RefKind",
    "SourceFormat",
    "Verb",
]


class _Vocabulary(str, enum.Enum):
    """A closed vocabulary whose values are the strings used in the data files."""

    def __str__(self) -> str:
        return str(self.value)


class MemberKind(_Vocabulary):
    STATE = "state"
    INTERNATIONAL_ORGANISATION = "international-organisation"
    OTHER_ORGANISATION = "other-organisation"


class MemberStatus(_Vocabulary):
    """A member's standing in the Bali Process, as a statement shows it."""

    MEMBER = "member"
    OBSERVER = "observer"
    APPLICANT = "applicant"
    GUEST = "guest"


class AttendanceRole(_Vocabulary):
    MEMBER = "member"
    OBSERVER = "observer"
    CO_CHAIR = "co-chair"
    PRESENTER = "presenter"
    OTHER = "other"


class BodyKind(_Vocabulary):
    PROCESS = "process"
    CONFERENCE = "conference"
    GROUP = "group"
    WORKING_GROUP = "working-group"
    TASK_FORCE = "task-force"
    EXPERT_GROUP = "expert-group"
    OFFICE = "office"
    FORUM = "forum"
    MECHANISM = "mechanism"
    INITIATIVE = "initiative"
    COMMITTEE = "committee"
    NETWORK = "network"
    WORKSHOP_SERIES = "workshop-series"


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


class CommitmentKind(_Vocabulary):
    UNDERTAKING = "undertaking"
    TASKING = "tasking"
    DEFERRAL = "deferral"
    RECOMMENDATION = "recommendation"
    PLAN = "plan"


class DocumentKind(_Vocabulary):
    AGENDA = "agenda"
    COMPACT = "compact"
    COMPENDIUM = "compendium"
    CONCEPT_NOTE = "concept-note"
    DECLARATION = "declaration"
    GUIDE = "guide"
    PAPER = "paper"
    RECOMMENDATIONS = "recommendations"
    REPORT = "report"
    STATEMENT = "statement"
    STRATEGY = "strategy"
    TRAINING_MODULE = "training-module"
    WORK_PLAN = "work-plan"


class SourceFormat(_Vocabulary):
    TEXT = "text"
    MARKDOWN = "markdown"


class RefKind(_Vocabulary):
    MEMBER = "member"
    BODY = "body"
    DOCUMENT = "document"
    MEETING = "meeting"
    GROUP = "group"


class Group(_Vocabulary):
    """Collective actors a statement names without listing them."""

    MEMBERS = "members"
    PARTICIPANTS = "participants"
    CO_CHAIRS = "co-chairs"
    PANELLISTS = "panellists"
    MINISTERS = "ministers"
