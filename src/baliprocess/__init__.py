"""baliprocess: the typed, source-linked record of the Bali Process.

>>> import baliprocess as bp
>>> bp.meetings.get("ahg-som-15").start
datetime.date(2020, 10, 20)
>>> bp.members.lookup("UAE").name
'United Arab Emirates'

The collections (``meetings``, ``members``, ``commitments``, ``bodies``, ``documents``,
``sources``) are those of the bundled record, read on first use, once. ``load(path)`` builds a
dataset from a folder of your own data files. ``tables()``, ``attendance_matrix()`` and
``export(folder, format=...)`` give the bundled record as DataFrames and files; ``cite(record)``
cites one fact with ``data_version``, the version of the bundled data. Importing this package
reads no data file and imports nothing heavy: everything below is resolved on first access
(PEP 562).
"""

from __future__ import annotations

from .errors import (
    BaliProcessError,
    DataError,
    DetachedRecordError,
    InvalidQueryError,
    Problem,
    UnknownIdError,
)

# Not typing.TYPE_CHECKING: importing typing would double the cost of ``import baliprocess``.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._citation import Citation
    from ._reader import Draft, read_statement
    from .collections import (
        BodyCollection,
        CommitmentCollection,
        DocumentCollection,
        FollowUpCollection,
        MeetingCollection,
        MemberCollection,
        SourceCollection,
    )
    from .dataset import Dataset, load

    meetings: MeetingCollection
    members: MemberCollection
    commitments: CommitmentCollection
    bodies: BodyCollection
    documents: DocumentCollection
    followups: FollowUpCollection
    sources: SourceCollection
    __version__: str
    data_version: str

    def tables() -> dict[str, Any]: ...
    def attendance_matrix() -> Any: ...
    def export(path: Any, format: str = "csv") -> list[str]: ...
    def cite(record: Any, field: str | None = None) -> Citation: ...

    def timeline(x: object) -> tuple[Any, ...]: ...


__all__ = [
    "BaliProcessError",
    "DataError",
    "Dataset",
    "DetachedRecordError",
    "Draft",
    "InvalidQueryError",
    "Problem",
    "UnknownIdError",
    "__version__",
    "attendance_matrix",
    "bodies",
    "cite",
    "commitments",
    "data_version",
    "documents",
    "export",
    "followups",
    "load",
    "meetings",
    "members",
    "read_statement",
    "sources",
    "tables",
    "timeline",
]

_OF_THE_BUNDLED = ("tables", "attendance_matrix", "export")
"""Dataset methods offered as functions of the bundled record (``bp.tables()``)."""


def __getattr__(name: str) -> Any:
    from ._registry import KINDS

    if name in KINDS:
        from .dataset import bundled

        collection = getattr(bundled(), name)
        # Loaded collections never change: keep them as plain module attributes, so that later
        # accesses cost an attribute lookup instead of a failed lookup and this call.
        globals()[name] = collection
        return collection
    if name == "timeline":
        from ._timeline import timeline
        from .dataset import bundled

        def bundled_timeline(x: object) -> tuple[Any, ...]:
            return timeline(bundled(), x)

        bundled_timeline.__doc__ = timeline.__doc__
        globals()[name] = bundled_timeline
        return bundled_timeline
    if name in ("load", "Dataset"):
        from . import dataset

        return getattr(dataset, name)
    if name in _OF_THE_BUNDLED:
        from .dataset import bundled

        return getattr(bundled(), name)
    if name in ("cite", "data_version"):
        from . import _citation

        return getattr(_citation, name)
    if name in ("read_statement", "Draft"):
        from . import _reader

        return getattr(_reader, name)
    if name == "__version__":
        from ._version import __version__

        return __version__
    raise AttributeError(f"module 'baliprocess' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
