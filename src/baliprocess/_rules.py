"""The checks that only one kind of record has (the registry names them as its ``rules``).

Everything about references, spans and inferred fields is checked generically from the field
metadata (:mod:`baliprocess._checks`); what is here is particular to a kind: the dates of a
meeting, the ISO codes of a state, the shape of outcome and commitment ids.
"""

from __future__ import annotations

import datetime
import operator
from typing import TYPE_CHECKING

from .models.vocabularies import MemberKind

if TYPE_CHECKING:
    from ._checks import Checker
    from .models import Commitment, FollowUp, Meeting, Member

__all__ = ["commitments", "followups", "meetings", "members"]


def _at(*steps: str | tuple[str, int]) -> tuple[object, str, int | None] | None:
    """A path from field names and ``(field, index)`` steps."""
    at: tuple[object, str, int | None] | None = None
    for step in steps:
        at = (at, step, None) if isinstance(step, str) else (at, *step)
    return at


def members(c: Checker, member: Member) -> None:
    if member.kind is MemberKind.STATE:
        if not (len(member.id) == 3 and member.id.isascii() and member.id.isupper()):
            c.problem(_at("id"), f"a state's id is its ISO 3166 alpha-3 code, not {member.id!r}")
        elif member.iso3 != member.id:
            c.problem(_at("iso3"), f"a state's id is its ISO 3166 alpha-3 code, here {member.id!r}")
        if member.iso2 is None or len(member.iso2) != 2 or not member.iso2.isupper():
            c.problem(_at("iso2"), "a state needs its two-letter ISO 3166 code")
    elif member.iso2 is not None or member.iso3 is not None:
        c.problem(
            _at("iso2" if member.iso2 is not None else "iso3"), "only states have ISO 3166 codes"
        )


def _whole_period(precision: str, start: datetime.date, end: datetime.date) -> bool:
    """Whether a month- or year-precision meeting spans whole months or years."""
    if precision == "month":
        return start.day == 1 and (end + datetime.timedelta(days=1)).day == 1
    if precision == "year":
        return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    return True


def _dates(c: Checker, meeting: Meeting) -> None:
    start, end = meeting.start, meeting.end
    if (start is None) != (end is None):
        c.problem(_at("end" if end is None else "start"), "start and end are both given or neither")
        return
    precision = meeting.date_precision.value
    if start is not None and end is not None and start > end:
        c.problem(_at("end"), f"end {end.isoformat()} is before start {start.isoformat()}")
    if precision == "unknown" and start is not None:
        c.problem(
            _at("date_precision"), "a meeting with dates has a precision other than 'unknown'"
        )
    if precision != "unknown" and start is None:
        c.problem(_at("date_precision"), "a meeting without dates has precision 'unknown'")
    if start is not None and end is not None and not _whole_period(precision, start, end):
        c.problem(
            _at("end"), f"at {precision} precision, start and end are its first and last days"
        )
    days = meeting.days
    if days and precision != "day":
        c.problem(_at("days"), "days are listed only for meetings dated to the day")
    for i, day in enumerate(days):
        if start is None or end is None or not start <= day <= end:
            c.problem(_at(("days", i)), f"day {day.isoformat()} lies outside start-end")
        elif i and day <= days[i - 1]:
            c.problem(_at(("days", i)), "days are listed once each, in order")


_GETTERS = {who: operator.attrgetter(who) for who in ("member", "body")}
"""Who a participation row names, read in C (a meeting has dozens of rows)."""


_OUTCOME_ID = operator.attrgetter("id")


def _slugs_under(prefix: str, ids: list[str]) -> bool:
    """Whether every id is ``prefix`` and a slug (see below), asked of all ids at once.

    Once no id holds whitespace (so each line of ``lines`` is one id), an id starts with the
    prefix where a line does, its slug holds no ":" or "/" where the prefix has all of them,
    and it is not empty where no line ends in the prefix's "/". Under a prefix holding
    whitespace (a meeting id that is no slug, reported as such), no list passes: the caller's
    one-by-one loop then decides.
    """
    lines = "\n" + "\n".join(ids) + "\n"
    n = len(ids)
    return (
        lines.split() == ids
        and lines.count("\n" + prefix) == n
        and lines.count(":") == n * prefix.count(":")
        and lines.count("/") == n * prefix.count("/")
        and "/\n" not in lines
    )


def meetings(c: Checker, meeting: Meeting) -> None:
    _dates(c, meeting)
    if meeting.location is not None and meeting.virtual:
        c.problem(_at("location"), "a virtual meeting has no location")
    for field, rows, who in (
        ("attendance", meeting.attendance, "member"),
        ("bodies_present", meeting.bodies_present, "body"),
    ):
        if len(set(map(_GETTERS[who], rows))) == len(rows):
            continue  # no one listed twice (the common case: no loop to find who)
        seen: set[str] = set()
        for i, row in enumerate(rows):
            ident = getattr(row, who)
            if ident in seen:
                c.problem(
                    _at((field, i), who),
                    f"{ident} is listed twice; a participant has one row per meeting, with "
                    "every contribution in it",
                )
            seen.add(ident)
    counts = meeting.participants
    for i, count in enumerate(counts):
        if count.count < 0:
            c.problem(_at(("participants", i), "count"), "a count is not negative")
        if count.within is not None and not (0 <= count.within < len(counts) and count.within != i):
            c.problem(
                _at(("participants", i), "within"),
                f"within is the position of another count of this meeting (0-{len(counts) - 1})",
            )
    prefix = meeting.id + "/"
    ids = list(map(_OUTCOME_ID, meeting.outcomes))
    if not ids or _slugs_under(prefix, ids):
        return  # the common case, checked in C; the loop below finds what is wrong
    start = len(prefix)
    for i, ident in enumerate(ids):
        rest = ident[start:]
        # A slug: no ":" or "/", not empty and no whitespace (``rest.split() == [rest]``: split
        # uses str.isspace's rule).
        if not ident.startswith(prefix) or ":" in rest or "/" in rest or rest.split() != [rest]:
            c.problem(
                _at(("outcomes", i), "id"),
                f"an outcome id is '{prefix}' and a slug, like '{prefix}o{i + 1}'",
            )


def commitments(c: Checker, commitment: Commitment) -> None:
    if commitment.outcome in c.ids["outcome"]:
        prefix = commitment.outcome.rpartition("/")[0] + "/"
        if not commitment.id.startswith(prefix):
            c.problem(
                _at("id"), f"a commitment id is its meeting's id, '/' and a slug: '{prefix}...'"
            )


def followups(c: Checker, followup: FollowUp) -> None:
    relation = followup.relation.value
    if (relation == "progresses") != (followup.degree is not None):
        c.problem(
            _at("degree"), "a degree (limited or substantial) is given with 'progresses' only"
        )
    if followup.degree is not None and not followup.degree_reason:
        c.problem(_at("degree_reason"), "a degree is a curated judgement: give its reason")
    if (relation == "contradicts") != (followup.contradicts is not None):
        c.problem(
            _at("contradicts"), "'contradicts' names the follow-up it contradicts, and only it"
        )
    if followup.contradicts == followup.id:
        c.problem(_at("contradicts"), "a follow-up cannot contradict itself")
    target = c.known.records.get("followups", {}).get(followup.contradicts or "")
    if target is not None and target.commitment != followup.commitment:
        c.problem(
            _at("contradicts"),
            f"{target.id!r} follows up {target.commitment!r}, not {followup.commitment!r}: "
            "a follow-up contradicts only one of its own commitment",
        )
    elif target is not None and target.date > followup.date:
        c.problem(
            _at("contradicts"),
            f"{target.id!r} is dated {target.date.isoformat()}, after this follow-up: "
            "a follow-up contradicts only an earlier one",
        )
