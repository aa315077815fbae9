"""Shared building blocks of the record: spans, inferences, refs, passages, the decorator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from .vocabularies import RefKind

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["Inference", "Passage", "Ref", "Span", "dataset_of", "link", "readable"]


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


def readable(cls: type[_T]) -> type[_T]:
    """Give a record class its repr (attrs compiles one per class, a large part of defining it)."""
    cls.__repr__ = _record_repr  # type: ignore[method-assign]
    return cls


def link() -> Any:
    """The private back-reference to the owning dataset: not data, never compared or exported."""
    return attrs.field(default=None, init=False, repr=False, eq=False, hash=False)


@readable
@attrs.frozen(kw_only=True, repr=False)
class Span:
    """The exact words of a source that a fact came from: ``source.text[start:end] == text``.

    Offsets count Unicode code points (Python ``str`` indices) into the decoded source text.
    """

    source: str
    start: int
    end: int
    text: str


@readable
@attrs.frozen(kw_only=True, repr=False)
class Inference:
    """A value that is inferred rather than stated: which field, and why."""

    field: str
    reason: str


@readable
@attrs.frozen(kw_only=True, repr=False)
class Ref:
    """A typed pointer to another record (``member:AUS``) or a collective (``group:members``)."""

    kind: RefKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"


@readable
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
            f"{type(obj).__name__} {obj.id!r} was built by hand, not loaded into a dataset; "
            "look it up through baliprocess or baliprocess.load(...) to follow its links"
        )
    return cast("Dataset", dataset)
