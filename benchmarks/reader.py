"""Score the statement reader against gold records: precision, recall and F1 per group.

    python benchmarks/reader.py [DEV_DIR] [--timing]

Two sets: (a) the five bundled statements, scored against the curated bundled record itself;
(b) the development statements in ``../shared/dev-statements/`` next to the repository (or
DEV_DIR), with their gold annotations (schema: that folder's ``SCHEMA.md``); skipped with a
message when absent, as in a user's clone. Each development draft is also written with
``to_files`` and loaded with ``bp.load(..., bundled=False)``.

Matching rules (one-to-one, greedy, in gold order):

- meetings: a draft meeting is the gold meeting when their numbers are equal and both are of the
  same kind (series), or their folded titles are equal or one contains the other, or a span of
  one (title or mention) overlaps a span of the other.
- dates: per matched meeting with a date on either side: start, end and precision all equal.
- places and virtual: per matched meeting with a place or virtual flag on either side: the
  folded place name (or ``virtual``) and the country equal.
- participants with standing: (meeting, participant id, capacity) triples, capacity one of
  member, observer, co-chair, presenter, other; draft triples of unmatched meetings are false.
- outcomes with verb and actors: a draft outcome matches a gold outcome when their spans
  overlap (gold quotes are located in the text), the verbs are equal (the development schema's
  verbs; the bundled record's verbs are compared as stored) and they share an actor.
- commitments: spans overlap.
- bodies, documents: the set of ids (documents of the development set: folded titles, one
  containing the other) named by the statement.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import baliprocess as bp
from baliprocess._normalize import fold

ROOT = Path(__file__).resolve().parent.parent
GROUPS = (
    "meetings",
    "dates",
    "places",
    "participants",
    "outcomes",
    "commitments",
    "bodies",
    "documents",
)
SCHEMA_GROUP = {
    "group:members": "MEMBERS",
    "group:participants": "MEMBERS",
    "group:ministers": "MINISTERS",
    "group:co-chairs": "CO-CHAIRS",
    "group:panellists": "MEMBERS",
}


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sets(score: Score, gold: Iterable[Any], got: Iterable[Any]) -> None:
    g, d = set(gold), set(got)
    score.add(len(g & d), len(d - g), len(g - d))


def _match(gold: list[Any], draft: list[Any], same: Callable[[Any, Any], bool]) -> dict[int, int]:
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, g in enumerate(gold):
        for j, d in enumerate(draft):
            if j not in used and same(g, d):
                pairs[i] = j
                used.add(j)
                break
    return pairs


def _titles_match(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa == fb or (len(fa) > 10 and len(fb) > 10 and (fa in fb or fb in fa))


# -- (a) the bundled statements -----------------------------------------------------------------


def _spans(m: Any) -> list[tuple[int, int]]:
    return [(m.span.start, m.span.end)] + [(s.start, s.end) for s in m.mentions]


def _same_meeting(g: Any, d: Any) -> bool:
    if g.number is not None and g.number == d.number and g.kind == d.kind:
        return True
    if _titles_match(g.title, d.title):
        return True
    return any(_overlap(a, b) for a in _spans(g) for b in _spans(d))


def score_bundled(scores: dict[str, Score]) -> None:
    for source in bp.sources:
        draft = bp.read_statement(source.text, source_id=source.id)
        gold = [m for m in bp.meetings if m.source == source.id]
        got = list(draft.meetings)
        pairs = _match(gold, got, _same_meeting)
        scores["meetings"].add(len(pairs), len(got) - len(pairs), len(gold) - len(pairs))
        for i, g in enumerate(gold):
            d = got[pairs[i]] if i in pairs else None
            gd = (g.start, g.end, g.date_precision.value) if g.start else None
            dd = (d.start, d.end, d.date_precision.value) if d is not None and d.start else None
            _pair(scores["dates"], gd, dd)
            _pair(scores["places"], _where(g), _where(d) if d is not None else None)
        for j, d in enumerate(got):
            if j not in pairs.values():
                if d.start:
                    scores["dates"].add(0, 1, 0)
                if _where(d):
                    scores["places"].add(0, 1, 0)
        gold_att = {(g.id, row.member, row.role.value) for g in gold for row in g.attendance}
        gold_att |= {(g.id, row.body, row.role.value) for g in gold for row in g.bodies_present}
        back = {j: gold[i].id for i, j in pairs.items()}
        draft_att = {
            (back.get(j, "?"), row.member, row.role.value)
            for j, d in enumerate(got)
            for row in d.attendance
        }
        draft_att |= {
            (back.get(j, "?"), row.body, row.role.value)
            for j, d in enumerate(got)
            for row in d.bodies_present
        }
        _sets(scores["participants"], gold_att, draft_att)
        gold_out = [o for g in gold for o in g.outcomes]
        draft_out = [o for d in got for o in d.outcomes]
        opairs = _match(
            gold_out,
            draft_out,
            lambda g, d: (
                _overlap((g.span.start, g.span.end), (d.span.start, d.span.end))
                and g.verb == d.verb
                and bool({str(a) for a in g.actors} & {str(a) for a in d.actors})
            ),
        )
        scores["outcomes"].add(
            len(opairs), len(draft_out) - len(opairs), len(gold_out) - len(opairs)
        )
        gold_c = [c for c in bp.commitments if c.span.source == source.id]
        cpairs = _match(
            gold_c,
            list(draft.commitments),
            lambda g, d: _overlap((g.span.start, g.span.end), (d.span.start, d.span.end)),
        )
        scores["commitments"].add(
            len(cpairs), len(draft.commitments) - len(cpairs), len(gold_c) - len(cpairs)
        )
        _sets(scores["bodies"], _named(source.id, "body", gold), {b.id for b in draft.bodies})
        _sets(
            scores["documents"],
            _named(source.id, "document", gold),
            {d.id for d in draft.documents},
        )


def _named(source_id: str, kind: str, meetings: list[Any]) -> set[str]:
    records = bp.bodies if kind == "body" else bp.documents
    out = {r.id for r in records if r.span.source == source_id}
    for m in meetings:
        if kind == "body" and m.body:
            out.add(m.body)
        for o in m.outcomes:
            out |= {r.id for r in (*o.actors, *o.objects) if r.kind.value == kind}
        if kind == "body":
            out |= {row.body for row in m.bodies_present}
    return out - {"BP"}


def _where(m: Any) -> tuple[str, str] | None:
    if m.virtual:
        return ("virtual", "")
    if m.location is not None:
        return (fold(m.location.place), m.location.country)
    return None


def _pair(score: Score, gold: Any, got: Any) -> None:
    if gold is None and got is None:
        return
    if gold == got:
        score.add(1, 0, 0)
    else:
        score.add(0, int(got is not None), int(gold is not None))


# -- (b) the development statements ---------------------------------------------------------------


def _dev_meeting_match(g: dict[str, Any], d: Any, text: str) -> bool:
    if g.get("number") is not None and g["number"] == d.number and _series(d) == g["series"]:
        return True
    return _titles_match(g["title"], d.title)


def _series(d: Any) -> str:
    from baliprocess._reader._meetings import kind_and_series

    return kind_and_series(d.title, d.body)[1]


def score_dev(folder: Path, scores: dict[str, Score]) -> int:
    files = sorted(folder.glob("*.json"))
    for gold_file in files:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = gold_file.with_suffix(".txt").read_text(encoding="utf-8")
        draft = bp.read_statement(text, source_id=gold["doc_id"].replace("_", "-"))
        with tempfile.TemporaryDirectory() as tmp:
            draft.to_files(tmp)
            bp.load(tmp, bundled=False)
        gms = gold["meetings"]
        got = list(draft.meetings)
        pairs = _match(gms, got, lambda g, d: _dev_meeting_match(g, d, text))
        scores["meetings"].add(len(pairs), len(got) - len(pairs), len(gms) - len(pairs))
        for i, g in enumerate(gms):
            d = got[pairs[i]] if i in pairs else None
            gd = (g["start"], g["end"], g["date_precision"]) if g.get("start") else None
            dd = (
                (d.start.isoformat(), d.end.isoformat(), d.date_precision.value)
                if d is not None and d.start
                else None
            )
            _pair(scores["dates"], gd, dd)
            gw = (
                ("virtual", "")
                if g.get("virtual")
                else ((fold(g["city"]), g["country"]) if g.get("city") else None)
            )
            _pair(scores["places"], gw, _where(d) if d is not None else None)
        for j, d in enumerate(got):
            if j not in pairs.values():
                if d.start:
                    scores["dates"].add(0, 1, 0)
                if _where(d):
                    scores["places"].add(0, 1, 0)
        gold_p: set[tuple[int, str, str]] = set()
        for i, g in enumerate(gms):
            for field, cap in (
                ("members_present", "member"),
                ("observers", "observer"),
                ("co_chairs", "co-chair"),
                ("presenters", "presenter"),
                ("other_participants", "other"),
            ):
                gold_p |= {(i, ident, cap) for ident in g.get(field) or ()}
        back = {j: i for i, j in pairs.items()}
        draft_p: set[tuple[int, str, str]] = set()
        for j, d in enumerate(got):
            mi = back.get(j, -1)
            if not any(inf.field == "co_chairs" for inf in d.inferred):
                draft_p |= {(mi, c, "co-chair") for c in d.co_chairs}
            for p in draft.participants.get(d.id, ()):
                if p.standing in ("member", "observer"):
                    draft_p.add((mi, p.name.id, p.standing))
                if p.contributions:
                    draft_p.add((mi, p.name.id, "presenter"))
                if p.standing == "unstated" and not p.contributions:
                    draft_p.add((mi, p.name.id, "other"))
        _sets(scores["participants"], gold_p, draft_p)
        draft_out = [(o, d) for d in got for o in d.outcomes]
        internal = {
            id(o): io
            for d in got
            for o, io in zip(d.outcomes, _internal_outcomes(draft, d.id), strict=False)
        }
        gold_out = gold["outcomes"]

        def same_outcome(g: dict[str, Any], pair: tuple[Any, Any]) -> bool:
            o, d = pair
            at = text.find(g["quote"])
            if at < 0 or not _overlap((at, at + len(g["quote"])), (o.span.start, o.span.end)):
                return False
            io = internal.get(id(o))
            verb = io.verb if io is not None else o.verb.value
            actors = {SCHEMA_GROUP.get(str(a), str(a).partition(":")[2]) for a in o.actors}
            if "CO-CHAIRS" in actors:
                actors |= set(d.co_chairs)
            return verb == g["verb"] and bool(actors & set(g["actors"]))

        opairs = _match(gold_out, draft_out, same_outcome)
        scores["outcomes"].add(
            len(opairs), len(draft_out) - len(opairs), len(gold_out) - len(opairs)
        )
        gold_c = [g for g in gold_out if g.get("commitment")]
        cpairs = _match(
            gold_c,
            list(draft.commitments),
            lambda g, c: (
                (at := text.find(g["quote"])) >= 0
                and _overlap((at, at + len(g["quote"])), (c.span.start, c.span.end))
            ),
        )
        scores["commitments"].add(
            len(cpairs), len(draft.commitments) - len(cpairs), len(gold_c) - len(cpairs)
        )
        _sets(
            scores["bodies"],
            {b["id"] for b in gold["bodies"]},
            {b.id for b in draft.bodies} - {"BP"},
        )
        gdocs = [d["title"] for d in gold["documents"]]
        dpairs = _match(gdocs, [d.title for d in draft.documents], _titles_match)
        scores["documents"].add(
            len(dpairs), len(draft.documents) - len(dpairs), len(gdocs) - len(dpairs)
        )
    return len(files)


def _internal_outcomes(draft: Any, meeting_id: str) -> list[Any]:
    for m in draft._reading.meetings:
        if m.key == meeting_id:
            return list(m.outcomes)
    return []


def table(title: str, scores: dict[str, Score]) -> str:
    lines = [
        f"### {title}",
        "",
        "| group | precision | recall | F1 | tp | fp | fn |",
        "|---|---|---|---|---|---|---|",
    ]
    for group in GROUPS:
        s = scores[group]
        p, r, f = s.prf()
        lines.append(f"| {group} | {p:.2f} | {r:.2f} | {f:.2f} | {s.tp} | {s.fp} | {s.fn} |")
    return "\n".join(lines)


def timing() -> float:
    """Milliseconds to read a 1,000-word statement (the bundled texts, joined; best of 5)."""
    words = " ".join(s.text for s in bp.sources).split()
    text = " ".join((words * 3)[:1000])
    bp.read_statement(text)  # warm: the name index is built once per dataset
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        bp.read_statement(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    bundled_scores = {g: Score() for g in GROUPS}
    score_bundled(bundled_scores)
    print(table("Bundled statements (5), against the curated record", bundled_scores))
    folder = Path(args[0]) if args else ROOT.parent / "shared" / "dev-statements"
    if folder.is_dir():
        dev_scores = {g: Score() for g in GROUPS}
        n = score_dev(folder, dev_scores)
        print()
        print(table(f"Development statements ({n}), against their gold annotations", dev_scores))
    else:
        print(f"\n(development statements not found at {folder}: that set is skipped)")
    print(f"\nreading a 1,000-word statement: {timing():.1f} ms (best of 5, warm)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
