"""The one error model of baliprocess.

Every error the library raises on purpose is a :class:`BaliProcessError`:

- :class:`DataError` (also a ``ValueError``): a data file is wrong. It carries every
  :class:`Problem` found, each naming the file, the record id and the field path.
- :class:`UnknownIdError` (also a ``LookupError``): a lookup found nothing; it lists the closest
  known ids and names.
- :class:`InvalidQueryError` (also a ``ValueError``): a query argument is not one the API
  accepts, such as an unknown role or a value of the wrong type (an unknown keyword argument is
  Python's own ``TypeError``).
- :class:`DetachedRecordError`: a record built by hand was asked to follow links into a dataset.

This module imports nothing heavy: it is safe to import for ``except`` clauses.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: this module is imported with the package, and stays light
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "BaliProcessError",
    "DataError",
    "DetachedRecordError",
    "InvalidQueryError",
    "Problem",
    "UnknownIdError",
]


class BaliProcessError(Exception):
    """Base class of every error baliprocess raises on purpose."""


class Problem:
    """One thing wrong in a data folder: where (file, record, field) and what.

    ``record`` is the id of the record concerned (``None`` when the problem is the file itself)
    and ``field`` the path inside the record, such as ``attendance[3].member``.
    """

    __slots__ = ("field", "file", "message", "record")

    def __init__(self, file: str, record: str | None, field: str | None, message: str) -> None:
        self.file = file
        self.record = record
        self.field = field
        self.message = message

    @property
    def location(self) -> str:
        """``file: record: field``, leaving out the parts that do not apply."""
        return ": ".join(part for part in (self.file, self.record, self.field) if part)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def __repr__(self) -> str:
        return (
            f"Problem(file={self.file!r}, record={self.record!r}, field={self.field!r}, "
            f"message={self.message!r})"
        )

    def __reduce__(self) -> tuple[type[Problem], tuple[str, str | None, str | None, str]]:
        return (Problem, (self.file, self.record, self.field, self.message))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.file, self.record, self.field, self.message) == (
            other.file,
            other.record,
            other.field,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.file, self.record, self.field, self.message))


class DataError(BaliProcessError, ValueError):
    """A data folder is invalid. ``problems`` holds every problem found, not only the first.

    ``file``, ``record`` and ``field`` are those of the first problem, for the common case of one.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        if not problems:
            raise ValueError("DataError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        first = self.problems[0]
        self.file: str = first.file
        self.record: str | None = first.record
        self.field: str | None = first.field
        super().__init__(self._summary())

    def __reduce__(self) -> tuple[type[DataError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))

    def _summary(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems in the data:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


class UnknownIdError(BaliProcessError, LookupError):
    """Nothing matches ``key`` in a collection; ``suggestions`` are the closest known names."""

    def __init__(
        self,
        kind: str,
        key: object,
        suggestions: tuple[str, ...] = (),
        *,
        detail: str | None = None,
    ) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = suggestions
        self.detail = detail
        message = f"unknown {kind} {key!r}" if detail is None else f"{kind} {key!r} {detail}"
        if suggestions:
            quoted = ", ".join(repr(s) for s in suggestions)
            message += f"; did you mean {quoted}?"
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_unknown_id_error, (self.kind, self.key, self.suggestions, self.detail))

    def __str__(self) -> str:
        # LookupError (KeyError's parent) would show the repr of the message; keep it readable.
        return str(self.args[0])


def _unknown_id_error(
    kind: str, key: object, suggestions: tuple[str, ...], detail: str | None
) -> UnknownIdError:
    return UnknownIdError(kind, key, suggestions, detail=detail)


class InvalidQueryError(BaliProcessError, ValueError):
    """A query argument is not one the API accepts; the message names what would be accepted."""


class DetachedRecordError(BaliProcessError, RuntimeError):
    """A record built by hand (not loaded into a dataset) was asked to follow its links."""
