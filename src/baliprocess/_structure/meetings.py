"""Structuring meetings, with their attendance and outcomes."""

from __future__ import annotations

from typing import Any

from ..models.meetings import (
    Attendance,
    AttendanceRole,
    BodyAttendance,
    DatePrecision,
    Location,
    Meeting,
    MeetingKind,
    Outcome,
    ParticipantCount,
    Verb,
)
from . import (
    Invalid,
    fields,
    inferred,
    int_,
    keys,
    opt_bool,
    opt_date,
    opt_int,
    opt_str,
    parse_date,
    parse_ref,
    passage,
    refs,
    span,
    str_,
    strs,
    tuple_of,
    values_of,
)

_ATTENDANCEROLE = values_of(AttendanceRole)
_DATEPRECISION = values_of(DatePrecision)
_MEETINGKIND = values_of(MeetingKind)
_VERB = values_of(Verb)
CLASS = Meeting


_LOCATION = keys("city", "country", "span")


def _location(value: Any) -> Location | None:
    if value is None:
        return None
    d = fields(value, *_LOCATION)
    return Location(city=str_(d["city"]), country=str_(d["country"]), span=span(d["span"]))


_ATTENDANCE = keys("member", "role", "wording", "span", optional=("inferred",))


_ATTENDANCE_KEYS = _ATTENDANCE[0]


def _attendance(value: Any) -> Attendance:
    # The most frequent row of a large record: checks inlined (same rules as ``fields``).
    if type(value) is not dict or not _ATTENDANCE_KEYS.issuperset(value):
        raise Invalid("expected an attendance object")
    member, wording, why = value["member"], value["wording"], value.get("inferred")
    if not (type(member) is str and type(wording) is str and (why is None or type(why) is str)):
        raise Invalid("wrong attendance field types")
    return Attendance(
        member=member,
        role=_ATTENDANCEROLE[value["role"]],
        wording=wording,
        span=span(value["span"]),
        inferred=why,
    )


_BODY_ATTENDANCE = keys("body", "role", "wording", "span")


def _body_attendance(value: Any) -> BodyAttendance:
    d = fields(value, *_BODY_ATTENDANCE)
    return BodyAttendance(
        body=str_(d["body"]),
        role=_ATTENDANCEROLE[d["role"]],
        wording=str_(d["wording"]),
        span=span(d["span"]),
    )


_COUNT = keys("count", "description", "span")


def _count(value: Any) -> ParticipantCount:
    d = fields(value, *_COUNT)
    return ParticipantCount(
        count=int_(d["count"]), description=str_(d["description"]), span=span(d["span"])
    )


_OUTCOME = keys("id", "text", "actors", "verb", "span", optional=("objects", "inferred"))


def outcome(value: Any) -> Outcome:
    d = fields(value, *_OUTCOME)
    return Outcome(
        id=str_(d["id"]),
        text=str_(d["text"]),
        actors=tuple_of(d["actors"], parse_ref),
        verb=_VERB[d["verb"]],
        objects=refs(d, "objects"),
        span=span(d["span"]),
        inferred=inferred(d),
    )


_MEETING = keys(
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


def structure(value: Any) -> Meeting:
    d = fields(value, *_MEETING)
    get = d.get
    return Meeting(
        id=str_(d["id"]),
        title=str_(d["title"]),
        kind=_MEETINGKIND[d["kind"]],
        number=opt_int(get("number")),
        body=opt_str(get("body")),
        start=opt_date(get("start")),
        end=opt_date(get("end")),
        days=tuple_of(d["days"], parse_date) if "days" in d else (),
        date_precision=_DATEPRECISION[d["date_precision"]],
        date_text=opt_str(get("date_text")),
        location=_location(get("location")),
        virtual=opt_bool(get("virtual")),
        co_chairs=strs(d, "co_chairs"),
        attendance=tuple_of(d["attendance"], _attendance) if "attendance" in d else (),
        bodies_present=tuple_of(d["bodies_present"], _body_attendance)
        if "bodies_present" in d
        else (),
        participants=tuple_of(d["participants"], _count) if "participants" in d else (),
        purpose=tuple_of(d["purpose"], passage) if "purpose" in d else (),
        agenda=tuple_of(d["agenda"], passage) if "agenda" in d else (),
        outcomes=tuple_of(d["outcomes"], outcome) if "outcomes" in d else (),
        source=str_(d["source"]),
        span=span(d["span"]),
        mentions=tuple_of(d["mentions"], span) if "mentions" in d else (),
        inferred=inferred(d),
    )
