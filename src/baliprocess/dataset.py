"""The dataset: one validated record (the bundled one, or one built by :func:`load`).

A :class:`Dataset` exposes the same collections as the top-level module. The bundled dataset
reads each data file on first use, once, under a lock; a dataset from :func:`load` is read,
checked and built whole before ``load`` returns, or not at all.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, Any

from . import _loading
from ._normalize import FuzzyIndex, fold
from ._validate import Known
from .collections import (
    BodyCollection,
    Collection,
    CommitmentCollection,
    DocumentCollection,
    MeetingCollection,
    MemberCollection,
    SourceCollection,
    _Index,
)
from .errors import InvalidQueryError, Problem

if TYPE_CHECKING:
    from .models import (
        AttendanceRole,
        Body,
        Meeting,
        Member,
        Outcome,
        Ref,
    )

__all__ = ["Dataset", "load"]

_COLLECTIONS: dict[str, tuple[type[Collection[Any]], str]] = {
    "sources": (SourceCollection, "source"),
    "members": (MemberCollection, "member"),
    "bodies": (BodyCollection, "body"),
    "documents": (DocumentCollection, "document"),
    "meetings": (MeetingCollection, "meeting"),
    "commitments": (CommitmentCollection, "commitment"),
}


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
        self._ready: dict[str, Collection[Any]] = {}
        """The parts every thread may use: published (a new dict) only once loaded whole."""
        self._cache: dict[Hashable, Any] = {}
        if eager:
            problems: list[Problem] = []
            for origin in origins:
                problems.extend(origin.folder_problems())
            with _loading.collector_paused():
                for key in _loading.PARTS:
                    self._load_part(key, problems)
            _loading.raise_problems(problems)
            self._ready = dict(self._parts)

    def __repr__(self) -> str:
        where = ", ".join(o.folder or "<bundled>" for o in self._origins)
        return f"<Dataset from {where}>"

    # -- loading -----------------------------------------------------------------------------

    def _part(self, key: str) -> Collection[Any]:
        part = self._ready.get(key)
        if part is not None:
            return part
        with self._lock:
            part = self._parts.get(key)
            if part is None:
                problems: list[Problem] = []
                with _loading.collector_paused():
                    for needed in _loading.PARTS[key].needs:
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
                self._ready = dict(self._parts)
                part = self._parts[key]
        return part

    def _load_part(self, key: str, problems: list[Problem]) -> None:
        records = _loading.read_part(_loading.PARTS[key], self._origins, self._known, problems)
        if key != "sources":  # a source holds no links
            for record in records:
                object.__setattr__(record, "_dataset", self)
        if key == "meetings":
            records.sort(key=_meeting_order)
            for meeting in records:
                for outcome in meeting.outcomes:
                    object.__setattr__(outcome, "_dataset", self)
        elif key == "commitments":
            order = {ident: i for i, ident in enumerate(self._outcome_order())}
            # Stable: commitments of one outcome keep the order of their file.
            records.sort(key=lambda c: order.get(c.outcome, len(order)))
        collection_type, kind = _COLLECTIONS[key]
        self._parts[key] = collection_type(self, kind, tuple(records))

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

    # -- lookups the records use -------------------------------------------------------------

    def outcome(self, id: str) -> Outcome:
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

    def meeting_of(self, outcome: Outcome) -> Meeting:
        """The meeting whose record holds ``outcome``."""
        return self._outcome_index()[outcome.id][0]

    def outcomes(self) -> tuple[Outcome, ...]:
        """Every outcome, in meeting date order."""
        return tuple(outcome for meeting in self.meetings for outcome in meeting.outcomes)

    def outcomes_naming(self, ref: Ref) -> tuple[Outcome, ...]:
        """Outcomes with ``ref`` among their actors or objects, in meeting date order."""
        index = self._cached("outcome_refs", self._build_outcome_refs)
        return tuple(index.get(ref, ()))

    def coerce_role(self, role: AttendanceRole | str) -> AttendanceRole:
        """``role`` as an :class:`AttendanceRole`.

        Raises:
            InvalidQueryError: it is not one of the roles.
        """
        from .models import AttendanceRole

        try:
            return AttendanceRole(role)
        except ValueError:
            allowed = ", ".join(repr(r.value) for r in AttendanceRole)
            raise InvalidQueryError(f"unknown role {role!r}; expected one of {allowed}") from None

    def resolve_actor(self, actor: str | Member | Body) -> Ref:
        """A member or body given by id, name, alias or record, as a :class:`Ref`.

        Raises:
            UnknownIdError: neither a member nor a body has that name.
        """
        from .errors import UnknownIdError
        from .models import Ref, RefKind

        key = actor if isinstance(actor, str) else actor.id
        kind = getattr(actor, "kind", None)
        member_error: UnknownIdError | None = None
        try:
            if isinstance(actor, str) or kind in _member_kinds():
                return Ref(kind=RefKind.MEMBER, id=self.members.lookup(key).id)
        except UnknownIdError as error:
            member_error = error
        try:
            return Ref(kind=RefKind.BODY, id=self.bodies.lookup(key).id)
        except UnknownIdError as error:
            suggestions = (member_error.suggestions if member_error else ()) + error.suggestions
            raise UnknownIdError("member or body", key, suggestions[:3]) from None

    # -- indexes, built once -----------------------------------------------------------------

    def _cached(self, key: Hashable, build: Any) -> Any:
        found = self._cache.get(key)
        if found is None:
            with self._lock:
                found = self._cache.get(key)
                if found is None:
                    found = self._cache[key] = build()
        return found

    def _names(self, collection: Collection[Any]) -> tuple[dict[str, int], dict[str, str]]:
        """Id, name and aliases, as written and folded -> position; and id -> display name."""

        def build() -> tuple[dict[str, int], dict[str, str]]:
            exact: dict[str, int] = {}
            display: dict[str, str] = {}
            for position, record in enumerate(collection.all()):
                name = getattr(record, "name", None) or record.title
                display[record.id] = name
                for text in (record.id, name, *record.aliases):
                    key = fold(text)
                    if key:  # a name of punctuation alone names nothing
                        exact.setdefault(key, position)
            # The names as written too, so that the common exact query skips folding; a folded
            # form always means the same record as the text it was folded from.
            for record in collection.all():
                name = getattr(record, "name", None) or record.title
                for text in (record.id, name, *record.aliases):
                    key = fold(text)
                    if key:
                        exact.setdefault(text, exact[key])
            return exact, display

        return self._cached(("names", collection._kind), build)  # type: ignore[no-any-return]

    def _fuzzy(self, collection: Collection[Any]) -> FuzzyIndex:
        """The fuzzy index of a named collection, built on the first search."""

        def build() -> FuzzyIndex:
            pairs: list[tuple[str, str]] = []
            for record in collection.all():
                name = getattr(record, "name", None) or record.title
                pairs.extend((fold(text), record.id) for text in (record.id, name, *record.aliases))
            return FuzzyIndex(pairs)

        return self._cached(("fuzzy", collection._kind), build)  # type: ignore[no-any-return]

    def _meeting_indexes(self) -> dict[str, _Index]:
        def build() -> dict[str, _Index]:
            meetings = self.meetings.all()
            enumerated = list(enumerate(meetings))
            return {
                "year": _Index((m.year, i) for i, m in enumerated if m.start is not None),
                "body": _Index((m.body, i) for i, m in enumerated if m.body is not None),
                "member": _Index((row.member, i) for i, m in enumerated for row in m.attendance),
                "member_role": _Index(
                    ((row.member, row.role), i) for i, m in enumerated for row in m.attendance
                ),
                "role": _Index((row.role, i) for i, m in enumerated for row in m.attendance),
                "virtual": _Index((m.virtual, i) for i, m in enumerated if m.virtual is not None),
                "kind": _Index((m.kind, i) for i, m in enumerated),
                "source": _Index((m.source, i) for i, m in enumerated),
            }

        return self._cached("meeting_indexes", build)  # type: ignore[no-any-return]

    def _commitment_indexes(self) -> dict[str, _Index]:
        def build() -> dict[str, _Index]:
            enumerated = list(enumerate(self.commitments.all()))
            meeting_of = {
                outcome.id: meeting for meeting, outcome in self._outcome_index().values()
            }
            return {
                "actor": _Index((ref, i) for i, c in enumerated for ref in c.actors),
                "meeting": _Index((meeting_of[c.outcome].id, i) for i, c in enumerated),
                "kind": _Index((c.kind, i) for i, c in enumerated),
                "year": _Index(
                    (meeting_of[c.outcome].year, i)
                    for i, c in enumerated
                    if meeting_of[c.outcome].year is not None
                ),
            }

        return self._cached("commitment_indexes", build)  # type: ignore[no-any-return]

    def _member_indexes(self) -> dict[str, _Index]:
        def build() -> dict[str, _Index]:
            enumerated = list(enumerate(self.members.all()))
            return {
                "kind": _Index((m.kind, i) for i, m in enumerated),
                "status": _Index(
                    (m.current_status, i) for i, m in enumerated if m.current_status is not None
                ),
            }

        return self._cached("member_indexes", build)  # type: ignore[no-any-return]

    def _body_indexes(self) -> dict[str, _Index]:
        def build() -> dict[str, _Index]:
            enumerated = list(enumerate(self.bodies.all()))
            return {
                "kind": _Index((b.kind, i) for i, b in enumerated),
                "parent": _Index((b.parent, i) for i, b in enumerated if b.parent is not None),
                "bali_process": _Index((b.bali_process, i) for i, b in enumerated),
            }

        return self._cached("body_indexes", build)  # type: ignore[no-any-return]

    def _document_indexes(self) -> dict[str, _Index]:
        def build() -> dict[str, _Index]:
            enumerated = list(enumerate(self.documents.all()))
            return {
                "kind": _Index((d.kind, i) for i, d in enumerated),
                "author": _Index((ref, i) for i, d in enumerated for ref in d.authors),
            }

        return self._cached("document_indexes", build)  # type: ignore[no-any-return]

    def _outcome_index(self) -> dict[str, tuple[Meeting, Outcome]]:
        def build() -> dict[str, tuple[Meeting, Outcome]]:
            return {o.id: (m, o) for m in self.meetings for o in m.outcomes}

        return self._cached("outcomes", build)  # type: ignore[no-any-return]

    def _outcome_order(self) -> list[str]:
        return list(self._outcome_index())

    def _build_outcome_refs(self) -> dict[Ref, list[Outcome]]:
        index: dict[Ref, list[Outcome]] = {}
        for meeting in self.meetings:
            for outcome in meeting.outcomes:
                for ref in dict.fromkeys((*outcome.actors, *outcome.objects)):
                    index.setdefault(ref, []).append(outcome)
        return index


def _member_kinds() -> frozenset[Any]:
    from .models import MemberKind

    return frozenset(MemberKind)


def _meeting_order(meeting: Meeting) -> tuple[Any, ...]:
    import datetime

    start = meeting.start or datetime.date.max
    return (start, meeting.end or start, meeting.id)


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
