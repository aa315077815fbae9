"""Structuring bodies."""

from __future__ import annotations

from typing import Any

from ..models.bodies import Body, CoChair
from ..models.vocabularies import BodyKind
from . import (
    bool_,
    fields,
    inferred,
    keys,
    opt_passage,
    opt_str,
    parse_date,
    span,
    str_,
    strs,
    tuple_of,
    values_of,
)

_BODYKIND = values_of(BodyKind)
CLASS = Body


_CO_CHAIR = keys("member", "as_of", "span", optional=("inferred",))


def _co_chair(value: Any) -> CoChair:
    d = fields(value, *_CO_CHAIR)
    return CoChair(
        member=str_(d["member"]),
        as_of=parse_date(d["as_of"]),
        span=span(d["span"]),
        inferred=opt_str(d.get("inferred")),
    )


_BODY = keys(
    "id",
    "name",
    "kind",
    "span",
    optional=("aliases", "parent", "bali_process", "co_chairs", "established", "inferred"),
)


def structure(value: Any) -> Body:
    d = fields(value, *_BODY)
    return Body(
        id=str_(d["id"]),
        name=str_(d["name"]),
        kind=_BODYKIND[d["kind"]],
        aliases=strs(d, "aliases"),
        parent=opt_str(d.get("parent")),
        bali_process=bool_(d["bali_process"]) if "bali_process" in d else True,
        co_chairs=tuple_of(d["co_chairs"], _co_chair) if "co_chairs" in d else (),
        established=opt_passage(d.get("established")),
        span=span(d["span"]),
        inferred=inferred(d),
    )
