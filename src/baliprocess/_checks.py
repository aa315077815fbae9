"""Checks that need more than one record, derived from the models' field metadata.

Every reference, span and inferred-field check of every kind of record is generic: for each
model class a check function is generated once from its attrs fields (see ``field`` in
:mod:`baliprocess.models._base`):

- a field with ``refers_to`` metadata holds ids of that target, and each must exist (for a
  :class:`~baliprocess.models.Ref` field, the ref's own kind is the target, limited to the kinds
  the metadata allows);
- a :class:`~baliprocess.models.Span` field must quote its source exactly;
- an ``inferred`` list may name only the class's inferable fields;
- nested records are checked the same way, with their path (``attendance[3].member``).

The rules only one kind has (dates of meetings, ISO codes of states, id prefixes) are declared in
the registry and live in :mod:`baliprocess._rules`. Nothing stops at the first problem: every
problem is collected with its file, record and field path.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ._normalize import fold
from ._registry import NESTED, TARGETS, kind_of_target
from .errors import Problem
from .models._base import INFERABLE, REFERS_TO, type_shape
from .models.common import Inference, Ref, Span
from .models.vocabularies import Group

if TYPE_CHECKING:
    from ._registry import Kind

__all__ = [
    "Checker",
    "Known",
    "allowed_kinds",
    "check_id",
    "check_kind",
    "ref_failed",
    "render",
    "span_failed",
    "unknown",
]

_GROUPS = frozenset(group.value for group in Group)


def render(at: Any) -> str | None:
    """``attendance[3].member`` from a path.

    A path says where a value sits in a record: ``(parent path, field name, index or None)``,
    with ``None`` for the record itself. It is built cheaply while checking and rendered only
    for a problem.
    """
    parts: list[str] = []
    while at is not None:
        at, name, index = at
        parts.append(name if index is None else f"{name}[{index}]")
    return ".".join(reversed(parts)) or None


class Known:
    """What the files checked so far hold: the ids a later file may refer to, and source texts."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.spans: dict[str, Span] = {}
        """Spans found to quote ``texts``, by their text: a span met again is this one, shared."""
        self.ids: dict[str, set[str] | frozenset[str]] = {target: set() for target in TARGETS}
        self.ids["group"] = _GROUPS
        self.names: dict[str, dict[str, str]] = {target: {} for target in TARGETS}
        """Per target, every name and alias (as written) -> id: for suggestions."""
        self.folded: dict[str, dict[str, str]] = {target: {} for target in TARGETS}
        self.loaded: set[str] = {"group"}
        """Targets whose ids are all known (their kind is loaded)."""
        self.unreadable: set[str] = set()
        """Sources whose record or text has a problem of its own: spans citing them go unchecked."""
        self.unreadable_kinds: set[str] = set()
        """Data files (``"members"``) that could not be read at all: references to them go
        unchecked (the file's own problem is reported)."""
        self.records: dict[str, dict[str, Any]] = {}
        """Per kind, id -> record, for the rules that compare records of one kind."""
        self.deferred: list[tuple[str, str | None, str | None, str, str]] = []
        """References to a kind loaded later (a source lists its meetings):
        ``(file, record, field, target, id)``, checked when that kind is loaded."""

    def loaded_kind(self, kind: Kind, problems: list[Problem]) -> None:
        """Mark ``kind`` (and what it holds) loaded; check the references that waited for it."""
        targets = {kind.target, *(t for t, (name, _) in NESTED.items() if name == kind.name)}
        self.loaded.update(targets)
        waiting = [entry for entry in self.deferred if entry[3] in targets]
        self.deferred = [entry for entry in self.deferred if entry[3] not in targets]
        for file, record, field, target, ident in waiting:
            if ident not in self.ids[target]:
                message = unknown(target, ident, self.ids[target], self.names[target])
                problems.append(Problem(file, record, field, message))


class Checker:
    """Collects problems for one file; ``at`` names the record currently checked."""

    def __init__(self, known: Known, problems: list[Problem]) -> None:
        self.file = ""
        self.known = known
        self.ids = known.ids
        self.problems = problems
        self.record: str | None = None

    def at(self, file: str, record: str) -> None:
        self.file = file
        self.record = record

    def problem(self, at: Any, message: str) -> None:
        self.problems.append(Problem(self.file, self.record, render(at), message))

    def span_ok(self, span: Span) -> bool:
        """Whether ``span`` quotes its source exactly: the fast test, before any message."""
        text = self.known.texts.get(span.source)
        return (
            text is not None
            and text[span.start : span.end] == span.text
            and (0 <= span.start <= span.end <= len(text))
        )

    def span(self, at: Any, span: Span) -> None:
        """Report what is wrong with a span that :meth:`span_ok` rejected."""
        known = self.known
        text = known.texts.get(span.source)
        if text is None:
            if span.source in known.unreadable or "sources" in known.unreadable_kinds:
                return
            self.problem((at, "source", None), unknown("source", span.source, known.texts))
        elif not 0 <= span.start <= span.end <= len(text):
            self.problem(
                at,
                f"span {span.start}-{span.end} lies outside source {span.source!r} (0-{len(text)})",
            )
        else:
            found = text[span.start : span.end]
            self.problem(
                (at, "text", None),
                f"span text {_clip(span.text)!r} does not match the source, which has "
                f"{_clip(found)!r} at {span.start}-{span.end}",
            )

    def unknown(self, at: Any, target: str, ident: str) -> None:
        """Report (or, for a kind not loaded yet, defer) an id that names no ``target``."""
        known = self.known
        if kind_of_target(target) in known.unreadable_kinds:
            return
        if target not in known.loaded:
            known.deferred.append((self.file, self.record, render(at), target, ident))
            return
        if ident not in known.ids[target]:
            self.problem(at, unknown(target, ident, known.ids[target], known.names[target]))

    def ref(self, at: Any, ref: Ref, allowed: tuple[str, ...] | None) -> None:
        """Report a ref of a kind the field does not allow, or to an unknown record or group."""
        kind = ref.kind.value
        if allowed is not None and kind not in allowed:
            self.problem(at, f"only {_plural(allowed)} may be named here, not {kind} {ref.id!r}")
        elif kind == "group":
            self.problem(at, f"unknown group {ref.id!r}; groups are {sorted(_GROUPS)}")
        else:
            self.unknown(at, kind, ref.id)

    def names(self, target: str, ident: str, name: str, aliases: Iterable[str], field: str) -> None:
        """Record the names of a record; a name that (folded) already names another is wrong.

        Lookups ignore case, accents and punctuation, so each folded name must be one record's
        (a name of punctuation alone folds to nothing and names nothing).
        """
        owners = self.known.folded[target]
        written = self.known.names[target]
        for i, text in enumerate((ident, name, *aliases)):
            at = (
                None,
                "id" if i == 0 else field if i == 1 else "aliases",
                i - 2 if i > 1 else None,
            )
            written.setdefault(text, ident)
            key = fold(text)
            if not key:
                if i:  # an id's own problems are reported by check_id
                    self.problem(at, f"name {text!r} has no letter or digit to look it up by")
                continue
            owner = owners.setdefault(key, ident)
            if owner != ident:
                self.problem(at, f"name {text!r} already names {target} {owner!r}")


# -- generation ------------------------------------------------------------------------------

_FUNCTIONS: dict[type[Any], Callable[[Any, Checker, Any], None] | None] = {}
_SOURCES: dict[type[Any], str] = {}
_LOCK = threading.RLock()


def check_function(cls: type[Any]) -> Callable[[Any, Checker, Any], None] | None:
    """The generated check of ``cls`` (``None`` when its fields hold nothing to check)."""
    if cls not in _FUNCTIONS:
        with _LOCK:
            if cls not in _FUNCTIONS:
                _FUNCTIONS[cls] = _generate(cls)
    return _FUNCTIONS[cls]


def inferable_fields(cls: type[Any]) -> tuple[str, ...]:
    """The fields of ``cls`` that an ``inferred`` entry may name."""
    return tuple(
        f.name
        for f in attrs.fields(cls)
        if f.name not in ("id", "span", "inferred") and f.metadata.get(INFERABLE, True) and f.init
    )


def allowed_kinds(
    namespace: dict[str, Any], cls: type[Any], field: Any
) -> tuple[str, tuple[str, ...] | None]:
    """The name under which a generated function finds the ref kinds a :class:`Ref` field of
    ``cls`` allows (``None``: any), and those kinds; the name with ``_set`` is them as a set.
    Both are put in ``namespace``."""
    target = field.metadata.get(REFERS_TO)
    allowed = None if target is None else ((target,) if isinstance(target, str) else tuple(target))
    name = f"_allowed_{cls.__name__}_{field.name}"
    namespace[name] = allowed
    namespace[f"{name}_set"] = frozenset(allowed or ())
    return name, allowed


def span_failed(t: str, part: Callable[[str], str], lookup: str) -> tuple[str, str]:
    """A source line that finds a span's source text (into ``t``, through the expression
    ``lookup``, a ``texts.get``), and the condition under which the span does not quote it
    exactly: one test, written out by the checks here and by the verifying structuring
    functions (:mod:`._structure`). ``part`` gives the expression of each part of the span
    (``"source"``, ``"start"``, ``"end"``, ``"text"``)."""
    source, start, end, text = (part(name) for name in ("source", "start", "end", "text"))
    return (
        f"{t} = {lookup}({source})",
        f"{t} is None or {t}[{start} : {end}] != {text} or not 0 <= {start} <= {end} <= len({t})",
    )


def ref_failed(value: str, allowed: str | None) -> str:
    """The condition under which a :class:`Ref` names no known record of an allowed kind (a
    ref's kind is a str enum: it finds its ids and its allowed kinds as its value would,
    without the cost of reading ``.value``, an enum property)."""
    test = f"{value}.id not in ids[{value}.kind]"
    return test if allowed is None else f"{value}.kind not in {allowed}_set or {test}"


_INLINE_DEPTH = 4
"""How deep nested record classes' checks are written inline in their holder's check."""


class _CheckWriter:
    """Writes one class's check, with the checks of the records it holds inline (a loop, not a
    call per nested record) and each span's test written out (no method call per span)."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {}
        self.head: dict[str, str] = {}
        self.counter = 0
        self.stack: list[type[Any]] = []

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def body(self, cls: type[Any], obj: str, at: str) -> list[str]:
        """Lines checking the record ``obj`` of class ``cls``, whose path is the expression
        ``at`` (evaluated only for a problem)."""
        attrs.resolve_types(cls)
        self.stack.append(cls)
        body: list[str] = []
        for f in attrs.fields(cls):
            if not f.init:
                continue
            item, optional, many = type_shape(f.type)
            target = f.metadata.get(REFERS_TO)
            value = self.fresh("x")
            index = self.fresh("i") if many else None
            where = f"({at}, {f.name!r}, {index if many else None})"
            lines: list[str] = []
            if item is Span:
                self.head["texts"] = "texts = c.known.texts"
                find, failed = span_failed(self.fresh("t"), f"{value}.{{}}".format, "texts.get")
                lines = [find, f"if {failed}:", f"    c.span({where}, {value})"]
            elif item is Ref:
                name, allowed = allowed_kinds(self.namespace, cls, f)
                self.head["ids"] = "ids = c.ids"
                test = ref_failed(value, None if allowed is None else name)
                lines = [f"if {test}:", f"    c.ref({where}, {value}, {name})"]
            elif isinstance(target, str):
                self.head[f"ids_{target}"] = f"ids_{target} = c.ids[{target!r}]"
                lines = [
                    f"if {value} not in ids_{target}:",
                    f"    c.unknown({where}, {target!r}, {value})",
                ]
            elif item is Inference:
                inferable = inferable_fields(cls)
                name = f"_inferable_{cls.__name__}"
                self.namespace[name] = frozenset(inferable)
                self.namespace[f"{name}_text"] = (
                    f"{cls.__name__} fields that can be: {', '.join(inferable)}"
                )
                lines = [
                    f"if {value}.field not in {name}:",
                    f"    c.problem(({where}, 'field', None), "
                    f"f'no field {{{value}.field!r}} to mark as inferred ({{{name}_text}})')",
                ]
            elif isinstance(item, type) and attrs.has(item):
                if item not in self.stack and len(self.stack) < _INLINE_DEPTH:
                    lines = self.body(item, value, where)
                else:
                    nested = check_function(item)
                    if nested is not None:
                        self.namespace[f"_check_{item.__name__}"] = nested
                        lines = [f"_check_{item.__name__}({value}, c, {where})"]
            if not lines:
                continue
            if many:
                body += [
                    f"for {index}, {value} in enumerate({obj}.{f.name}):",
                    *("    " + line for line in lines),
                ]
            elif optional:
                body += [
                    f"{value} = {obj}.{f.name}",
                    f"if {value} is not None:",
                    *("    " + line for line in lines),
                ]
            else:
                body += [f"{value} = {obj}.{f.name}", *lines]
        self.stack.pop()
        return body


def _generate(cls: type[Any]) -> Callable[[Any, Checker, Any], None] | None:
    writer = _CheckWriter()
    body = writer.body(cls, "o", "at")
    if not body:
        return None
    namespace = writer.namespace
    source = "\n".join(
        ["def check(o, c, at):", *("    " + line for line in (*writer.head.values(), *body))]
    )
    from ._codecache import compiled

    code = compiled(source + "\n", f"<baliprocess checks {cls.__qualname__}>")
    exec(code, namespace)
    _SOURCES[cls] = source + "\n"
    return namespace["check"]  # type: ignore[no-any-return]


# -- one kind --------------------------------------------------------------------------------


def check_id(file: str, ident: str, seen: set[str], problems: list[Problem]) -> None:
    """An id must be a non-empty slug (no whitespace, no colon) and unique within its kind."""
    # ``ident.split() == [ident]``: no whitespace (split uses str.isspace's rule), in C.
    if not ident or ":" in ident or ident.split() != [ident]:
        problems.append(Problem(file, ident, "id", f"id {ident!r} must be a slug"))
    elif ident in seen:
        problems.append(Problem(file, ident, "id", f"duplicate id {ident!r}"))
    seen.add(ident)


def register(
    kind: Kind, pairs: list[tuple[str, Any]], known: Known, problems: list[Problem]
) -> None:
    """Make the ids of the kind's records (and of the records they hold) known."""
    seen: set[str] = set()
    for file, record in pairs:
        check_id(file, record.id, seen, problems)
    known.ids[kind.target].update(seen)  # type: ignore[union-attr]
    known.records[kind.name] = {record.id: record for _, record in pairs}
    for target, (name, field) in NESTED.items():
        if name != kind.name:
            continue
        ids = known.ids[target]
        every = [held.id for _, record in pairs for held in getattr(record, field)]
        if len(set(every)) == len(every) and ids.isdisjoint(every):
            ids.update(every)  # type: ignore[union-attr]
            continue  # the common case: no id given twice, no loop to find where
        for file, record in pairs:
            for i, held in enumerate(getattr(record, field)):
                if held.id in ids:
                    at = ((None, field, i), "id", None)
                    problems.append(
                        Problem(file, record.id, render(at), f"duplicate {target} id {held.id!r}")
                    )
                ids.add(held.id)  # type: ignore[union-attr]


def check_kind(
    kind: Kind,
    pairs: list[tuple[str, Any]],
    known: Known,
    problems: list[Problem],
    verified: list[bool] | None = None,
) -> None:
    """Every check of one kind's records: the generated checks, names and the kind's rules.

    ``verified`` says, record by record, whether structuring already found every span,
    reference and inferred field sound (:func:`._structure.verifying_function`): the generated
    check of such a record would find nothing, so it is skipped.
    """
    c = Checker(known, problems)
    rule = kind.rule()
    name_field = kind.name_field
    target = kind.target
    for i, (file, record) in enumerate(pairs):
        c.at(file, record.id)
        if name_field is not None:
            c.names(target, record.id, getattr(record, name_field), record.aliases, name_field)
        if not (verified is not None and verified[i]):
            check = check_function(kind.cls)  # generated when first needed: often never
            if check is not None:
                check(record, c, None)
        if rule is not None:
            rule(c, record)


# -- messages --------------------------------------------------------------------------------


def _plural(targets: tuple[str, ...]) -> str:
    """``members, bodies or groups``, in the order given."""
    from ._registry import BY_TARGET

    names = [BY_TARGET[t].name if t in BY_TARGET else f"{t}s" for t in targets]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def unknown(
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
