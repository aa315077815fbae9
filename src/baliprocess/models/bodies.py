"""The Bali Process's bodies and mechanisms (and others the statements name)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from ._base import Linked, dataset_of, field, record_class
from .common import Inference, Passage, Span
from .vocabularies import _Vocabulary

if TYPE_CHECKING:
    from .meetings import Meeting

__all__ = ["Body", "BodyKind", "CoChair"]


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


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class CoChair:
    """A member co-chairing a body, as of a statement's date."""

    member: str = field(refers_to="member")
    as_of: datetime.date
    span: Span
    inferred: str | None = None


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Body(Linked):
    """A Bali Process body or mechanism (or another body a statement names)."""

    id: str
    name: str
    kind: BodyKind
    aliases: tuple[str, ...] = field(default=(), inferable=False)
    parent: str | None = field(default=None, refers_to="body")
    bali_process: bool = field(default=True, inferable=False)
    co_chairs: tuple[CoChair, ...] = ()
    established: Passage | None = None
    span: Span
    inferred: tuple[Inference, ...] = ()

    def meetings(self, *, held: bool = False) -> tuple[Meeting, ...]:
        """Every meeting this body held or took part in, in date order (``held=True``: only
        the meetings it held, its own meetings).

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        meetings = dataset_of(self).meetings
        own = meetings.filter(body=self.id)
        if held:
            return own.all()
        present = meetings.filter(attended_by=f"body:{self.id}")
        ids = set(own.ids()) | set(present.ids())
        return tuple(meeting for meeting in meetings if meeting.id in ids)
