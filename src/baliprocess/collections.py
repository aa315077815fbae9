"""The query API: immutable, iterable, sized collections with indexed lookups and filters.

A collection is a fixed, ordered selection of the records of one kind in one dataset.
``filter`` returns a narrower collection of the same kind, so filters compose::

    bp.meetings.filter(year=2020).filter(attended_by="India")

Filters answer from indexes built once per dataset, in time proportional to the answer.
"""

from __future__ import annotations

import datetime
import operator
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._normalize import FuzzyIndex, fold, fold_cached
from .errors import InvalidQueryError, UnknownIdError

if TYPE_CHECKING:
    from typing_extensions import Self

    from .dataset import Dataset
    from .models import (
        AttendanceRole,
        Body,
        BodyKind,
        Commitment,
        CommitmentKind,
        CommitmentStatus,
        ContributionKind,
        Document,  # noqa: F401 - named in a string
        DocumentKind,
        FollowUp,  # noqa: F401 - named in a string
        Meeting,
        MeetingKind,
        MeetingState,
        Member,
        MemberKind,
        Ref,
        Relation,
        Source,  # noqa: F401 - named in a string
    )

__all__ = [
    "BodyCollection",
    "Collection",
    "CommitmentCollection",
    "DocumentCollection",
    "FollowUpCollection",
    "MeetingCollection",
    "MemberCollection",
    "SourceCollection",
]

T = TypeVar("T")

_NAMES = "names"
"""The cache key of a collection's names index (read directly by ``lookup``)."""

NOT_STATED = "not-stated"
"""The status filter's value for members no statement of the record gives a status."""


def _build_once(
    cache: dict[Hashable, Any], lock: Any, key: Hashable, build: Callable[[], Any]
) -> Any:
    """``cache[key]``, built by ``build`` on first use; once, under ``lock``, across threads."""
    found = cache.get(key)
    if found is None:
        with lock:
            found = cache.get(key)
            if found is None:
                found = cache[key] = build()
    return found


class _Index:
    """Positions of records per key, built once; a key's positions are in collection order."""

    __slots__ = ("_positions", "_sets")

    def __init__(self, pairs: Iterable[tuple[Hashable, int]]) -> None:
        positions: dict[Hashable, list[int]] = {}
        for key, position in pairs:
            bucket = positions.setdefault(key, [])
            if not bucket or bucket[-1] != position:
                bucket.append(position)
        self._positions = {key: tuple(value) for key, value in positions.items()}
        self._sets: dict[Hashable, frozenset[int]] = {}

    def positions(self, key: Hashable) -> _Criterion:
        """The positions holding ``key``, and how to get them as a (cached) set."""
        return self._positions.get(key, ()), lambda: self.as_set(key)

    def as_set(self, key: Hashable) -> frozenset[int]:
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(self._positions.get(key, ()))
        return found


_Criterion = tuple[tuple[int, ...], Callable[[], frozenset[int]]]
"""An index's answer: positions in ascending order, and a way to get them as a set."""


def _within(positions: tuple[int, ...], first: int, last: int) -> tuple[int, ...]:
    """The ascending ``positions`` from ``first`` to ``last``, found by bisection."""
    from bisect import bisect_left, bisect_right  # not on a first answer's path

    return positions[bisect_left(positions, first) : bisect_right(positions, last)]


class Collection(Generic[T]):
    """An immutable, ordered selection of records of one kind.

    Iterate it, take its ``len``, test ``id in collection``, ``get`` one record by id, or
    ``filter`` it into a narrower collection.
    """

    __slots__ = (
        "__weakref__",
        "_all",
        "_by_id",
        "_cache",
        "_dataset",
        "_kind",
        "_lock",
        "_position_set",
        "_positions",
        "_records",
    )

    def __init__(
        self,
        dataset: Dataset,
        kind: str,
        records: tuple[T, ...],
        *,
        _parent: Collection[T] | None = None,
        _positions: tuple[int, ...] | None = None,
    ) -> None:
        self._dataset = dataset
        self._kind = kind
        self._records = records
        self._position_set: frozenset[int] | None = None
        if _parent is None:
            self._all: Collection[T] = self
            self._by_id: dict[str, int] = {_id_of(r): i for i, r in enumerate(records)}
            self._positions: tuple[int, ...] | None = None
            self._cache: dict[Hashable, Any] = {}
            self._lock = threading.Lock()
        else:
            self._all = _parent._all
            self._by_id = _parent._by_id
            self._positions = _positions
            self._cache = _parent._cache
            self._lock = _parent._lock

    def _cached(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """What ``build`` returns, built once for the whole collection (under a lock)."""
        return _build_once(self._cache, self._lock, key, build)

    def _index(self, name: str) -> _Index:
        """The index ``name`` the registry declares for this kind, built on first use."""

        def build() -> _Index:
            from ._registry import BY_TARGET

            keys = BY_TARGET[self._kind].indexes[name]
            dataset = self._dataset
            return _Index(
                (key, i)
                for i, record in enumerate(self._all._records)
                for key in keys(record, dataset)
            )

        return self._cached(("index", name), build)  # type: ignore[no-any-return]

    def _narrow(self, chosen: tuple[int, ...]) -> Self:
        """A collection of the same kind holding the records at ``chosen`` (ascending)."""
        whole = self._all._records
        # itemgetter returns a tuple for two or more positions only.
        many = len(chosen) > 1
        records = itemgetter(*chosen)(whole) if many else tuple(whole[i] for i in chosen)
        narrowed = object.__new__(type(self))
        Collection.__init__(
            narrowed,
            self._dataset,
            self._kind,
            records,
            _parent=self._all,
            _positions=chosen,
        )
        return narrowed

    def _held(self) -> frozenset[int]:
        """The positions this (filtered) collection holds, as a set built once."""
        if self._position_set is None:
            positions = self._positions
            self._position_set = frozenset(
                range(len(self._records)) if positions is None else positions
            )
        return self._position_set

    def _select(self, criteria: list[_Criterion]) -> Self:
        """Intersect index answers (and this collection's own selection), smallest first.

        The smallest answer is filtered by set membership in the others, so the cost follows
        the answers' sizes, never the size of the record. Where either side is a run of
        consecutive positions (a year of meetings, which are in date order), the other is cut
        to the run's bounds by bisection instead, at the cost of two binary searches.
        """
        if self._positions is not None:
            criteria.append((self._positions, self._held))
        if not criteria:
            return self
        criteria.sort(key=lambda criterion: len(criterion[0]))
        chosen = criteria[0][0]
        for positions, as_set in criteria[1:]:
            if not chosen:
                break
            # Positions are ascending and distinct: a tuple spanning as many positions as it
            # holds is the whole run between its ends.
            if chosen[-1] - chosen[0] + 1 == len(chosen):
                chosen = _within(positions, chosen[0], chosen[-1])
            elif positions[-1] - positions[0] + 1 == len(positions):
                chosen = _within(chosen, positions[0], positions[-1])
            else:
                chosen = tuple(filter(as_set().__contains__, chosen))
        return self._narrow(chosen)

    def __iter__(self) -> Iterator[T]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __bool__(self) -> bool:
        return bool(self._records)

    def __contains__(self, item: object) -> bool:
        """``id in collection`` for an id; for a record, whether this very record is held."""
        key = item if isinstance(item, str) else getattr(item, "id", None)
        if not isinstance(key, str):
            return False
        position = self._by_id.get(key)
        if position is None:
            return False
        if self._positions is not None and position not in self._held():
            return False
        return item is key or self._all._records[position] == item

    def __getitem__(self, index: int) -> T:
        """The record at ``index`` in collection order (use :meth:`get` for ids)."""
        if isinstance(index, str):
            raise InvalidQueryError(f"use .get({index!r}) to look a record up by id")
        return self._records[index]

    def __repr__(self) -> str:
        ids = [_id_of(r) for r in self._records[:5]]  # short: ids only
        more = ", ..." if len(self._records) > 5 else ""
        return f"<{type(self).__name__} of {len(self)} {self._kind}s: {', '.join(ids)}{more}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collection):
            return NotImplemented
        return type(self) is type(other) and self._records == other._records

    def __hash__(self) -> int:
        return hash((type(self), self._records))

    def all(self) -> tuple[T, ...]:
        """The records as a tuple, in collection order."""
        return self._records

    def to_records(self) -> list[dict[str, Any]]:
        """One plain, JSON-ready dict per record, in collection order (no pandas needed).

        The keys are the columns of this kind's table (see :meth:`to_pandas`): ISO dates,
        vocabulary values, ids of what a field refers to, ``None`` where nothing is stated.
        The nested rows (attendance, outcomes, ...) are tables of their own:
        ``dataset.to_records()``.
        """
        from ._tables import rows

        return rows(self._table(), self._records)

    def to_pandas(self) -> Any:
        """This collection as a pandas DataFrame, one row per record, typed.

        Dates are ``datetime64`` with a ``<date>_precision`` column beside each, vocabularies
        are categoricals, ids of what a field refers to are ``<field>_id`` columns, and what a
        statement does not give is ``NA``. The nested rows (attendance, outcomes, ...) are
        tables of their own: ``baliprocess.tables()``.

        Raises:
            ImportError: pandas is not installed (``pip install 'baliprocess[pandas]'``).
        """
        from ._tables import to_pandas

        return to_pandas(self._table(), self.to_records())

    def _table(self) -> Any:
        from ._registry import BY_TARGET
        from ._tables import table_specs

        return table_specs()[BY_TARGET[self._kind].name]

    def _repr_html_(self) -> str:
        """A compact HTML table of the collection, with its count (for notebooks)."""
        from ._display import collection_html

        return collection_html(self)

    def ids(self) -> tuple[str, ...]:
        """The records' ids, in collection order."""
        return tuple(_id_of(r) for r in self._records)

    def get(self, id: str) -> T:
        """The record with exactly this ``id``.

        Raises:
            UnknownIdError: no record in this collection has the id; the error names the
                closest ids.
        """
        position = self._by_id.get(id) if isinstance(id, str) else None
        if position is not None:
            record = self._all._records[position]
            if self._positions is None or position in self._held():
                return record
        raise UnknownIdError(self._kind, id, self._suggest(id))

    def _suggest(self, key: object) -> tuple[str, ...]:
        import difflib

        text = str(key)
        ids = [_id_of(r) for r in self._records]
        by_fold = {fold(i): i for i in ids}
        close = difflib.get_close_matches(fold(text), list(by_fold), n=3, cutoff=0.6)
        return tuple(by_fold[c] for c in close)


def _id_of(record: Any) -> str:
    return str(record.id)


def _key(value: object, what: str) -> str:
    """A query value given as an id/name string or as a record, as a string."""
    if isinstance(value, str):
        return value
    ident = getattr(value, "id", None)
    if isinstance(ident, str):
        return ident
    raise InvalidQueryError(f"{what} takes an id, a name or a record, not {value!r}")


class _NamedCollection(Collection[T]):
    """A collection whose records have names and aliases: ``lookup`` and ``search`` them."""

    __slots__ = ()

    def lookup(self, name: str) -> T:
        """The record with this id, name or alias, ignoring case, accents and punctuation.

        A name followed by an acronym in brackets, as statements write them ("Government and
        Business Forum (GABF)"), is found when the parts that are known name the same record.

        Raises:
            UnknownIdError: nothing has that name; the error names the closest matches.
            InvalidQueryError: ``name`` is not a string.
        """
        names = self._cache.get(_NAMES)
        if names is not None and self._positions is None and type(name) is str:
            # The common case, written out (no call but the folding): a whole collection whose
            # names index is built, and a name found as written or folded.
            position = names[0].get(name)
            if position is None:
                position = names[0].get(fold_cached(name))
            if position is not None:
                return self._records[position]  # type: ignore[no-any-return]
        if not isinstance(name, str):
            raise InvalidQueryError(f"look {self._kind}s up by a string, not {type(name).__name__}")
        position = self._position_of(name)
        if position is None and name.rstrip().endswith(")"):
            position = self._position_of_bracketed(name)
        if position is not None:
            return self._all._records[position]
        if self._positions is not None and self._all._position_of(name) is not None:  # type: ignore[attr-defined]
            raise UnknownIdError(self._kind, name, detail="is not in this filtered selection")
        return self._not_found(name)

    def _not_found(self, name: str) -> T:
        """What a lookup that matched nothing does: raise, naming the closest matches."""
        raise UnknownIdError(self._kind, name, self._closest(name))

    def _names(self) -> tuple[dict[str, int], dict[str, str]]:
        """Id, name and aliases, as written and folded -> position; and id -> display name."""
        found = self._cache.get(_NAMES)
        if found is not None:  # the common case: one dict read, no closure made
            return found  # type: ignore[no-any-return]

        def build() -> tuple[dict[str, int], dict[str, str]]:
            exact: dict[str, int] = {}
            display: dict[str, str] = {}
            written: list[tuple[str, str]] = []
            records: tuple[Any, ...] = self._all._records
            for position, record in enumerate(records):
                name = _name_of(record)
                display[record.id] = name
                for text in (record.id, name, *record.aliases):
                    key = fold(text)
                    if key:  # a name of punctuation alone names nothing
                        exact.setdefault(key, position)
                        written.append((text, key))
            # The names as written too, so that the common exact query skips folding; a folded
            # form always means the same record as the text it was folded from.
            for text, key in written:
                exact.setdefault(text, exact[key])
            return exact, display

        return self._cached(_NAMES, build)  # type: ignore[no-any-return]

    def _fuzzy(self) -> FuzzyIndex:
        """The fuzzy index of the collection's names, built on the first search."""

        def build() -> FuzzyIndex:
            pairs: list[tuple[str, str]] = []
            records: tuple[Any, ...] = self._all._records
            for record in records:
                names = (record.id, _name_of(record), *record.aliases)
                pairs.extend((fold(text), record.id) for text in names)
            return FuzzyIndex(pairs)

        return self._cached("fuzzy", build)  # type: ignore[no-any-return]

    def _position_of(self, name: str) -> int | None:
        exact, _ = self._names()
        position = exact.get(name)
        if position is None:
            position = exact.get(fold_cached(name))
        if position is not None and (self._positions is None or position in self._held()):
            return position
        return None

    def _position_of_bracketed(self, name: str) -> int | None:
        """``Name (ACRONYM)``: the record both known parts name (one part may be unknown)."""
        outer, _, inner = name.rstrip()[:-1].rpartition("(")
        if not outer.strip() or not inner.strip():
            return None
        found = {self._position_of(part) for part in (outer, inner)} - {None}
        return found.pop() if len(found) == 1 else None

    def search(self, query: str, *, limit: int = 10) -> tuple[T, ...]:
        """Records whose id, name or an alias matches ``query``, best first.

        Matching ignores case, accents and punctuation and tolerates one or two typos per word
        ("new zeeland" finds New Zealand). Exact names rank before prefixes, whole words,
        substrings and near misses; ties keep collection order. No match gives ``()``.

        Raises:
            InvalidQueryError: ``query`` is not a string or ``limit`` not a count.
        """
        if not isinstance(query, str):
            raise InvalidQueryError(
                f"search {self._kind}s with a string, not {type(query).__name__}"
            )
        if type(limit) is not int or limit < 0:
            raise InvalidQueryError(f"limit must be a count (an int >= 0), not {limit!r}")
        scores = self._fuzzy().scores(fold(query))
        allowed = None if self._positions is None else self._held()
        ranked = sorted(
            (
                (-score, self._by_id[ident], ident)
                for ident, score in scores.items()
                if allowed is None or self._by_id[ident] in allowed
            )
        )
        return tuple(self._all._records[position] for _, position, _ in ranked[:limit])

    def _closest(self, name: str) -> tuple[str, ...]:
        """Names in this collection close to ``name``, for an error message."""
        _, display = self._names()
        found = self.search(name, limit=3)
        if found:
            return tuple(display[_id_of(r)] for r in found)
        import difflib

        names = [display[_id_of(r)] for r in self._records]
        return tuple(difflib.get_close_matches(name, names, n=3, cutoff=0.5))


class MemberCollection(_NamedCollection["Member"]):
    """States and organisations: ``get`` by id, ``lookup`` by any name, ``search`` fuzzily.

    ``lookup`` also knows every country of ISO 3166-1 by its names ("Viet Nam", "Burma"): a
    state of the record is found by any of them, and a real country that no statement of the
    record names is reported as such, not as a typo of another country.
    """

    __slots__ = ()

    def _not_found(self, name: str) -> Member:
        from ._countries import lookup as country

        found = country(name)
        if found is None:
            return super()._not_found(name)
        code, country_name = found
        if code in self._by_id:
            if self._positions is None or self._by_id[code] in self._held():
                member = self._all._records[self._by_id[code]]
                if member.kind.value == "state":
                    return member
            raise UnknownIdError(self._kind, name, detail="is not in this filtered selection")
        raise UnknownIdError(
            self._kind,
            name,
            detail=(
                f"is not in the record: {country_name} ({code}) is a country that no statement "
                "of the record names"
            ),
        )

    def filter(
        self,
        *,
        kind: MemberKind | str | None = None,
        status: str | None = None,
    ) -> MemberCollection:
        """Members of this ``kind`` (``state``, ...) and current Bali Process ``status``.

        ``status`` is what the latest statement that says so calls the member (``member``,
        ``observer``, ``applicant``, ``guest``), or ``"not-stated"`` for the members no
        statement of the record gives a status: ``status="member"`` is only those a statement
        calls members in so many words, not every member of the Bali Process. Australia, a
        co-chair, is ``not-stated``: no statement of the record says it is a member.

        Raises:
            InvalidQueryError: a value is not one of the vocabulary's.
        """
        criteria: list[_Criterion] = []
        if kind is not None:
            from .models import MemberKind

            criteria.append(self._index("kind").positions(_vocab(MemberKind, kind, "kind")))
        if status is not None:
            from .models import MemberStatus

            wanted = (
                None
                if status == NOT_STATED
                else _vocab(MemberStatus, status, "status", (NOT_STATED,))
            )
            criteria.append(self._index("status").positions(wanted))
        return self._select(criteria)


class BodyCollection(_NamedCollection["Body"]):
    """Bali Process bodies: ``get`` by id (``WG-TIP``), ``lookup`` by any name (``TIPWG``)."""

    __slots__ = ()

    def filter(
        self,
        *,
        kind: BodyKind | str | None = None,
        parent: str | Body | None = None,
        bali_process: bool | None = None,
    ) -> BodyCollection:
        """Bodies of this ``kind``, directly under ``parent`` (id, name or record), and of the
        Bali Process itself (``bali_process=True``) or not.

        Raises:
            UnknownIdError: ``parent`` names no body.
            InvalidQueryError: a value has the wrong type or is not in its vocabulary.
        """
        index = self._index
        criteria: list[_Criterion] = []
        if kind is not None:
            from .models import BodyKind

            criteria.append(index("kind").positions(_vocab(BodyKind, kind, "kind")))
        if parent is not None:
            parent_id = self._dataset.bodies.lookup(_key(parent, "parent")).id
            criteria.append(index("parent").positions(parent_id))
        if bali_process is not None:
            if type(bali_process) is not bool:
                raise InvalidQueryError(f"bali_process must be True or False, not {bali_process!r}")
            criteria.append(index("bali_process").positions(bali_process))
        return self._select(criteria)


class DocumentCollection(_NamedCollection["Document"]):
    """Documents the statements refer to: ``get``, ``lookup``, ``search``."""

    __slots__ = ()

    def filter(
        self,
        *,
        kind: DocumentKind | str | None = None,
        author: str | Member | Body | None = None,
    ) -> DocumentCollection:
        """Documents of this ``kind`` and by this ``author`` (a member or body).

        Raises:
            UnknownIdError: ``author`` names neither a member nor a body.
            InvalidQueryError: a value has the wrong type or is not in its vocabulary.
        """
        index = self._index
        criteria: list[_Criterion] = []
        if kind is not None:
            from .models import DocumentKind

            criteria.append(index("kind").positions(_vocab(DocumentKind, kind, "kind")))
        if author is not None:
            _key(author, "author")
            criteria.append(
                index("author").positions(_resolve_participant(self._dataset, author, "author"))
            )
        return self._select(criteria)


class SourceCollection(Collection["Source"]):
    """The bundled statements, each with its full text."""

    __slots__ = ()


class MeetingCollection(Collection["Meeting"]):
    """Meetings in date order (undated meetings last)."""

    __slots__ = ()

    def _prepare(self) -> None:
        """Collect each meeting's participants' ids as the record loads (one C-level pass per
        meeting, a small part of the load), so that the first filter by participant scans
        10,000 tuples of ids rather than 300,000 attendance rows."""
        self._cached("participants", self._participant_columns)

    def _participant_columns(self) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        member, body = attrgetter("member"), attrgetter("body")
        records = self._all._records
        return (
            [tuple(map(member, m.attendance)) for m in records],
            [tuple(map(body, m.bodies_present)) for m in records],
        )

    def _participant(self, ref: Ref) -> _Criterion:
        """The positions of the meetings ``ref`` took part in, found once per participant."""
        from .models import RefKind

        def build() -> tuple[int, ...]:
            members, bodies = self._cached("participants", self._participant_columns)
            column = members if ref.kind is RefKind.MEMBER else bodies
            ident = ref.id
            return tuple([i for i, ids in enumerate(column) if ident in ids])

        positions: tuple[int, ...] = self._cached(("participant", ref), build)
        return self._participant_criterion(positions, ref)

    def _participant_criterion(self, positions: tuple[int, ...], ref: Ref) -> _Criterion:
        return positions, lambda: self._cached(
            ("participant set", ref), lambda: frozenset(positions)
        )

    def filter(
        self,
        *,
        year: int | None = None,
        body: str | Body | None = None,
        attended_by: str | Member | Body | None = None,
        role: AttendanceRole | str | None = None,
        contributed: ContributionKind | str | bool | None = None,
        virtual: bool | None = None,
        kind: MeetingKind | str | None = None,
        state: MeetingState | str | None = None,
        source: str | None = None,
        between: tuple[datetime.date, datetime.date] | None = None,
    ) -> MeetingCollection:
        """Meetings matching every criterion given.

        ``body`` (the body that held the meeting) accepts an id, name or alias, or a record.
        ``attended_by`` is a participant: a member or a Bali Process body (``"RSO"``), by id,
        name, alias or record, or ``member:ID`` / ``body:ID`` to say which (see
        :ref:`participants`). ``role`` is a standing (``member``, ``observer``, ``guest``,
        ``unstated``) and ``contributed`` a contribution (``presented``, ..., or ``True`` for
        any): alone, meetings where some participant had it; with ``attended_by``, meetings
        where that participant did. ``state`` is ``held``, ``planned``, ``deferred`` or
        ``unknown`` (every state is included unless asked). ``between=(first, last)`` keeps
        meetings that started on or between those dates.

        Raises:
            UnknownIdError: a member or body is unknown (the error names close matches).
            InvalidQueryError: a value has the wrong type or is not in its vocabulary.
        """
        dataset = self._dataset
        index = self._index
        criteria: list[_Criterion] = []
        if year is not None:
            criteria.append(index("year").positions(_year(year)))
        if body is not None:
            body_id = dataset.bodies.lookup(_key(body, "body")).id
            criteria.append(index("body").positions(body_id))
        wanted_role = None if role is None else _coerce_role(role)
        did: Any = None
        if contributed is not None:
            did = (
                contributed if isinstance(contributed, bool) else _coerce_contribution(contributed)
            )
        if did is False:
            raise InvalidQueryError("contributed takes a contribution kind or True, not False")
        if attended_by is not None and did is None and wanted_role is None:
            # Who took part, alone: from the participants' ids collected at load time (the
            # participation index, with its standing and contribution keys, is built only when
            # those are asked for); a name already resolved is one dictionary lookup.
            # (Refs are kept, not criteria: a criterion's closure holds this view, and through
            # it the dataset, which would make a cycle through the shared cache.)
            named = self._cached("participants named", dict)
            found = named.get(attended_by) if type(attended_by) is str else None
            if found is None:
                ref = _resolve_participant(dataset, attended_by, "attended_by")
                found = (self._participant(ref)[0], ref)
                if type(attended_by) is str:
                    if len(named) >= 4096:
                        named.clear()
                    named[attended_by] = found
            criteria.append(self._participant_criterion(*found))
        elif attended_by is not None:
            ref = _resolve_participant(dataset, attended_by, "attended_by")
            if did is None or wanted_role is not None:
                mine: Hashable = ("participant", ref)
                if wanted_role is not None:
                    mine = ("participant", ref, wanted_role)
                criteria.append(index("participation").positions(mine))
            if did is not None:
                criteria.append(index("participation").positions(("participant", ref, None, did)))
        elif wanted_role is not None or did is not None:
            key: Hashable = ("role", wanted_role) if did is None else ("role", wanted_role, did)
            criteria.append(index("participation").positions(key))
        if state is not None:
            from .models import MeetingState

            criteria.append(index("state").positions(_vocab(MeetingState, state, "state")))
        if virtual is not None:
            if type(virtual) is not bool:
                raise InvalidQueryError(f"virtual must be True or False, not {virtual!r}")
            criteria.append(index("virtual").positions(virtual))
        if kind is not None:
            from .models import MeetingKind

            criteria.append(index("kind").positions(_vocab(MeetingKind, kind, "kind")))
        if source is not None:
            criteria.append(
                index("source").positions(dataset.sources.get(_key(source, "source")).id)
            )
        if between is not None:
            criteria.append(_between(self._all.all(), between))
        return self._select(criteria)


class CommitmentCollection(Collection["Commitment"]):
    """Commitments in the order of the meetings they were made at."""

    __slots__ = ()

    def filter(
        self,
        *,
        actor: str | Member | Body | None = None,
        meeting: str | Meeting | None = None,
        kind: CommitmentKind | str | None = None,
        year: int | None = None,
        status: CommitmentStatus | str | None = None,
        body: str | Body | None = None,
        made_between: tuple[datetime.date, datetime.date] | None = None,
        due_before: datetime.date | None = None,
        expand_groups: bool = False,
    ) -> CommitmentCollection:
        """Commitments matching every criterion given.

        ``actor`` is a member or body (id, name or alias, or the record; ``member:ID`` or
        ``body:ID`` to say which): commitments naming it as an actor; or a group (``"co-chairs"``,
        ``"members"``, ``"participants"``, ``"panellists"``, ``"ministers"``): the commitments of
        that group. With ``expand_groups=True``, a member's commitments include those of the
        groups the record knows it belonged to at that meeting (the co-chairs, the members or
        participants attending, the panellists). ``meeting`` is a meeting id: commitments made
        there; ``year`` the year of that meeting; ``made_between=(first, last)`` its dates.
        ``status`` is the derived status (``complete``, ``no-evidence``, ...: see
        :meth:`~baliprocess.models.Commitment.status_as_of`). ``body`` keeps the commitments
        that concern a body: as an actor, or as what their outcome is about. ``due_before`` keeps
        those with a due date before that date.

        Raises:
            UnknownIdError: the actor or meeting is unknown (the error names close matches).
            InvalidQueryError: a value has the wrong type or is not in its vocabulary.
        """
        dataset = self._dataset
        index = self._index
        criteria: list[_Criterion] = []
        if type(expand_groups) is not bool:
            raise InvalidQueryError(f"expand_groups must be True or False, not {expand_groups!r}")
        if actor is not None:
            ref = _group_or_actor(dataset, actor)
            name = "actor_expanded" if expand_groups and ref.kind.value == "member" else "actor"
            criteria.append(index(name).positions(ref))
        if status is not None:
            from .models import CommitmentStatus

            wanted = _vocab(CommitmentStatus, status, "status")
            criteria.append(index("status").positions(wanted))
        if body is not None:
            body_id = dataset.bodies.lookup(_key(body, "body")).id
            criteria.append(index("body").positions(body_id))
        if made_between is not None:
            first, last = _date_pair(made_between, "made_between")
            made = [(c.made, i) for i, c in enumerate(self._all.all()) if c.made is not None]
            positions = tuple(i for day, i in made if first <= day <= last)
            criteria.append((positions, lambda: frozenset(positions)))
        if due_before is not None:
            if type(due_before) is not datetime.date:
                raise InvalidQueryError(f"due_before takes a datetime.date, not {due_before!r}")
            positions = tuple(
                i
                for i, c in enumerate(self._all.all())
                if c.due is not None and c.due.date is not None and c.due.date < due_before
            )
            criteria.append((positions, lambda: frozenset(positions)))
        if meeting is not None:
            meeting_id = _key(meeting, "meeting")
            criteria.append(index("meeting").positions(_id_of(dataset.meetings.get(meeting_id))))
        if kind is not None:
            from .models import CommitmentKind

            criteria.append(index("kind").positions(_vocab(CommitmentKind, kind, "kind")))
        if year is not None:
            criteria.append(index("year").positions(_year(year)))
        return self._select(criteria)


class FollowUpCollection(Collection["FollowUp"]):
    """Follow-ups of commitments, oldest first: the evidence of what became of them."""

    __slots__ = ()

    def filter(
        self,
        *,
        commitment: str | Commitment | None = None,
        relation: Relation | str | None = None,
    ) -> FollowUpCollection:
        """Follow-ups of this ``commitment`` (an id or the record) and of this ``relation``
        (``fulfils``, ``progresses``, ...).

        Raises:
            UnknownIdError: no commitment has that id.
            InvalidQueryError: a value has the wrong type or is not in its vocabulary.
        """
        criteria: list[_Criterion] = []
        if commitment is not None:
            ident = self._dataset.commitments.get(_key(commitment, "commitment")).id
            criteria.append(self._index("commitment").positions(ident))
        if relation is not None:
            from .models import Relation

            criteria.append(
                self._index("relation").positions(_vocab(Relation, relation, "relation"))
            )
        return self._select(criteria)


def _coerce_role(role: AttendanceRole | str) -> AttendanceRole:
    """``role`` as an :class:`~baliprocess.models.AttendanceRole`.

    Raises:
        InvalidQueryError: it is not one of the roles.
    """
    from .models import AttendanceRole

    return _vocab(AttendanceRole, role, "role")  # type: ignore[no-any-return]


def _coerce_contribution(kind: ContributionKind | str) -> ContributionKind:
    """``kind`` as a :class:`~baliprocess.models.ContributionKind`.

    Raises:
        InvalidQueryError: it is not one of the contribution kinds.
    """
    from .models import ContributionKind

    return _vocab(ContributionKind, kind, "contribution")  # type: ignore[no-any-return]


def _resolve_participant(dataset: Dataset, value: object, what: str) -> Ref:
    """A member or a body, given as a record, an id, name or alias, or ``member:ID``/``body:ID``.

    A plain name is looked up among members and bodies alike; a name that names one of each
    is ambiguous, and the error says how to choose.

    Raises:
        UnknownIdError: neither a member nor a body has that name.
        InvalidQueryError: the name names a member and a body, or the value is not a name.
    """
    from .models import Body, Member, Ref, RefKind

    if isinstance(value, Member):
        return Ref(kind=RefKind.MEMBER, id=dataset.members.get(value.id).id)
    if isinstance(value, Body):
        return Ref(kind=RefKind.BODY, id=dataset.bodies.get(value.id).id)
    key = _key(value, what)
    prefix, sep, rest = key.partition(":")
    if sep and prefix in ("member", "body") and rest:
        collection = dataset.members if prefix == "member" else dataset.bodies
        return Ref(kind=RefKind(prefix), id=collection.lookup(rest).id)
    found: list[Ref] = []
    # Suggestions only: a kept exception would hold its frames (and the dataset) in a cycle.
    suggested: list[str] = []
    kinds = ((RefKind.MEMBER, dataset.members), (RefKind.BODY, dataset.bodies))
    for kind, collection in kinds:
        # Found without a failed lookup's suggestions (a fuzzy search) for the other kind.
        position = collection._position_of(key)
        if position is None and key.rstrip().endswith(")"):
            position = collection._position_of_bracketed(key)
        if position is not None:
            found.append(Ref(kind=kind, id=collection._all._records[position].id))
    if not found:
        for kind, collection in kinds:
            try:
                found.append(Ref(kind=kind, id=collection.lookup(key).id))
            except UnknownIdError as error:
                suggested.extend(error.suggestions)
    if len(found) == 1:
        return found[0]
    if found:
        both = " and ".join(f"{ref.kind.value} {ref.id!r}" for ref in found)
        say = " or ".join(f"'{ref}'" for ref in found)
        raise InvalidQueryError(f"{key!r} names {both}; say {say}")
    raise UnknownIdError("member or body", key, tuple(suggested[:3]))


def _group_or_actor(dataset: Dataset, actor: object) -> Ref:
    """A group named by its value (``"co-chairs"``) or ``group:...``, else a member or body."""
    from .models import Group, Ref, RefKind

    if isinstance(actor, str):
        name = actor.removeprefix("group:")
        if name in Group._value2member_map_:
            return Ref(kind=RefKind.GROUP, id=name)
    return _resolve_participant(dataset, actor, "actor")


def _date_pair(bounds: object, what: str) -> tuple[datetime.date, datetime.date]:
    if not (
        isinstance(bounds, (tuple, list))
        and len(bounds) == 2
        and all(type(b) is datetime.date for b in bounds)
    ):
        raise InvalidQueryError(
            f"{what} takes two datetime.date values (first, last), not {bounds!r}"
        )
    return bounds[0], bounds[1]


def _name_of(record: Any) -> str:
    return getattr(record, "name", None) or record.title  # type: ignore[no-any-return]


def _year(year: object) -> int:
    """A year given as any integer (``2020``, ``numpy.int64(2020)``), but not a bool or text."""
    if not isinstance(year, bool):
        try:
            return operator.index(year)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise InvalidQueryError(f"year must be an int like 2020, not {year!r}")


def _vocab(
    vocabulary: Callable[[Any], Any], value: object, name: str, also: tuple[str, ...] = ()
) -> Any:
    try:
        return vocabulary(value)
    except ValueError:
        values = [v.value for v in vocabulary] + list(also)  # type: ignore[attr-defined]
        allowed = ", ".join(repr(v) for v in values)
        raise InvalidQueryError(f"unknown {name} {value!r}; expected one of {allowed}") from None


def _between(
    meetings: tuple[Meeting, ...], bounds: tuple[datetime.date, datetime.date]
) -> _Criterion:
    import bisect

    first, last = _date_pair(bounds, "between")
    starts = [m.start for m in meetings if m.start is not None]
    low = bisect.bisect_left(starts, first)
    high = bisect.bisect_right(starts, last)
    positions = tuple(range(low, high))
    return positions, lambda: frozenset(positions)
