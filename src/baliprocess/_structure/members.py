"""Structuring members."""

from __future__ import annotations

from typing import Any

from ..models.members import Member, StatusClaim
from ..models.vocabularies import MemberKind, MemberStatus
from . import (
    fields,
    inferred,
    keys,
    opt_str,
    parse_date,
    span,
    str_,
    strs,
    tuple_of,
    values_of,
)

_MEMBERKIND = values_of(MemberKind)
_MEMBERSTATUS = values_of(MemberStatus)
CLASS = Member


_STATUS = keys("status", "as_of", "span", optional=("inferred",))


def _status(value: Any) -> StatusClaim:
    d = fields(value, *_STATUS)
    return StatusClaim(
        status=_MEMBERSTATUS[d["status"]],
        as_of=parse_date(d["as_of"]),
        span=span(d["span"]),
        inferred=opt_str(d.get("inferred")),
    )


_MEMBER = keys(
    "id",
    "name",
    "kind",
    "span",
    optional=("aliases", "iso2", "iso3", "status", "note", "inferred"),
)


def structure(value: Any) -> Member:
    d = fields(value, *_MEMBER)
    return Member(
        id=str_(d["id"]),
        name=str_(d["name"]),
        kind=_MEMBERKIND[d["kind"]],
        aliases=strs(d, "aliases"),
        iso2=opt_str(d.get("iso2")),
        iso3=opt_str(d.get("iso3")),
        status=tuple_of(d["status"], _status) if "status" in d else (),
        note=opt_str(d.get("note")),
        span=span(d["span"]),
        inferred=inferred(d),
    )
