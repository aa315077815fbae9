"""Instruments and publications the statements refer to."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ._base import Linked, dataset_of, field, record_class
from .common import Inference, Ref, Span
from .vocabularies import RefKind, _Vocabulary

if TYPE_CHECKING:
    from .meetings import Outcome

__all__ = ["Document", "DocumentKind"]


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


@record_class
@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Document(Linked):
    """An instrument or publication a statement refers to."""

    id: str
    title: str
    kind: DocumentKind
    aliases: tuple[str, ...] = field(default=(), inferable=False)
    authors: tuple[Ref, ...] = field(default=(), refers_to=("member", "body", "group"))
    year: int | None = None
    span: Span
    inferred: tuple[Inference, ...] = ()

    def outcomes(self) -> tuple[Outcome, ...]:
        """Outcomes that refer to this document, in date order.

        Raises:
            DetachedRecordError: the record was built by hand, not loaded into a dataset.
        """
        return dataset_of(self)._outcomes_naming(Ref(kind=RefKind.DOCUMENT, id=self.id))
