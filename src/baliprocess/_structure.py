"""The fast structuring path: parsed JSON -> model objects, for valid data.

This is the path every record takes when it is valid, the bundled record and a user's data alike.
It is exactly as strict as the cattrs converter in :mod:`baliprocess._converter` (strict types,
no extra keys, required keys present, enum values, ISO dates, ``kind:id`` refs): the test suite
proves with hypothesis that both accept the same inputs and build equal objects. What it does not
do is explain: on the first problem it raises, and the loader then asks the cattrs converter for
the full, located list of problems. So cattrs is imported only when something is wrong (or when
a user exports), and a first answer costs only ``attrs`` and ``json``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any, TypeVar

from .models import (
    Attendance,
    AttendanceRole,
    Body,
    BodyAttendance,
    BodyKind,
    CoChair,
    Commitment,
    CommitmentKind,
    DatePrecision,
    Document,
    DocumentKind,
    Due,
    Inference,
    Location,
    Meeting,
    MeetingKind,
    Member,
    MemberKind,
    MemberStatus,
    Outcome,
    ParticipantCount,
    Passage,
    Ref,
    RefKind,
    Source,
    SourceFormat,
    Span,
    StatusClaim,
    Verb,
)

__all__ = ["STRUCTURERS", "Invalid", "parse_ref"]

T = TypeVar("T")


class Invalid(Exception):
    """Raised by the fast path on the first problem; the loader then asks cattrs for details."""


def _str(value: Any) -> str:
    if type(value) is not str:
        raise Invalid("expected a string")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if type(value) is not int:
        raise Invalid("expected an integer")
    return value


def _opt_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise Invalid("expected true or false")
    return value


def _opt_bool(value: Any) -> bool | None:
    return None if value is None else _bool(value)


def parse_date(value: Any) -> _dt.date:
    """An ISO ``YYYY-MM-DD`` date; nothing looser."""
    if not (
        type(value) is str
        and len(value) == 10
        and value.isascii()
        and value[4] == "-" == value[7]
        and (value[:4] + value[5:7] + value[8:]).isdigit()
    ):
        raise ValueError(f"expected an ISO date like '2020-10-20', got {value!r}")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"expected a real date, got {value!r} ({error})") from None


def _opt_date(value: Any) -> _dt.date | None:
    return None if value is None else parse_date(value)


def parse_ref(value: Any) -> Ref:
    """A ``kind:id`` string such as ``member:AUS`` or ``group:members``."""
    if type(value) is not str:
        raise ValueError(f"expected a reference like 'member:AUS', got {value!r}")
    kind, sep, ident = value.partition(":")
    if not sep or not ident:
        raise ValueError(f"expected a reference like 'member:AUS', got {value!r}")
    return Ref(kind=RefKind(kind), id=ident)


def _tuple(value: Any, item: Callable[[Any], T]) -> tuple[T, ...]:
    if type(value) is not list:
        raise Invalid("expected a list")
    return tuple([item(v) for v in value])


def _fields(value: Any, keys: frozenset[str], required: frozenset[str]) -> dict[str, Any]:
    if type(value) is not dict:
        raise Invalid("expected an object")
    present = value.keys()
    if not (present <= keys and required <= present):
        raise Invalid("wrong keys")
    return value


def _keys(*names: str, optional: tuple[str, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(names) | frozenset(optional), frozenset(names)


_SPAN = _keys("source", "start", "end", "text")


def span(value: Any) -> Span:
    d = _fields(value, *_SPAN)
    return Span(
        source=_str(d["source"]), start=_int(d["start"]), end=_int(d["end"]), text=_str(d["text"])
    )


_INFERENCE = _keys("field", "reason")


def _inference(value: Any) -> Inference:
    d = _fields(value, *_INFERENCE)
    return Inference(field=_str(d["field"]), reason=_str(d["reason"]))


def _inferred(d: dict[str, Any]) -> tuple[Inference, ...]:
    return _tuple(d["inferred"], _inference) if "inferred" in d else ()


_PASSAGE = _keys("text", "span")


def _passage(value: Any) -> Passage:
    d = _fields(value, *_PASSAGE)
    return Passage(text=_str(d["text"]), span=span(d["span"]))


def _opt_passage(value: Any) -> Passage | None:
    return None if value is None else _passage(value)


def _refs(d: dict[str, Any], key: str) -> tuple[Ref, ...]:
    return _tuple(d[key], parse_ref) if key in d else ()


def _strs(d: dict[str, Any], key: str) -> tuple[str, ...]:
    return _tuple(d[key], _str) if key in d else ()


_SOURCE = _keys("id", "title", "date", "format", "path", "meetings")


def source(value: Any) -> Source:
    d = _fields(value, *_SOURCE)
    return Source(
        id=_str(d["id"]),
        title=_str(d["title"]),
        date=parse_date(d["date"]),
        format=SourceFormat(d["format"]),
        path=_str(d["path"]),
        meetings=_tuple(d["meetings"], _str),
    )


_STATUS = _keys("status", "as_of", "span", optional=("inferred",))


def _status(value: Any) -> StatusClaim:
    d = _fields(value, *_STATUS)
    return StatusClaim(
        status=MemberStatus(d["status"]),
        as_of=parse_date(d["as_of"]),
        span=span(d["span"]),
        inferred=_opt_str(d.get("inferred")),
    )


_MEMBER = _keys(
    "id",
    "name",
    "kind",
    "span",
    optional=("aliases", "iso2", "iso3", "status", "note", "inferred"),
)


def member(value: Any) -> Member:
    d = _fields(value, *_MEMBER)
    return Member(
        id=_str(d["id"]),
        name=_str(d["name"]),
        kind=MemberKind(d["kind"]),
        aliases=_strs(d, "aliases"),
        iso2=_opt_str(d.get("iso2")),
        iso3=_opt_str(d.get("iso3")),
        status=_tuple(d["status"], _status) if "status" in d else (),
        note=_opt_str(d.get("note")),
        span=span(d["span"]),
        inferred=_inferred(d),
    )


_CO_CHAIR = _keys("member", "as_of", "span", optional=("inferred",))


def _co_chair(value: Any) -> CoChair:
    d = _fields(value, *_CO_CHAIR)
    return CoChair(
        member=_str(d["member"]),
        as_of=parse_date(d["as_of"]),
        span=span(d["span"]),
        inferred=_opt_str(d.get("inferred")),
    )


_BODY = _keys(
    "id",
    "name",
    "kind",
    "span",
    optional=("aliases", "parent", "bali_process", "co_chairs", "established", "inferred"),
)


def body(value: Any) -> Body:
    d = _fields(value, *_BODY)
    return Body(
        id=_str(d["id"]),
        name=_str(d["name"]),
        kind=BodyKind(d["kind"]),
        aliases=_strs(d, "aliases"),
        parent=_opt_str(d.get("parent")),
        bali_process=_bool(d["bali_process"]) if "bali_process" in d else True,
        co_chairs=_tuple(d["co_chairs"], _co_chair) if "co_chairs" in d else (),
        established=_opt_passage(d.get("established")),
        span=span(d["span"]),
        inferred=_inferred(d),
    )


_DOCUMENT = _keys(
    "id", "title", "kind", "span", optional=("aliases", "authors", "year", "inferred")
)


def document(value: Any) -> Document:
    d = _fields(value, *_DOCUMENT)
    return Document(
        id=_str(d["id"]),
        title=_str(d["title"]),
        kind=DocumentKind(d["kind"]),
        aliases=_strs(d, "aliases"),
        authors=_refs(d, "authors"),
        year=_opt_int(d.get("year")),
        span=span(d["span"]),
        inferred=_inferred(d),
    )


_LOCATION = _keys("city", "country", "span")


def _location(value: Any) -> Location | None:
    if value is None:
        return None
    d = _fields(value, *_LOCATION)
    return Location(city=_str(d["city"]), country=_str(d["country"]), span=span(d["span"]))


_ATTENDANCE = _keys("member", "role", "wording", "span", optional=("inferred",))


def _attendance(value: Any) -> Attendance:
    d = _fields(value, *_ATTENDANCE)
    return Attendance(
        member=_str(d["member"]),
        role=AttendanceRole(d["role"]),
        wording=_str(d["wording"]),
        span=span(d["span"]),
        inferred=_opt_str(d.get("inferred")),
    )


_BODY_ATTENDANCE = _keys("body", "role", "wording", "span")


def _body_attendance(value: Any) -> BodyAttendance:
    d = _fields(value, *_BODY_ATTENDANCE)
    return BodyAttendance(
        body=_str(d["body"]),
        role=AttendanceRole(d["role"]),
        wording=_str(d["wording"]),
        span=span(d["span"]),
    )


_COUNT = _keys("count", "description", "span")


def _count(value: Any) -> ParticipantCount:
    d = _fields(value, *_COUNT)
    return ParticipantCount(
        count=_int(d["count"]), description=_str(d["description"]), span=span(d["span"])
    )


_OUTCOME = _keys("id", "text", "actors", "verb", "span", optional=("objects", "inferred"))


def outcome(value: Any) -> Outcome:
    d = _fields(value, *_OUTCOME)
    return Outcome(
        id=_str(d["id"]),
        text=_str(d["text"]),
        actors=_tuple(d["actors"], parse_ref),
        verb=Verb(d["verb"]),
        objects=_refs(d, "objects"),
        span=span(d["span"]),
        inferred=_inferred(d),
    )


_MEETING = _keys(
    "id",
    "title",
    "kind",
    "date_precision",
    "source",
    "span",
    optional=(
        "number",
        "body",
        "start",
        "end",
        "days",
        "date_text",
        "location",
        "virtual",
        "co_chairs",
        "attendance",
        "bodies_present",
        "participants",
        "purpose",
        "agenda",
        "outcomes",
        "mentions",
        "inferred",
    ),
)


def meeting(value: Any) -> Meeting:
    d = _fields(value, *_MEETING)
    get = d.get
    return Meeting(
        id=_str(d["id"]),
        title=_str(d["title"]),
        kind=MeetingKind(d["kind"]),
        number=_opt_int(get("number")),
        body=_opt_str(get("body")),
        start=_opt_date(get("start")),
        end=_opt_date(get("end")),
        days=_tuple(d["days"], parse_date) if "days" in d else (),
        date_precision=DatePrecision(d["date_precision"]),
        date_text=_opt_str(get("date_text")),
        location=_location(get("location")),
        virtual=_opt_bool(get("virtual")),
        co_chairs=_strs(d, "co_chairs"),
        attendance=_tuple(d["attendance"], _attendance) if "attendance" in d else (),
        bodies_present=_tuple(d["bodies_present"], _body_attendance)
        if "bodies_present" in d
        else (),
        participants=_tuple(d["participants"], _count) if "participants" in d else (),
        purpose=_tuple(d["purpose"], _passage) if "purpose" in d else (),
        agenda=_tuple(d["agenda"], _passage) if "agenda" in d else (),
        outcomes=_tuple(d["outcomes"], outcome) if "outcomes" in d else (),
        source=_str(d["source"]),
        span=span(d["span"]),
        mentions=_tuple(d["mentions"], span) if "mentions" in d else (),
        inferred=_inferred(d),
    )


_DUE = _keys("text", "span", optional=("date", "meeting"))


def _due(value: Any) -> Due | None:
    if value is None:
        return None
    d = _fields(value, *_DUE)
    return Due(
        text=_str(d["text"]),
        date=_opt_date(d.get("date")),
        meeting=_opt_str(d.get("meeting")),
        span=span(d["span"]),
    )


_COMMITMENT = _keys(
    "id", "outcome", "kind", "actors", "action", "span", optional=("due", "inferred")
)


def commitment(value: Any) -> Commitment:
    d = _fields(value, *_COMMITMENT)
    return Commitment(
        id=_str(d["id"]),
        outcome=_str(d["outcome"]),
        kind=CommitmentKind(d["kind"]),
        actors=_tuple(d["actors"], parse_ref),
        action=_str(d["action"]),
        due=_due(d.get("due")),
        span=span(d["span"]),
        inferred=_inferred(d),
    )


STRUCTURERS: dict[type[Any], Callable[[Any], Any]] = {
    Source: source,
    Member: member,
    Body: body,
    Document: document,
    Meeting: meeting,
    Commitment: commitment,
}
"""The structuring function of each top-level record class."""
