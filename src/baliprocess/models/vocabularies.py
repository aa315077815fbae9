"""Closed vocabularies shared across the record, valued by the strings used in the data files.

The vocabularies of meetings (``AttendanceRole``, ``MeetingKind``, ``DatePrecision``, ``Verb``)
live with the meeting model, so that an answer about members never defines them; every enum is
importable from :mod:`baliprocess.models`.
"""

from __future__ import annotations

import enum

__all__ = [
    "BodyKind",
    "CommitmentKind",
    "DocumentKind",
    "Group",
    "MemberKind",
    "MemberStatus",
    "RefKind",
    "SourceFormat",
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
    FRAMEWORK = "framework"
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
