"""Score the statement reader against gold records: precision, recall and F1 per group.

    python benchmarks/reader.py [DEV_DIR] [--verbose | -v]

Two sets: (a) the five bundled statements, scored against the curated bundled record itself;
(b) the development statements in ``../shared/dev-statements/`` next to the repository (or
DEV_DIR), with their gold annotations (schema: that folder's ``SCHEMA.md``); skipped with a
message when absent, as in a user's clone. Each development draft is also written with
``to_files`` and loaded with ``bp.load(..., bundled=False)``. ``--verbose`` prints, per group
and statement, every false positive (FP) and false negative (FN).

Matching rules (one-to-one, greedy, in gold order):

- meetings: a draft meeting is the gold meeting when their numbers are equal and both are of the
  same kind (series), or their folded titles are equal or one (over 10 characters) contains the
  other, or (bundled set) a span of one (title or mention) overlaps a span of the other. The
  curated record keeps each meeting once, under the source of one statement, though other
  statements mention it too ("ahead of the sixth annual meeting on 10 November" in a SOM
  statement; the meeting is filed under its own statement); so an unmatched draft meeting that is
  one the record files under another source (same number and kind, matching titles, or a
  mention of it in this statement) is counted neither way, nor are its date, place and rows.
- states (bundled set only; the development schema has no state): per matched meeting, the
  draft's ``state`` (held, planned, deferred, unknown) equals the gold's. Unmatched meetings
  are not counted again here (the meetings group counts them).
- dates: per matched meeting with a date on either side: start, end and precision all equal; a
  dated draft meeting that matches no gold meeting is a false positive.
- places and virtual: per matched meeting with a place or virtual flag on either side: the
  folded place name (or ``virtual``) and the country equal; likewise for unmatched meetings.
- participants (standing): (meeting, participant id, standing) triples, one per attendance row
  (members and bodies), standing one of member, observer, guest, unstated; rows of unmatched
  draft meetings are false. Development gold: ``members_present`` is member, ``observers``
  observer, anyone named only as co-chair, presenter or other participant unstated; a draft row
  whose only contributions are inferred (or hosting) is left out (the gold lists unnamed co-chairs
  as ``[]``).
- contributions: (meeting, participant id, contribution) triples, one per contribution of a row.
  Bundled: the kind as stored (co-chaired, presented, updated, briefed,
  provided-recommendations, panellist, hosted). Development gold: ``co_chairs`` give
  co-chaired, ``presenters`` give ``contributed``, to which every other draft kind maps (the
  schema does not tell them apart); inferred draft contributions (those of unnamed co-chairs,
  whom the gold lists as ``[]``) and ``hosted`` (the schema's presenters do not host) are left
  out.
- outcomes with verb and actors: the reader writes one outcome per reporting clause ("endorsed
  X and agreed that ..." is two, as in the development gold); the curated bundled record keeps
  one outcome per sentence or bullet, so there a draft outcome lying inside the span of a gold
  outcome that another draft outcome matched is a further clause of that outcome and is counted
  neither way. A draft outcome matches a gold outcome when their spans
  overlap (gold quotes are located in the text), the verbs are equal (the development schema's
  verbs; the bundled record's verbs are compared as stored) and they share an actor (group
  actors map to the schema's MEMBERS, MINISTERS, CO-CHAIRS; CO-CHAIRS also stands for the
  meeting's named co-chairs; an outcome without actors, or with inferred actors, also counts as
  UNSTATED).
- commitments: spans overlap.
- bodies, documents: the set of ids (documents of the development set: folded titles, one
  containing the other) named by the statement. The Bali Process itself (BP) is never counted;
  in the development set, the record's meeting-series bodies BPMC and SOM are left out too (the
  schema's bodies are mechanisms named as such, and it has no id for either).
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
    "states",
    "dates",
    "places",
    "participants",
    "contributions",
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
        self.misses: list[tuple[str, str, str]] = []  # (statement, "FP"/"FN", item)
        self.statement = ""

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def miss(self, fp: Iterable[Any] = (), fn: Iterable[Any] = ()) -> None:
        """Record false positives and negatives (for ``--verbose``) and count them."""
        fps, fns = [str(x) for x in fp], [str(x) for x in fn]
        self.fp += len(fps)
        self.fn += len(fns)
        self.misses += [(self.statement, "FP", x) for x in fps]
        self.misses += [(self.statement, "FN", x) for x in fns]

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sets(score: Score, gold: Iterable[Any], got: Iterable[Any]) -> None:
    g, d = set(gold), set(got)
    score.add(len(g & d), 0, 0)
    score.miss(sorted(d - g, key=str), sorted(g - d, key=str))


def _matched(
    score: Score,
    gold: list[Any],
    got: list[Any],
    pairs: dict[int, int],
    show: Callable[[Any], str] = str,
) -> None:
    """Count a one-to-one matching: pairs are true, the rest false either way."""
    score.add(len(pairs), 0, 0)
    used = set(pairs.values())
    score.miss(
        [show(d) for j, d in enumerate(got) if j not in used],
        [show(g) for i, g in enumerate(gold) if i not in pairs],
    )


def _same_outcome(gold: Any, draft: Any) -> bool:
    """A draft outcome is a curated one: overlapping spans, the same verb, an actor in common."""
    return (
        _overlap((gold.span.start, gold.span.end), (draft.span.start, draft.span.end))
        and gold.verb == draft.verb
        and bool({str(a) for a in gold.actors} & {str(a) for a in draft.actors})
    )


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


def _spans(m: Any, source: str | None = None) -> list[tuple[int, int]]:
    """A meeting's spans (title and mentions), those in ``source`` only when given."""
    spans = [m.span, *m.mentions]
    return [(s.start, s.end) for s in spans if source is None or s.source == source]


def _elsewhere(source: str, d: Any) -> bool:
    """Whether a draft meeting is one the curated record files under another statement's
    source: same number and kind, or titles matching, or a mention of it in this statement."""
    for g in bp.meetings:
        if g.source == source:
            continue
        if g.number is not None and g.number == d.number and g.kind == d.kind:
            return True
        if _titles_match(g.title, d.title):
            return True
        if any(_overlap(a, b) for a in _spans(g, source) for b in _spans(d)):
            return True
    return False


def _same_meeting(g: Any, d: Any) -> bool:
    if g.number is not None and g.number == d.number and g.kind == d.kind:
        return True
    if _titles_match(g.title, d.title):
        return True
    return any(_overlap(a, b) for a in _spans(g) for b in _spans(d))


def _rows(meeting: Any, label: str) -> tuple[set[Any], set[Any]]:
    """(standing triples, contribution triples) of a meeting's attendance rows."""
    standing: set[Any] = set()
    did: set[Any] = set()
    for row in (*meeting.attendance, *meeting.bodies_present):
        ident = getattr(row, "member", None) or row.body
        standing.add((label, ident, row.role.value))
        for c in row.contributions:
            did.add((label, ident, c.kind.value))
    return standing, did


def _dated(m: Any) -> Any:
    return (str(m.start), str(m.end), m.date_precision.value) if m.start else None


def score_bundled(scores: dict[str, Score]) -> None:
    for source in bp.sources:
        for score in scores.values():
            score.statement = source.id
        draft = bp.read_statement(source.text, source_id=source.id)
        gold = [m for m in bp.meetings if m.source == source.id]
        got = list(draft.meetings)
        pairs = _match(gold, got, _same_meeting)
        # a meeting the record files under another statement's source is counted neither way
        got = [d for j, d in enumerate(got) if j in pairs.values() or not _elsewhere(source.id, d)]
        pairs = _match(gold, got, _same_meeting)
        _matched(scores["meetings"], gold, got, pairs, lambda m: f"{m.id} {m.title!r}")
        back = {j: gold[i].id for i, j in pairs.items()}
        for i, g in enumerate(gold):
            d = got[pairs[i]] if i in pairs else None
            _pair(scores["dates"], _dated(g), _dated(d) if d is not None else None, g.id)
            _pair(scores["places"], _where(g), _where(d) if d is not None else None, g.id)
            if d is not None:
                _pair(scores["states"], g.state.value, d.state.value, g.id)
        _unmatched_dates_and_places(scores, got, pairs)
        gold_st: set[Any] = set()
        gold_did: set[Any] = set()
        for g in gold:
            st, did = _rows(g, g.id)
            gold_st |= st
            gold_did |= did
        draft_st: set[Any] = set()
        draft_did: set[Any] = set()
        for j, d in enumerate(got):
            st, did = _rows(d, back.get(j, f"?{d.id}"))
            draft_st |= st
            draft_did |= did
        _sets(scores["participants"], gold_st, draft_st)
        _sets(scores["contributions"], gold_did, draft_did)
        gold_out = [o for g in gold for o in g.outcomes]
        draft_out = [o for d in got for o in d.outcomes]
        opairs = _match(gold_out, draft_out, _same_outcome)
        # the curated record keeps one outcome per sentence or bullet; the reader, one per
        # reporting clause: a further clause inside a matched gold outcome's sentence is part
        # of that outcome, counted neither way
        inside = [(gold_out[i].span.start, gold_out[i].span.end) for i in opairs]
        clause_of_matched = {
            j
            for j, d in enumerate(draft_out)
            if j not in opairs.values()
            and any(a <= d.span.start and d.span.end <= b for a, b in inside)
        }
        kept = [d for j, d in enumerate(draft_out) if j not in clause_of_matched]
        opairs = _match(gold_out, kept, _same_outcome)
        _matched(scores["outcomes"], gold_out, kept, opairs, _show_outcome)
        gold_c = [c for c in bp.commitments if c.span.source == source.id]
        cpairs = _match(
            gold_c,
            list(draft.commitments),
            lambda g, d: _overlap((g.span.start, g.span.end), (d.span.start, d.span.end)),
        )
        _matched(scores["commitments"], gold_c, list(draft.commitments), cpairs, _show_commitment)
        _sets(
            scores["bodies"], _named(source.id, "body", gold), {b.id for b in draft.bodies} - {"BP"}
        )
        _sets(
            scores["documents"],
            _named(source.id, "document", gold),
            {d.id for d in draft.documents},
        )


def _show_outcome(o: Any) -> str:
    if isinstance(o, dict):
        return f"{o['verb']} {o['actors']} {o['quote'][:70]!r}"
    return f"{o.verb.value} {[str(a) for a in o.actors]} {o.span.text[:70]!r}"


def _show_commitment(c: Any) -> str:
    if isinstance(c, dict):
        return repr(c["quote"][:80])
    return f"{c.span.start}-{c.span.end} {c.span.text[:80]!r}"


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


def _unmatched_dates_and_places(scores: Any, got: list[Any], pairs: dict[int, int]) -> None:
    """A draft meeting that matches no gold meeting: its date and place are false positives."""
    for j, d in enumerate(got):
        if j not in pairs.values():
            if d.start:
                scores["dates"].miss(fp=[f"{d.id}: {_dated(d)}"])
            if _where(d):
                scores["places"].miss(fp=[f"{d.id}: {_where(d)}"])


def _where(m: Any) -> tuple[str, str] | None:
    if m.virtual:
        return ("virtual", "")
    if m.location is not None:
        return (fold(m.location.place), m.location.country)
    return None


def _pair(score: Score, gold: Any, got: Any, label: str = "") -> None:
    if gold is None and got is None:
        return
    if gold == got:
        score.add(1, 0, 0)
    else:
        score.miss(
            [f"{label}: {got}"] if got is not None else [],
            [f"{label}: {gold}"] if gold is not None else [],
        )


# -- (b) the development statements ---------------------------------------------------------------


def _dev_meeting_match(g: dict[str, Any], d: Any) -> bool:
    if g.get("number") is not None and g["number"] == d.number and _series(d) == g["series"]:
        return True
    return _titles_match(g["title"], d.title)


def _series(d: Any) -> str:
    from baliprocess._reader._meetings import kind_and_series

    return kind_and_series(d.title, d.body)[1]


def _dev_rows(i: int, g: dict[str, Any]) -> tuple[set[Any], set[Any]]:
    """The gold lists of one meeting as attendance rows: standing and contribution triples.

    A participant in ``members_present`` is a ``member``, in ``observers`` an ``observer``;
    one named only as co-chair, presenter or other participant is ``unstated``. Co-chairs
    contribute ``co-chaired``; presenters ``contributed`` (the schema does not tell presenting,
    updating, briefing, recommending and panels apart).
    """
    standing: dict[str, str] = {}
    for field, role in (("members_present", "member"), ("observers", "observer")):
        for ident in g.get(field) or ():
            standing.setdefault(ident, role)
    for field in ("co_chairs", "presenters", "other_participants"):
        for ident in g.get(field) or ():
            standing.setdefault(ident, "unstated")
    did = {(i, ident, "co-chaired") for ident in g.get("co_chairs") or ()}
    did |= {(i, ident, "contributed") for ident in g.get("presenters") or ()}
    return {(i, ident, role) for ident, role in standing.items()}, did


def score_dev(folder: Path, scores: dict[str, Score]) -> int:
    files = sorted(folder.glob("*.json"))
    for gold_file in files:
        for score in scores.values():
            score.statement = gold_file.stem
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = gold_file.with_suffix(".txt").read_text(encoding="utf-8")
        draft = bp.read_statement(text, source_id=gold["doc_id"].replace("_", "-"))
        with tempfile.TemporaryDirectory() as tmp:
            draft.to_files(tmp)
            bp.load(tmp, bundled=False)
        gms = gold["meetings"]
        got = list(draft.meetings)
        pairs = _match(gms, got, _dev_meeting_match)
        _matched(
            scores["meetings"],
            gms,
            got,
            pairs,
            lambda m: repr(m["title"]) if isinstance(m, dict) else f"{m.id} {m.title!r}",
        )
        for i, g in enumerate(gms):
            d = got[pairs[i]] if i in pairs else None
            gd = (g["start"], g["end"], g["date_precision"]) if g.get("start") else None
            _pair(scores["dates"], gd, _dated(d) if d is not None else None, g["title"])
            gw = (
                ("virtual", "")
                if g.get("virtual")
                else ((fold(g["city"]), g["country"]) if g.get("city") else None)
            )
            _pair(scores["places"], gw, _where(d) if d is not None else None, g["title"])
        _unmatched_dates_and_places(scores, got, pairs)
        gold_st: set[Any] = set()
        gold_did: set[Any] = set()
        for i, g in enumerate(gms):
            st, did = _dev_rows(i, g)
            gold_st |= st
            gold_did |= did
        back = {j: i for i, j in pairs.items()}
        draft_st: set[Any] = set()
        draft_did: set[Any] = set()
        for j, d in enumerate(got):
            mi = back.get(j, -1)
            for row in (*d.attendance, *d.bodies_present):
                ident = getattr(row, "member", None) or row.body
                kinds = {
                    c.kind.value
                    for c in row.contributions
                    if not c.inferred and c.kind.value != "hosted"
                }
                if row.role.value == "unstated" and not kinds and row.contributions:
                    continue  # only inferred or hosting contributions: not in the gold lists
                draft_st.add((mi, ident, row.role.value))
                for kind in kinds:
                    draft_did.add(
                        (mi, ident, "co-chaired" if kind == "co-chaired" else "contributed")
                    )
        _sets(scores["participants"], gold_st, draft_st)
        _sets(scores["contributions"], gold_did, draft_did)
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
            if not actors or any(inf.field == "actors" for inf in o.inferred):
                actors.add("UNSTATED")
            return verb == g["verb"] and bool(actors & set(g["actors"]))

        opairs = _match(gold_out, draft_out, same_outcome)
        _matched(
            scores["outcomes"],
            gold_out,
            draft_out,
            opairs,
            lambda x: _show_outcome(x if isinstance(x, dict) else x[0]),
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
        _matched(scores["commitments"], gold_c, list(draft.commitments), cpairs, _show_commitment)
        _sets(
            scores["bodies"],
            {b["id"] for b in gold["bodies"]},
            {b.id for b in draft.bodies} - {"BP", "BPMC", "SOM"},
        )
        gdocs = [d["title"] for d in gold["documents"]]
        ddocs = [d.title for d in draft.documents]
        dpairs = _match(gdocs, ddocs, _titles_match)
        _matched(scores["documents"], gdocs, ddocs, dpairs, repr)
    return len(files)


def _internal_outcomes(draft: Any, meeting_id: str) -> list[Any]:
    for m in draft._reading.meetings:
        if m.key == meeting_id:
            return list(m.outcomes)
    return []


def table(title: str, scores: dict[str, Score], groups: tuple[str, ...] = ()) -> str:
    lines = [
        f"### {title}",
        "",
        "| group | precision | recall | F1 | tp | fp | fn |",
        "|---|---|---|---|---|---|---|",
    ]
    for group in groups or GROUPS:
        s = scores[group]
        p, r, f = s.prf()
        lines.append(f"| {group} | {p:.2f} | {r:.2f} | {f:.2f} | {s.tp} | {s.fp} | {s.fn} |")
    return "\n".join(lines)


def misses(scores: dict[str, Score]) -> str:
    """The false positives and negatives of every group, per statement (``--verbose``)."""
    lines: list[str] = []
    for group, score in scores.items():
        for statement, what, item in score.misses:
            lines.append(f"  {group:13} {statement:32} {what} {item}")
    return "\n".join(lines)


def timing() -> float:
    """Milliseconds to read a 1,000-word statement, warm (best of 5).

    The texts are 1,000 words of the bundled statements, each run starting at a different
    word, so that no run reads a text an earlier run (or the warm-up) has read: the name
    index is built once per dataset (warm), but nothing of a text is cached between runs.
    """
    words = " ".join(s.text for s in bp.sources).split()
    bp.read_statement(" ".join(words[-300:]))  # warm: the name index is built once per dataset
    best = float("inf")
    for k in range(5):
        text = " ".join((words * 3)[k * 97 : k * 97 + 1000])
        start = time.perf_counter()
        bp.read_statement(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    verbose = "--verbose" in argv or "-v" in argv
    args = [a for a in args if a != "-v"]
    bundled_scores = {g: Score() for g in GROUPS}
    score_bundled(bundled_scores)
    print(table("Bundled statements (5), against the curated record", bundled_scores))
    if verbose:
        print(misses(bundled_scores))
    folder = Path(args[0]) if args else ROOT.parent / "shared" / "dev-statements"
    if folder.is_dir():
        dev_scores = {g: Score() for g in GROUPS}
        n = score_dev(folder, dev_scores)
        print()
        dev_groups = tuple(g for g in GROUPS if g != "states")
        print(
            table(
                f"Development statements ({n}), against their gold annotations",
                dev_scores,
                dev_groups,
            )
        )
        if verbose:
            print(misses(dev_scores))
    else:
        print(f"\n(development statements not found at {folder}: that set is skipped)")
    print(f"\nreading a 1,000-word statement: {timing():.1f} ms (best of 5, warm)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
