"""The reader's own working representation, before it becomes the record's classes.

Standing (``member``, ``observer``, ``guest``, ``unstated``) and contributions (``co-chaired``,
``presented``, ...) are kept apart here already; :mod:`._records` maps them onto today's
``Attendance.role`` in one function.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ._dates import DateMatch
from ._names import Name

__all__ = ["Contribution", "DCommitment", "DMeeting", "DOutcome", "DParticipant", "Loose"]

Range = tuple[int, int]
"""A range of the original text: ``text[start:end]``."""


@dataclass
class Contribution:
    kind: (
        str  # co-chaired, presented, updated, briefed, provided-recommendations, panellist, hosted
    )
    span: Range


@dataclass
class DParticipant:
    name: Name
    standing: str  # member, observer, guest, unstated
    wording: str
    span: Range
    contributions: list[Contribution] = field(default_factory=list)
    inferred: str | None = None
    confidence: float = 0.9
    rule: str = ""


@dataclass
class DCommitment:
    kind: str  # undertaking, tasking, deferral, recommendation, plan
    actors: list[str]
    action: str
    span: Range
    due_text: str | None = None
    due_date: datetime.date | None = None
    due_meeting: str | None = None  # a meeting key
    due_span: Range | None = None
    confidence: float = 0.7
    rule: str = ""
    span_at: int = 0  # where its clause starts in its sentence's cleaned text


@dataclass
class DOutcome:
    text: str
    span: Range
    verb: str  # the development schema's verb (agreed, welcomed, ..., established, other)
    verb_enum: str  # the record's Verb value
    actors: list[str]  # refs as "kind:id"
    objects: list[str]
    actors_inferred: str | None = None
    commitments: list[DCommitment] = field(default_factory=list)
    confidence: float = 0.8
    rule: str = ""


@dataclass
class DMeeting:
    key: str
    title: str
    kind: str
    series: str
    span: Range
    number: int | None = None
    body: str | None = None
    date: DateMatch | None = None
    date_span: Range | None = None
    date_rule: str = ""
    after: datetime.date | None = None
    place: str | None = None
    place_kind: str | None = None
    country: str | None = None
    place_span: Range | None = None
    place_confidence: float = 0.0
    virtual: bool | None = None
    virtual_span: Range | None = None
    co_chairs: list[tuple[Name, Range]] = field(default_factory=list)
    co_chairs_inferred: str | None = None
    co_chair_acts: list[tuple[str, Range]] = field(default_factory=list)  # what "the Co-Chairs" did
    participants: list[DParticipant] = field(default_factory=list)
    counts: list[tuple[int, str, Range]] = field(default_factory=list)
    purposes: list[tuple[str, Range]] = field(default_factory=list)
    agenda: list[tuple[str, Range]] = field(default_factory=list)
    outcomes: list[DOutcome] = field(default_factory=list)
    mentions: list[Range] = field(default_factory=list)
    primary: bool = False
    state: str = "held"
    confidence: float = 0.8
    rule: str = ""


@dataclass
class Loose:
    """A name the reader found but could not resolve, or chose not to guess."""

    text: str
    span: Range
    context: str
    candidates: tuple[str, ...] = ()
