"""The draft: the record's own classes, with provenance and what could not be resolved."""

from __future__ import annotations

import datetime
import json
import os
import re
from typing import Any

from .._normalize import fold
from ._model import DMeeting, DParticipant, Loose, Range
from ._read import Reading
from ._records import participant_rows

__all__ = ["Draft", "Provenance", "Unresolved"]


class Provenance:
    """How an item was read: the rule that produced it and a confidence in [0, 1]."""

    __slots__ = ("confidence", "rule")

    def __init__(self, rule: str, confidence: float) -> None:
        self.rule = rule
        self.confidence = round(confidence, 2)

    def __repr__(self) -> str:
        return f"Provenance(rule={self.rule!r}, confidence={self.confidence})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Provenance) and (self.rule, self.confidence) == (
            other.rule,
            other.confidence,
        )

    def __hash__(self) -> int:
        return hash((self.rule, self.confidence))


class Unresolved:
    """A name the reader could not resolve: its span and the closest candidates."""

    __slots__ = ("candidates", "context", "span")

    def __init__(self, span: Any, candidates: tuple[str, ...], context: str) -> None:
        self.span = span
        self.candidates = candidates
        self.context = context

    def __repr__(self) -> str:
        return f"Unresolved({self.span.text!r}, candidates={self.candidates!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unresolved) and (self.span, self.candidates, self.context) == (
            other.span,
            other.candidates,
            other.context,
        )

    def __hash__(self) -> int:
        return hash((self.span, self.candidates))


class Draft:
    """A draft record read from one statement.

    Attributes:
        source: the :class:`~baliprocess.models.Source` of the text (its ``text`` is set).
        meetings, commitments, members, bodies, documents: records of the library's own model
            classes. ``members``, ``bodies`` and ``documents`` are those the draft refers to
            (``new`` says which the dataset did not know).
        participants: per meeting id, the participants with standing and contributions apart.
        provenance: item key (``meeting:ID``, ``outcome:ID``, ``commitment:ID``,
            ``attendance:MEETING:MEMBER``) -> :class:`Provenance`.
        unresolved: the names it could not resolve, never guessed into a record.
    """

    def __init__(self, text: str, source_id: str, reading: Reading, resolver: Any) -> None:
        self.text = text
        self.source_id = source_id
        self._reading = reading
        self._resolver = resolver
        self.provenance: dict[str, Provenance] = {}
        self.new: set[str] = set()
        self._build()

    # -- building -----------------------------------------------------------------------------

    def _span(self, r: Range) -> Any:
        from ..models import Span

        a, b = r
        return Span(source=self.source_id, start=a, end=b, text=self.text[a:b])

    def _build(self) -> None:
        from ..models import (
            Commitment,
            CommitmentKind,
            DatePrecision,
            Document,
            DocumentKind,
            Due,
            Inference,
            Location,
            Meeting,
            MeetingKind,
            MeetingState,
            Member,
            MemberKind,
            Outcome,
            ParticipantCount,
            Passage,
            Ref,
            Source,
            SourceFormat,
            Verb,
        )

        reading, resolver, text = self._reading, self._resolver, self.text
        self.participants: dict[str, tuple[DParticipant, ...]] = {}
        first_span: dict[tuple[str, str], Range] = {
            key: span for key, (_, span, _) in reading.named.items()
        }
        wanted: dict[tuple[str, str], Range] = {}

        def need(kind: str, ident: str, fallback: Range) -> None:
            if kind in ("member", "body", "document"):
                wanted.setdefault((kind, ident), first_span.get((kind, ident), fallback))

        keys = {m.key for m in reading.meetings}
        meetings: list[Any] = []
        commitments: list[Any] = []
        for m in reading.meetings:
            precision, start, end = "unknown", None, None
            days: tuple[datetime.date, ...] = ()
            if m.date is not None:
                precision, start, end = m.date.precision, m.date.first, m.date.last
                days = m.date.days if precision == "day" else ()
            location = None
            if m.place is not None and m.country is not None and not m.virtual:
                location = Location(
                    place=m.place,
                    city=m.place if m.place_kind in (None, "city") else None,
                    country=m.country,
                    span=self._span(m.place_span or m.span),
                )
                need("member", m.country, m.place_span or m.span)
            inferred: list[Any] = []
            attendance, bodies_present, co_chairs = participant_rows(m, text, self._span)
            for name, span in m.co_chairs:
                need("member", name.id, span)
            if m.co_chairs_inferred:
                inferred.append(Inference(field="co_chairs", reason=m.co_chairs_inferred))
            for p in m.participants:
                need(p.name.kind, p.name.id, p.span)
                self.provenance[f"attendance:{m.key}:{p.name.id}"] = Provenance(
                    p.rule, p.confidence
                )
            self.participants[m.key] = tuple(m.participants)
            if m.body is not None:
                need("body", m.body, m.span)
            outcomes: list[Any] = []
            for i, o in enumerate(m.outcomes, 1):
                oid = f"{m.key}/o{i}"
                actors = [_ref(Ref, r) for r in o.actors]
                objects = [
                    _ref(Ref, r) for r in o.objects if not r.startswith("meeting:") or r[8:] in keys
                ]
                for r in (*o.actors, *o.objects):
                    kind, _, ident = r.partition(":")
                    need(kind, ident, o.span)
                o_inferred = (
                    (Inference(field="actors", reason=o.actors_inferred),)
                    if o.actors_inferred
                    else ()
                )
                outcomes.append(
                    Outcome(
                        id=oid,
                        text=o.text,
                        actors=tuple(actors),
                        verb=Verb(o.verb_enum),
                        objects=tuple(dict.fromkeys(objects)),
                        span=self._span(o.span),
                        inferred=o_inferred,
                    )
                )
                self.provenance[f"outcome:{oid}"] = Provenance(o.rule, o.confidence)
                for c in o.commitments:
                    cid = f"{m.key}/c{len(commitments) + 1}"
                    due = None
                    if c.due_text and c.due_span:
                        due = Due(
                            text=c.due_text,
                            date=c.due_date,
                            meeting=c.due_meeting if c.due_meeting in keys else None,
                            span=self._span(c.due_span),
                        )
                    commitments.append(
                        Commitment(
                            id=cid,
                            outcome=oid,
                            kind=CommitmentKind(c.kind),
                            actors=tuple(actors),
                            action=c.action,
                            due=due,
                            span=self._span(c.span),
                            inferred=o_inferred,
                        )
                    )
                    self.provenance[f"commitment:{cid}"] = Provenance(c.rule, c.confidence)
            meetings.append(
                Meeting(
                    id=m.key,
                    title=m.title,
                    kind=MeetingKind(m.kind),
                    state=MeetingState(m.state),
                    number=m.number,
                    body=m.body,
                    start=start,
                    end=end,
                    days=tuple(days),
                    date_precision=DatePrecision(precision),
                    date_text=m.date.text if m.date is not None else None,
                    location=location,
                    virtual=m.virtual,
                    co_chairs=tuple(dict.fromkeys(co_chairs)),
                    attendance=tuple(attendance),
                    bodies_present=tuple(bodies_present),
                    participants=tuple(
                        ParticipantCount(count=n, description=d, span=self._span(r))
                        for n, d, r in m.counts
                    ),
                    purpose=tuple(Passage(text=t, span=self._span(r)) for t, r in m.purposes),
                    agenda=tuple(Passage(text=t, span=self._span(r)) for t, r in m.agenda),
                    outcomes=tuple(outcomes),
                    source=self.source_id,
                    span=self._span(m.span),
                    mentions=tuple(self._span(r) for r in m.mentions),
                    inferred=tuple(inferred),
                )
            )
            self.provenance[f"meeting:{m.key}"] = Provenance(
                m.rule + ("+primary" if m.primary else ""), 0.9 if m.primary else 0.7
            )
        # bodies and documents named anywhere are part of the draft too
        for (kind, ident), (_, span, _) in reading.named.items():
            if kind in ("body", "document") and ident != "BP":
                need(kind, ident, span)
        members: list[Any] = []
        bodies: list[Any] = []
        documents: list[Any] = []
        dataset = resolver.dataset
        for (kind, ident), span in sorted(wanted.items()):
            name = resolver.by_key.get((kind, ident))
            if kind == "member":
                if name is not None and name.new:
                    self.new.add(f"member:{ident}")
                    members.append(
                        Member(
                            id=ident,
                            name=name.name,
                            kind=MemberKind("state"),
                            iso2=name.iso2,
                            iso3=ident,
                            span=self._span(span),
                        )
                    )
                elif ident in dataset.members:
                    known = dataset.members.get(ident)
                    members.append(
                        _restated(known, self._span(span), ("name", "aliases", "iso2", "iso3"))
                    )
            elif kind == "body" and ident in dataset.bodies:
                known = dataset.bodies.get(ident)
                bodies.append(
                    _restated(known, self._span(span), ("name", "aliases", "bali_process"))
                )
            elif kind == "document" and ident in dataset.documents:
                known = dataset.documents.get(ident)
                documents.append(_restated(known, self._span(span), ("title", "aliases", "year")))
        taken = {d.id for d in documents} | {d.id for d in dataset.documents}
        for title, span, kind in reading.new_documents.values():
            ident = "-".join(fold(title).split()[:6])
            if ident in taken:
                continue
            taken.add(ident)
            self.new.add(f"document:{ident}")
            documents.append(
                Document(id=ident, title=title, kind=DocumentKind(kind), span=self._span(span))
            )
            self.provenance[f"document:{ident}"] = Provenance("document-title", 0.6)
        self.meetings = tuple(meetings)
        self.commitments = tuple(commitments)
        self.members = tuple(members)
        self.bodies = tuple(bodies)
        self.documents = tuple(documents)
        first = next((m for m in reading.meetings if m.primary), None)
        source_date = (
            first.date.first
            if first is not None and first.date is not None
            else datetime.date(1970, 1, 1)
        )
        self.source = Source(
            id=self.source_id,
            title=(first.title if first is not None else "Statement"),
            date=source_date,
            format=SourceFormat("markdown")
            if re.search(r"^#{1,6} |\*\*", text, re.M)
            else SourceFormat("text"),
            path=f"sources/{self.source_id}.txt",
            meetings=tuple(m.id for m in meetings),
        )
        object.__setattr__(self.source, "text", text)
        failure = getattr(reading, "failure", None)
        if failure is not None:
            self.provenance["reader"] = Provenance(f"failed: {failure}", 0.0)
        self.unresolved = tuple(
            Unresolved(self._span(loose.span), loose.candidates, loose.context)
            for loose in reading.loose
        )

    # -- output -------------------------------------------------------------------------------

    def records(self) -> dict[str, tuple[Any, ...]]:
        """Every record of the draft, by kind (the registry's kind names)."""
        return {
            "sources": (self.source,),
            "members": self.members,
            "bodies": self.bodies,
            "documents": self.documents,
            "meetings": self.meetings,
            "commitments": self.commitments,
        }

    def spans(self) -> list[Any]:
        """Every span of the draft (for checking that each quotes the text exactly)."""
        from ..models import Span

        out: list[Any] = []

        def walk(value: Any) -> None:
            if isinstance(value, Span):
                out.append(value)
            elif isinstance(value, tuple):
                for item in value:
                    walk(item)
            elif hasattr(value, "__attrs_attrs__"):
                for attribute in value.__attrs_attrs__:
                    walk(getattr(value, attribute.name))

        for records in self.records().values():
            walk(records)
        for item in self.unresolved:
            out.append(item.span)
        return out

    def to_files(self, folder: str | os.PathLike[str], *, standalone: bool = True) -> None:
        """Write the draft in the data format: ``sources/<id>.txt`` and the JSON files.

        With ``standalone=True`` (the default) every member, body and document the draft refers
        to is written too (with its first span in this text), so ``bp.load(folder,
        bundled=False)`` takes the folder on its own; with ``standalone=False`` only what the
        dataset did not know is written, for ``bp.load(folder)`` on top of the bundled record.
        Low-confidence items and unresolved names are listed in ``sources/<id>.review.json``.
        """
        from .._converter import converter
        from .._export import dumps

        path = os.fspath(folder)
        os.makedirs(os.path.join(path, "sources"), exist_ok=True)
        with open(os.path.join(path, self.source.path), "w", encoding="utf-8", newline="") as f:
            f.write(self.text)
        for kind, records in self.records().items():
            if not standalone and kind in ("members", "bodies", "documents"):
                records = tuple(
                    r
                    for r in records
                    if f"{kind[:-1] if kind != 'bodies' else 'body'}:{r.id}" in self.new
                )
            with open(os.path.join(path, f"{kind}.json"), "w", encoding="utf-8") as f:
                f.write(dumps(kind, [converter.unstructure(r) for r in records]))
        review = [
            {"item": key, "rule": p.rule, "confidence": p.confidence}
            for key, p in self.provenance.items()
            if p.confidence < 0.7
        ]
        review += [
            {
                "unresolved": u.span.text,
                "at": [u.span.start, u.span.end],
                "candidates": list(u.candidates),
            }
            for u in self.unresolved
        ]
        review_path = os.path.join(path, "sources", f"{self.source_id}.review.json")
        with open(review_path, "w", encoding="utf-8") as f:
            json.dump(review, f, ensure_ascii=False, indent=1)
            f.write("\n")

    def to_json(self) -> dict[str, Any]:
        """The draft as JSON-ready data (records, provenance, unresolved)."""
        from .._converter import converter

        out: dict[str, Any] = {
            kind: [converter.unstructure(r) for r in records]
            for kind, records in self.records().items()
        }
        out["provenance"] = {
            k: {"rule": p.rule, "confidence": p.confidence} for k, p in self.provenance.items()
        }
        out["unresolved"] = [
            {
                "text": u.span.text,
                "start": u.span.start,
                "end": u.span.end,
                "candidates": list(u.candidates),
            }
            for u in self.unresolved
        ]
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Draft) and self.to_json() == other.to_json()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<Draft {self.source_id}: {len(self.meetings)} meetings, "
            f"{sum(len(m.outcomes) for m in self.meetings)} outcomes, "
            f"{len(self.commitments)} commitments, {len(self.unresolved)} unresolved>"
        )


def _ref(cls: Any, ref: str) -> Any:
    from ..models import RefKind

    kind, _, ident = ref.partition(":")
    return cls(kind=RefKind(kind), id=ident)


def _unused(_: DMeeting, __: Loose) -> None:  # pragma: no cover - keeps imports explicit
    return None


def _restated(known: Any, span: Any, keep: tuple[str, ...]) -> Any:
    """A record the dataset already has, as this statement names it: its id, kind and the
    ``keep`` fields, with the span in this text (its links and other evidence are the
    dataset's, not the draft's)."""
    fields = {name: getattr(known, name) for name in ("id", "kind", *keep)}
    return type(known)(**fields, span=span)
