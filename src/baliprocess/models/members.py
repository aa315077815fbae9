"""States and organisations, and their Bali Process standing."""

import datetime
from typing import TYPE_CHECKING

import attrs

from ._base import Linked, dataset_of, field, record_class
from .common import Inference, Ref, Span
from .vocabularies import MemberKind, MemberStatus, RefKind

if TYPE_CHECKING:
    from .commitments import Commitment
    from .meetings import Meeting, Outcome

__all__ = ["Member", "StatusClaim"]


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class StatusClaim:
    """A member's Bali Process standing as one statement shows it, on that statement's date."""

    status: MemberStatus
    as_of: datetime.date
    span: Span
    inferred: str | None = None


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Member(Linked):
    """A state or organisation the statements name, whatever its role."""

    id: str
    name: str
    kind: MemberKind
    aliases: tuple[str, ...] = ()
    iso2: str | None = field(default=None, inferable=False)
    iso3: str | None = field(default=None, inferable=False)
    status: tuple[StatusClaim, ...] = ()
    note: str | None = None
    span: Span
    inferred: tuple[Inference, ...] = ()

    @property
    def current_status(self) -> MemberStatus | None:
        """The latest status a statement shows, or ``None`` when none does."""
        if not self.status:
            return None
        return max(self.status, key=lambda claim: claim.as_of).status

    def meetings(self) -> tuple["Meeting", ...]:
        """Meetings this member attended in any role, in date order.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self).meetings.filter(attended_by=self).all()

    def commitments(self) -> tuple["Commitment", ...]:
        """Commitments this member is an actor of.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self).commitments.filter(actor=self).all()

    def outcomes(self) -> tuple["Outcome", ...]:
        """Outcomes naming this member as actor or object, in date order.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self)._outcomes_naming(Ref(kind=RefKind.MEMBER, id=self.id))
