"""The kinds of record, each declared once.

Every kind of record (sources, members, bodies, documents, meetings, commitments) is one
:class:`Kind` below: its data file, its model class, what it needs loaded first, its collection
class, the field that names it, its indexes and the rules that only it has. The loader, the
checks, the writer and exports, the command line, the test strategies and the benchmarks all
iterate :data:`KINDS`; nothing else lists the kinds. (pycountry declares its databases the same
way: one short declaration each, one instance each.)

Adding a kind of record is: its model module, one entry here, its data file and its docs. Its
structuring and its checks of references, spans and inferred fields are derived from the attrs
fields of its model (see :mod:`baliprocess._structure` and :mod:`baliprocess._checks`).

This module imports nothing heavy: the models and collections are imported when first needed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Hashable, Iterable
from typing import Any

__all__ = ["BY_TARGET", "FORMAT", "KINDS", "NESTED", "TARGETS", "Kind", "kind_of_target"]

FORMAT = "baliprocess/2"
"""The name and version of the data format, written in every data file. Files of an earlier
version still load: :mod:`baliprocess._upgrade` rewrites their records on the way in."""

IndexKeys = Callable[[Any, Any], Iterable[Hashable]]
"""An index: the keys a record is found under (given the record and its dataset)."""


class Kind:
    """The declaration of one kind of record.

    Attributes:
        name: the data file's key, the collection's name on a dataset (``"meetings"``).
        target: what a field's ``refers_to`` metadata calls a record of this kind (``"meeting"``).
        model: the model class, as ``"module.Class"`` under :mod:`baliprocess.models`.
        needs: the kinds loaded first (the kinds its references point to).
        collection: the collection class's name in :mod:`baliprocess.collections` (the plain
            :class:`~baliprocess.collections.Collection` unless the kind has filters of its own).
        name_field: the field that names a record (``"name"``, ``"title"``), for lookups and the
            check that no two records share a name; ``None`` for kinds looked up by id only.
        indexes: name -> the keys a record is found under; built once, on the first filter.
        rules: the checks only this kind has, as ``"module.function"`` under
            :mod:`baliprocess`; everything else is checked from the field metadata.
        order: how the loaded records are ordered: given the dataset and the records read, the
            key function to sort them by (stable).
    """

    __slots__ = (
        "_cls",
        "collection",
        "file",
        "indexes",
        "model",
        "name",
        "name_field",
        "needs",
        "order",
        "rules",
        "target",
    )

    def __init__(
        self,
        name: str,
        target: str,
        model: str,
        *,
        needs: tuple[str, ...] = (),
        collection: str = "Collection",
        name_field: str | None = None,
        indexes: dict[str, IndexKeys] | None = None,
        rules: str | None = None,
        order: Callable[[Any, list[Any]], Callable[[Any], Any]] | None = None,
    ) -> None:
        self.name = name
        self.target = target
        self.file = f"{name}.json"
        self.model = model
        self.needs = needs
        self.collection = collection
        self.name_field = name_field
        self.indexes = indexes or {}
        self.rules = rules
        self.order = order
        self._cls: type[Any] | None = None

    @property
    def cls(self) -> type[Any]:
        """The model class (its module is imported on first use)."""
        if self._cls is None:
            module, _, name = self.model.rpartition(".")
            self._cls = getattr(importlib.import_module(f"baliprocess.models.{module}"), name)
        return self._cls

    def collection_class(self) -> type[Any]:
        from . import collections

        return getattr(collections, self.collection)  # type: ignore[no-any-return]

    def rule(self) -> Callable[..., None] | None:
        if self.rules is None:
            return None
        module, _, name = self.rules.rpartition(".")
        return getattr(importlib.import_module(f"baliprocess.{module}"), name)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"<Kind {self.name}: {self.model} in {self.file}>"


# -- the indexes and orders the declarations below use --------------------------------------


def _meeting_order(_: Any, __: list[Any]) -> Callable[[Any], Any]:
    import datetime

    def key(meeting: Any) -> tuple[Any, ...]:
        start = meeting.start or datetime.date.max
        return (start, meeting.end or start, meeting.id)

    return key


def _commitment_order(dataset: Any, commitments: list[Any]) -> Callable[[Any], Any]:
    """By the place of each commitment's outcome among all outcomes (meetings in date order,
    then the outcomes of a meeting in theirs); an unknown outcome sorts last.

    Only the outcomes the commitments name are placed: the meetings hold many more outcomes
    than are committed to, and the index of them all is not needed to load.
    """
    from operator import attrgetter

    wanted = {commitment.outcome for commitment in commitments}
    place: dict[str, tuple[int, int]] = {}
    outcome_id = attrgetter("id")
    for position, meeting in enumerate(dataset.meetings):
        if not wanted.isdisjoint(map(outcome_id, meeting.outcomes)):
            for within, outcome in enumerate(meeting.outcomes):
                if outcome.id in wanted:
                    place[outcome.id] = (position, within)
    last = (len(dataset.meetings), 0)
    return lambda commitment: place.get(commitment.outcome, last)


def _participation_keys(meeting: Any) -> set[tuple[Any, ...]]:
    """The keys a meeting is found under by who took part, in what standing, doing what.

    A participant has one row per meeting, so a participant's keys may be intersected; keys
    without a participant pair standing and contribution of the same row.
    """
    from .models import Ref, RefKind

    keys: set[tuple[Any, ...]] = set()
    rows = [(Ref(kind=RefKind.MEMBER, id=row.member), row) for row in meeting.attendance]
    rows += [(Ref(kind=RefKind.BODY, id=row.body), row) for row in meeting.bodies_present]
    for ref, row in rows:
        did = [c.kind for c in row.contributions] + ([True] if row.contributions else [])
        keys.update((("participant", ref), ("participant", ref, row.role), ("role", row.role)))
        for kind in did:
            keys.update(
                (("participant", ref, None, kind), ("role", None, kind), ("role", row.role, kind))
            )
    return keys


def _expanded_actors(commitment: Any, dataset: Any) -> list[Any]:
    """A commitment's actors, and the members of its group actors where the record knows them:
    the co-chairs, the members or participants attending, the panellists of its meeting."""
    from .models import AttendanceRole, ContributionKind, Group, Ref, RefKind

    meeting = _meeting_of_commitment(commitment, dataset)
    rows = meeting.attendance
    known = {  # the groups whose members a meeting's record gives (not the Ministers)
        Group.CO_CHAIRS: set(meeting.co_chairs)
        | {r.member for r in rows if r.contributed(ContributionKind.CO_CHAIRED)},
        Group.MEMBERS: {r.member for r in rows if r.role is AttendanceRole.MEMBER},
        Group.PARTICIPANTS: {r.member for r in rows},
        Group.PANELLISTS: {r.member for r in rows if r.contributed(ContributionKind.PANELLIST)},
    }
    refs = list(commitment.actors)
    for actor in commitment.actors:
        if actor.kind is RefKind.GROUP:
            members = known.get(Group(actor.id), set())
            refs += [Ref(kind=RefKind.MEMBER, id=m) for m in sorted(members)]
    return refs


def _bodies_concerned(commitment: Any, dataset: Any) -> set[str]:
    """The bodies a commitment concerns: its actors, and what its outcome is about."""
    outcome = dataset._outcome_index()[commitment.outcome][1]
    refs = (*commitment.actors, *outcome.objects)
    return {ref.id for ref in refs if ref.kind.value == "body"}


def _meeting_of_commitment(commitment: Any, dataset: Any) -> Any:
    return dataset._outcome_index()[commitment.outcome][0]


def _year_of(meeting: Any) -> tuple[int, ...]:
    return () if meeting.start is None else (meeting.year,)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("sources", "source", "sources.Source", collection="SourceCollection"),
        Kind(
            "members",
            "member",
            "members.Member",
            needs=("sources",),
            collection="MemberCollection",
            name_field="name",
            indexes={
                "kind": lambda m, _: (m.kind,),
                "status": lambda m, _: (m.current_status,),
            },
            rules="_rules.members",
        ),
        Kind(
            "bodies",
            "body",
            "bodies.Body",
            needs=("sources", "members"),
            collection="BodyCollection",
            name_field="name",
            indexes={
                "kind": lambda b, _: (b.kind,),
                "parent": lambda b, _: () if b.parent is None else (b.parent,),
                "bali_process": lambda b, _: (b.bali_process,),
            },
        ),
        Kind(
            "documents",
            "document",
            "documents.Document",
            needs=("sources", "members", "bodies"),
            collection="DocumentCollection",
            name_field="title",
            indexes={
                "kind": lambda d, _: (d.kind,),
                "author": lambda d, _: d.authors,
            },
        ),
        Kind(
            "meetings",
            "meeting",
            "meetings.Meeting",
            needs=("sources", "members", "bodies", "documents"),
            collection="MeetingCollection",
            indexes={
                "year": lambda m, _: _year_of(m),
                "body": lambda m, _: () if m.body is None else (m.body,),
                "participation": lambda m, _: _participation_keys(m),
                "state": lambda m, _: (m.state,),
                "virtual": lambda m, _: () if m.virtual is None else (m.virtual,),
                "kind": lambda m, _: (m.kind,),
                "source": lambda m, _: (m.source,),
            },
            rules="_rules.meetings",
            order=_meeting_order,
        ),
        Kind(
            "commitments",
            "commitment",
            "commitments.Commitment",
            needs=("sources", "members", "bodies", "documents", "meetings"),
            collection="CommitmentCollection",
            indexes={
                "actor": lambda c, _: c.actors,
                "actor_expanded": lambda c, d: _expanded_actors(c, d),
                "status": lambda c, _: (c.status,),
                "body": lambda c, d: _bodies_concerned(c, d),
                "meeting": lambda c, d: (_meeting_of_commitment(c, d).id,),
                "kind": lambda c, _: (c.kind,),
                "year": lambda c, d: _year_of(_meeting_of_commitment(c, d)),
            },
            rules="_rules.commitments",
            order=_commitment_order,
        ),
        Kind(
            "followups",
            "followup",
            "followups.FollowUp",
            needs=("sources", "members", "bodies", "documents", "meetings", "commitments"),
            collection="FollowUpCollection",
            indexes={
                "commitment": lambda f, _: (f.commitment,),
                "relation": lambda f, _: (f.relation,),
            },
            rules="_rules.followups",
            order=lambda _, __: lambda followup: followup.date,
        ),
    )
}
"""Every kind of record, in load order."""

BY_TARGET: dict[str, Kind] = {kind.target: kind for kind in KINDS.values()}
"""Each kind by what a reference calls one of its records (``"meeting"``)."""

NESTED: dict[str, tuple[str, str]] = {"outcome": ("meetings", "outcomes")}
"""Records with ids of their own held inside another kind's records: target -> (kind, field).
Their ids are known (and may be referred to) once the holding kind is loaded."""

TARGETS: tuple[str, ...] = (*(kind.target for kind in KINDS.values()), *NESTED)
"""Everything a field's ``refers_to`` may name."""


def kind_of_target(target: str) -> str:
    """The kind whose loading makes ``target`` ids known (``"outcome"`` -> ``"meetings"``)."""
    kind = BY_TARGET.get(target)
    return NESTED[target][0] if kind is None else kind.name
