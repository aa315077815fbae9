"""The machinery of the models: field metadata, the record decorator, the dataset link.

Private: the public building blocks (spans, refs, ...) are in :mod:`baliprocess.models.common`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = [
    "INFERABLE",
    "REFERS_TO",
    "Linked",
    "dataset_of",
    "field",
    "record_class",
    "type_shape",
]

REFERS_TO = "baliprocess.refers_to"
"""Field metadata key: what the ids a field holds refer to.

For a ``str`` field (or a tuple of them), one target: ``"member"``, ``"body"``, ``"document"``,
``"meeting"``, ``"outcome"``, ``"commitment"`` or ``"source"``. For a :class:`Ref` field, the ref
kinds it may take (``("member", "body", "group")``); a :class:`Ref` field without it may take any.
"""

INFERABLE = "baliprocess.inferable"
"""Field metadata key: ``False`` for a field that can never be marked inferred (the words of the
statement, codes, structure). Every other data field but ``id``, ``span`` and ``inferred`` can be.
"""


def type_shape(kind: Any) -> tuple[Any, bool, bool]:
    """``(item type, optional, many)`` of a field type ``X``, ``X | None``, ``tuple[X, ...]``
    (or ``tuple[X, ...] | None``): what the structuring, checks, tables and display walk."""
    import typing

    args = typing.get_args(kind)
    optional = bool(args) and type(None) in args
    if optional:
        (kind,) = [a for a in args if a is not type(None)]
        args = typing.get_args(kind)
    many = typing.get_origin(kind) is tuple
    return (args[0] if many else kind), optional, many


def field(
    *,
    refers_to: str | tuple[str, ...] | None = None,
    inferable: bool = True,
    **kwargs: Any,
) -> Any:
    """An attrs field with the metadata the checks, exports and strategies read.

    ``refers_to`` says what the field's ids refer to (see :data:`REFERS_TO`); ``inferable=False``
    says it can never be marked inferred. The checks of every kind of record are derived from
    this metadata: a new field that declares its reference is checked with no other change.
    """
    metadata: dict[str, Any] = {}
    if refers_to is not None:
        metadata[REFERS_TO] = refers_to
    if not inferable:
        metadata[INFERABLE] = False
    return attrs.field(metadata=metadata, **kwargs)


_T = TypeVar("_T")
_REPR_PLANS: dict[type, tuple[tuple[str, str], ...]] = {}


def _repr_plan(cls: type) -> tuple[tuple[str, str], ...]:
    """``(field, shape)`` of the fields a short repr shows, found once per class.

    Shapes: ``value``, ``date``, ``vocabulary``, ``record``, ``records`` (a tuple of records,
    shown as a count), ``values`` (a tuple of plain values). A record with an ``id`` among
    several fields shows its id, its name or title, its ``kind``, its dates and the counts of
    its nested rows; a small record (a span, a row) shows every field.
    """
    plan = _REPR_PLANS.get(cls)
    if plan is not None:
        return plan
    import datetime
    import enum
    import typing

    attrs.resolve_types(cls)
    fields = [f for f in attrs.fields(cls) if f.repr and f.init]
    shaped: list[tuple[str, str]] = []
    for f in fields:
        kind, args = f.type, typing.get_args(f.type)
        if args and type(None) in args:
            (kind,) = [a for a in args if a is not type(None)]
            args = typing.get_args(kind)
        many = typing.get_origin(kind) is tuple
        item = args[0] if many else kind
        if many:
            shape = "records" if attrs.has(item) else "values"
        elif attrs.has(item):
            shape = "record"
        elif isinstance(item, type) and issubclass(item, enum.Enum):
            shape = "vocabulary"
        elif item is datetime.date:
            shape = "date"
        else:
            shape = "value"
        shaped.append((f.name, shape))
    names = [name for name, _ in shaped]
    if "id" in names and len(names) > 3:
        plain_text = {f.name for f in fields if f.type is str and REFERS_TO not in f.metadata}
        first_text = next((n for n, s in shaped if n in plain_text and n != "id"), None)
        shaped = [
            (n, s) for n, s in shaped if n in ("id", first_text, "kind") or s in ("date", "records")
        ]
    plan = _REPR_PLANS[cls] = tuple(shaped)
    return plan


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _short(value: Any, shape: str) -> str:
    if shape == "date":
        return str(value)
    if shape == "vocabulary":
        return repr(value.value)
    if isinstance(value, str):
        return repr(_clip(value))
    return repr(value)


def _record_repr(self: Any) -> str:
    """``Meeting(id='ahg-som-15', title=..., start=2020-10-20, 29 attendance, 13 outcomes)``.

    One shared function for every record class, derived from its fields: a record with an id
    shows its id, name or title, kind and dates, and counts its nested rows; a small record (a
    span, an attendance row) shows every field. Dates are ISO, vocabularies their values.
    """
    parts = []
    for name, shape in _repr_plan(type(self)):
        value = getattr(self, name)
        if shape == "records":
            if value:
                parts.append(f"{len(value)} {name.replace('_', ' ')}")
        elif value is None and shape in ("date", "record"):
            continue
        else:
            parts.append(f"{name}={_short(value, shape)}")
    return f"{type(self).__qualname__}({', '.join(parts)})"


def _record_str(self: Any) -> str:
    """A one-line description: ``Meeting ahg-som-15: Fifteenth Meeting ... (2020-10-20..21)``."""
    plan = _repr_plan(type(self))
    names = dict(plan)
    dates = [str(getattr(self, n)) for n, s in plan if s == "date" and getattr(self, n)]
    when = f" ({'..'.join(dict.fromkeys(dates))})" if dates else ""
    if "id" in names and len(plan) > 2:
        label = next((getattr(self, n) for n, s in plan if s == "value" and n != "id"), None)
        text = f"{type(self).__name__} {self.id}" + (f": {_clip(label, 80)}" if label else "")
        return text + when
    parts = []
    for name, shape in plan:
        value = getattr(self, name)
        if value is None or shape in ("records", "record", "date") or value == ():
            continue
        shown = value.value if shape == "vocabulary" else value
        parts.append(f"{name}={_clip(str(shown), 40)}")
    return f"{type(self).__name__}: {', '.join(parts)}{when}"


def _record_html(self: Any) -> str:
    from .._display import record_html

    return record_html(self)


_BUNDLED = "baliprocess:bundled"
"""How a pickled record says it belongs to the bundled dataset (re-linked when unpickled)."""


def record_class(cls: type[_T]) -> type[_T]:
    """Finish a record class: one shared short repr, a one-line ``str``, an HTML display for
    notebooks (``_repr_html_``), and pickling without the dataset link.

    attrs compiles a repr per class, a large part of the cost of defining one. The link to the
    owning dataset is not data: a pickled or deep-copied record of the bundled dataset comes back
    linked to it; one of a user's dataset comes back detached.
    """
    cls.__repr__ = _record_repr  # type: ignore[method-assign]
    if "__str__" not in cls.__dict__:
        cls.__str__ = _record_str  # type: ignore[method-assign]
    cls._repr_html_ = _record_html  # type: ignore[attr-defined]
    attrs_getstate = cls.__getstate__  # type: ignore[attr-defined]
    attrs_setstate = cls.__setstate__  # type: ignore[attr-defined]
    if not issubclass(cls, Linked):
        return cls

    def __getstate__(self: Any) -> dict[str, Any]:
        state: dict[str, Any] = attrs_getstate(self)
        dataset = getattr(self, "_dataset", None)
        if dataset is not None and dataset is _bundled_dataset():
            state["_dataset"] = _BUNDLED
        return state

    def __setstate__(self: Any, state: dict[str, Any]) -> None:
        state = dict(state)
        link = state.pop("_dataset", None)
        attrs_setstate(self, state)
        if link == _BUNDLED:
            object.__setattr__(self, "_dataset", _bundled_dataset())

    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls


def _bundled_dataset() -> Any:
    from ..dataset import bundled

    return bundled()


class Linked:
    """Base of the records that answer questions about their dataset (``meeting.attendees()``).

    The link to the owning dataset is a slot of its own, not an attrs field: it is not data, so
    ``attrs.asdict``, equality, hashing, repr and exports never see it. It is set when the record
    is loaded into a dataset; a record built by hand or with ``attrs.evolve`` has none.

    The records that stand on their own (meetings, members, outcomes...) can be referred to
    weakly; the small records they hold (spans, rows, refs) cannot, which saves a slot in each.
    """

    __slots__ = ("__weakref__", "_dataset")


def dataset_of(obj: Any) -> Dataset:
    dataset = getattr(obj, "_dataset", None)
    if dataset is None:
        from ..errors import DetachedRecordError

        raise DetachedRecordError(
            f"{type(obj).__name__} {obj.id!r} is not attached to a dataset (built by hand, made "
            "with attrs.evolve, or copied from a dataset of your own); look it up through "
            "baliprocess or baliprocess.load(...) to follow its links"
        )
    return cast("Dataset", dataset)
