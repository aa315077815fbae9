"""Checks that need more than one record: unique ids, references, dates and spans.

Each ``check_*`` function looks at the records of one file, given what is already known of the
files it may refer to, and appends a :class:`~baliprocess.errors.Problem` for everything wrong.
It never stops at the first problem. The bundled record goes through exactly these checks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._normalize import fold
from .errors import Problem
from .models.vocabularies import Group, MemberKind, RefKind

if TYPE_CHECKING:
    from .models import (
        Body,
        Commitment,
        Document,
        Meeting,
        Member,
        Ref,
        Source,
        Span,
    )

__all__ = ["Known", "check_id"]

_GROUPS = frozenset(group.value for group in Group)
_FILE_OF = {
    RefKind.MEMBER: "members",
    RefKind.BODY: "bodies",
    RefKind.DOCUMENT: "documents",
    RefKind.MEETING: "meetings",
    RefKind.GROUP: "",
}


class Known:
    """What the files checked so far hold: the ids a later file may refer to, and source texts."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.ids: dict[RefKind, set[str]] = {kind: set() for kind in RefKind}
        self.names: dict[RefKind, dict[str, str]] = {kind: {} for kind in RefKind}
        self.folded: dict[RefKind, dict[str, str]] = {kind: {} for kind in RefKind}
        """Per kind, every name and alias (as written) -> id: for suggestions."""
        self.outcomes: set[str] = set()
        self.unreadable: set[str] = set()
        self.unreadable_kinds: set[str] = set()
        """Data files (``"members"``) that could not be read at all: references to them go
        unchecked (the file's own problem is reported)."""
        """Sources whose record or text has a problem of its own: spans citing them go unchecked."""
        self.source_meetings: list[tuple[str, str, int, str]] = []


class _Checker:
    """Collects problems for one file; ``at`` names the record currently checked."""

    def __init__(self, known: Known, problems: list[Problem]) -> None:
        self.file = ""
        self.known = known
        self.problems = problems
        self.record: str | None = None

    def at(self, file: str, record: str) -> None:
        self.file = file
        self.record = record

    def problem(self, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, self.record, field, message))

    def span_ok(self, span: Span) -> bool:
        """Whether ``span`` quotes its source exactly: the fast test, before any message."""
        text = self.known.texts.get(span.source)
        return (
            text is not None
            and text[span.start : span.end] == span.text
            and (0 <= span.start <= span.end <= len(text))
        )

    def span(self, field: str, span: Span) -> None:
        if self.span_ok(span):
            return
        text = self.known.texts.get(span.source)
        if text is None:
            if span.source in self.known.unreadable or "sources" in self.known.unreadable_kinds:
                return
            self.problem(f"{field}.source", _unknown("source", span.source, self.known.texts))
            return
        if not 0 <= span.start <= span.end <= len(text):
            self.problem(
                field,
                f"span {span.start}-{span.end} lies outside source {span.source!r} (0-{len(text)})",
            )
            return
        if text[span.start : span.end] != span.text:
            found = text[span.start : span.end]
            self.problem(
                f"{field}.text",
                f"span text {_clip(span.text)!r} does not match the source, which has "
                f"{_clip(found)!r} at {span.start}-{span.end}",
            )

    def ref(self, field: str, ref: Ref) -> None:
        if ref.kind is RefKind.GROUP:
            if ref.id not in _GROUPS:
                self.problem(field, f"unknown group {ref.id!r}; groups are {sorted(_GROUPS)}")
        else:
            self.exists(field, ref.kind, ref.id)

    def exists(self, field: str, kind: RefKind, ident: str) -> None:
        if ident not in self.known.ids[kind] and _FILE_OF[kind] not in self.known.unreadable_kinds:
            self.problem(
                field, _unknown(kind.value, ident, self.known.ids[kind], self.known.names[kind])
            )

    def names(
        self, kind: RefKind, ident: str, name: str, aliases: tuple[str, ...], name_field: str
    ) -> None:
        """Record the names of a record; a name that (folded) already names another is wrong.

        Lookups ignore case, accents and punctuation, so each folded name must be one record's
        (a name of punctuation alone folds to nothing and names nothing).
        """
        owners = self.known.folded[kind]
        for i, text in enumerate((ident, name, *aliases)):
            field = "id" if i == 0 else name_field if i == 1 else f"aliases[{i - 2}]"
            self.known.names[kind].setdefault(text, ident)
            key = fold(text)
            if not key:
                if i:  # an id's own problems are reported by check_id
                    self.problem(field, f"name {text!r} has no letter or digit to look it up by")
                continue
            owner = owners.setdefault(key, ident)
            if owner != ident:
                self.problem(field, f"name {text!r} already names {kind.value} {owner!r}")

    def refs(self, field: str, refs: Iterable[Ref]) -> None:
        for i, ref in enumerate(refs):
            self.ref(f"{field}[{i}]", ref)

    def inferred(self, fields: Iterable[str], inferred: Iterable[object]) -> None:
        allowed = set(fields)
        for i, inference in enumerate(inferred):
            name = getattr(inference, "field", None)
            if name not in allowed:
                self.problem(f"inferred[{i}].field", f"no field {name!r} to mark as inferred")


def _whole_period(meeting: Meeting, start: datetime.date, end: datetime.date) -> bool:
    """Whether a month- or year-precision meeting spans whole months or years."""
    precision = meeting.date_precision.value
    if precision == "month":
        return start.day == 1 and (end + datetime.timedelta(days=1)).day == 1
    if precision == "year":
        return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    return True


def _is_slug(text: str) -> bool:
    return (
        bool(text) and ":" not in text and "/" not in text and not any(ch.isspace() for ch in text)
    )


def _ref_ids(known: Known) -> dict[RefKind, set[str] | frozenset[str]]:
    """The ids each ref kind may take (a group's are its vocabulary)."""
    ids: dict[RefKind, set[str] | frozenset[str]] = dict(known.ids)
    ids[RefKind.GROUP] = _GROUPS
    return ids


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _unknown(
    kind: str, ident: str, known: Iterable[str], names: dict[str, str] | None = None
) -> str:
    """``unknown member 'Utopa'; did you mean 'UTO' (Utopia)?``: close ids or close names."""
    import difflib

    message = f"unknown {kind} {ident!r}"
    close = difflib.get_close_matches(ident, list(known), n=3, cutoff=0.6)
    if close:
        return message + "; did you mean " + ", ".join(repr(c) for c in close) + "?"
    if names:
        by_fold = {fold(name): name for name in names}
        near = difflib.get_close_matches(fold(ident), list(by_fold), n=3, cutoff=0.6)
        ids = dict.fromkeys(names[by_fold[n]] for n in near)
        if ids:
            hints = ", ".join(f"{i!r} ({_display(names, i)})" for i in ids)
            return message + f"; did you mean {hints}?"
    return message


def _display(names: dict[str, str], ident: str) -> str:
    """The first name listed for ``ident`` (its canonical name: names are added name-first)."""
    return next((n for n, owner in names.items() if owner == ident and n != ident), ident)


def check_id(file: str, ident: str, seen: set[str], problems: list[Problem]) -> None:
    """An id must be a non-empty slug (no whitespace, no colon) and unique within its kind."""
    if not ident or ":" in ident or any(ch.isspace() for ch in ident):
        problems.append(Problem(file, ident, "id", f"id {ident!r} must be a slug"))
    elif ident in seen:
        problems.append(Problem(file, ident, "id", f"duplicate id {ident!r}"))
    seen.add(ident)


def check_sources(pairs: list[tuple[str, Source]], known: Known, problems: list[Problem]) -> None:
    for file, source in pairs:
        for i, meeting in enumerate(source.meetings):
            known.source_meetings.append((file, source.id, i, meeting))


def check_members(pairs: list[tuple[str, Member]], known: Known, problems: list[Problem]) -> None:
    c = _Checker(known, problems)
    for file, member in pairs:
        c.at(file, member.id)
        c.span("span", member.span)
        for i, claim in enumerate(member.status):
            c.span(f"status[{i}].span", claim.span)
        if member.kind is MemberKind.STATE:
            if not (len(member.id) == 3 and member.id.isascii() and member.id.isupper()):
                c.problem("id", f"a state's id is its ISO 3166 alpha-3 code, not {member.id!r}")
            elif member.iso3 != member.id:
                c.problem("iso3", f"a state's id is its ISO 3166 alpha-3 code, here {member.id!r}")
            if member.iso2 is None or len(member.iso2) != 2 or not member.iso2.isupper():
                c.problem("iso2", "a state needs its two-letter ISO 3166 code")
        elif member.iso2 is not None or member.iso3 is not None:
            c.problem("iso2", "only states have ISO 3166 codes")
        c.names(RefKind.MEMBER, member.id, member.name, member.aliases, "name")
        c.inferred(("name", "kind", "aliases", "status", "note"), member.inferred)


def check_bodies(pairs: list[tuple[str, Body]], known: Known, problems: list[Problem]) -> None:
    c = _Checker(known, problems)
    for file, body in pairs:
        c.at(file, body.id)
        c.names(RefKind.BODY, body.id, body.name, body.aliases, "name")
        c.span("span", body.span)
        if body.parent is not None:
            c.exists("parent", RefKind.BODY, body.parent)
        for i, chair in enumerate(body.co_chairs):
            c.exists(f"co_chairs[{i}].member", RefKind.MEMBER, chair.member)
            c.span(f"co_chairs[{i}].span", chair.span)
        if body.established is not None:
            c.span("established.span", body.established.span)
        c.inferred(("name", "kind", "parent", "co_chairs", "established"), body.inferred)


def check_documents(
    pairs: list[tuple[str, Document]], known: Known, problems: list[Problem]
) -> None:
    c = _Checker(known, problems)
    for file, document in pairs:
        c.at(file, document.id)
        c.names(RefKind.DOCUMENT, document.id, document.title, document.aliases, "title")
        c.span("span", document.span)
        for i, author in enumerate(document.authors):
            if author.kind is RefKind.MEETING or author.kind is RefKind.DOCUMENT:
                c.problem(f"authors[{i}]", "a document's authors are members, bodies or groups")
            else:
                c.ref(f"authors[{i}]", author)
        c.inferred(("title", "kind", "authors", "year"), document.inferred)


def _check_dates(c: _Checker, meeting: Meeting) -> None:
    from .models.meetings import DatePrecision  # not at import: a member answer needs none

    start, end = meeting.start, meeting.end
    if (start is None) != (end is None):
        c.problem("end" if end is None else "start", "start and end are both given or neither")
        return
    if start is not None and end is not None and start > end:
        c.problem("end", f"end {end.isoformat()} is before start {start.isoformat()}")
    if meeting.date_precision is DatePrecision.UNKNOWN and start is not None:
        c.problem("date_precision", "a meeting with dates has a precision other than 'unknown'")
    if meeting.date_precision is not DatePrecision.UNKNOWN and start is None:
        c.problem("date_precision", "a meeting without dates has precision 'unknown'")
    if start is not None and end is not None and not _whole_period(meeting, start, end):
        period = meeting.date_precision.value
        c.problem("end", f"at {period} precision, start and end are its first and last days")
    days: tuple[datetime.date, ...] = meeting.days
    if days and meeting.date_precision is not DatePrecision.DAY:
        c.problem("days", "days are listed only for meetings dated to the day")
    for i, day in enumerate(days):
        if start is None or end is None or not start <= day <= end:
            c.problem(f"days[{i}]", f"day {day.isoformat()} lies outside start-end")
        elif i and day <= days[i - 1]:
            c.problem(f"days[{i}]", "days are listed once each, in order")


_MEETING_FIELDS = (
    "title",
    "kind",
    "number",
    "body",
    "start",
    "end",
    "days",
    "date_precision",
    "location",
    "virtual",
    "co_chairs",
    "attendance",
    "bodies_present",
    "participants",
)


def check_meetings(pairs: list[tuple[str, Meeting]], known: Known, problems: list[Problem]) -> None:
    c = _Checker(known, problems)
    outcome_ids = known.outcomes
    members = known.ids[RefKind.MEMBER]
    known_ids = _ref_ids(known)
    span_ok = c.span_ok
    for file, meeting in pairs:
        c.at(file, meeting.id)
        c.span("span", meeting.span)
        if meeting.source not in known.texts and not (
            meeting.source in known.unreadable or "sources" in known.unreadable_kinds
        ):
            c.problem("source", _unknown("source", meeting.source, known.texts))
        if meeting.body is not None:
            c.exists("body", RefKind.BODY, meeting.body)
        _check_dates(c, meeting)
        if meeting.location is not None:
            c.exists("location.country", RefKind.MEMBER, meeting.location.country)
            c.span("location.span", meeting.location.span)
            if meeting.virtual:
                c.problem("location", "a virtual meeting has no location")
        for i, chair in enumerate(meeting.co_chairs):
            c.exists(f"co_chairs[{i}]", RefKind.MEMBER, chair)
        seen_rows: set[tuple[str, str]] = set()
        for i, row in enumerate(meeting.attendance):
            # The hot loop of a large record: field paths are built only for a problem.
            if row.member not in members:
                c.exists(f"attendance[{i}].member", RefKind.MEMBER, row.member)
            key = (row.member, row.role)
            if key in seen_rows:
                c.problem(f"attendance[{i}]", f"{row.member} is listed twice as {row.role}")
            seen_rows.add(key)
            if not span_ok(row.span):
                c.span(f"attendance[{i}].span", row.span)
        for i, present in enumerate(meeting.bodies_present):
            c.exists(f"bodies_present[{i}].body", RefKind.BODY, present.body)
            c.span(f"bodies_present[{i}].span", present.span)
        for i, count in enumerate(meeting.participants):
            if count.count < 0:
                c.problem(f"participants[{i}].count", "a count is not negative")
            c.span(f"participants[{i}].span", count.span)
        for name, passages in (("purpose", meeting.purpose), ("agenda", meeting.agenda)):
            for i, passage in enumerate(passages):
                c.span(f"{name}[{i}].span", passage.span)
        prefix = meeting.id + "/"
        for i, outcome in enumerate(meeting.outcomes):
            if not outcome.id.startswith(prefix) or not _is_slug(outcome.id[len(prefix) :]):
                c.problem(
                    f"outcomes[{i}].id",
                    f"an outcome id is '{prefix}' and a slug, like '{prefix}o{i + 1}'",
                )
            if outcome.id in outcome_ids:
                c.problem(f"outcomes[{i}].id", f"duplicate outcome id {outcome.id!r}")
            outcome_ids.add(outcome.id)
            for name, refs in (("actors", outcome.actors), ("objects", outcome.objects)):
                for j, ref in enumerate(refs):
                    if ref.id not in known_ids[ref.kind]:
                        c.ref(f"outcomes[{i}].{name}[{j}]", ref)
            if not span_ok(outcome.span):
                c.span(f"outcomes[{i}].span", outcome.span)
            for j, inference in enumerate(outcome.inferred):
                if inference.field not in ("actors", "verb", "objects"):
                    c.problem(f"outcomes[{i}].inferred[{j}].field", "not a field of an outcome")
        for i, mention in enumerate(meeting.mentions):
            c.span(f"mentions[{i}]", mention)
        c.inferred(_MEETING_FIELDS, meeting.inferred)
    meeting_ids = known.ids[RefKind.MEETING]
    for source_file, source_id, i, meeting_id in known.source_meetings:
        if meeting_id not in meeting_ids:
            problems.append(
                Problem(
                    source_file,
                    source_id,
                    f"meetings[{i}]",
                    _unknown("meeting", meeting_id, meeting_ids),
                )
            )


def check_commitments(
    pairs: list[tuple[str, Commitment]], known: Known, problems: list[Problem]
) -> None:
    c = _Checker(known, problems)
    for file, commitment in pairs:
        c.at(file, commitment.id)
        if commitment.outcome not in known.outcomes:
            if "meetings" not in known.unreadable_kinds:
                c.problem("outcome", _unknown("outcome", commitment.outcome, known.outcomes))
        else:
            prefix = commitment.outcome.rpartition("/")[0] + "/"
            if not commitment.id.startswith(prefix):
                c.problem(
                    "id", f"a commitment id is its meeting's id, '/' and a slug: '{prefix}...'"
                )
        c.refs("actors", commitment.actors)
        c.span("span", commitment.span)
        if commitment.due is not None:
            if commitment.due.meeting is not None:
                c.exists("due.meeting", RefKind.MEETING, commitment.due.meeting)
            c.span("due.span", commitment.due.span)
        c.inferred(("kind", "actors", "action", "due"), commitment.inferred)
