"""Shared building blocks of the record: spans, inferences, refs, passages, the decorator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from .vocabularies import RefKind

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["Inference", "Passage", "Ref", "Span", "dataset_of", "link", "record_class"]


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
    if "_dataset" not in getattr(cls, "__slots__", ()):
        return cls

    def __getstate__(self: Any) -> dict[str, Any]:
        state: dict[str, Any] = attrs_getstate(self)
        dataset = state.pop("_dataset", None)
        if dataset is not None and dataset is _bundled_dataset():
            state["_dataset"] = _BUNDLED
        return state

    def __setstate__(self: Any, state: dict[str, Any]) -> None:
        state = dict(state)
        link = state.pop("_dataset", None)
        attrs_setstate(self, state)
        object.__setattr__(self, "_dataset", _bundled_dataset() if link == _BUNDLED else None)

    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls


def _bundled_dataset() -> Any:
    from ..dataset import bundled

    return bundled()


def link() -> Any:
    """The private back-reference to the owning dataset: not data, never compared or exported."""
    return attrs.field(default=None, init=False, repr=False, eq=False, hash=False)


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Span:
    """The exact words of a source that a fact came from: ``source.text[start:end] == text``.

    Offsets count Unicode code points (Python ``str`` indices) into the decoded source text.
    """

    source: str
    start: int
    end: int
    text: str


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Inference:
    """A value that is inferred rather than stated: which field, and why."""

    field: str
    reason: str


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Ref:
    """A typed pointer to another record (``member:AUS``) or a collective (``group:members``)."""

    kind: RefKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Passage:
    """A piece of a statement kept verbatim, such as a purpose or an agenda item."""

    text: str
    span: Span


def dataset_of(obj: Any) -> Dataset:
    dataset = obj._dataset
    if dataset is None:
        from ..errors import DetachedRecordError

        raise DetachedRecordError(
            f"{type(obj).__name__} {obj.id!r} is not attached to a dataset (built by hand, made "
            "with attrs.evolve, or copied from a dataset of your own); look it up through "
            "baliprocess or baliprocess.load(...) to follow its links"
        )
    return cast("Dataset", dataset)
