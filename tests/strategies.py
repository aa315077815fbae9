"""Hypothesis strategies for every record class, random JSON values and mutations, and whole
valid datasets whose spans quote their generated source texts.

- ``STRATEGIES[cls]`` builds arbitrary (structurally valid, not necessarily cross-checked) objects
  of each model class: what the converters must round-trip.
- ``json_values()`` and ``mutations()`` break an unstructured record in one place: what the fast
  path and the cattrs converter must agree on.
- ``datasets()`` builds a whole data folder's worth of records that passes every check of the
  loader: ids resolve, dates are consistent and every span quotes its source exactly.
"""

from __future__ import annotations

import copy
import datetime
import enum
import functools
import json
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

import baliprocess.models as models
from baliprocess._checks import inferable_fields
from baliprocess._converter import converter
from baliprocess._normalize import fold
from baliprocess._registry import FORMAT, KINDS
from baliprocess.models import (
    Attendance,
    AttendanceRole,
    Body,
    BodyAttendance,
    BodyKind,
    CoChair,
    Commitment,
    CommitmentKind,
    Contribution,
    ContributionKind,
    DatePrecision,
    Degree,
    Document,
    DocumentKind,
    Due,
    FollowUp,
    Group,
    Inference,
    Location,
    Meeting,
    MeetingKind,
    MeetingState,
    Member,
    MemberKind,
    MemberStatus,
    Outcome,
    ParticipantCount,
    Passage,
    Ref,
    RefKind,
    Relation,
    Source,
    SourceFormat,
    Span,
    StatusClaim,
    Verb,
)

T = TypeVar("T")


# -- building blocks ---------------------------------------------------------------------------

# Any text that can be written as UTF-8 (no lone surrogates).
characters = st.characters(codec="utf-8")
texts = st.text(characters, max_size=12)
nonempty_texts = st.text(characters, min_size=1, max_size=12)
dates = st.dates()
integers = st.integers(min_value=-(2**40), max_value=2**40)


def tuples(elements: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(elements, max_size=max_size).map(tuple)


def optional(elements: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | elements


# A ref's id must not be empty: ``"member:"`` is not a reference.
refs = st.builds(Ref, kind=st.sampled_from(RefKind), id=nonempty_texts)

_SCALARS: dict[Any, st.SearchStrategy[Any]] = {
    str: texts,
    int: integers,
    bool: st.booleans(),
    datetime.date: dates,
    Ref: refs,
}


def _for_type(kind: Any, many: int = 3) -> st.SearchStrategy[Any]:
    """A strategy for values of a field type: scalars, enums, records, tuples and optionals."""
    args = typing.get_args(kind)
    if args and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return optional(_for_type(inner))
    if typing.get_origin(kind) is tuple:
        return tuples(_for_type(args[0]), many)
    if kind in _SCALARS:
        return _SCALARS[kind]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from(kind)
    if isinstance(kind, type) and attrs.has(kind):
        return st.deferred(lambda: STRATEGIES[kind])
    raise TypeError(f"no strategy for {kind!r}")


def strategy_for(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Arbitrary records of ``cls``, derived from its attrs fields: a new field or class needs
    nothing here."""
    attrs.resolve_types(cls)
    # Nested rows of a meeting are kept to two, so that whole meetings stay small.
    many = 2 if cls.__name__ == "Meeting" else 3
    fields = {f.alias: _for_type(f.type, many) for f in attrs.fields(cls) if f.init}
    return st.builds(cls, **fields)


def _reachable(classes: list[type[Any]]) -> dict[type[Any], None]:
    """``classes`` and every attrs class their fields hold, in order of discovery."""
    found: dict[type[Any], None] = {}
    while classes:
        cls = classes.pop(0)
        if cls in found or not attrs.has(cls):
            continue
        found[cls] = None
        attrs.resolve_types(cls)
        for f in attrs.fields(cls):
            classes.extend(a for a in (f.type, *typing.get_args(f.type)) if isinstance(a, type))
            classes.extend(
                b
                for a in typing.get_args(f.type)
                for b in typing.get_args(a)
                if isinstance(b, type)
            )
    return found


MODEL_CLASSES: tuple[type[Any], ...] = tuple(
    _reachable(
        [kind.cls for kind in KINDS.values()] + [getattr(models, name) for name in models.__all__]
    )
)
"""Every record class: those of every kind of the registry and what they hold, and every
class the models export."""

STRATEGIES: dict[type[Any], st.SearchStrategy[Any]] = {Ref: refs}
STRATEGIES.update({cls: strategy_for(cls) for cls in MODEL_CLASSES if cls is not Ref})
"""A strategy for every model class."""

# -- random JSON values and mutations ----------------------------------------------------------

json_scalars: st.SearchStrategy[Any] = (
    st.none() | st.booleans() | integers | st.floats(allow_nan=False, allow_infinity=False) | texts
)
json_values: st.SearchStrategy[Any] = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=6,
)
"""Any JSON value (what ``json.loads`` can return)."""

# Strings that come close to what the parsers of the record accept: enum values, dates, refs.
_VOCABULARY = sorted(
    {
        member.value
        for name in models.__all__
        if isinstance(vocabulary := getattr(models, name), type)
        and issubclass(vocabulary, enum.Enum)
        for member in vocabulary
    }
)
tricky_strings: st.SearchStrategy[str] = st.one_of(
    texts,
    st.sampled_from(_VOCABULARY),
    st.sampled_from([v.upper() for v in _VOCABULARY]),
    st.sampled_from(
        [
            "2022-02-30",
            "2022/03/02",
            "2022-W09-3",
            "20220302",
            "2022-3-2",
            "+2022-03-02",
            "2022-03-02T00:00",
            "\uff12\uff10\uff12\uff12-\uff10\uff13-\uff10\uff12",  # full-width digits
            "0000-01-01",
            "member:AUS",
            "member-AUS",
            "member:",
            ":AUS",
            "country:AUS",
            "group:members",
            "MEMBER:AUS",
        ]
    ),
    dates.map(datetime.date.isoformat),
    st.tuples(st.sampled_from(RefKind), texts).map(lambda pair: f"{pair[0].value}:{pair[1]}"),
)


def _type_name(value: Any) -> str:
    return type(value).__name__


def paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every position inside a JSON value, the root included (as ``()``)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(paths(item, (*prefix, index)))
    return found


def get_at(value: Any, path: Sequence[str | int]) -> Any:
    for step in path:
        value = value[step]
    return value


def replace_at(value: Any, path: Sequence[str | int], new: Any) -> Any:
    """A deep copy of ``value`` with the value at ``path`` replaced by ``new``."""
    if not path:
        return new
    result = copy.deepcopy(value)
    get_at(result, path[:-1])[path[-1]] = new
    return result


Mutation = tuple[str, Any]
"""A description of the change (for failure reports) and the mutated JSON."""


@st.composite
def mutations(draw: st.DrawFn, raw: Any) -> Mutation:
    """``raw`` (an unstructured record) changed in exactly one place."""
    where = draw(st.sampled_from(paths(raw)))
    target = get_at(raw, where)
    options = ["replace", "replace-string"]
    if isinstance(target, dict):
        options += ["add-key"] + (["drop-key", "rename-key"] if target else [])
    if isinstance(target, list) and target:
        options.append("drop-item")
    action = draw(st.sampled_from(options))
    if action == "drop-key":
        key = draw(st.sampled_from(sorted(target)))
        changed = copy.deepcopy(target)
        del changed[key]
        return f"drop {key!r} at {where}", replace_at(raw, where, changed)
    if action == "rename-key":
        # As many keys as before, one of them unknown: a dict that seems to have every field.
        key = draw(st.sampled_from(sorted(target)))
        new_key = draw(texts.filter(lambda k: k not in target))
        changed = {new_key if k == key else k: v for k, v in target.items()}
        return f"rename {key!r} to {new_key!r} at {where}", replace_at(raw, where, changed)
    if action == "add-key":
        key = draw(texts.filter(lambda k: k not in target))
        changed = copy.deepcopy(target)
        changed[key] = draw(json_values)
        return f"add {key!r} at {where}", replace_at(raw, where, changed)
    if action == "drop-item":
        index = draw(st.integers(0, len(target) - 1))
        changed = copy.deepcopy(target)
        del changed[index]
        return f"drop item {index} at {where}", replace_at(raw, where, changed)
    if action == "replace-string":
        new: Any = draw(tricky_strings)
        return f"replace {target!r} at {where} with {new!r}", replace_at(raw, where, new)
    new = draw(json_values.filter(lambda v: _type_name(v) != _type_name(target)))
    return f"replace {target!r} at {where} with {new!r}", replace_at(raw, where, new)


# -- whole valid datasets ----------------------------------------------------------------------

slugs = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=8)
upper_slugs = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=1, max_size=6)
span_texts = st.text(characters, max_size=10)
# Dates far enough from the end of the calendar to add a few days to.
safe_dates = st.dates(max_value=datetime.date(9000, 12, 31))


@attrs.define
class _Texts:
    """Source texts under construction: each span's words are appended to one source."""

    pieces: dict[str, list[str]]
    lengths: dict[str, int]

    def add(self, source: str, words: str, separator: str) -> Span:
        self.pieces[source].append(separator)
        start = self.lengths[source] + len(separator)
        self.pieces[source].append(words)
        self.lengths[source] = start + len(words)
        return Span(source=source, start=start, end=start + len(words), text=words)

    def text(self, source: str) -> str:
        return "".join(self.pieces[source])


@attrs.frozen
class GeneratedDataset:
    """The records of a data folder (model objects, by file key) and the source texts by id."""

    records: dict[str, tuple[Any, ...]]
    texts: dict[str, str]

    def unstructured(self) -> dict[str, list[dict[str, Any]]]:
        return {key: [converter.unstructure(r) for r in rows] for key, rows in self.records.items()}


def spans_of(value: Any) -> list[Span]:
    """Every span inside a record, found by walking its fields."""
    if isinstance(value, Span):
        return [value]
    if attrs.has(type(value)):
        return [
            span
            for field in attrs.fields(type(value))
            if field.init
            for span in spans_of(getattr(value, field.name))
        ]
    if isinstance(value, tuple):
        return [span for item in value for span in spans_of(item)]
    return []


KEYS = tuple(KINDS)


def write_dataset(folder: Path, dataset: GeneratedDataset) -> Path:
    """Write ``dataset`` as a data folder: one JSON file per key, one text file per source."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources").mkdir(exist_ok=True)
    for source in dataset.records["sources"]:
        (folder / source.path).write_bytes(dataset.texts[source.id].encode("utf-8"))
    for key, rows in dataset.unstructured().items():
        document = {"format": FORMAT, key: rows}
        (folder / f"{key}.json").write_bytes(
            json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        )
    return folder


def _unique(
    strategy: st.SearchStrategy[str], min_size: int, max_size: int
) -> st.SearchStrategy[list[str]]:
    return st.lists(strategy, min_size=min_size, max_size=max_size, unique=True)


@st.composite
def datasets(draw: st.DrawFn) -> GeneratedDataset:
    """A whole dataset that passes every check: references resolve, spans quote their sources."""
    source_ids: list[str] = draw(_unique(slugs, 1, 3))
    builder = _Texts({s: [] for s in source_ids}, dict.fromkeys(source_ids, 0))
    separators = st.sampled_from(["", " ", "\n", ". ", "\u00a0", "\r\n"])

    def span() -> Span:
        source = draw(st.sampled_from(source_ids))
        return builder.add(source, draw(span_texts), draw(separators))

    def some(make: Callable[[], T], max_size: int = 2) -> tuple[T, ...]:
        return tuple(make() for _ in range(draw(st.integers(0, max_size))))

    def inferred(fields: Sequence[str]) -> tuple[Inference, ...]:
        return some(lambda: Inference(field=draw(st.sampled_from(fields)), reason=draw(texts)))

    def reason() -> str | None:
        return draw(optional(texts))

    # Members: ids differ once folded, and every name and alias ends in a word of its own member
    # (longer than any id), so no name of one member folds to a name of another.
    # Three capital letters: a state's id is its ISO 3166 alpha-3 code.
    member_ids: list[str] = draw(
        st.lists(
            st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
            min_size=1,
            max_size=4,
            unique_by=fold,
        )
    )

    def named(token: str) -> str:
        return f"{draw(texts)} {token}"

    member_records = []
    for i, ident in enumerate(member_ids):
        token = f"zqx{i}token"
        kind = draw(st.sampled_from(MemberKind))
        state = kind is MemberKind.STATE
        member_records.append(
            Member(
                id=ident,
                name=named(token),
                kind=kind,
                aliases=some(functools.partial(named, token)),
                iso2=draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2))
                if state
                else None,
                iso3=ident if state else None,
                status=some(
                    lambda: StatusClaim(
                        status=draw(st.sampled_from(MemberStatus)),
                        as_of=draw(safe_dates),
                        span=span(),
                        inferred=reason(),
                    )
                ),
                note=draw(optional(texts)),
                span=span(),
                inferred=inferred(("name", "kind", "aliases", "status", "note")),
            )
        )

    # Bodies and documents: the same scheme as members, since their names are looked up too.
    body_ids: list[str] = draw(st.lists(upper_slugs, max_size=3, unique_by=fold))
    body_records = [
        Body(
            id=ident,
            name=named(f"zqb{i}token"),
            kind=draw(st.sampled_from(BodyKind)),
            aliases=some(functools.partial(named, f"zqb{i}token")),
            parent=draw(optional(st.sampled_from(body_ids))),
            bali_process=draw(st.booleans()),
            co_chairs=some(
                lambda: CoChair(
                    member=draw(st.sampled_from(member_ids)),
                    as_of=draw(safe_dates),
                    span=span(),
                    inferred=reason(),
                )
            ),
            established=Passage(text=draw(texts), span=span()) if draw(st.booleans()) else None,
            span=span(),
            inferred=inferred(("name", "kind", "parent", "co_chairs", "established")),
        )
        for i, ident in enumerate(body_ids)
    ]

    document_ids: list[str] = draw(st.lists(slugs, max_size=3, unique_by=fold))
    group_ids = [group.value for group in Group]

    def ref(kinds: Sequence[RefKind], ids: dict[RefKind, Sequence[str]]) -> Ref:
        usable = [kind for kind in kinds if ids[kind]]
        kind = draw(st.sampled_from(usable))
        return Ref(kind=kind, id=draw(st.sampled_from(ids[kind])))

    ids: dict[RefKind, Sequence[str]] = {
        RefKind.MEMBER: member_ids,
        RefKind.BODY: body_ids,
        RefKind.DOCUMENT: document_ids,
        RefKind.GROUP: group_ids,
        RefKind.MEETING: [],
    }
    # A document's authors are members, bodies or groups.
    before_meetings = (RefKind.MEMBER, RefKind.BODY, RefKind.GROUP)
    document_records = [
        Document(
            id=ident,
            title=named(f"zqd{i}token"),
            kind=draw(st.sampled_from(DocumentKind)),
            aliases=some(functools.partial(named, f"zqd{i}token")),
            authors=some(lambda: ref(before_meetings, ids)),
            year=draw(optional(integers)),
            span=span(),
            inferred=inferred(("title", "kind", "authors", "year")),
        )
        for i, ident in enumerate(document_ids)
    ]

    meeting_ids: list[str] = draw(_unique(slugs, 1, 3))
    ids[RefKind.MEETING] = meeting_ids
    meeting_records = []
    outcome_ids: list[str] = []
    for ident in meeting_ids:
        precision = draw(st.sampled_from(DatePrecision))
        start = end = None
        days: tuple[datetime.date, ...] = ()
        if precision is not DatePrecision.UNKNOWN:
            start = draw(safe_dates)
            end = start + datetime.timedelta(days=draw(st.integers(0, 5)))
            if precision is DatePrecision.MONTH:  # whole months
                start = start.replace(day=1)
                end = (start + datetime.timedelta(days=32)).replace(day=1)
                end -= datetime.timedelta(days=1)
            elif precision is DatePrecision.YEAR:  # whole years
                start, end = start.replace(month=1, day=1), start.replace(month=12, day=31)
            if precision is DatePrecision.DAY:
                span_days = [start + datetime.timedelta(days=n) for n in range(5)]
                days = tuple(d for d in span_days if d <= end and draw(st.booleans()))
        location = None
        virtual = draw(optional(st.booleans()))
        if not virtual and draw(st.booleans()):
            location = Location(
                place=draw(texts),
                city=draw(optional(texts)),
                country=draw(st.sampled_from(member_ids)),
                span=span(),
            )
        # One row per participant: its standing and what it did.
        roles = draw(
            st.lists(
                st.tuples(st.sampled_from(member_ids), st.sampled_from(AttendanceRole)),
                max_size=3,
                unique_by=lambda pair: pair[0],
            )
        )

        def contributions() -> tuple[Contribution, ...]:
            return some(
                lambda: Contribution(
                    kind=draw(st.sampled_from(ContributionKind)), span=span(), inferred=reason()
                )
            )

        meeting_outcomes = []
        for n in range(draw(st.integers(0, 2))):
            outcome_id = f"{ident}/o{n + 1}"
            outcome_ids.append(outcome_id)
            meeting_outcomes.append(
                Outcome(
                    id=outcome_id,
                    text=draw(texts),
                    actors=some(lambda: ref(tuple(RefKind), ids)),
                    verb=draw(st.sampled_from(Verb)),
                    objects=some(lambda: ref(tuple(RefKind), ids)),
                    span=span(),
                    inferred=inferred(("actors", "verb", "objects")),
                )
            )
        meeting_records.append(
            Meeting(
                id=ident,
                title=draw(texts),
                kind=draw(st.sampled_from(MeetingKind)),
                state=draw(st.sampled_from(MeetingState)),
                number=draw(optional(integers)),
                body=draw(optional(st.sampled_from(body_ids))) if body_ids else None,
                start=start,
                end=end,
                days=days,
                date_precision=precision,
                date_text=draw(optional(texts)),
                location=location,
                virtual=virtual,
                co_chairs=some(lambda: draw(st.sampled_from(member_ids))),
                attendance=tuple(
                    Attendance(
                        member=member,
                        role=role,
                        wording=draw(texts),
                        span=span(),
                        mentions=some(span),
                        contributions=contributions(),
                        inferred=reason(),
                    )
                    for member, role in roles
                ),
                bodies_present=tuple(
                    BodyAttendance(
                        body=body,
                        role=draw(st.sampled_from(AttendanceRole)),
                        wording=draw(texts),
                        span=span(),
                        mentions=some(span),
                        contributions=contributions(),
                        inferred=reason(),
                    )
                    for body in draw(st.lists(st.sampled_from(body_ids), max_size=2, unique=True))
                )
                if body_ids
                else (),
                participants=(
                    ParticipantCount(
                        count=draw(st.integers(0, 10**6)), description=draw(texts), span=span()
                    ),
                    *some(
                        lambda: ParticipantCount(
                            count=draw(st.integers(0, 10**6)),
                            description=draw(texts),
                            within=0,
                            span=span(),
                        )
                    ),
                ),
                purpose=some(lambda: Passage(text=draw(texts), span=span())),
                agenda=some(lambda: Passage(text=draw(texts), span=span())),
                outcomes=tuple(meeting_outcomes),
                source=draw(st.sampled_from(source_ids)),
                span=span(),
                mentions=some(span),
                inferred=inferred(
                    (
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
                ),
            )
        )

    commitment_records = []
    if outcome_ids:
        for ident in draw(_unique(slugs, 0, 3)):
            due = None
            if draw(st.booleans()):
                due = Due(
                    text=draw(texts),
                    date=draw(optional(safe_dates)),
                    meeting=draw(optional(st.sampled_from(meeting_ids))),
                    span=span(),
                )
            outcome = draw(st.sampled_from(outcome_ids))
            commitment_records.append(
                Commitment(
                    id=f"{outcome.rpartition('/')[0]}/{ident}",
                    outcome=outcome,
                    kind=draw(st.sampled_from(CommitmentKind)),
                    actors=some(lambda: ref(tuple(RefKind), ids)),
                    action=draw(texts),
                    due=due,
                    span=span(),
                    inferred=inferred(("kind", "actors", "action", "due")),
                )
            )

    followup_records: list[FollowUp] = []
    for ident in draw(_unique(slugs, 0, 3)) if commitment_records else []:
        relation = draw(st.sampled_from(Relation))
        commitment_id = draw(st.sampled_from(commitment_records)).id
        date = draw(safe_dates)
        # A contradiction names an earlier follow-up of the same commitment.
        earlier = [f for f in followup_records if f.commitment == commitment_id and f.date <= date]
        if relation is Relation.CONTRADICTS and not earlier:
            relation = Relation.REAFFIRMS
        progresses = relation is Relation.PROGRESSES
        followup_records.append(
            FollowUp(
                id=f"f-{ident}",
                commitment=commitment_id,
                relation=relation,
                degree=draw(st.sampled_from(Degree)) if progresses else None,
                degree_reason=draw(nonempty_texts) if progresses else None,
                span=span(),
                date=date,
                reason=draw(texts),
                meeting=draw(optional(st.sampled_from(meeting_ids))),
                outcome=draw(optional(st.sampled_from(outcome_ids))),
                document=draw(optional(st.sampled_from(document_ids))) if document_ids else None,
                status_of=draw(optional(st.sampled_from(member_ids))),
                contradicts=draw(st.sampled_from(earlier)).id
                if relation is Relation.CONTRADICTS
                else None,
                inferred=inferred(inferable_fields(FollowUp)),
            )
        )

    source_records = [
        Source(
            id=ident,
            title=draw(texts),
            date=draw(safe_dates),
            format=draw(st.sampled_from(SourceFormat)),
            path=f"sources/{ident}.txt",
            meetings=tuple(draw(st.lists(st.sampled_from(meeting_ids), max_size=2))),
        )
        for ident in source_ids
    ]
    return GeneratedDataset(
        records={
            "sources": tuple(source_records),
            "members": tuple(member_records),
            "bodies": tuple(body_records),
            "documents": tuple(document_records),
            "meetings": tuple(meeting_records),
            "commitments": tuple(commitment_records),
            "followups": tuple(followup_records),
        },
        texts={ident: builder.text(ident) for ident in source_ids},
    )
