"""A deterministic synthetic record in the bundled format, for the scale benchmarks.

    python benchmarks/synthetic.py OUTDIR --meetings 10000 --attendance 300000 --outcomes 100000

writes the six data files (``sources.json`` ... ``commitments.json``) and the source texts under
``OUTDIR/sources/``. The output depends only on the arguments (the random generator is seeded),
and it is valid: ``baliprocess.load(OUTDIR, bundled=False)`` accepts it. Every span is real: the
source texts are written from the span texts themselves, so ``text[start:end] == span.text``
(offsets in code points; a few names carry accents to keep that honest).

Shape, besides the three sizes given: about 200 members (states and organisations, with
aliases; attendance is skewed, so a few members attend nearly every meeting and many attend a
handful), 20 bodies, 50 documents, 2000 commitments and 300 source statements, each describing a
run of consecutive meetings.
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import heapq
import json
import math
import random
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from baliprocess._registry import FORMAT

__all__ = ["MANIFEST", "Params", "generate", "is_current"]

GENERATOR_VERSION = 2
MANIFEST = "_synthetic.json"
"""Written beside the data files (the loader ignores it): the parameters and counts."""

Record = dict[str, Any]


@dataclass(frozen=True)
class Params:
    """What to generate. The same parameters always give the same bytes."""

    meetings: int = 10_000
    attendance: int = 300_000
    outcomes: int = 100_000
    members: int = 200
    bodies: int = 20
    documents: int = 50
    commitments: int = 2_000
    sources: int = 300
    seed: int = 2002


# -- names -----------------------------------------------------------------------------------

_SYLLABLES = (  # noqa: SIM905 - a word list reads better as one string
    "ka ro mi ta ne sa lo vi da re mo zu ba ri te na go la shi ve po ku mar sel tor fen gar "
    "dri lan bor quin mun zel hav"
).split()
_SUFFIXES = ("ia", "land", "stan", "ica", "ora", "ania", "istan", "ova", "uay", "ea")
_TOPICS = (
    "Trafficking in Persons",
    "People Smuggling",
    "Border Management",
    "Irregular Migration",
    "Labour Migration",
    "Identity Management",
    "Forced Labour",
    "Victim Support",
    "Law Enforcement Cooperation",
    "Return and Reintegration",
    "Document Fraud",
    "Protection at Sea",
    "Money Laundering",
    "Legal Frameworks",
    "Data Sharing",
    "Child Protection",
    "Regional Cooperation",
    "Supply Chains",
    "Online Exploitation",
    "Displacement",
    "Consular Assistance",
    "Refugee Protection",
    "Capacity Building",
    "Public Awareness",
)
_FIXED_STATES = (
    ("AUS", "AU", "Australia", ("Commonwealth of Australia",)),
    ("NZL", "NZ", "New Zealand", ("Aotearoa New Zealand",)),
    ("IDN", "ID", "Indonesia", ("Republic of Indonesia", "Jakartam Indonesia")),
    ("ARE", "AE", "United Arab Emirates", ("UAE",)),
    ("VNM", "VN", "Viet Nam", ("Việt Nam", "Vietnam")),
    ("CIV", "CI", "Côte d'Ivoire", ("Ivory Coast",)),
)
_FIXED_ORGANISATIONS = (
    ("IOM", "International Organization for Migration", "international-organisation"),
    ("UNHCR", "United Nations High Commissioner for Refugees", "international-organisation"),
    ("UNODC", "United Nations Office on Drugs and Crime", "international-organisation"),
    ("ILO", "International Labour Organization", "international-organisation"),
)
_FIXED_BODIES = (
    ("AHG", "Ad Hoc Group", "group", ("Bali Process Ad Hoc Group",)),
    ("WG-TIP", "Working Group on Trafficking in Persons", "working-group", ("TIPWG",)),
    ("RSO", "Regional Support Office", "office", ("Bali Process RSO",)),
)
_MEETING_KINDS = (
    "senior-officials-meeting",
    "ministerial-conference",
    "annual-meeting",
    "working-group-meeting",
    "workshop",
    "webinar",
    "forum",
    "consultation",
    "preparatory-meeting",
    "experts-gathering",
)
_VERBS = (  # noqa: SIM905 - the Verb vocabulary, as one string
    "acknowledged adopted affirmed agreed commended committed confirmed deferred discussed "
    "distributed endorsed heard highlighted invited launched noted presented provided reaffirmed "
    "recalled received recognised recommended reflected requested reviewed tasked thanked "
    "updated welcomed will"
).split()
_DOCUMENT_KINDS = (  # noqa: SIM905 - the DocumentKind vocabulary, as one string
    "agenda compact compendium concept-note declaration guide paper recommendations report "
    "statement strategy training-module work-plan"
).split()
_COMMITMENT_KINDS = ("undertaking", "tasking", "deferral", "recommendation", "plan")
_GROUPS = ("members", "participants", "co-chairs", "panellists", "ministers")
_FIRST = datetime.date(2002, 1, 1)
_LAST = datetime.date(2024, 12, 31)


def _fold(text: str) -> str:
    """The package's name folding (case, accents, punctuation, a leading "the")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch == " ") else " "
        for ch in decomposed
        if not unicodedata.combining(ch)
    )
    words = kept.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _slug(text: str) -> str:
    return "-".join(_fold(text).split())


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _when(start: datetime.date, end: datetime.date) -> str:
    if start == end:
        return f"{start.day} {calendar.month_name[start.month]} {start.year}"
    if start.month == end.month:
        return f"{start.day}-{end.day} {calendar.month_name[start.month]} {start.year}"
    return (
        f"{start.day} {calendar.month_name[start.month]} - "
        f"{end.day} {calendar.month_name[end.month]} {end.year}"
    )


class _Texts:
    """The source texts, written from the spans: each span's text is appended once per source
    (later spans of the same words reuse the first occurrence, as a statement names a member
    once in a list and several facts quote it)."""

    def __init__(self) -> None:
        self._parts: dict[str, list[str]] = {}
        self._length: dict[str, int] = {}
        self._seen: dict[tuple[str, str], int] = {}

    def open(self, source: str, heading: str) -> None:
        self._parts[source] = [heading, "\n\n"]
        self._length[source] = len(heading) + 2

    def span(self, source: str, text: str) -> Record:
        key = (source, text)
        start = self._seen.get(key)
        if start is None:
            start = self._length[source]
            self._parts[source].append(text)
            self._parts[source].append("\n")
            self._length[source] += len(text) + 1
            self._seen[key] = start
        return {"source": source, "start": start, "end": start + len(text), "text": text}

    def text(self, source: str) -> str:
        return "".join(self._parts[source])


def _sizes(rng: random.Random, total: int, count: int, high: int) -> list[int]:
    """``count`` sizes in ``0..high`` summing to ``total``, spread around the mean."""
    if count == 0:
        return []
    if total > count * high:
        raise ValueError(f"cannot place {total} rows in {count} records of at most {high}")
    base, extra = divmod(total, count)
    sizes = [base + (1 if i < extra else 0) for i in range(count)]
    rng.shuffle(sizes)
    spread = max(1, base // 2)
    for i in range(0, count - 1, 2):
        a, b = sizes[i], sizes[i + 1]
        low, up = max(-a, b - high, -spread), min(high - a, b, spread)
        if low <= up:
            shift = rng.randint(low, up)
            sizes[i], sizes[i + 1] = a + shift, b - shift
    return sizes


def _weighted_sample(rng: random.Random, inverse_weights: Sequence[float], k: int) -> list[int]:
    """``k`` distinct positions drawn by weight (Efraimidis-Spirakis), heaviest likeliest."""
    keys = [rng.random() ** inverse for inverse in inverse_weights]
    return heapq.nlargest(k, range(len(keys)), key=keys.__getitem__)


class _Names:
    """Invented names, unique after folding across everything a member is called."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self.taken: set[str] = set()

    def claim(self, *names: str) -> bool:
        folded = {_fold(n) for n in names}
        if folded & self.taken:
            return False
        self.taken |= folded
        return True

    def word(self) -> str:
        count = self._rng.choice((2, 2, 3))
        stem = "".join(self._rng.choice(_SYLLABLES) for _ in range(count))
        return (stem + self._rng.choice(_SUFFIXES)).capitalize()


def _typo(rng: random.Random, name: str) -> str:
    """The name with two neighbouring letters swapped, as statements sometimes misspell."""
    i = rng.randrange(1, len(name) - 2)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


# -- the generator ---------------------------------------------------------------------------


class _Generator:
    def __init__(self, params: Params) -> None:
        self.p = params
        self.rng = random.Random(params.seed)
        self.texts = _Texts()
        self.names = _Names(self.rng)
        self.source_ids = [f"stmt-{k:03d}" for k in range(params.sources)]
        self.display: dict[str, str] = {f"group:{g}": f"the {g.replace('-', ' ')}" for g in _GROUPS}
        for k, ident in enumerate(self.source_ids):
            self.texts.open(ident, f"Co-Chairs' Statement {k + 1}")

    def any_source(self) -> str:
        return self.rng.choice(self.source_ids)

    def date(self) -> datetime.date:
        span = (_LAST - _FIRST).days
        return _FIRST + datetime.timedelta(days=self.rng.randrange(span + 1))

    # members ---------------------------------------------------------------------------------

    def members(self) -> list[Record]:
        p, rng = self.p, self.rng
        states = max(len(_FIXED_STATES), round(p.members * 0.85))
        organisations = max(0, p.members - states)
        members: list[Record] = []
        used_ids: set[str] = set()
        used_iso2: set[str] = set()
        for fixed_id, fixed_iso2, fixed_name, fixed_aliases in _FIXED_STATES[: p.members]:
            self.names.claim(fixed_id, fixed_name, *fixed_aliases)
            used_ids.add(fixed_id)
            used_iso2.add(fixed_iso2)
            members.append(
                self.member(fixed_id, fixed_name, "state", list(fixed_aliases), fixed_iso2)
            )
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        while len(members) < states and len(members) < p.members:
            ident = "".join(rng.choice(letters) for _ in range(3))
            iso2 = ident[:2]
            while iso2 in used_iso2:
                iso2 = "".join(rng.choice(letters) for _ in range(2))
            name = self.names.word()
            aliases: list[str] = []
            if rng.random() < 0.4:
                aliases.append(f"Republic of {name}")
            if rng.random() < 0.2:
                aliases.append(_typo(rng, name))
            if ident in used_ids or not self.names.claim(ident, name, *aliases):
                continue
            used_ids.add(ident)
            used_iso2.add(iso2)
            members.append(self.member(ident, name, "state", aliases, iso2))
        fixed_organisations = list(_FIXED_ORGANISATIONS[:organisations])
        while len(members) < p.members:
            if fixed_organisations:
                ident, name, kind = fixed_organisations.pop(0)
            else:
                topic = rng.choice(_TOPICS)
                name = f"{self.names.word()} Institute for {topic}"
                ident = "".join(w[0] for w in name.split() if w[0].isupper()) + str(len(members))
                kind = rng.choice(("international-organisation", "other-organisation"))
            if ident in used_ids or not self.names.claim(ident, name):
                continue
            used_ids.add(ident)
            members.append(self.member(ident, name, kind, [], None))
        return members

    def member(
        self, ident: str, name: str, kind: str, aliases: list[str], iso2: str | None
    ) -> Record:
        rng = self.rng
        first = self.any_source()
        status = []
        for _ in range(rng.choice((0, 1, 1, 2))):
            source = self.any_source()
            status.append(
                {
                    "status": rng.choice(("member", "member", "observer", "applicant", "guest")),
                    "as_of": self.date().isoformat(),
                    "span": self.texts.span(source, name),
                    "inferred": None if rng.random() < 0.9 else "listed without a role",
                }
            )
        inferred = (
            [{"field": "kind", "reason": "not stated; taken from the name"}]
            if rng.random() < 0.05
            else []
        )
        return {
            "id": ident,
            "name": name,
            "kind": kind,
            "aliases": aliases,
            "iso2": iso2,
            "iso3": ident if kind == "state" else None,
            "status": status,
            "note": None if rng.random() < 0.9 else f"Synthetic member {ident}.",
            "span": self.texts.span(first, name),
            "inferred": inferred,
        }

    # bodies and documents --------------------------------------------------------------------

    def bodies(self, states: list[str]) -> list[Record]:
        rng = self.rng
        bodies: list[Record] = []
        specs: list[tuple[str, str, str, tuple[str, ...]]] = list(_FIXED_BODIES[: self.p.bodies])
        topics = list(_TOPICS)
        rng.shuffle(topics)
        k = 0
        while len(specs) < self.p.bodies:
            topic = topics[k % len(topics)]
            k += 1
            initials = "".join(w[0] for w in topic.split() if w[0].isupper())
            ident = f"WG-{initials}{k}"
            specs.append((ident, f"Working Group on {topic} {k}", "working-group", ()))
        for ident, name, kind, aliases in specs:
            source = self.any_source()
            co_chairs = [
                {
                    "member": member,
                    "as_of": self.date().isoformat(),
                    "span": self.texts.span(source, f"co-chaired by {member}"),
                    "inferred": None,
                }
                for member in rng.sample(states, 2)
            ]
            established = None
            if rng.random() < 0.5:
                text = f"The {name} was established to advance cooperation."
                established = {"text": text, "span": self.texts.span(source, text)}
            bodies.append(
                {
                    "id": ident,
                    "name": name,
                    "kind": kind,
                    "aliases": list(aliases),
                    "parent": None if ident == "AHG" or not bodies else bodies[0]["id"],
                    "bali_process": rng.random() < 0.9,
                    "co_chairs": co_chairs,
                    "established": established,
                    "span": self.texts.span(source, name),
                    "inferred": [],
                }
            )
        return bodies

    def documents(self, authors: list[str]) -> list[Record]:
        rng = self.rng
        documents: list[Record] = []
        for k in range(self.p.documents):
            kind = rng.choice(_DOCUMENT_KINDS)
            title = f"{rng.choice(_TOPICS)} {kind.replace('-', ' ').title()} {k + 1}"
            documents.append(
                {
                    "id": _slug(title),
                    "title": title,
                    "kind": kind,
                    "aliases": [f"the {kind.replace('-', ' ')} no. {k + 1}"],
                    "authors": rng.sample(authors, rng.choice((1, 1, 2))),
                    "year": rng.randint(_FIRST.year, _LAST.year) if rng.random() < 0.9 else None,
                    "span": self.texts.span(self.any_source(), title),
                    "inferred": [],
                }
            )
        return documents

    # meetings --------------------------------------------------------------------------------

    def meetings(
        self,
        members: list[Record],
        bodies: list[Record],
        documents: list[Record],
    ) -> tuple[list[Record], list[list[str]]]:
        p, rng = self.p, self.rng
        states = [m for m in members if m["kind"] == "state"]
        inverse_weights = [1.0 / math.exp(-i / 25.0) for i in range(len(members))]
        body_weights = [1.0 / (i + 1) for i in range(len(bodies))]
        attendance_sizes = _sizes(rng, p.attendance, p.meetings, len(members))
        outcome_sizes = _sizes(rng, p.outcomes, p.meetings, max(1, 4 * p.outcomes))
        starts = sorted(self.date() for _ in range(p.meetings))
        per_source = max(1, math.ceil(p.meetings / max(1, p.sources)))
        numbers: dict[str, int] = {}
        reported: list[list[str]] = [[] for _ in self.source_ids]
        meetings: list[Record] = []
        self.display.update({f"member:{m['id']}": m["name"] for m in members})
        self.display.update({f"body:{b['id']}": f"the {b['name']}" for b in bodies})
        self.display.update({f"document:{d['id']}": f"the {d['title']}" for d in documents})
        refs = (
            [f"document:{d['id']}" for d in documents]
            + [f"body:{b['id']}" for b in bodies]
            + [f"member:{m['id']}" for m in members[:20]]
        )
        for i, start in enumerate(starts):
            source_index = min(i // per_source, len(self.source_ids) - 1)
            source = self.source_ids[source_index]
            body = rng.choices(bodies, weights=body_weights)[0] if rng.random() < 0.9 else None
            series = body["id"] if body is not None else "workshop"
            numbers[series] = number = numbers.get(series, 0) + 1
            ident = f"{_slug(series)}-{number}"
            title = (
                f"{_ordinal(number)} Meeting of the {body['name']}"
                if body is not None
                else f"Workshop on {rng.choice(_TOPICS)} {number}"
            )
            kind = "working-group-meeting" if body is not None else rng.choice(_MEETING_KINDS)
            roll = rng.random()
            days: list[str] = []
            date_text: str | None
            if roll < 0.85:
                precision = "day"
                end = start + datetime.timedelta(days=rng.choice((0, 1, 1, 2)))
                days = [
                    (start + datetime.timedelta(days=d)).isoformat()
                    for d in range((end - start).days + 1)
                ]
                date_text = _when(start, end)
            elif roll < 0.93:
                precision = "month"
                start = start.replace(day=1)
                end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
                date_text = f"{calendar.month_name[start.month]} {start.year}"
            elif roll < 0.95:
                precision = "year"
                start, end = start.replace(month=1, day=1), start.replace(month=12, day=31)
                date_text = str(start.year)
            else:
                precision, date_text = "unknown", None
            dated = precision != "unknown"

            chosen = _weighted_sample(rng, inverse_weights, attendance_sizes[i])
            chairs = [members[c]["id"] for c in chosen[:2] if members[c]["kind"] == "state"]
            attendance = []
            for position, c in enumerate(chosen):
                member = members[c]
                role = rng.choices(("member", "observer", "unstated"), weights=(85, 10, 5))[0]
                wording = (
                    rng.choice(member["aliases"])
                    if member["aliases"] and rng.random() < 0.2
                    else member["name"]
                )
                span = self.texts.span(source, wording)
                contributions = []
                if member["id"] in chairs:
                    contributions.append({"kind": "co-chaired", "span": span, "inferred": None})
                elif rng.random() < 0.04:
                    contributions.append({"kind": "presented", "span": span, "inferred": None})
                attendance.append(
                    {
                        "member": member["id"],
                        "role": role,
                        "wording": wording,
                        "span": span,
                        "mentions": [],
                        "contributions": contributions,
                        "inferred": None if position % 50 else "listed among participants",
                    }
                )
            location = None
            virtual: bool | None = None
            if rng.random() < 0.6:
                host = rng.choice(states)
                place = f"{self.names.word()} City, {host['name']}"
                location = {
                    "place": place.split(",")[0],
                    "city": place.split(",")[0],
                    "country": host["id"],
                    "span": self.texts.span(source, place),
                }
                virtual = False
            elif rng.random() < 0.5:
                virtual = True
            participants = []
            if rng.random() < 0.3:
                count = rng.randint(12, 180)
                words = f"{count} participants"
                participants.append(
                    {
                        "count": count,
                        "description": "participants",
                        "span": self.texts.span(source, words),
                    }
                )
            purpose = []
            if rng.random() < 0.3:
                text = f"to strengthen cooperation on {rng.choice(_TOPICS).lower()}"
                purpose.append({"text": text, "span": self.texts.span(source, text)})
            agenda = []
            for _ in range(rng.choice((0, 0, 1, 2, 3))):
                text = f"Session on {rng.choice(_TOPICS)}"
                agenda.append({"text": text, "span": self.texts.span(source, text)})
            bodies_present = []
            if rng.random() < 0.2:
                present = rng.choice(bodies)
                span = self.texts.span(source, present["name"])
                bodies_present.append(
                    {
                        "body": present["id"],
                        "role": "unstated",
                        "wording": present["name"],
                        "span": span,
                        "mentions": [],
                        "contributions": [{"kind": "presented", "span": span, "inferred": None}],
                        "inferred": None,
                    }
                )
            outcomes = []
            for j in range(outcome_sizes[i]):
                actors = self.actors(members, chosen, bodies)
                verb = rng.choice(_VERBS)
                objects = rng.sample(refs, rng.choice((0, 1, 1, 2)))
                if meetings and rng.random() < 0.1:
                    earlier = rng.choice(meetings)
                    objects.append(f"meeting:{earlier['id']}")
                    self.display[objects[-1]] = f"the outcome of the {earlier['title']}"
                text = self.sentence(actors, verb, objects)
                outcomes.append(
                    {
                        "id": f"{ident}/o{j + 1}",
                        "text": text,
                        "actors": actors,
                        "verb": verb,
                        "objects": objects,
                        "span": self.texts.span(source, text),
                        "inferred": []
                        if rng.random() < 0.98
                        else [{"field": "actors", "reason": "the statement omits the actor"}],
                    }
                )
            mentions = []
            if rng.random() < 0.1:
                mentions.append(self.texts.span(self.any_source(), title))
            intro = f"The {title} was held" + (f" on {date_text}." if date_text else ".")
            meetings.append(
                {
                    "id": ident,
                    "title": title,
                    "kind": kind,
                    "state": "held" if dated else "unknown",
                    "number": number,
                    "body": body["id"] if body is not None else None,
                    "start": start.isoformat() if dated else None,
                    "end": end.isoformat() if dated else None,
                    "days": days,
                    "date_precision": precision,
                    "date_text": date_text,
                    "location": location,
                    "virtual": virtual,
                    "co_chairs": chairs,
                    "attendance": attendance,
                    "bodies_present": bodies_present,
                    "participants": participants,
                    "purpose": purpose,
                    "agenda": agenda,
                    "outcomes": outcomes,
                    "source": source,
                    "span": self.texts.span(source, intro),
                    "mentions": mentions,
                    "inferred": []
                    if rng.random() < 0.97
                    else [{"field": "co_chairs", "reason": "the hosts are taken as co-chairs"}],
                }
            )
            reported[source_index].append(ident)
        return meetings, reported

    def actors(
        self, members: list[Record], attending: list[int], bodies: list[Record]
    ) -> list[str]:
        roll = self.rng.random()
        if roll < 0.3 or not attending:
            return [f"group:{self.rng.choice(_GROUPS)}"]
        if roll < 0.9:
            count = min(len(attending), self.rng.choice((1, 1, 1, 2)))
            return [f"member:{members[c]['id']}" for c in self.rng.sample(attending, count)]
        return [f"body:{self.rng.choice(bodies)['id']}"]

    def sentence(self, actors: list[str], verb: str, objects: list[str]) -> str:
        """The outcome's sentence, naming its actors and objects as a statement would."""
        who = " and ".join(self.display[a] for a in actors)
        what = " and ".join(self.display[o] for o in objects)
        if not what:
            what = f"progress on {self.rng.choice(_TOPICS).lower()}"
        return f"{who[0].upper()}{who[1:]} {verb} {what}."

    # commitments -----------------------------------------------------------------------------

    def commitments(self, meetings: list[Record]) -> list[Record]:
        rng = self.rng
        outcomes = [(m, o) for m in meetings for o in m["outcomes"]]
        if not outcomes:
            return []
        chosen = (
            rng.sample(outcomes, self.p.commitments)
            if self.p.commitments <= len(outcomes)
            else [rng.choice(outcomes) for _ in range(self.p.commitments)]
        )
        position = {m["id"]: i for i, m in enumerate(meetings)}
        commitments: list[Record] = []
        for k, (meeting, outcome) in enumerate(chosen):
            topic = rng.choice(_TOPICS)
            due = None
            if rng.random() < 0.4:
                later = meetings[
                    min(position[meeting["id"]] + rng.randint(1, 20), len(meetings) - 1)
                ]
                text = f"by the {later['title']}"
                due = {
                    "text": text,
                    "date": later["start"],
                    "meeting": later["id"],
                    "span": self.texts.span(meeting["source"], text),
                }
            commitments.append(
                {
                    "id": f"{meeting['id']}/{_slug(topic)}-{k + 1}",
                    "outcome": outcome["id"],
                    "kind": rng.choice(_COMMITMENT_KINDS),
                    "actors": list(outcome["actors"]),
                    "action": f"report on {topic.lower()}",
                    "due": due,
                    "span": outcome["span"],
                    "inferred": [],
                }
            )
        return commitments

    # sources ---------------------------------------------------------------------------------

    def sources(self, meetings: list[Record], reported: list[list[str]]) -> list[Record]:
        by_id = {m["id"]: m for m in meetings}
        sources: list[Record] = []
        for k, ident in enumerate(self.source_ids):
            dates = [by_id[m]["start"] for m in reported[k] if by_id[m]["start"] is not None]
            markdown = k % 5 == 4
            sources.append(
                {
                    "id": ident,
                    "title": f"Co-Chairs' Statement {k + 1}",
                    "date": max(dates) if dates else _FIRST.isoformat(),
                    "format": "markdown" if markdown else "text",
                    "path": f"sources/{ident}.{'md' if markdown else 'txt'}",
                    "meetings": reported[k],
                }
            )
        return sources

    def run(self) -> tuple[dict[str, list[Record]], dict[str, str]]:
        members = self.members()
        states = [m["id"] for m in members if m["kind"] == "state"]
        bodies = self.bodies(states)
        authors = [f"body:{b['id']}" for b in bodies] + [f"member:{m['id']}" for m in members[:10]]
        documents = self.documents(authors)
        meetings, reported = self.meetings(members, bodies, documents)
        commitments = self.commitments(meetings)
        sources = self.sources(meetings, reported)
        texts = {s["path"]: self.texts.text(s["id"]) for s in sources}
        files = {
            "sources": sources,
            "members": members,
            "bodies": bodies,
            "documents": documents,
            "meetings": meetings,
            "commitments": commitments,
        }
        return files, texts


def generate(outdir: str | Path, params: Params | None = None) -> dict[str, Any]:
    """Write the synthetic record to ``outdir`` (created if needed); return its manifest."""
    params = params or Params()
    folder = Path(outdir)
    files, texts = _Generator(params).run()
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    for path, text in texts.items():
        (folder / path).write_text(text, encoding="utf-8", newline="")
    sizes: dict[str, int] = {}
    for key, records in files.items():
        data = json.dumps(
            {"format": FORMAT, key: records}, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")
        (folder / f"{key}.json").write_bytes(data)
        sizes[key] = len(data)
    manifest = {
        "generator": GENERATOR_VERSION,
        "params": asdict(params),
        "counts": {key: len(records) for key, records in files.items()},
        "attendance_rows": sum(len(m["attendance"]) for m in files["meetings"]),
        "outcome_rows": sum(len(m["outcomes"]) for m in files["meetings"]),
        "bytes": sizes,
        "source_text_chars": sum(len(t) for t in texts.values()),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def is_current(outdir: str | Path, params: Params) -> bool:
    """Whether ``outdir`` holds exactly what :func:`generate` would write for ``params``."""
    try:
        manifest = json.loads((Path(outdir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(
        manifest.get("generator") == GENERATOR_VERSION and manifest.get("params") == asdict(params)
    )


def main(argv: list[str] | None = None) -> int:
    defaults = Params()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    for name in ("meetings", "attendance", "outcomes", "members", "bodies", "documents"):
        parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
    parser.add_argument("--commitments", type=int, default=defaults.commitments)
    parser.add_argument("--sources", type=int, default=defaults.sources)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    args = parser.parse_args(argv)
    params = Params(
        meetings=args.meetings,
        attendance=args.attendance,
        outcomes=args.outcomes,
        members=args.members,
        bodies=args.bodies,
        documents=args.documents,
        commitments=args.commitments,
        sources=args.sources,
        seed=args.seed,
    )
    manifest = generate(args.outdir, params)
    total = sum(manifest["bytes"].values())
    print(
        f"wrote {args.outdir}: {manifest['counts']}, "
        f"{manifest['attendance_rows']} attendance rows, "
        f"{manifest['outcome_rows']} outcomes, {total / 1e6:.1f} MB of JSON, "
        f"{manifest['source_text_chars'] / 1e6:.1f} M characters of source text",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
