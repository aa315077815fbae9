"""The fast structuring path: parsed JSON -> model objects, generated from the attrs fields.

For each model class a structuring function is generated once, on first use, from
``attrs.fields`` (the way cattrs' ``make_dict_structure_fn`` and attrs' own ``__init__`` are
made): its source is written out, compiled and cached. It is exactly as strict as the cattrs
converter in :mod:`baliprocess._converter`: strict JSON types, no unknown keys, required keys
present, enum values, ISO dates, ``kind:id`` refs. The test suite proves with hypothesis that both
accept the same inputs and build equal objects.

What it does not do is explain: on the first problem it raises, and the loader then asks the
cattrs converter for the full, located list of problems. So cattrs is imported only when
something is wrong (or when a user exports), and a first answer costs only ``attrs`` and
``json``. A new field of a model is structured with no change here.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Callable
from typing import Any

import attrs

from .models._base import REFERS_TO, type_shape
from .models.common import Inference, Ref, Span
from .models.vocabularies import RefKind, _Vocabulary

__all__ = [
    "Invalid",
    "parse_date",
    "parse_ref",
    "release_shared",
    "source_of",
    "structure_function",
    "structurer",
]


class Invalid(Exception):
    """Raised by the fast path on the first problem; the loader then asks cattrs for details."""


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


_REFS: dict[str, Ref] = {}
"""Refs already parsed: they repeat a lot, and being immutable they can be shared."""
_REFS_LIMIT = 100_000
_REF_KINDS: dict[str, RefKind] = RefKind._value2member_map_  # type: ignore[assignment]


def parse_ref(value: Any) -> Ref:
    """A ``kind:id`` string such as ``member:AUS`` or ``group:members``."""
    if type(value) is not str:
        raise ValueError(f"expected a reference like 'member:AUS', got {value!r}")
    ref = _REFS.get(value)
    if ref is not None:
        return ref
    kind, sep, ident = value.partition(":")
    if not sep or not ident:
        raise ValueError(f"expected a reference like 'member:AUS', got {value!r}")
    try:
        ref = Ref(kind=_REF_KINDS[kind], id=ident)
    except KeyError:
        kinds = ", ".join(k.value for k in RefKind)
        raise ValueError(f"expected a reference kind ({kinds}), got {value!r}") from None
    if len(_REFS) >= _REFS_LIMIT:
        _REFS.clear()
    _REFS[value] = ref
    return ref


_SHARED: dict[Any, Any] = {}
"""Equal strings met while structuring, so that records share one object for each (ids,
wordings, span texts that repeat a field): a record holds references, not copies. Integers are
not shared: a call per offset cost more load time than the memory it saved. Emptied by
:func:`release_shared` when a load ends."""
_share = _SHARED.setdefault


def release_shared() -> None:
    """Forget the values shared so far (the records keep theirs)."""
    _SHARED.clear()


# -- generation ------------------------------------------------------------------------------

_MISSING = object()
"""What a generated function reads for an optional key that a dict leaves out."""

_SCALARS: dict[Any, str] = {str: "a string", int: "an integer", bool: "true or false"}
_FUNCTIONS: dict[tuple[type[Any], bool], Callable[..., Any]] = {}
_SOURCES: dict[tuple[type[Any], bool], str] = {}
_LOCK = threading.RLock()

Verifying = Callable[
    [Any, "dict[str, str]", "dict[str, Any]", "set[str]", "dict[str, Span]"],
    "tuple[Any, bool, list[Any] | None]",
]
"""``(raw, texts, ids, loaded, spans) -> (record, sound, waiting)``: see
:func:`verifying_function`."""


def structurer(key: str) -> tuple[type[Any], Callable[[Any], Any]]:
    """The record class of data file ``key`` (``"members"``) and its structuring function."""
    from ._registry import KINDS

    cls = KINDS[key].cls
    return cls, structure_function(cls)


def verifier(key: str) -> tuple[type[Any], Verifying]:
    """The record class of data file ``key`` and its verifying structuring function."""
    from ._registry import KINDS

    cls = KINDS[key].cls
    return cls, verifying_function(cls)


def structure_function(cls: type[Any]) -> Callable[[Any], Any]:
    """The structuring function of an attrs model class, generated and compiled on first use."""
    return _function(cls, verify=False)


def verifying_function(cls: type[Any]) -> Verifying:
    """The structuring function of ``cls`` that also tests, while the record's values are at
    hand, what the checks of :mod:`._checks` test: every span quotes its source text in
    ``texts``, every id a field refers to is in ``ids`` (``Known.ids``), every ``inferred``
    entry names an inferable field. It returns the record, whether every test passed, and the
    refs that must wait: those to a kind whose ids are not all known yet (not in ``loaded``:
    this kind, or one loaded later), which the loader tests once this kind's ids are known.
    ``spans`` (``Known.spans``) holds the spans that passed so far in the load, by text: a
    span equal to one of them is that one, shared rather than built and tested again.

    A record that passes needs no generated check afterwards (it would find nothing), which
    saves the loader a second walk over every record it holds. One that fails any test is
    checked as before, and the checks say what is wrong and where: the tests here only answer
    yes or no, written from the same metadata and the same test expressions as the checks.
    """
    return _function(cls, verify=True)


def _function(cls: type[Any], *, verify: bool) -> Callable[..., Any]:
    key = (cls, verify)
    function = _FUNCTIONS.get(key)
    if function is None:
        with _LOCK:
            function = _FUNCTIONS.get(key)
            if function is None:
                function = _FUNCTIONS[key] = _generate(cls, verify=verify)
    return function


def source_of(cls: type[Any], *, verify: bool = False) -> str:
    """The generated source of ``cls``'s structuring function (to read, or to debug)."""
    _function(cls, verify=verify)
    return _SOURCES[cls, verify]


def __getattr__(name: str) -> Any:
    if name == "STRUCTURERS":
        # Every kind's class -> its structuring function (imports every kind; for tests).
        from ._registry import KINDS

        return dict(structurer(key) for key in KINDS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _indent(lines: list[str], depth: int = 1) -> list[str]:
    return ["    " * depth + line for line in lines]


class _Generator:
    """Writes the source of one class's structuring function.

    Nested record classes are written inline (a loop, not a call per nested record), down to
    :data:`_INLINE_DEPTH`; a class that holds itself is called, not inlined. A plain class
    (:func:`_plain`) is built as attrs' own ``__init__`` would build it, with
    ``object.__new__`` and a store through each slot's descriptor.
    """

    def __init__(self, cls: type[Any], *, verify: bool = False) -> None:
        self.cls = cls
        self.verify = verify
        self.head: dict[str, str] = {}
        """Lines that start a verifying function (``ids_member = ids["member"]``), once each."""
        self.namespace: dict[str, Any] = {
            "Invalid": Invalid,
            "_parse_date": parse_date,
            "_parse_ref": parse_ref,
            "_REFS": _REFS,
            "_cached_ref": _REFS.__getitem__,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_share": _share,
            "_MISSING": _MISSING,
        }
        self.counter = 0
        self.stack: list[type[Any]] = []

    def fresh(self, prefix: str) -> str:
        """A variable name used nowhere else in the function."""
        self.counter += 1
        return f"{prefix}{self.counter}"

    def name_for(self, prefix: str, kind: type[Any], thing: Any) -> str:
        """A name in the generated function's namespace for ``thing`` (about type ``kind``)."""
        name = f"_{prefix}_{kind.__name__}"
        self.namespace[name] = thing
        return name

    def convert(self, kind: Any, src: str, dst: str) -> list[str]:
        """Lines that check ``src`` against type ``kind`` and assign the value to ``dst``."""
        import typing

        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if args and type(None) in args:
            (inner,) = [a for a in args if a is not type(None)]
            inner_lines = _indent(self.convert(inner, src, dst))
            return [f"if {src} is None:", f"    {dst} = None", "else:", *inner_lines]
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            lines = [f"if type({src}) is not list:", "    raise Invalid('expected a list')"]
            if item in _SCALARS:
                var = self.fresh("item")
                lines += [
                    f"for {var} in {src}:",
                    f"    if type({var}) is not {item.__name__}:",
                    f"        raise Invalid('expected {_SCALARS[item]}')",
                    f"{dst} = tuple([_share({var}, {var}) for {var} in {src}])"
                    if item is str
                    else f"{dst} = tuple({src})",
                ]
            elif item is Ref:
                # Refs repeat: most are found in the cache, all at once and in C; a list with a
                # ref not parsed yet (or not a ref at all) goes through the parser.
                var = self.fresh("item")
                lines += [
                    "try:",
                    f"    {dst} = tuple(map(_cached_ref, {src}))",
                    "except (KeyError, TypeError):",
                    f"    {dst} = tuple([{self.call(item, var)} for {var} in {src}])",
                ]
            elif self.inlined(item):
                var, out, built = self.fresh("item"), self.fresh("out"), self.fresh("r")
                lines += [
                    f"if {src}:",
                    f"    {out} = []",
                    f"    for {var} in {src}:",
                    *_indent(self.record(item, var, built), 2),
                    f"        {out}.append({built})",
                    f"    {dst} = tuple({out})",
                    "else:",
                    f"    {dst} = ()",
                ]
            else:
                var = self.fresh("item")
                lines.append(f"{dst} = tuple([{self.call(item, var)} for {var} in {src}])")
            return lines
        if kind in _SCALARS:
            return [
                f"if type({src}) is not {kind.__name__}:",
                f"    raise Invalid('expected {_SCALARS[kind]}')",
                f"{dst} = {src}" if kind is not str else f"{dst} = _share({src}, {src})",
            ]
        if self.inlined(kind):
            return self.record(kind, src, dst)
        return [f"{dst} = {self.call(kind, src)}"]

    def inlined(self, kind: Any) -> bool:
        return (
            isinstance(kind, type)
            and kind is not Ref
            and attrs.has(kind)
            and kind not in self.stack
            and len(self.stack) < _INLINE_DEPTH
        )

    def call(self, kind: Any, src: str) -> str:
        """An expression structuring ``src`` as ``kind`` (a date, enum, ref or record)."""
        if kind is _dt.date:
            return f"_parse_date({src})"
        if kind is Ref:
            # A ref already parsed is one dict lookup (an unhashable value raises TypeError).
            return f"(_REFS[{src}] if {src} in _REFS else _parse_ref({src}))"
        if isinstance(kind, type) and issubclass(kind, _Vocabulary):
            # value -> member: a dict lookup, much faster than calling the enum; an unknown
            # value raises KeyError (an unhashable one TypeError), a rejection like any other.
            return f"{self.name_for('values', kind, kind._value2member_map_)}[{src}]"
        if isinstance(kind, type) and attrs.has(kind):
            return f"{self.name_for('structure', kind, structure_function(kind))}({src})"
        raise TypeError(f"{self.cls.__name__}: no structuring for type {kind!r}")

    def record(self, cls: type[Any], src: str, dst: str) -> list[str]:
        """Lines that structure the dict ``src`` as a ``cls`` record into ``dst``."""
        attrs.resolve_types(cls)
        self.stack.append(cls)
        fields = [f for f in attrs.fields(cls) if f.init]
        name = cls.__name__
        self.namespace[f"_cls_{name}"] = cls
        # No unknown key. A dict with as many keys as the class has fields (as every writer
        # writes them) has them all: each is read, and a missing one raises KeyError (an
        # unknown key stands in its place), a rejection like any other. Otherwise the optional
        # keys present are counted, so that the dict's size tells whether any other is left.
        # Every value is read first (an optional one left out reads as _MISSING), then each is
        # structured.
        required = sum(1 for f in fields if f.default is attrs.NOTHING)
        lines = [f"if type({src}) is not dict:", f"    raise Invalid('expected a {name} object')"]
        raw = {f.name: self.fresh("v") for f in fields}
        read = [f"{raw[f.name]} = {src}[{f.alias!r}]" for f in fields]
        wrong_keys = f"    raise Invalid('expected a {name} object with known keys')"
        if required == len(fields):
            lines += [*read, f"if len({src}) != {len(fields)}:", wrong_keys]
        else:
            count = self.fresh("n")
            counted = [f"{count} = {required}"]
            for f, line in zip(fields, read, strict=True):
                if f.default is attrs.NOTHING:
                    counted.append(line)
                else:
                    counted += [
                        f"if {f.alias!r} in {src}:",
                        f"    {count} += 1",
                        f"    {line}",
                        "else:",
                        f"    {raw[f.name]} = _MISSING",
                    ]
            lines += [
                f"if len({src}) == {len(fields)}:",
                *_indent(read),
                "else:",
                *_indent(counted),
                f"    if len({src}) != {count}:",
                f"    {wrong_keys}",
            ]
        read_at = len(lines)
        values = {}
        for f in fields:
            var = values[f.name] = self.fresh(f"x_{f.alias}_")
            v = raw[f.name]
            body = self.convert(f.type, v, var)
            if self.verify:
                body += self.tests(cls, f, var)
            if f.default is attrs.NOTHING:
                lines += body
            else:
                default = f"_default_{name}_{f.alias}"
                self.namespace[default] = f.default
                lines += [f"if {v} is _MISSING:", f"    {var} = {default}", "else:", *_indent(body)]
        builder = _builder(cls) if _plain(cls) else None
        if builder is not None:
            # Filled in as a mutable twin of the class, then made a ``cls``: plain stores to
            # slots, the fastest way CPython has to fill an object (see :func:`_builder`).
            self.namespace[f"_builder_{name}"] = builder
            lines.append(f"{dst} = _new(_builder_{name})")
            lines += [f"{dst}.{f.name} = {values[f.name]}" for f in fields]
            lines.append(f"{dst}.__class__ = _cls_{name}")
        elif _plain(cls):
            # What attrs' own __init__ would do, without its per-call setattr lookup (which is
            # most of the cost of building a small frozen record): the values are checked above.
            lines.append(f"{dst} = _new(_cls_{name})")
            for f in fields:
                slot = _slot_setter(cls, f.name)
                if slot is None:
                    lines.append(f"_set({dst}, {f.name!r}, {values[f.name]})")
                else:
                    setter = f"_slot_{name}_{f.name}"
                    self.namespace[setter] = slot
                    lines.append(f"{setter}({dst}, {values[f.name]})")
        else:
            arguments = ", ".join(f"{f.alias}={values[f.name]}" for f in fields)
            lines.append(f"{dst} = _cls_{name}({arguments})")
        if self.verify and cls is Span:
            lines = self.span_verified(lines, read_at, raw, values, dst)
        self.stack.pop()
        return lines

    def span_verified(
        self, lines: list[str], read_at: int, raw: dict[str, str], values: dict[str, str], dst: str
    ) -> list[str]:
        """``lines``, which build the span ``dst``, with its test added, behind a lookup of the
        spans verified so far (``spans``, by text; per load, since they are verified against
        its texts). A span equal to one found there is that span: immutable, it is shared, and
        not tested again. Any other is built and tested, and kept there if it passes.
        """
        from ._checks import span_failed

        self.head["texts"] = "texts_get = texts.get"
        self.head["spans"] = "spans_get = spans.get"
        find, failed = span_failed(self.fresh("t"), values.__getitem__, "texts_get")
        seen = self.fresh("seen")
        source, start, end, text = (raw[name] for name in ("source", "start", "end", "text"))
        same = (
            f"{seen} is not None and {seen}.start == {start} and {seen}.end == {end} and "
            f"{seen}.source == {source} and type({start}) is int and type({end}) is int"
        )
        built = [*lines[read_at:], find, f"if {failed}:", "    ok = False", "else:"]
        built.append(f"    spans[{values['text']}] = {dst}")
        return [
            *lines[:read_at],
            f"{seen} = spans_get({text})",
            f"if {same}:",
            f"    {dst} = {seen}",
            "else:",
            *_indent(built),
        ]

    def tests(self, cls: type[Any], f: Any, var: str) -> list[str]:
        """Lines that set ``ok = False`` when field ``f`` of ``cls``, structured into ``var``,
        fails what :mod:`._checks` tests of it (spans are tested where they are built)."""
        from ._checks import allowed_kinds, inferable_fields, ref_failed

        if cls is Span:
            return []  # a span is tested whole where it is built, as the checks test it
        item, optional, many = type_shape(f.type)
        target = f.metadata.get(REFERS_TO)
        each = self.fresh("e") if many else var
        if item is Ref:
            # A ref to a kind whose ids are not all known yet (this kind, or one loaded later)
            # waits: the loader tests it again once this kind's ids are known.
            name, allowed = allowed_kinds(self.namespace, cls, f)
            unknown = [
                f"if {ref_failed(each, None)}:",
                f"    if {each}.kind in loaded:",
                "        ok = False",
                "    elif waiting is None:",
                f"        waiting = [{each}]",
                "    else:",
                f"        waiting.append({each})",
            ]
            if allowed is not None:
                first = [f"if {each}.kind not in {name}_set:", "    ok = False"]
                unknown = [*first, "el" + unknown[0], *unknown[1:]]
            return self.around(unknown, each, var, many, optional)
        if isinstance(target, str) and item is str:
            self.head[f"ids_{target}"] = f"ids_{target} = ids[{target!r}]"
            test = f"{each} not in ids_{target}"
        elif item is Inference:
            name = f"_inferable_{cls.__name__}"
            self.namespace[name] = frozenset(inferable_fields(cls))
            test = f"{each}.field not in {name}"
        elif attrs.has(item) and not self.inlined(item):
            # Structured by a call, untested: the record is checked in full afterwards.
            return ["ok = False"]
        else:
            return []
        return self.around([f"if {test}:", "    ok = False"], each, var, many, optional)

    @staticmethod
    def around(lines: list[str], each: str, var: str, many: bool, optional: bool) -> list[str]:
        """``lines`` testing ``each``, run for each item of ``var`` or for ``var`` itself."""
        if many:
            lines = [f"for {each} in {var}:", *_indent(lines)]
        if optional:
            lines = [f"if {var} is not None:", *_indent(lines)]
        return lines

    def source(self) -> str:
        body = self.record(self.cls, "d", "o")
        if not self.verify:
            lines = ["def structure(d):", *_indent(body), "    return o"]
        else:
            start = ["ok = True", "waiting = None", *self.head.values()]
            lines = [
                "def structure(d, texts, ids, loaded, spans):",
                *_indent([*start, *body, "return o, ok, waiting"]),
            ]
        return "\n".join(lines) + "\n"


_INLINE_DEPTH = 4
"""How deep nested record classes are written inline in their holder's structuring function."""


def _slot_setter(cls: type[Any], name: str) -> Callable[[Any, Any], None] | None:
    """The ``__set__`` of the slot descriptor that stores field ``name`` of ``cls``."""
    import types

    for klass in cls.__mro__:
        descriptor = klass.__dict__.get(name)
        if descriptor is not None:
            if type(descriptor) is types.MemberDescriptorType:
                return descriptor.__set__
            return None
    return None


_BUILDERS: dict[type[Any], type[Any] | None] = {}


def _builder(cls: type[Any]) -> type[Any] | None:
    """A mutable twin of the plain record class ``cls``, or ``None`` where CPython refuses one.

    A frozen attrs class refuses attribute stores (its ``__setattr__`` raises), so attrs' own
    ``__init__`` and the slot setters store each value through a call. The twin has the same
    bases and the same slots, and no ``__setattr__`` of its own, so each store is a plain slot
    store; once filled, the object's ``__class__`` is set to ``cls`` (allowed because the two
    lay their objects out alike). The object is then a ``cls`` in every respect, exactly as if
    attrs had built it. Whether CPython accepts the switch is tried once, on an empty object: a
    class it refuses (one with a ``__weakref__`` slot, on some versions) is built through its
    slot setters instead.
    """
    if cls in _BUILDERS:
        return _BUILDERS[cls]
    builder: type[Any] | None = None
    if not any("__setattr__" in base.__dict__ for base in cls.__mro__[1:-1]):
        twin = type(f"_{cls.__name__}Builder", cls.__bases__, {"__slots__": cls.__slots__})
        probe: Any = object.__new__(twin)
        try:
            probe.__class__ = cls
        except TypeError:
            pass
        else:
            builder = twin
    _BUILDERS[cls] = builder
    return builder


def _plain(cls: type[Any]) -> bool:
    """Whether attrs' ``__init__`` of ``cls`` only stores its arguments: a slotted class with
    no validator, converter, non-init field or post-init hook."""
    return (
        "__slots__" in cls.__dict__
        and not any("hash" in slot for slot in cls.__slots__)
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "__attrs_post_init__")
        and all(f.init and f.validator is None and f.converter is None for f in attrs.fields(cls))
    )


def _generate(cls: type[Any], *, verify: bool) -> Callable[..., Any]:
    generator = _Generator(cls, verify=verify)
    source = generator.source()
    from ._codecache import compiled

    how = "verifying structuring" if verify else "structuring"
    code = compiled(source, f"<baliprocess {how} {cls.__qualname__}>")
    exec(code, generator.namespace)
    _SOURCES[cls, verify] = source
    return generator.namespace["structure"]  # type: ignore[no-any-return]
