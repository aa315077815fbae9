"""A corpus of broken data folders: each is the minimal valid folder with ONE thing broken, and
loading it must raise a DataError naming exactly that problem (file, record, field), no other.

Also: several independent problems are all reported at once, and ``python -m baliprocess check``
prints every problem with its location.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import baliprocess
from baliprocess import _loading, _rules
from baliprocess._registry import FORMAT
from baliprocess.errors import DataError, Problem
from baliprocess.models import RefKind
from minimal import TEXT, minimal_records, span, write_folder

Records = dict[str, list[dict[str, Any]]]
Breakage = Callable[[Path], None]
Step = str | int

COMMITMENT = "tg-1/host-next-meeting"
KEYS = ("sources", "members", "bodies", "documents", "meetings", "commitments")


class Expected(NamedTuple):
    """One problem a broken folder must report: where, and a piece of what."""

    file: str
    record: str | None
    field: str | None
    message: str


# -- ways to break the minimal folder ---------------------------------------------------------


def _walk(value: Any, path: tuple[Step, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def changed(change: Callable[[Records], object], **options: Any) -> Breakage:
    """The minimal folder written after ``change`` edits its records in place."""

    def breakage(folder: Path) -> None:
        records = minimal_records()
        change(records)
        write_folder(folder, records, **options)

    return breakage


def put(*path: Step, value: Any) -> Breakage:
    """Set the value at ``path`` (``"members", 0, "name"``) in the minimal records."""

    def change(records: Records) -> None:
        _walk(records, path[:-1])[path[-1]] = copy.deepcopy(value)

    return changed(change)


def drop(*path: Step) -> Breakage:
    """Remove the key (or list item) at ``path``."""

    def change(records: Records) -> None:
        del _walk(records, path[:-1])[path[-1]]

    return changed(change)


def append(*path: Step, value: Any) -> Breakage:
    """Append ``value`` to the list at ``path``."""

    def change(records: Records) -> None:
        _walk(records, path).append(copy.deepcopy(value))

    return changed(change)


def duplicate(*path: Step, **changes: Any) -> Breakage:
    """Append to the list holding ``path`` a copy of the item at ``path`` (with ``changes``)."""

    def change(records: Records) -> None:
        item = copy.deepcopy(_walk(records, path))
        item.update(changes)
        _walk(records, path[:-1]).append(item)

    return changed(change)


def file_bytes(name: str, make: Callable[[bytes], bytes]) -> Breakage:
    """The minimal folder with file ``name`` replaced by ``make(its bytes)``."""

    def breakage(folder: Path) -> None:
        write_folder(folder)
        path = folder / name
        path.write_bytes(make(path.read_bytes()))

    return breakage


def document(key: str, change: Callable[[dict[str, Any]], object]) -> Breakage:
    """The minimal folder with the JSON document of ``key`` edited in place by ``change``."""

    def make(content: dict[str, Any]) -> Any:
        change(content)
        return content

    return new_document(key, make)


def new_document(key: str, make: Callable[[dict[str, Any]], Any]) -> Breakage:
    """The minimal folder with the JSON document of ``key`` replaced by ``make(document)``."""

    def breakage(folder: Path) -> None:
        write_folder(folder)
        path = folder / f"{key}.json"
        content = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(make(content)), encoding="utf-8")

    return breakage


def _latin1(data: bytes) -> bytes:
    text = data.decode("utf-8").replace("host the next meeting", "héberger la réunion")
    return text.encode("latin-1")


def case(
    ident: str,
    breakage: Breakage,
    file: str,
    record: str | None,
    field: str | None,
    message: str,
    *also: Expected,
    marks: Any = (),
) -> Any:
    return pytest.param(
        breakage, Expected(file, record, field, message), also, id=ident, marks=marks
    )


# -- sources whose text cannot be read (the last cases of the table) ----------------------------


def _with_source_path(folder: Path, path: str) -> None:
    records = minimal_records()
    records["sources"][0]["path"] = path
    write_folder(folder, records)
    (folder.parent / "x.txt").write_text(TEXT, encoding="utf-8")  # a target to escape to


def source_path(path: str) -> Breakage:
    """The minimal folder whose one source names its text by ``path``."""
    return functools.partial(_with_source_path, path=path)


UNREADABLE = [
    ("parent-path", "../x.txt", "may not leave the data folder"),
    ("absolute-path", "/etc/passwd", "must be a relative path"),
    ("dot-dot-inside", "sources/../../x", "may not leave the data folder"),
    ("dot-dot-back-inside", "sources/../sources/test-statement.txt", "may not leave"),
    ("dot-component", "sources/./test-statement.txt", "may not leave"),
    ("backslash", "sources\\test-statement.txt", "must be a relative path"),
    ("drive-letter", "C:/x.txt", "must be a relative path"),
    ("empty-path", "", "must be a relative path"),
    ("missing-file", "sources/missing.txt", "no file 'sources/missing.txt'"),
    ("directory", "sources", "no file 'sources'"),
]

M = ("meetings", 0)  # the one meeting, tg-1
C = ("commitments", 0)  # the one commitment

CORPUS = [
    # -- the file itself --------------------------------------------------------------------
    case(
        "invalid-json",
        file_bytes("commitments.json", lambda _: b'{"format": "baliprocess/1", "commitments": [}'),
        "commitments.json",
        None,
        None,
        "invalid JSON at line 1",
    ),
    case(
        "truncated-file",
        file_bytes("commitments.json", lambda data: data[: len(data) // 2]),
        "commitments.json",
        None,
        None,
        "invalid JSON",
    ),
    case(
        "empty-file",
        file_bytes("commitments.json", lambda _: b""),
        "commitments.json",
        None,
        None,
        "invalid JSON",
    ),
    case(
        "whitespace-only-file",
        file_bytes("commitments.json", lambda _: b"  \n"),
        "commitments.json",
        None,
        None,
        "invalid JSON",
    ),
    case(
        "not-utf-8",
        file_bytes("commitments.json", _latin1),
        "commitments.json",
        None,
        None,
        "not UTF-8",
    ),
    case(
        "utf-16-file",
        file_bytes("commitments.json", lambda data: data.decode("utf-8").encode("utf-16")),
        "commitments.json",
        None,
        None,
        "not UTF-8",
    ),
    case(
        "utf-32-file",
        file_bytes("commitments.json", lambda data: data.decode("utf-8").encode("utf-32")),
        "commitments.json",
        None,
        None,
        "not UTF-8",
    ),
    case(
        "top-level-list",
        new_document("commitments", lambda doc: [doc]),
        "commitments.json",
        None,
        None,
        "expected a JSON object",
    ),
    case(
        "top-level-string",
        file_bytes("commitments.json", lambda _: b'"baliprocess/1"'),
        "commitments.json",
        None,
        None,
        "expected a JSON object",
    ),
    case(
        "records-key-missing",
        document("commitments", lambda doc: doc.pop("commitments")),
        "commitments.json",
        None,
        "commitments",
        "expected a list of records",
    ),
    case(
        "records-not-a-list",
        document("commitments", lambda doc: doc.update(commitments={})),
        "commitments.json",
        None,
        "commitments",
        "expected a list of records",
    ),
    case(
        "records-under-another-files-key",
        new_document("commitments", lambda doc: {"format": FORMAT, "meetings": doc["commitments"]}),
        "commitments.json",
        None,
        "meetings",
        "unknown key",
        Expected("commitments.json", None, "commitments", "expected a list of records"),
    ),
    case(
        "wrong-format",
        document("members", lambda doc: doc.update(format="baliprocess/9")),
        "members.json",
        None,
        "format",
        "expected 'baliprocess/2', got 'baliprocess/9'; this version reads 'baliprocess/2', "
        "'baliprocess/1'",
    ),
    case(
        "format-missing",
        document("bodies", lambda doc: doc.pop("format")),
        "bodies.json",
        None,
        "format",
        "got None",
    ),
    case(
        "unknown-top-level-key",
        document("documents", lambda doc: doc.update(comment="hello")),
        "documents.json",
        None,
        "comment",
        "unknown key",
    ),
    case(
        "replaces-not-a-list",
        document("meetings", lambda doc: doc.update(replaces="tg-1")),
        "meetings.json",
        None,
        "replaces",
        "expected a list of ids",
    ),
    case(
        "replaces-unknown-id",
        changed(lambda _: None, replaces={"members": ["XYZ"]}),
        "members.json",
        "XYZ",
        "replaces",
        "which no earlier data has",
    ),
    case(
        "record-not-an-object",
        put("commitments", 0, value=42),
        "commitments.json",
        "#0",
        None,
        "expected an object, got an integer",
    ),
    # -- wrong types --------------------------------------------------------------------------
    case(
        "string-for-int",
        put(*M, "number", value="first"),
        "meetings.json",
        "tg-1",
        "number",
        "expected an integer, got a string",
    ),
    case(
        "digit-string-for-int",
        put("documents", 0, "year", value="2022"),
        "documents.json",
        "test-plan",
        "year",
        "expected an integer, got a string",
    ),
    case(
        "bool-for-int",
        put("bodies", 0, "span", "start", value=True),
        "bodies.json",
        "TG",
        "span.start",
        "expected an integer, got true/false",
    ),
    case(
        "float-for-int",
        put("members", 1, "span", "end", value=13.0),
        "members.json",
        "UTO",
        "span.end",
        "expected an integer, got a number",
    ),
    case(
        "int-for-string",
        put("members", 0, "name", value=5),
        "members.json",
        "ATL",
        "name",
        "expected a string, got an integer",
    ),
    case(
        "null-for-required-string",
        put(*M, "title", value=None),
        "meetings.json",
        "tg-1",
        "title",
        "expected a string, got null",
    ),
    case(
        "null-for-nested-string",
        put(*C, "due", "text", value=None),
        "commitments.json",
        COMMITMENT,
        "due.text",
        "expected a string, got null",
    ),
    case(
        "object-for-list",
        put("members", 1, "aliases", value={}),
        "members.json",
        "UTO",
        "aliases",
        "expected a list, got an object",
    ),
    case(
        "string-for-list",
        put(*M, "co_chairs", value="ATL"),
        "meetings.json",
        "tg-1",
        "co_chairs",
        "expected a list, got a string",
    ),
    case(
        "string-for-bool",
        put("bodies", 0, "bali_process", value="yes"),
        "bodies.json",
        "TG",
        "bali_process",
        "expected true or false",
    ),
    case(
        "int-for-date",
        put(*M, "start", value=20220302),
        "meetings.json",
        "tg-1",
        "start",
        "expected an ISO date",
    ),
    case(
        "list-for-object",
        put(*M, "location", value=[]),
        "meetings.json",
        "tg-1",
        "location",
        "expected an object, got a list",
    ),
    # -- missing and unknown fields -------------------------------------------------------------
    case(
        "missing-required-field",
        drop(*M, "kind"),
        "meetings.json",
        "tg-1",
        "kind",
        "required field missing",
    ),
    case(
        "missing-nested-field",
        drop("members", 1, "status", 0, "as_of"),
        "members.json",
        "UTO",
        "status[0].as_of",
        "required field missing",
    ),
    case(
        "missing-id",
        drop(*C, "id"),
        "commitments.json",
        "#0",
        "id",
        "required field missing",
    ),
    case(
        "unknown-extra-field",
        put("members", 0, "colour", value="blue"),
        "members.json",
        "ATL",
        None,
        "extra fields found (colour)",
    ),
    case(
        "unknown-nested-field",
        put(*M, "location", "zip", value="12345"),
        "meetings.json",
        "tg-1",
        "location",
        "extra fields found (zip)",
    ),
    case(
        "text-given-for-a-source",
        put("sources", 0, "text", value=TEXT),
        "sources.json",
        "test-statement",
        None,
        "extra fields found (text)",
    ),
    case(
        "unknown-source-format",
        put("sources", 0, "format", value="pdf"),
        "sources.json",
        "test-statement",
        "format",
        "got 'pdf'",
    ),
    case(
        "impossible-source-date",
        put("sources", 0, "date", value="2022-02-30"),
        "sources.json",
        "test-statement",
        "date",
        "expected a real date",
    ),
    # -- closed vocabularies -----------------------------------------------------------------
    case(
        "unknown-role",
        put(*M, "attendance", 0, "role", value="chair"),
        "meetings.json",
        "tg-1",
        "attendance[0].role",
        "got 'chair'",
    ),
    case(
        "unknown-member-kind",
        put("members", 0, "kind", value="country"),
        "members.json",
        "ATL",
        "kind",
        "expected one of 'state'",
    ),
    case(
        "unknown-verb",
        put(*M, "outcomes", 0, "verb", value="liked"),
        "meetings.json",
        "tg-1",
        "outcomes[0].verb",
        "got 'liked'",
    ),
    case(
        "unknown-date-precision",
        put(*M, "date_precision", value="week"),
        "meetings.json",
        "tg-1",
        "date_precision",
        "expected one of 'day', 'month'",
    ),
    case(
        "unknown-status",
        put("members", 1, "status", 0, "status", value="founder"),
        "members.json",
        "UTO",
        "status[0].status",
        "got 'founder'",
    ),
    case(
        "unknown-commitment-kind",
        put(*C, "kind", value="promise"),
        "commitments.json",
        COMMITMENT,
        "kind",
        "got 'promise'",
    ),
    case(
        "enum-value-in-wrong-case",
        put("documents", 0, "kind", value="Work-Plan"),
        "documents.json",
        "test-plan",
        "kind",
        "got 'Work-Plan'",
    ),
    # -- references ----------------------------------------------------------------------------
    case(
        "unknown-member-in-attendance",
        put(*M, "attendance", 1, "member", value="UTX"),
        "meetings.json",
        "tg-1",
        "attendance[1].member",
        "unknown member 'UTX'; did you mean 'UTO'",
    ),
    case(
        "unknown-body",
        put(*M, "body", value="TX"),
        "meetings.json",
        "tg-1",
        "body",
        "unknown body 'TX'",
    ),
    case(
        "unknown-document-in-outcome-objects",
        put(*M, "outcomes", 0, "objects", 0, value="document:test-plans"),
        "meetings.json",
        "tg-1",
        "outcomes[0].objects[0]",
        "unknown document 'test-plans'; did you mean 'test-plan'",
    ),
    case(
        "unknown-group",
        put(*M, "outcomes", 0, "actors", 0, value="group:everyone"),
        "meetings.json",
        "tg-1",
        "outcomes[0].actors[0]",
        "unknown group 'everyone'",
    ),
    case(
        "malformed-ref",
        put(*C, "actors", 0, value="member-AUS"),
        "commitments.json",
        COMMITMENT,
        "actors[0]",
        "expected a reference like 'member:AUS'",
    ),
    case(
        "ref-without-id",
        put(*C, "actors", 0, value="member:"),
        "commitments.json",
        COMMITMENT,
        "actors[0]",
        "got 'member:'",
    ),
    case(
        "unknown-ref-kind",
        put(*C, "actors", 0, value="country:UTO"),
        "commitments.json",
        COMMITMENT,
        "actors[0]",
        "expected a reference kind",
    ),
    case(
        "record-is-a-string",
        put("commitments", 0, value=COMMITMENT),
        "commitments.json",
        "#0",
        None,
        "expected an object, got a string",
    ),
    case(
        "unknown-member-ref-in-commitment",
        put(*C, "actors", 0, value="member:UTX"),
        "commitments.json",
        COMMITMENT,
        "actors[0]",
        "unknown member 'UTX'",
    ),
    case(
        "unknown-author",
        put("documents", 0, "authors", 0, value="body:XX"),
        "documents.json",
        "test-plan",
        "authors[0]",
        "unknown body 'XX'",
    ),
    case(
        # A known record of a kind the field does not allow: found, but not allowed.
        "author-of-a-kind-not-allowed",
        put("documents", 0, "authors", 0, value="document:test-plan"),
        "documents.json",
        "test-plan",
        "authors[0]",
        "only members, bodies or groups may be named here, not document 'test-plan'",
    ),
    case(
        "unknown-body-co-chair",
        put("bodies", 0, "co_chairs", 0, "member", value="ATX"),
        "bodies.json",
        "TG",
        "co_chairs[0].member",
        "unknown member 'ATX'",
    ),
    case(
        "unknown-parent-body",
        put("bodies", 0, "parent", value="NOPE"),
        "bodies.json",
        "TG",
        "parent",
        "unknown body 'NOPE'",
    ),
    case(
        "unknown-location-country",
        put(*M, "location", "country", value="ATX"),
        "meetings.json",
        "tg-1",
        "location.country",
        "unknown member 'ATX'",
    ),
    case(
        "unknown-meeting-co-chair",
        put(*M, "co_chairs", 1, value="UTX"),
        "meetings.json",
        "tg-1",
        "co_chairs[1]",
        "unknown member 'UTX'",
    ),
    case(
        "unknown-body-present",
        append(
            *M,
            "bodies_present",
            value={
                "body": "XX",
                "role": "observer",
                "wording": "Test Group",
                "span": span("Test Group"),
            },
        ),
        "meetings.json",
        "tg-1",
        "bodies_present[0].body",
        "unknown body 'XX'",
    ),
    case(
        "unknown-meeting-source",
        put(*M, "source", value="other-statement"),
        "meetings.json",
        "tg-1",
        "source",
        "unknown source 'other-statement'",
    ),
    case(
        "source-lists-unknown-meeting",
        put("sources", 0, "meetings", value=["tg-2"]),
        "sources.json",
        "test-statement",
        "meetings[0]",
        "unknown meeting 'tg-2'; did you mean 'tg-1'",
    ),
    case(
        "commitment-to-unknown-outcome",
        put(*C, "outcome", value="tg-1/o3"),
        "commitments.json",
        COMMITMENT,
        "outcome",
        "unknown outcome 'tg-1/o3'",
    ),
    case(
        "due-at-unknown-meeting",
        put(*C, "due", "meeting", value="tg-2"),
        "commitments.json",
        COMMITMENT,
        "due.meeting",
        "unknown meeting 'tg-2'",
    ),
    # -- ids and names -------------------------------------------------------------------------
    case(
        "duplicate-member-id",
        duplicate("members", 0),
        "members.json",
        "ATL",
        "id",
        "duplicate id 'ATL'",
    ),
    case(
        "duplicate-meeting-id",
        duplicate(*M, outcomes=[]),
        "meetings.json",
        "tg-1",
        "id",
        "duplicate id 'tg-1'",
    ),
    case(
        "duplicate-outcome-id",
        duplicate(*M, "outcomes", 0),
        "meetings.json",
        "tg-1",
        "outcomes[2].id",
        "duplicate outcome id 'tg-1/o1'",
    ),
    case(
        "duplicate-commitment-id",
        duplicate(*C),
        "commitments.json",
        COMMITMENT,
        "id",
        f"duplicate id {COMMITMENT!r}",
    ),
    case(
        "id-not-a-slug",
        put(*C, "id", value="tg-1/host next"),
        "commitments.json",
        "tg-1/host next",
        "id",
        "must be a slug",
    ),
    case(
        "alias-collides-with-other-member",
        append("members", 1, "aliases", value="Atlantis"),
        "members.json",
        "UTO",
        "aliases[1]",
        "name 'Atlantis' already names member 'ATL'",
    ),
    case(
        "alias-collides-once-folded",
        append("members", 1, "aliases", value="the ATLANTIS!"),
        "members.json",
        "UTO",
        "aliases[1]",
        "already names member 'ATL'",
    ),
    case(
        "name-collides-with-other-member-id",
        put("members", 1, "name", value="atl"),
        "members.json",
        "UTO",
        "name",
        "already names member 'ATL'",
    ),
    case(
        "state-id-is-not-its-iso3",
        put("members", 0, "iso3", value="ATX"),
        "members.json",
        "ATL",
        "iso3",
        "ISO 3166 alpha-3",
    ),
    case(
        "state-without-iso2",
        put("members", 0, "iso2", value=None),
        "members.json",
        "ATL",
        "iso2",
        "two-letter",
    ),
    case(
        "organisation-with-iso-codes",
        put("members", 1, "kind", value="international-organisation"),
        "members.json",
        "UTO",
        "iso2",
        "only states",
    ),
    case(
        "inferred-names-no-field",
        append("members", 0, "inferred", value={"field": "iso2", "reason": "guess"}),
        "members.json",
        "ATL",
        "inferred[0].field",
        "no field 'iso2'",
    ),
    case(
        "outcome-inferred-names-no-field",
        append(*M, "outcomes", 0, "inferred", value={"field": "text", "reason": "guess"}),
        "meetings.json",
        "tg-1",
        "outcomes[0].inferred[0].field",
        "no field 'text' to mark as inferred (Outcome fields",
    ),
    # -- dates -----------------------------------------------------------------------------------
    case(
        "impossible-date",
        put(*M, "start", value="2022-02-30"),
        "meetings.json",
        "tg-1",
        "start",
        "expected a real date, got '2022-02-30'",
    ),
    case(
        "slash-date",
        put("members", 1, "status", 0, "as_of", value="2022/03/02"),
        "members.json",
        "UTO",
        "status[0].as_of",
        "expected an ISO date",
    ),
    case(
        "week-date",
        put(*M, "days", 0, value="2022-W09-3"),
        "meetings.json",
        "tg-1",
        "days[0]",
        "expected an ISO date",
    ),
    case(
        "date-with-time",
        put(*C, "due", "date", value="2022-03-02T10:00"),
        "commitments.json",
        COMMITMENT,
        "due.date",
        "expected an ISO date",
    ),
    case(
        "end-before-start",
        put(*M, "end", value="2022-03-01"),
        "meetings.json",
        "tg-1",
        "end",
        "end 2022-03-01 is before start 2022-03-02",
        # The one day listed can no longer lie between start and end.
        Expected("meetings.json", "tg-1", "days[0]", "lies outside start-end"),
    ),
    case(
        "day-outside-start-end",
        put(*M, "days", value=["2022-03-03"]),
        "meetings.json",
        "tg-1",
        "days[0]",
        "day 2022-03-03 lies outside start-end",
    ),
    case(
        "start-without-end",
        put(*M, "end", value=None),
        "meetings.json",
        "tg-1",
        "end",
        "both given or neither",
    ),
    case(
        "dated-meeting-of-unknown-precision",
        put(*M, "date_precision", value="unknown"),
        "meetings.json",
        "tg-1",
        "date_precision",
        "other than 'unknown'",
        Expected("meetings.json", "tg-1", "days", "only for meetings dated to the day"),
    ),
    case(
        "days-at-month-precision",
        put(*M, "date_precision", value="month"),
        "meetings.json",
        "tg-1",
        "days",
        "only for meetings dated to the day",
        Expected("meetings.json", "tg-1", "end", "first and last days"),
    ),
    # -- other meeting checks -----------------------------------------------------------------
    case(
        "virtual-meeting-with-location",
        put(*M, "virtual", value=True),
        "meetings.json",
        "tg-1",
        "location",
        "a virtual meeting has no location",
    ),
    case(
        "negative-participant-count",
        append(
            *M,
            "participants",
            value={"count": -1, "description": "participants", "span": span("Atlantis")},
        ),
        "meetings.json",
        "tg-1",
        "participants[0].count",
        "not negative",
    ),
    case(
        "attendance-row-twice",
        duplicate(*M, "attendance", 0),
        "meetings.json",
        "tg-1",
        "attendance[2].member",
        "listed twice",
    ),
    # -- spans ---------------------------------------------------------------------------------
    case(
        "span-outside-source",
        put("members", 0, "span", "end", value=1000),
        "members.json",
        "ATL",
        "span",
        "lies outside source 'test-statement'",
    ),
    case(
        "span-negative-start",
        put("documents", 0, "span", "start", value=-1),
        "documents.json",
        "test-plan",
        "span",
        "lies outside source",
    ),
    case(
        "span-end-before-start",
        put("members", 0, "span", value={**span("Atlantis"), "start": 25, "end": 17}),
        "members.json",
        "ATL",
        "span",
        "span 25-17",
    ),
    case(
        "span-text-does-not-match",
        put(*M, "outcomes", 1, "span", "text", value="Utopia will host the last meeting."),
        "meetings.json",
        "tg-1",
        "outcomes[1].span.text",
        "does not match the source",
    ),
    case(
        "span-off-by-one",
        put("bodies", 0, "span", "start", value=span("Test Group")["start"] + 1),
        "bodies.json",
        "TG",
        "span.text",
        "does not match the source, which has 'est Group",
    ),
    case(
        "span-of-unknown-source",
        put("bodies", 0, "span", "source", value="other"),
        "bodies.json",
        "TG",
        "span.source",
        "unknown source 'other'",
    ),
    case(
        "nested-span-does-not-match",
        put(*C, "due", "span", "text", value="the last meeting"),
        "commitments.json",
        COMMITMENT,
        "due.span.text",
        "does not match",
    ),
    case(
        "mention-does-not-match",
        append(*M, "mentions", value={**span("Atlantis"), "text": "Atlantiss"}),
        "meetings.json",
        "tg-1",
        "mentions[0].text",
        "'Atlantiss' does not match",
    ),
    # -- source paths --------------------------------------------------------------------------
    *(
        case(f"source-{ident}", source_path(path), "sources.json", "test-statement", "path", text)
        for ident, path, text in UNREADABLE
    ),
]


def _problems(folder: Path) -> tuple[Problem, ...]:
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=False)
    return caught.value.problems


def _key(problem: Problem) -> tuple[str, str, str]:
    return (Path(problem.file).name, str(problem.record), str(problem.field))


def _match(problems: tuple[Problem, ...], expected: tuple[Expected, ...]) -> None:
    """``problems`` are exactly ``expected`` (in any order), each message holding its piece."""
    found = sorted(problems, key=_key)
    wanted = sorted(expected, key=lambda e: (e.file, str(e.record), str(e.field)))
    assert [(Path(p.file).name, p.record, p.field) for p in found] == [
        (e.file, e.record, e.field) for e in wanted
    ], "\n".join(str(p) for p in problems)
    for problem, want in zip(found, wanted, strict=True):
        assert want.message in problem.message, str(problem)


def test_the_minimal_folder_is_valid(tmp_path: Path) -> None:
    dataset = baliprocess.load(write_folder(tmp_path / "data"), bundled=False)
    assert dataset.meetings.ids() == ("tg-1",)
    assert dataset.members.ids() == ("ATL", "UTO")
    assert dataset.sources.get("test-statement").text == TEXT


def test_the_corpus_is_large_and_every_case_differs(tmp_path: Path) -> None:
    assert len(CORPUS) >= 32
    folders = []
    for i, param in enumerate(CORPUS):
        folder = tmp_path / str(i)
        param.values[0](folder)
        folders.append(
            tuple(
                sorted(
                    (p.relative_to(folder).as_posix(), p.read_bytes())
                    for p in folder.rglob("*")
                    if p.is_file()
                )
            )
        )
    assert len(set(folders)) == len(CORPUS)


@pytest.mark.parametrize(("breakage", "expected", "also"), CORPUS)
def test_one_broken_thing_is_one_located_problem(
    tmp_path: Path, breakage: Breakage, expected: Expected, also: tuple[Expected, ...]
) -> None:
    folder = tmp_path / "data"
    breakage(folder)
    problems = _problems(folder)
    _match(problems, (expected, *also))
    for problem in problems:
        assert Path(problem.file).parent == folder  # named by its full path in the folder
        assert problem.message
        assert problem.message in str(problem)


@pytest.mark.parametrize(("path", "message"), [pytest.param(p, m, id=i) for i, p, m in UNREADABLE])
def test_source_path_is_checked_before_anything_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, message: str
) -> None:
    folder = tmp_path / "data"
    _with_source_path(folder, path)
    asked: list[str] = []
    real_read = _loading.Origin.read

    def read(self: _loading.Origin, relative: str) -> bytes | None:
        asked.append(relative)
        return real_read(self, relative)

    monkeypatch.setattr(_loading.Origin, "read", read)
    (problem,) = _problems(folder)
    assert message in problem.message
    if "must be" in message or "may not" in message:
        assert path not in asked  # a path that would leave the folder is never opened
    assert {f"{key}.json" for key in KEYS} <= set(asked)


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    link = folder / "sources" / "link.txt"
    try:
        os.symlink(outside, link)
    except (OSError, NotImplementedError):  # pragma: no cover - no symlinks here
        pytest.skip("symlinks are not available")
    records = minimal_records()
    records["sources"][0]["path"] = "sources/link.txt"
    write_folder(folder, records)
    (problem,) = _problems(folder)
    assert (Path(problem.file).name, problem.record, problem.field) == (
        "sources.json",
        "test-statement",
        "path",
    )
    assert "leads outside the data folder" in problem.message


def test_source_text_not_utf8(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    (folder / "sources" / "test-statement.txt").write_bytes(TEXT.encode("utf-16"))
    (problem,) = _problems(folder)
    assert (Path(problem.file).name, problem.record, problem.field) == (
        "sources.json",
        "test-statement",
        "path",
    )
    assert "not UTF-8" in problem.message


def test_changed_source_text_breaks_the_spans_after_it(tmp_path: Path) -> None:
    """One character more at the start of the statement moves every span: each is reported."""
    folder = write_folder(tmp_path / "data", text="X" + TEXT)
    problems = _problems(folder)
    assert len(problems) > 10
    assert all(p.field is not None and p.field.endswith("text") for p in problems), problems
    assert all("does not match the source" in p.message for p in problems)


def test_a_span_met_again_is_the_same_span_and_is_tested_like_any_other(tmp_path: Path) -> None:
    """A span equal to one that passed is that one (shared); one that differs in any part, or
    whose offsets are not integers, is built and tested, as is every span that failed."""
    records = minimal_records()
    attendance = records["meetings"][0]["attendance"][0]
    attendance["mentions"] = [span("Atlantis", occurrence=1), span("On")]
    dataset = baliprocess.load(write_folder(tmp_path / "good", records), bundled=False)
    member_span = dataset.members.get("ATL").span
    row = dataset.meetings.get("tg-1").attendance[0]
    assert row.span is member_span
    assert row.mentions[0] == baliprocess.models.Span(**span("Atlantis", occurrence=1))
    assert row.contributions[0].span == member_span  # met after the other "Atlantis": rebuilt
    assert not dataset._known.spans  # only a load needs the index of spans met so far

    wrong = {**span("Atlantis"), "start": 1, "end": 9}  # the same text, at the wrong place
    attendance["span"] = wrong
    attendance["contributions"][0]["span"] = dict(wrong)
    problems = _problems(write_folder(tmp_path / "bad", records))
    assert sorted(str(p.field) for p in problems) == [
        "attendance[0].contributions[0].span.text",
        "attendance[0].span.text",
    ], problems

    attendance["span"] = attendance["contributions"][0]["span"] = span("Atlantis")
    attendance["mentions"].append({**span("On"), "start": False})  # False == 0, not an integer
    (problem,) = _problems(write_folder(tmp_path / "not-int", records))
    assert problem.field == "attendance[0].mentions[2].start", problem


# -- message quality ---------------------------------------------------------------------------


def test_unknown_ref_kind_names_the_kinds(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    put(*C, "actors", 0, value="country:UTO")(folder)
    (problem,) = _problems(folder)
    assert (problem.record, problem.field) == (COMMITMENT, "actors[0]")
    assert "country" in problem.message
    for kind in RefKind:
        assert kind.value in problem.message


# -- many problems at once ---------------------------------------------------------------------


def _many_problems(folder: Path) -> list[Expected]:
    records = minimal_records()
    records["sources"][0]["meetings"].append("tg-9")
    records["members"][0]["name"] = 5
    records["members"][1]["iso2"] = "ut"
    records["bodies"][0]["parent"] = "NOPE"
    records["documents"][0]["span"]["text"] = "Test Plans"
    meeting = records["meetings"][0]
    meeting["attendance"][0]["role"] = "chair"  # rejects the whole meeting record...
    records["commitments"][0]["outcome"] = "tg-1/o7"
    write_folder(folder, records)
    with (folder / "bodies.json").open("r+", encoding="utf-8") as handle:
        content = json.load(handle)
        content["comment"] = "not allowed"
        handle.seek(0)
        handle.write(json.dumps(content))
        handle.truncate()
    return [
        Expected("sources.json", "test-statement", "meetings[1]", "unknown meeting 'tg-9'"),
        Expected("members.json", "ATL", "name", "expected a string"),
        Expected("members.json", "UTO", "iso2", "two-letter"),
        Expected("bodies.json", None, "comment", "unknown key"),
        Expected("bodies.json", "TG", "parent", "unknown body 'NOPE'"),
        Expected("documents.json", "test-plan", "span.text", "does not match"),
        # ...so that its own problem is reported, not the references to it and its outcomes.
        Expected("meetings.json", "tg-1", "attendance[0].role", "got 'chair'"),
        Expected("commitments.json", COMMITMENT, "outcome", "unknown outcome 'tg-1/o7'"),
    ]


def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    expected = _many_problems(folder)
    problems = _problems(folder)
    assert len(problems) == 8
    _match(problems, tuple(expected))


def test_data_error_summary_lists_every_problem(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _many_problems(folder)
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=False)
    error = caught.value
    text = str(error)
    assert text.startswith("8 problems in the data:")
    for problem in error.problems:
        assert str(problem) in text
    assert (error.file, error.record, error.field) == (
        error.problems[0].file,
        error.problems[0].record,
        error.problems[0].field,
    )
    assert isinstance(error, ValueError)


def test_a_broken_folder_leaves_nothing_half_loaded(tmp_path: Path) -> None:
    """A lazy dataset over a broken folder raises on every access, never a partial record."""
    folder = tmp_path / "data"
    put(*C, "outcome", value="tg-1/o3")(folder)
    dataset = baliprocess.dataset.Dataset([_loading.Origin(str(folder))], eager=False)
    assert len(dataset.members) == 2  # the members file is fine and needs nothing broken
    for _ in range(2):
        with pytest.raises(DataError) as caught:
            dataset.commitments  # noqa: B018 - the access is the test
        assert [p.field for p in caught.value.problems] == ["outcome"]


# -- the command line --------------------------------------------------------------------------


def _check(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baliprocess", "check", *options, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_check_prints_every_problem_with_its_location(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _many_problems(folder)
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=False)
    result = _check(folder)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    for problem in caught.value.problems:
        # The check merges the bundled record, whose ids may change the "did you mean" part.
        stated = f"{problem.location}: {problem.message.split('; did you mean')[0]}"
        assert [line for line in lines if line.startswith(stated)], stated
        assert problem.location.startswith(os.path.join(str(folder), Path(problem.file).name))
    assert lines[-1].endswith(f"problem(s) in {folder}")
    assert result.stdout == ""


@pytest.mark.parametrize(
    "breakage",
    [param.values[0] for param in CORPUS[:3]],
    ids=["invalid-json", "truncated", "empty"],
)
def test_check_reports_file_problems(tmp_path: Path, breakage: Breakage) -> None:
    folder = tmp_path / "data"
    breakage(folder)
    result = _check(folder)
    assert result.returncode == 1
    assert f"{folder / 'commitments.json'}: invalid JSON" in result.stderr


def test_check_alone_prints_exactly_the_problems_of_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _many_problems(folder)
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=False)
    result = _check(folder, "--alone")
    assert result.returncode == 1
    *lines, summary = result.stderr.splitlines()
    assert lines == [str(problem) for problem in caught.value.problems]
    assert summary == f"8 problem(s) in {folder}"


def test_check_alone_accepts_the_minimal_folder(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    result = _check(folder, "--alone")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ok: {folder} is valid")
    assert result.stderr == ""


def test_check_of_a_missing_folder_exits_2(tmp_path: Path) -> None:
    result = _check(tmp_path / "nowhere")
    assert result.returncode == 2
    assert "no data folder" in result.stderr
    assert str(tmp_path / "nowhere") in result.stderr


def test_check_of_a_file_instead_of_a_folder_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "meetings.json"
    path.write_text("{}", encoding="utf-8")
    assert _check(path).returncode == 2


@pytest.mark.parametrize(
    ("key", "field", "expected"),
    [
        ("bodies", "aliases", "name 'test group' already names body 'TG'"),
        ("documents", "aliases", "name 'TEST PLAN' already names document 'test-plan'"),
    ],
)
def test_a_name_may_name_one_body_or_document_only(
    tmp_path: Path, key: str, field: str, expected: str
) -> None:
    records = minimal_records()
    twin = copy.deepcopy(records[key][0])
    twin["id"] = "TWIN" if key == "bodies" else "twin"
    twin["name" if key == "bodies" else "title"] = "Twin"
    twin["aliases"] = ["test group" if key == "bodies" else "TEST PLAN"]
    records[key].append(twin)
    with pytest.raises(DataError) as caught:
        baliprocess.load(write_folder(tmp_path / "data", records), bundled=False)
    problems = caught.value.problems
    assert [(Path(p.file).name, p.record, p.field) for p in problems] == [
        (f"{key}.json", twin["id"], "aliases[0]")
    ]
    assert problems[0].message == expected


def _break(records: dict[str, Any], key: str, path: tuple[Any, ...], value: Any) -> None:
    target: Any = records[key]
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


@pytest.mark.parametrize(
    ("key", "path", "value", "record", "field", "message"),
    [
        pytest.param(
            "members", (0, "id"), "ATLANTIS", "ATLANTIS", "id", "ISO 3166 alpha-3",
            id="state-id-not-alpha-3",
        ),
        pytest.param(
            "members", (1, "aliases"), ["--"], "UTO", "aliases[0]", "no letter or digit",
            id="punctuation-only-alias",
        ),
        pytest.param(
            "meetings", (0, "outcomes", 0, "id"), "zz-9/o1", "tg-1", "outcomes[0].id",
            "an outcome id is 'tg-1/'", id="outcome-id-of-another-meeting",
        ),
        pytest.param(
            "commitments", (0, "id"), "whatever", "whatever", "id", "its meeting's id",
            id="commitment-id-without-its-meeting",
        ),
        pytest.param(
            "meetings", (0, "date_precision"), "month", "tg-1", "end", "first and last days",
            id="month-precision-not-a-whole-month",
        ),
        pytest.param(
            "documents", (0, "authors"), ["meeting:tg-1"], "test-plan", "authors[0]",
            "members, bodies or groups", id="document-authored-by-a-meeting",
        ),
    ],
)  # fmt: skip
def test_documented_rules_are_checked(
    tmp_path: Path,
    key: str,
    path: tuple[Any, ...],
    value: Any,
    record: str,
    field: str,
    message: str,
) -> None:
    records = minimal_records()
    _break(records, key, path, value)
    if key == "meetings" and path[-1] == "date_precision":
        records["meetings"][0]["days"] = []
    with pytest.raises(DataError) as caught:
        baliprocess.load(write_folder(tmp_path / "data", records), bundled=False)
    found = [(Path(p.file).name, p.record, p.field) for p in caught.value.problems]
    assert (f"{key}.json", record, field) in found
    assert any(message in p.message for p in caught.value.problems)


_ID_PARTS = st.one_of(
    st.text(alphabet="ab-", max_size=3),
    st.text(alphabet="ab-/:", max_size=4),
    st.text(alphabet="ab/: \n\t\u00a0", max_size=4),
)
"""Text near an id: slug characters, and the separators and whitespace a slug must not hold."""


@given(
    prefix=_ID_PARTS.map(lambda s: s + "/"),
    picks=st.lists(st.tuples(st.integers(0, 4), _ID_PARTS), min_size=1, max_size=3),
)
@example(prefix="m/", picks=[(0, "o1"), (0, "o-2")])  # every id right
@example(prefix="m:1/", picks=[(0, "o1")])  # a prefix may hold ":"
@example(prefix="m/", picks=[(0, "o1"), (0, "a b")])  # whitespace
@example(prefix="m/", picks=[(0, "o\u00a0")])  # whitespace at the end (split drops it)
@example(prefix="m/", picks=[(0, "a:b")])  # ":" in the slug
@example(prefix="m/", picks=[(0, "a/b")])  # "/" in the slug
@example(prefix="m/", picks=[(0, "")])  # an empty slug
@example(prefix="b/", picks=[(3, "x")])  # "ab/x": the prefix, but not at the start
@example(prefix=" /", picks=[(0, "a")])  # a meeting id that is no slug: the loop decides
def test_outcome_ids_checked_at_once_agree_with_one_by_one(
    prefix: str, picks: list[tuple[int, str]]
) -> None:
    # The meetings rule asks all of a meeting's outcome ids at once, in C; it must pass exactly
    # the lists whose every id passes the one-by-one test (the loop that names what is wrong).
    # Under a meeting id holding whitespace (itself reported: an id is a slug) it passes none,
    # and the loop decides alone.
    starts = [prefix, "", prefix[1:], "a" + prefix, prefix + "a/"]
    whole = [starts[start] + part for start, part in picks]

    def one(ident: str) -> bool:
        rest = ident[len(prefix) :]
        return ident.startswith(prefix) and not {":", "/"} & set(rest) and rest.split() == [rest]

    fast = _rules._slugs_under(prefix, whole)
    if prefix.split() == [prefix]:
        assert fast == all(map(one, whole))
    else:
        assert not fast


def test_a_misnamed_data_file_is_reported(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    (folder / "meetings.json").rename(folder / "meeting.json")
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=False)
    names = [(Path(p.file).name, p.message) for p in caught.value.problems]
    assert ("meeting.json", names[0][1]) in names
    assert "not a data file" in names[0][1]


def test_a_broken_file_is_one_problem_not_one_per_reference(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    (folder / "members.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=False)
    assert [Path(p.file).name for p in caught.value.problems] == ["members.json"]


def test_a_byte_order_mark_is_explained(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    path = folder / "bodies.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=False)
    (problem,) = caught.value.problems
    assert "byte-order mark" in problem.message


def test_json_files_of_ones_own_may_start_with_an_underscore(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    (folder / "_notes.json").write_text("{}", encoding="utf-8")
    assert len(baliprocess.load(folder, bundled=False).meetings) == 1


def test_a_record_without_an_id_is_named_by_its_place_in_its_own_file(tmp_path: Path) -> None:
    records = minimal_records()
    member = copy.deepcopy(records["members"][0])
    member.pop("id")
    member["name"] = "Nameless"
    member["aliases"] = []
    member["span"] = {"source": "test-statement", "quote": "no such words here"}
    records["members"].append(member)
    folder = write_folder(tmp_path / "data", records)
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder)  # with the bundled record: its members do not count
    position = f"#{len(records['members']) - 1}"
    located = {(Path(p.file).name, p.record) for p in caught.value.problems}
    assert ("members.json", position) in located, caught.value.problems


def test_a_key_written_twice_is_a_problem_not_a_silent_loss(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    path = folder / "members.json"
    text = path.read_text(encoding="utf-8")
    body = text.rstrip().rstrip("}")
    path.write_text(body + ', "members": []}\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=False)
    assert any(
        p.field == "members" and "more than once" in p.message for p in caught.value.problems
    ), caught.value.problems


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)


@pytest.mark.parametrize("scanner", ["c", "python"])
@given(
    records=st.lists(_JSON_VALUES, max_size=4),
    other=st.dictionaries(st.sampled_from(["format", "x"]), _JSON_VALUES, max_size=2),
    indent=st.sampled_from([None, 1]),
    constant=st.sampled_from(["NaN", "Infinity", "-Infinity"]),
)
@example(records=[], other={}, indent=None, constant="NaN").via("an empty array")
@example(records=[{"@": 1}], other={"format": {"@": None}}, indent=None, constant="NaN").via(
    "the placeholder's text elsewhere"
)
def test_records_stream_as_json_loads_reads_them(
    scanner: str,
    records: list[Any],
    other: dict[str, Any],
    indent: int | None,
    constant: str,
) -> None:
    # The loader drives json's C scanner itself (or, where CPython's _json is missing, json's
    # pure-Python one): record by record, it must read exactly what json.loads reads.
    from json.scanner import py_make_scanner  # type: ignore[attr-defined]

    decoder = json.JSONDecoder()  # what the loader scans with where CPython's _json is missing
    text = json.dumps({**other, "meetings": [*records, "@"]}, indent=indent)
    # The last element written is the placeholder: it becomes a constant json.loads accepts.
    head, _, tail = text.rpartition('"@"')
    text = head + constant + tail
    seen: list[Any] = []
    c_scanner = _loading._SCAN
    if scanner == "python":
        _loading._SCAN = py_make_scanner(decoder)
    try:
        document = _loading._stream(text, "meetings", seen.append)
    finally:
        _loading._SCAN = c_scanner
    expected = json.loads(text)
    assert document == {**other, "meetings": _loading._STREAMED}
    assert json.dumps(seen) == json.dumps(expected["meetings"])  # NaN != NaN: compare as text
