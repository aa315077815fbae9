"""The typed record: frozen, slotted attrs classes and the enums of closed vocabularies.

Every class is immutable (``frozen=True``), slotted, keyword-only (so that new fields can be
added later without breaking callers) and holds tuples, never lists. Records point at each
other by id; the convenience methods (:meth:`Meeting.attendees`, :meth:`Member.meetings`, ...)
resolve those ids in the dataset the record was loaded into.

Every fact carries a :class:`Span`: the source statement and the character offsets of the exact
words it came from. A value that the statements imply but do not state is listed in the
record's ``inferred`` tuple (or, on a row, its ``inferred`` reason).

The classes live in one module per concern (``members``, ``meetings``, ...) and are imported
from here on first use, so that a first answer about members never pays for defining meetings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bodies import Body, BodyKind, CoChair
    from .commitments import Commitment, CommitmentKind, Due
    from .common import Inference, Passage, Ref, Span
    from .documents import Document, DocumentKind
    from .followups import CommitmentStatus, Degree, FollowUp, Relation
    from .meetings import (
        Attendance,
        AttendanceRole,
        BodyAttendance,
        Contribution,
        ContributionKind,
        DatePrecision,
        Location,
        Meeting,
        MeetingKind,
        MeetingState,
        Outcome,
        ParticipantCount,
        Verb,
    )
    from .members import Member, StatusClaim
    from .sources import Source
    from .vocabularies import (
        Group,
        MemberKind,
        MemberStatus,
        RefKind,
        SourceFormat,
    )

_HOMES = {
    "Inference": "common",
    "Passage": "common",
    "Ref": "common",
    "Span": "common",
    "Body": "bodies",
    "CoChair": "bodies",
    "Commitment": "commitments",
    "Due": "commitments",
    "Document": "documents",
    "CommitmentStatus": "followups",
    "Degree": "followups",
    "FollowUp": "followups",
    "Relation": "followups",
    "Attendance": "meetings",
    "Contribution": "meetings",
    "ContributionKind": "meetings",
    "MeetingState": "meetings",
    "BodyAttendance": "meetings",
    "Location": "meetings",
    "Meeting": "meetings",
    "Outcome": "meetings",
    "ParticipantCount": "meetings",
    "Member": "members",
    "StatusClaim": "members",
    "Source": "sources",
    "AttendanceRole": "meetings",
    "BodyKind": "bodies",
    "CommitmentKind": "commitments",
    "DatePrecision": "meetings",
    "DocumentKind": "documents",
    "Group": "vocabularies",
    "MeetingKind": "meetings",
    "MemberKind": "vocabularies",
    "MemberStatus": "vocabularies",
    "RefKind": "vocabularies",
    "SourceFormat": "vocabularies",
    "Verb": "meetings",
}

__all__ = [
    "Attendance",
    "AttendanceRole",
    "Body",
    "BodyAttendance",
    "BodyKind",
    "CoChair",
    "Commitment",
    "CommitmentKind",
    "CommitmentStatus",
    "Contribution",
    "ContributionKind",
    "DatePrecision",
    "Degree",
    "Document",
    "DocumentKind",
    "Due",
    "FollowUp",
    "Group",
    "Inference",
    "Location",
    "Meeting",
    "MeetingKind",
    "MeetingState",
    "Member",
    "MemberKind",
    "MemberStatus",
    "Outcome",
    "ParticipantCount",
    "Passage",
    "Ref",
    "RefKind",
    "Relation",
    "Source",
    "SourceFormat",
    "Span",
    "StatusClaim",
    "Verb",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'baliprocess.models' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
