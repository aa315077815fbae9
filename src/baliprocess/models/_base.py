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
_REPR_FIELDS: dict[type, tuple[str, ...]] = {}


def _record_repr(self: Any) -> str:
    """``Member(id='AUS', ...)``: the repr attrs would write, from one shared function."""
    cls = type(self)
    names = _REPR_FIELDS.get(cls)
    if names is None:
        names = _REPR_FIELDS[cls] = tuple(a.name for a in attrs.fields(cls) if a.repr)
    values = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
    return f"{cls.__qualname__}({values})"


_BUNDLED = "baliprocess:bundled"
"""How a pickled record says it belongs to the bundled dataset (re-linked when unpickled)."""


def record_class(cls: type[_T]) -> type[_T]:
    """Finish a record class: one shared attrs-style repr, and pickling without the dataset link.

    attrs compiles a repr per class, a large part of the cost of defining one. The link to the
    owning dataset is not data: a pickled or deep-copied record of the bundled dataset comes back
    linked to it; one of a user's dataset comes back detached.
    """
    cls.__repr__ = _record_repr  # type: ignore[method-assign]
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
    """

    __slots__ = ("_dataset",)


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
