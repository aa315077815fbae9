"""Structuring commitments."""

from __future__ import annotations

from typing import Any

from ..models.commitments import Commitment, Due
from ..models.vocabularies import CommitmentKind
from . import (
    fields,
    inferred,
    keys,
    opt_date,
    opt_str,
    parse_ref,
    span,
    str_,
    tuple_of,
    values_of,
)

_COMMITMENTKIND = values_of(CommitmentKind)
CLASS = Commitment


_DUE = keys("text", "span", optional=("date", "meeting"))


def _due(value: Any) -> Due | None:
    if value is None:
        return None
    d = fields(value, *_DUE)
    return Due(
        text=str_(d["text"]),
        date=opt_date(d.get("date")),
        meeting=opt_str(d.get("meeting")),
        span=span(d["span"]),
    )


_COMMITMENT = keys(
    "id", "outcome", "kind", "actors", "action", "span", optional=("due", "inferred")
)


def structure(value: Any) -> Commitment:
    d = fields(value, *_COMMITMENT)
    return Commitment(
        id=str_(d["id"]),
        outcome=str_(d["outcome"]),
        kind=_COMMITMENTKIND[d["kind"]],
        actors=tuple_of(d["actors"], parse_ref),
        action=str_(d["action"]),
        due=_due(d.get("due")),
        span=span(d["span"]),
        inferred=inferred(d),
    )
