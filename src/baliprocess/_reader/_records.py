"""The reader's working items as the record's own classes.

Attendance is built in ONE place, :func:`participant_rows`: one row per participant per
meeting, its standing (``member``, ``observer``, ``guest``, ``unstated``) apart from its
contributions (``co-chaired``, ``presented``, ...), as the record keeps them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._model import DMeeting

__all__ = ["participant_rows"]

Range = tuple[int, int]


def participant_rows(
    meeting: DMeeting, text: str, span: Callable[[Range], Any]
) -> tuple[list[Any], list[Any], list[str]]:
    """``(attendance, bodies_present, co_chairs)`` of a draft meeting, one row per participant.

    Co-chairs become a ``co-chaired`` contribution of their row (``unstated`` standing unless
    the statement also gives one), with what the statement says "the Co-Chairs" did (hosted,
    updated, presented, ...) as further contributions, inferred as the co-chairs are; a participant listed twice keeps its first stated standing,
    its first span, and every other span as a mention.
    """
    from ..models import Attendance, AttendanceRole, BodyAttendance, Contribution, ContributionKind

    rows: dict[tuple[str, str], dict[str, Any]] = {}

    def row(kind: str, ident: str, at: Range, wording: str) -> dict[str, Any]:
        entry = rows.get((kind, ident))
        if entry is None:
            entry = rows[kind, ident] = {
                "role": "unstated", "wording": wording, "span": at, "mentions": [],
                "contributions": [], "inferred": None,
            }  # fmt: skip
        elif at != entry["span"] and at not in entry["mentions"]:
            entry["mentions"].append(at)
        return entry

    co_chairs: list[str] = []
    for name, at in meeting.co_chairs:
        co_chairs.append(name.id)
        entry = row(name.kind, name.id, at, text[at[0] : at[1]])
        entry["contributions"].append(("co-chaired", at, meeting.co_chairs_inferred))
        if meeting.co_chairs_inferred:
            entry["inferred"] = meeting.co_chairs_inferred
        for kind, act in meeting.co_chair_acts:  # "The Co-Chairs updated members on ..."
            if all(c[0] != kind for c in entry["contributions"]):
                entry["contributions"].append((kind, act, meeting.co_chairs_inferred))
    for p in meeting.participants:
        entry = row(p.name.kind, p.name.id, p.span, p.wording)
        if p.standing != "unstated" and entry["role"] == "unstated":
            if entry["span"] != p.span:  # the words that give the standing are its evidence
                entry["mentions"].insert(0, entry["span"])
                entry["mentions"] = [m for m in entry["mentions"] if m != p.span]
            entry.update(role=p.standing, wording=p.wording, span=p.span, inferred=p.inferred)
        for contribution in p.contributions:
            if all(c[0] != contribution.kind for c in entry["contributions"]):
                entry["contributions"].append((contribution.kind, contribution.span, None))
    attendance: list[Any] = []
    bodies: list[Any] = []
    for (kind, ident), entry in rows.items():
        fields = {
            "role": AttendanceRole(entry["role"]),
            "wording": entry["wording"],
            "span": span(entry["span"]),
            "mentions": tuple(span(m) for m in entry["mentions"]),
            "contributions": tuple(
                Contribution(kind=ContributionKind(k), span=span(at), inferred=why)
                for k, at, why in entry["contributions"]
            ),
            "inferred": entry["inferred"],
        }
        if kind == "body":
            bodies.append(BodyAttendance(body=ident, **fields))
        else:
            attendance.append(Attendance(member=ident, **fields))
    return attendance, bodies, list(dict.fromkeys(co_chairs))
