"""The dataset: one validated record (the bundled one, or one built by :func:`load`).

A :class:`Dataset` exposes the same collections as the top-level module. The bundled dataset
reads each data file on first use, once, under a lock; a dataset from :func:`load` is read,
checked and built whole before ``load`` returns, or not at all.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, Any

from . import _loading
from ._checks import Known
from ._registry import KINDS, NESTED
from .collections import (
    BodyCollection,
    Collection,
    CommitmentCollection,
    DocumentCollection,
    FollowUpCollection,
    MeetingCollection,
    MemberCollection,
    SourceCollection,
    _build_once,
)
from .errors import InvalidQueryError, Problem

if TYPE_CHECKING:
    from ._timeline import TimelineEntry
    from .models import Meeting, Outcome, Ref

__all__ = ["Dataset", "load"]


class _Link:
    """How the records of a dataset from :func:`load` reach it: weakly.

    A strong link would make every record part of a reference cycle with its dataset, which
    only the cyclic collector can free, and the collector never looks at a loaded record again
    (it is frozen after the load). So the dataset holds its records, and they hold this link:
    following it while the dataset is alive is following the dataset itself; after the user
    drops the dataset (and every collection of it), it raises :class:`DetachedRecordError`.
    """

    __slots__ = ("_ref",)

    def __init__(self, dataset: Dataset) -> None:
        self._ref = weakref.ref(dataset)

    def __getattr__(self, name: str) -> Any:
        dataset = self._ref()
        if dataset is None:
            from .errors import DetachedRecordError

            raise DetachedRecordError(
                "the dataset this record was loaded into is gone (no dataset or collection of "
                "it is held any more); keep the dataset while you follow a record's links"
            )
        return getattr(dataset, name)


class Dataset:
    """A whole, validated record and its query API.

    Use the bundled one through the top-level module (``baliprocess.meetings``), or build one
    from a folder of data files with :func:`load`.
    """

    def __init__(self, origins: list[_loading.Origin], *, eager: bool) -> None:
        self._origins = origins
        self._lock = threading.RLock()
        self._known = Known()
        self._parts: dict[str, Collection[Any]] = {}
        """The collections loaded (or, while a load is under way, staged for it)."""
        self._ready: dict[str, Collection[Any]] = {}
        """The collections published: loaded whole, with no problem."""
        self._cache: dict[Hashable, Any] = {}
        self._views: dict[str, weakref.ref[Collection[Any]]] = {}
        # The bundled dataset lives as long as the process: its records may hold it strongly
        # (a pickled bundled record comes back linked to it). Any other dataset is held by its
        # user, and its records link to it weakly, so that it holds no reference cycle.
        self._link: Any = self if not eager else _Link(self)
        if eager:
            problems: list[Problem] = []
            for origin in origins:
                problems.extend(origin.folder_problems())
            # Raised inside: a load that fails freezes nothing (its garbage stays collectable).
            with _loading.collector_paused(freeze=True):
                for key in KINDS:
                    self._load_part(key, problems)
                _loading.raise_problems(problems)
            # Spans are shared while a load runs; a whole dataset is loaded, so the records
            # keep theirs and the index of them is dropped (a bundled record, read part by part,
            # keeps it for the parts still to come).
            self._known.spans.clear()
            self._ready.update(self._parts)

    def __repr__(self) -> str:
        where = ", ".join(o.folder or "<bundled>" for o in self._origins)
        return f"<Dataset from {where}>"

    # -- loading -----------------------------------------------------------------------------

    def _part(self, key: str) -> Collection[Any]:
        """The collection of ``key`` as the user gets it: one that holds this dataset.

        The dataset keeps each kind's records in a root collection that links back to it
        weakly; what it hands out is a view of that root, which holds the dataset strongly
        (``bp.load(path).meetings.filter(...)`` works) without the dataset holding the view.
        """
        if self._link is self:
            return self._root(key)  # type: ignore[no-any-return]
        found = self._views.get(key)
        view = None if found is None else found()
        if view is None:
            root = self._root(key)
            with self._lock:
                found = self._views.get(key)
                view = None if found is None else found()
                if view is None:
                    view = object.__new__(type(root))
                    Collection.__init__(view, self, root._kind, root._records, _parent=root)
                    self._views[key] = weakref.ref(view)
        return view

    def _root(self, key: str) -> Collection[Any]:
        part = self._ready.get(key)
        if part is not None:
            return part
        with self._lock:
            # Under the lock, what this thread is loading is staged in _parts: a kind may read
            # a kind it needs (commitments are ordered by their meetings) before publication.
            part = self._parts.get(key)
            if part is None:
                problems: list[Problem] = []
                with _loading.collector_paused():
                    for needed in KINDS[key].needs:
                        if needed not in self._parts:
                            self._load_part(needed, problems)
                    self._load_part(key, problems)
                if problems:
                    # Publish nothing of a record with problems: forget what was read, then raise.
                    self._ready = {}
                    self._parts.clear()
                    self._cache.clear()
                    self._known = Known()
                    _loading.raise_problems(problems)
                # Only now may other threads see the parts: until the checks have passed, a
                # part in ``_parts`` may belong to a record that is about to be refused.
                part = self._parts[key]
                self._ready.update(self._parts)
        return part

    def _load_part(self, key: str, problems: list[Problem]) -> None:
        kind = KINDS[key]
        records = _loading.read_part(kind, self._origins, self._known, problems)
        link = object.__setattr__
        linked = hasattr(kind.cls, "_dataset")
        held = [field for name, field in NESTED.values() if name == key]
        to = self._link
        for record in records:
            if linked:
                link(record, "_dataset", to)
            for field in held:
                for inner in getattr(record, field):
                    link(inner, "_dataset", to)
        if kind.order is not None:
            records.sort(key=kind.order(self, records))
        root = kind.collection_class()(to, kind.target, tuple(records))
        prepare = getattr(root, "_prepare", None)
        if prepare is not None:
            prepare()  # what a collection collects while its records load (see its docs)
        if to is not self:
            # Not ``self``: a root that held itself would be a cycle of its own.
            root._all = weakref.proxy(root)
        self._parts[key] = root

    # -- the collections ---------------------------------------------------------------------

    @property
    def sources(self) -> SourceCollection:
        """The statements the record comes from."""
        return self._part("sources")  # type: ignore[return-value]

    @property
    def members(self) -> MemberCollection:
        """States and organisations."""
        return self._part("members")  # type: ignore[return-value]

    @property
    def bodies(self) -> BodyCollection:
        """Bali Process bodies and mechanisms."""
        return self._part("bodies")  # type: ignore[return-value]

    @property
    def documents(self) -> DocumentCollection:
        """Documents the statements refer to."""
        return self._part("documents")  # type: ignore[return-value]

    @property
    def meetings(self) -> MeetingCollection:
        """Meetings in date order."""
        return self._part("meetings")  # type: ignore[return-value]

    @property
    def commitments(self) -> CommitmentCollection:
        """Commitments in the order of the meetings they were made at."""
        return self._part("commitments")  # type: ignore[return-value]

    @property
    def followups(self) -> FollowUpCollection:
        """Follow-ups of commitments, oldest first: the evidence of what became of them."""
        return self._part("followups")  # type: ignore[return-value]

    def __getattr__(self, name: str) -> Any:
        # Every kind of the registry is a collection of the dataset, declared or not above.
        if name in KINDS:
            return self._part(name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def write(self, path: str | os.PathLike[str], *, anchors: bool = False) -> None:
        """Write this dataset to folder ``path`` in the data-file format (created if needed).

        ``load(path, bundled=False)`` then gives back equal records: the round trip is lossless.
        Existing files of the same names are overwritten. With ``anchors=True`` each span is
        written as the shortest quote anchor that finds it again (``{"source": ..., "quote":
        ...}``, with ``"occurrence"`` when the words occur more than once) and fields equal to
        their default are left out: files for people to read and edit.

        Raises:
            OSError: the folder or a file cannot be written.
        """
        from ._export import write_folder

        write_folder(self, path, anchors=anchors)

    def export(self, path: str | os.PathLike[str], format: str = "csv") -> list[str]:
        """Export this dataset to folder ``path`` (created if needed); the files written.

        ``format`` is ``csv`` (one file per table), ``datapackage`` (the CSV files and a
        Frictionless ``datapackage.json`` describing them), ``json`` (the data-file format, as
        :meth:`write`) or ``parquet`` (one file per table; needs pyarrow).

        Raises:
            ValueError: an unknown format.
            ImportError: ``parquet`` without pyarrow and pandas installed.
            OSError: a file cannot be written.
        """
        from ._export import export

        return export(self, path, format)

    def to_records(self) -> dict[str, list[dict[str, Any]]]:
        """Every tidy table of the dataset as plain, JSON-ready rows, by table name.

        The tables are those of :meth:`tables`; no pandas is needed.
        """
        from ._tables import dataset_rows

        return dataset_rows(self)

    def tables(self) -> dict[str, Any]:
        """Every tidy table of the dataset as a typed pandas DataFrame, by table name.

        One table per kind of record (``meetings``, ``members``, ...) and one per tuple of
        nested rows (``meetings_attendance``, ``outcomes``, ``members_status``,
        ``commitments_actors``, ...), keyed by their holder's id (``meeting_id``) and their
        place in it (``attendance_index``). See the how-to guide "Tables and DataFrames".

        Raises:
            ImportError: pandas is not installed (``pip install 'baliprocess[pandas]'``).
        """
        from ._tables import require_pandas, table_specs, to_pandas

        require_pandas()
        records = self.to_records()
        return {name: to_pandas(spec, records[name]) for name, spec in table_specs().items()}

    def attendance_matrix(self) -> Any:
        """Members by meetings, as a pandas DataFrame of strings.

        Rows are the members recorded at any meeting (in the members' order), columns every
        meeting in date order. A cell holds every standing and contribution the statements
        give the member at that meeting, joined by ``"; "`` (``"member; co-chaired"``), and is
        empty where the member is not recorded there.

        Raises:
            ImportError: pandas is not installed (``pip install 'baliprocess[pandas]'``).
        """
        from ._tables import attendance_cells, require_pandas

        pd = require_pandas()
        cells = attendance_cells(self.meetings)
        members = [m for m in self.members.ids() if m in cells]
        meetings = list(self.meetings.ids())
        return pd.DataFrame(
            [[cells[m].get(meeting, "") for meeting in meetings] for m in members],
            index=pd.Index(members, name="member_id"),
            columns=pd.Index(meetings, name="meeting_id"),
            dtype="string",
        )

    # -- lookups the records use -------------------------------------------------------------

    def timeline(self, x: object) -> tuple[TimelineEntry, ...]:
        """Every meeting, outcome, commitment and follow-up that concerns ``x``, in date order.

        ``x`` is a member, body, document, meeting or commitment: the record, its id, or a name
        (resolved through members, then bodies, then documents; ``kind:id`` when ambiguous).
        Each entry has its ``date``, ``kind``, ``how`` it concerns ``x``, ``record`` and
        ``span``.

        Raises:
            UnknownIdError: nothing has that id or name.
            InvalidQueryError: ``x`` is not a record, an id or a name.
        """
        from ._timeline import timeline

        return timeline(self, x)

    def outcomes(self) -> tuple[Outcome, ...]:
        """Every outcome, in meeting date order."""
        return tuple(outcome for meeting in self.meetings for outcome in meeting.outcomes)

    # -- lookups the records use (private: records reach them through their methods) ----------

    def _outcome(self, id: str) -> Outcome:
        """The outcome with this id (``ahg-som-15/o3``).

        Raises:
            UnknownIdError: no outcome has that id (the error names close ids).
            InvalidQueryError: ``id`` is not a string.
        """
        if not isinstance(id, str):
            raise InvalidQueryError(f"outcome ids are strings like 'ahg-som-15/o3', not {id!r}")
        found = self._outcome_index().get(id)
        if found is None:
            from .errors import UnknownIdError

            raise UnknownIdError("outcome", id, _close(id, self._outcome_index()))
        return found[1]

    def _meeting_of(self, outcome: Outcome) -> Meeting:
        """The meeting whose record holds ``outcome``."""
        return self._outcome_index()[outcome.id][0]

    def _outcomes_naming(self, ref: Ref) -> tuple[Outcome, ...]:
        """Outcomes with ``ref`` among their actors or objects, in meeting date order."""
        index = self._cached("outcome_refs", self._build_outcome_refs)
        return tuple(index.get(ref, ()))

    def _cached(self, key: Hashable, build: Any) -> Any:
        return _build_once(self._cache, self._lock, key, build)

    def _outcome_index(self) -> dict[str, tuple[Meeting, Outcome]]:
        def build() -> dict[str, tuple[Meeting, Outcome]]:
            return {o.id: (m, o) for m in self.meetings for o in m.outcomes}

        return self._cached("outcomes", build)  # type: ignore[no-any-return]

    def _build_outcome_refs(self) -> dict[Ref, list[Outcome]]:
        index: dict[Ref, list[Outcome]] = {}
        for meeting in self.meetings:
            for outcome in meeting.outcomes:
                for ref in dict.fromkeys((*outcome.actors, *outcome.objects)):
                    index.setdefault(ref, []).append(outcome)
        return index


def _close(key: str, known: Iterable[str]) -> tuple[str, ...]:
    import difflib

    return tuple(difflib.get_close_matches(key, list(known), n=3, cutoff=0.6))


def load(path: str | os.PathLike[str], *, bundled: bool = True) -> Dataset:
    """A dataset built from the data files in folder ``path``.

    With ``bundled=True`` (the default) the folder's records are added to the bundled record
    (a record whose id is already bundled is an error unless its file lists the id under
    ``"replaces"``); with ``bundled=False`` the folder stands alone. The folder uses the bundled
    format (see the data dictionary) and is checked exactly as the bundled record is. The
    bundled record itself is never changed.

    Raises:
        DataError: anything is wrong; it lists every problem with its file, record and field.
            Nothing is returned, so nothing is ever half-loaded.
        FileNotFoundError: ``path`` is not a folder.
    """
    folder = os.fspath(path)
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"no data folder at {folder!r}")
    origins = [_loading.Origin(None)] if bundled else []
    origins.append(_loading.Origin(folder))
    return Dataset(origins, eager=True)


_bundled: Dataset | None = None
_bundled_lock = threading.Lock()


def bundled() -> Dataset:
    """The bundled dataset (created on first call; its files are read when first needed)."""
    global _bundled
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                _bundled = Dataset([_loading.Origin(None)], eager=False)
    return _bundled
