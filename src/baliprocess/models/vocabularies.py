"""Closed vocabularies shared across the record, valued by the strings used in the data files.

A vocabulary of one kind of record lives with its model (meetings' ``AttendanceRole``,
``MeetingKind``, ``DatePrecision``, ``Verb``; ``BodyKind``, ``DocumentKind``, ``CommitmentKind``),
so that an answer about members never defines it (an enum costs about as much to define as a
record class); every enum is importable from :mod:`baliprocess.models`.
"""

from __future__ import annotations

import enum

__all__ = [
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


_MOVED = frozenset({"BodyKind", "CommitmentKind", "DocumentKind"})
"""Vocabularies that lived here before they moved beside their models (old imports and pickles
still find them here); where each lives now is :data:`baliprocess.models._HOMES`."""


def __getattr__(name: str) -> object:
    if name not in _MOVED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import __getattr__ as from_models

    return from_models(name)
