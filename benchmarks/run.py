"""The baliprocess benchmark suite: every target of the performance issue, as ratios in one run.

    python benchmarks/run.py                 # everything (2 to 3 minutes)
    python benchmarks/run.py --quick         # fewer processes and repeats
    python benchmarks/run.py --scale-only    # only the synthetic-scale measures
    python benchmarks/run.py --json out.json # also write every figure as JSON

Prints ONE table: measure | baliprocess | comparison | ratio | target | met?. A missed target is
reported, never an error: the exit status is 0 unless the suite itself is misused.

Each group of measures runs in its own fresh interpreter (this script re-invoked with
``--worker``), so that one measure's imports, caches and garbage never colour another's. The
synthetic datasets are generated once into ``benchmarks/_data/`` (or a temporary directory with
``--tmp``) and regenerated only when their parameters change.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import timeit
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fair  # noqa: E402 - a sibling module
import synthetic  # noqa: E402 - a sibling script, importable once HERE is on the path
from baliprocess._registry import KINDS  # noqa: E402 - the kinds of record, declared once

PARTS = tuple(KINDS)  # every kind of record, as the registry declares them
SMALL = synthetic.Params(meetings=100, attendance=3_000, outcomes=1_000, commitments=50, sources=10)
"""The small synthetic record: the same members and bodies as the big one, 1% of the rest."""
RESULT_PREFIX = "RESULT:"

Json = dict[str, Any]


# -- timing ------------------------------------------------------------------------------------


MIN_TIME = 0.2
"""Seconds each timed repeat lasts at least (``--quick``: less); set by the worker's arguments."""


def best_per_call(stmt: str, env: dict[str, Any], repeats: int) -> float:
    """Seconds per call of ``stmt``: the best of ``repeats`` timeit runs (GC off while timing),
    each of enough calls to last ``MIN_TIME``, which makes the clock's resolution irrelevant."""
    timer = timeit.Timer(stmt, globals=env)
    number = 1
    while (elapsed := timer.timeit(number)) < MIN_TIME:
        number = max(number * 2, int(number * MIN_TIME / max(elapsed, 1e-9)))
    return min([elapsed, *timer.repeat(repeat=repeats - 1, number=number)]) / number


def once(call: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by one call, and its result."""
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


class GcClock:
    """Time spent in cyclic garbage collections, through ``gc.callbacks``."""

    def __init__(self) -> None:
        self.total = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._started


def with_gc_clock(call: Callable[[], Any]) -> tuple[float, float, Any]:
    """Seconds taken by one call, seconds of it spent collecting garbage, and its result."""
    clock = GcClock()
    gc.callbacks.append(clock)
    try:
        seconds, result = once(call)
    finally:
        gc.callbacks.remove(clock)
    return seconds, clock.total, result


# -- workers: each runs in a fresh interpreter and returns plain numbers ---------------------


def worker_modules(args: Json) -> Json:
    """The modules each statement adds to a fresh interpreter (checked by the parent)."""
    added: dict[str, list[str]] = {}
    for name, code in args["codes"].items():
        script = (
            "import sys\nbefore = set(sys.modules)\n"
            f"{code}\n"
            "added = sorted(set(sys.modules) - before)\n"
            "import json\nprint(json.dumps(added))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        added[name] = json.loads(done.stdout.strip().splitlines()[-1])
    return {"added": added}


def worker_warm(args: Json) -> Json:
    """Warm lookups on the bundled record against pycountry's warm lookup."""
    import pycountry

    import baliprocess as bp

    repeats: int = args["repeats"]
    meeting_id = "ahg-som-15" if "ahg-som-15" in bp.meetings else bp.meetings[0].id
    env: dict[str, Any] = {"bp": bp, "pycountry": pycountry, "meeting_id": meeting_id}
    out: Json = {
        "meeting_id": meeting_id,
        "answers": {
            "meetings.get": bp.meetings.get(meeting_id).id,
            "members.get": bp.members.get("AUS").name,
            "members.lookup": bp.members.lookup("UAE").id,
            "pycountry.get": getattr(pycountry.countries.get(alpha_3="ARE"), "name", None),
        },
    }
    statements = {
        "meetings.get": "bp.meetings.get(meeting_id)",
        "members.get": 'bp.members.get("AUS")',
        "members.lookup": 'bp.members.lookup("UAE")',
        "pycountry.get": 'pycountry.countries.get(alpha_3="ARE")',
        # For the diagnosis: the module attribute alone, and the calls on a held collection.
        "bp.members": "bp.members",
        "held.members.get": 'members.get("AUS")',
        "held.members.lookup": 'members.lookup("UAE")',
        "held.meetings.get": "meetings.get(meeting_id)",
    }
    env.update(members=bp.members, meetings=bp.meetings)
    out["times"] = {name: best_per_call(stmt, env, repeats) for name, stmt in statements.items()}
    searches: Json = {}
    for query in ("new zeeland", "austrlia"):
        gc.collect()  # a single-shot measure: no collection pending from earlier work
        first, found = once(lambda q=query: bp.members.search(q))  # type: ignore[misc]

        def fuzzy(q: str = query) -> str | None:
            try:
                return str(pycountry.countries.search_fuzzy(q)[0].name)
            except LookupError:
                return None

        searches[query] = {
            "first_call": first,
            "warm": best_per_call(f"bp.members.search({query!r})", env, repeats),
            "found": [m.name for m in found[:3]],
            "pycountry_found": fuzzy(),
            "pycountry_warm": best_per_call("fuzzy()", {"fuzzy": fuzzy}, repeats),
        }
    out["search"] = searches
    return out


def _distinct_meetings_per_member(ds: Any) -> Counter[str]:
    return Counter(member for m in ds.meetings for member in {row.member for row in m.attendance})


def _pick(counts: Counter[Any], how: str) -> Any:
    """The most frequent key, or the key of median frequency (ties: the smallest key)."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    return ranked[0][0] if how == "top" else ranked[len(ranked) // 2][0]


def _closest(counts: Counter[str], n: int) -> str:
    """The key whose count is closest to ``n`` (ties: the smallest key)."""
    return min(counts, key=lambda key: (abs(counts[key] - n), key))


def filter_measures(ds: Any, how: str, repeats: int) -> Json:
    """The five filters of the issue on ``ds``: first call (index build), warm call, result
    size, and a plain scan over the records for comparison. ``ds`` must be freshly loaded."""
    from baliprocess.models import ContributionKind, RefKind

    meetings = ds.meetings.all()
    commitments = ds.commitments.all()
    member = _pick(_distinct_meetings_per_member(ds), how)
    body = _pick(Counter(m.body for m in meetings if m.body is not None), how)
    year = _pick(Counter(m.year for m in meetings if m.year is not None), how)
    actor = _pick(
        Counter(ref.id for c in commitments for ref in set(c.actors) if ref.kind is RefKind.MEMBER),
        how,
    )
    env: dict[str, Any] = {
        "ds": ds,
        "meetings": meetings,
        "commitments": commitments,
        "member": member,
        "body": body,
        "year": year,
        "actor": actor,
        "co_chaired": ContributionKind.CO_CHAIRED,
        "member_kind": RefKind.MEMBER,
    }
    gc.collect()  # a single-shot measure: no collection pending from earlier work
    first_meetings, _ = once(lambda: ds.meetings.filter(attended_by=member))
    first_commitments, _ = once(lambda: ds.commitments.filter(actor=actor))
    cases = {
        "attended_by": (
            "ds.meetings.filter(attended_by=member)",
            "[m for m in meetings if any(r.member == member for r in m.attendance)]",
            member,
        ),
        "body": ("ds.meetings.filter(body=body)", "[m for m in meetings if m.body == body]", body),
        "year": (
            "ds.meetings.filter(year=year)",
            "[m for m in meetings if m.start is not None and m.start.year == year]",
            year,
        ),
        "contributed": (
            'ds.meetings.filter(contributed="co-chaired")',
            "[m for m in meetings"
            " if any(c.kind is co_chaired for r in m.attendance for c in r.contributions)]",
            "co-chaired",
        ),
        "actor": (
            "ds.commitments.filter(actor=actor)",
            "[c for c in commitments"
            " if any(a.kind is member_kind and a.id == actor for a in c.actors)]",
            actor,
        ),
    }
    out: Json = {
        "first_call": {"meetings": first_meetings, "commitments": first_commitments},
        "cases": {},
    }
    for name, (stmt, scan, value) in cases.items():
        found = eval(stmt, env)  # our own statement, timed below
        scanned = eval(scan, env)
        out["cases"][name] = {
            "value": value,
            "n": len(found),
            "agree": [r.id for r in found] == [r.id for r in scanned],
            "time": best_per_call(stmt, env, repeats),
            "scan": best_per_call(scan, env, repeats),
        }
    out["meetings"] = len(meetings)
    out["attendance"] = sum(len(m.attendance) for m in meetings)
    return out


def worker_filters_bundled(args: Json) -> Json:
    from baliprocess.dataset import bundled

    ds = bundled()
    for part in PARTS:  # read every file first: only the filters are timed below
        len(getattr(ds, part))
    return filter_measures(ds, "top", args["repeats"])


def read_floor(folder: str) -> tuple[list[Any], list[str]]:
    """The floor of any loader: read the six files, parse them, decode the source texts."""
    documents = []
    for part in PARTS:
        path = os.path.join(folder, f"{part}.json")
        if not os.path.exists(path) and part != "sources":
            continue  # a kind the synthetic record leaves out (follow-ups)
        with open(path, "rb") as handle:
            documents.append(json.loads(handle.read()))
    texts = []
    for source in documents[0]["sources"]:
        with open(os.path.join(folder, *source["path"].split("/")), "rb") as handle:
            texts.append(handle.read().decode("utf-8"))
    return documents, texts


def worker_scale(args: Json) -> Json:
    """Load time against the floor, filters at scale, proportionality, pandas and sqlite3."""
    import baliprocess as bp

    folder: str = args["data"]
    repeats: int = args["repeats"]
    out: Json = {}

    # Load the small record first, untimed: the first load of a process imports the structuring
    # modules and defines the record's classes, a one-off cost that the floor does not pay.
    bp.load(args["small"], bundled=False)
    floors: list[tuple[float, float]] = []
    loads: list[tuple[float, float]] = []
    for _ in range(args["load_repeats"]):
        gc.collect()
        seconds, collecting, parsed = with_gc_clock(lambda: read_floor(folder))
        floors.append((seconds, collecting))
        del parsed
    ds: Any = None
    for _ in range(args["load_repeats"]):
        ds = None
        gc.collect()
        seconds, collecting, ds = with_gc_clock(lambda: bp.load(folder, bundled=False))
        loads.append((seconds, collecting))
    (out["floor"], out["floor_gc"]), (out["load"], out["load_gc"]) = min(floors), min(loads)
    print(f"  load {out['load']:.2f} s, floor {out['floor']:.2f} s", file=sys.stderr)

    out["filters"] = filter_measures(ds, "median", repeats)
    print("  filters done", file=sys.stderr)

    # Proportionality: the same size of answer from a dataset 100 times smaller (and from the
    # bundled record, whose answer sizes the parent passes in), and a sweep of answer sizes.
    counts = _distinct_meetings_per_member(ds)
    stmt = "ds.meetings.filter(attended_by=member)"
    small = bp.load(args["small"], bundled=False)
    small_counts = _distinct_meetings_per_member(small)
    small_member = _closest(small_counts, 10)
    small_member_big = _closest(counts, small_counts[small_member])
    small.meetings.filter(attended_by=small_member)  # build its indexes
    out["same_answer_small"] = {
        "small": {
            "member": small_member,
            "n": small_counts[small_member],
            "meetings": len(small.meetings),
            "time": best_per_call(stmt, {"ds": small, "member": small_member}, repeats),
        },
        "big": {
            "member": small_member_big,
            "n": counts[small_member_big],
            "time": best_per_call(stmt, {"ds": ds, "member": small_member_big}, repeats),
        },
    }
    out["same_answer_bundled"] = [
        {
            "member": (member := _closest(counts, n)),
            "n": counts[member],
            "time": best_per_call(stmt, {"ds": ds, "member": member}, repeats),
        }
        for n in args["probes"]
    ]
    sweep = []
    for n in (10, 100, 1000, max(counts.values())):
        member = _closest(counts, n)
        sweep.append(
            {
                "member": member,
                "n": counts[member],
                "time": best_per_call(stmt, {"ds": ds, "member": member}, repeats),
            }
        )
    out["sweep"] = sweep
    # Two criteria, one of them huge (the most frequent member): against one criterion with an
    # answer of the same size (the target), and against the same year with a typical member.
    year = out["filters"]["cases"]["year"]["value"]
    env = {"ds": ds, "year": year, "member": _pick(counts, "top")}
    typical = {"ds": ds, "year": year, "member": _pick(counts, "median")}
    stmt_both = "ds.meetings.filter(year=year, attended_by=member)"
    n_both = len(ds.meetings.filter(year=year, attended_by=env["member"]))
    alone = _closest(counts, n_both)
    out["combined"] = {
        "year": year,
        "member": env["member"],
        "n": n_both,
        "time": best_per_call(stmt_both, env, repeats),
        "typical_member": typical["member"],
        "typical_n": len(ds.meetings.filter(year=year, attended_by=typical["member"])),
        "typical_time": best_per_call(stmt_both, typical, repeats),
        "alone_member": alone,
        "alone_n": counts[alone],
        "alone_time": best_per_call(stmt, {"ds": ds, "member": alone}, repeats),
    }
    print("  proportionality done", file=sys.stderr)

    out["engines"] = compare_engines(ds, counts, repeats)
    return out


def compare_engines(ds: Any, counts: Counter[str], repeats: int) -> Json:
    """``meetings.filter(attended_by=X)`` against pandas and sqlite3 answering the same."""
    import sqlite3

    import pandas as pd

    rows = [(m.id, row.member, row.role.value) for m in ds.meetings for row in m.attendance]
    build_pandas, df = once(lambda: pd.DataFrame(rows, columns=["meeting", "member", "role"]))
    con = sqlite3.connect(":memory:")

    def fill() -> None:
        con.execute("CREATE TABLE attendance (meeting TEXT, member TEXT, role TEXT)")
        con.executemany("INSERT INTO attendance VALUES (?, ?, ?)", rows)
        con.execute("CREATE INDEX attendance_member ON attendance (member)")
        con.commit()

    build_sqlite, _ = once(fill)
    sql = "SELECT DISTINCT meeting FROM attendance WHERE member = ?"
    env: dict[str, Any] = {"ds": ds, "df": df, "con": con, "sql": sql}
    out: Json = {
        "pandas": pd.__version__,
        "pandas_dtype": str(df["member"].dtype),
        "sqlite": sqlite3.sqlite_version,
        "build_pandas": build_pandas,
        "build_sqlite": build_sqlite,
        "rows": len(rows),
        "members": {},
    }
    for how in ("median", "top"):
        member = _pick(counts, how)
        env["member"] = member
        ours = {m.id for m in ds.meetings.filter(attended_by=member)}
        by_pandas = set(df.loc[df.member == member, "meeting"].unique())
        by_sqlite = {row[0] for row in con.execute(sql, (member,)).fetchall()}
        out["members"][how] = {
            "member": member,
            "n": len(ours),
            "agree": ours == by_pandas == by_sqlite,
            "time": best_per_call("ds.meetings.filter(attended_by=member)", env, repeats),
            "pandas": best_per_call(
                'df.loc[df.member == member, "meeting"].unique()', env, repeats
            ),
            "sqlite": best_per_call("con.execute(sql, (member,)).fetchall()", env, repeats),
        }
    return out


def _max_rss() -> int:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def _current_rss() -> int | None:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None


def _vm_hwm() -> int | None:
    """This process's own peak resident set (Linux ``VmHWM``), in bytes, if known."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def worker_memory(args: Json) -> Json:
    """Peak memory of one load (or of the floor): tracemalloc or the RSS high-water mark."""
    import importlib
    import pkgutil
    import tracemalloc

    import baliprocess as bp

    # Import the whole package before measuring: its code is not the record's memory.
    for module in pkgutil.walk_packages(bp.__path__, "baliprocess."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    folder: str = args["data"]

    def run() -> Any:
        if args["what"] == "load":
            return bp.load(folder, bundled=False)
        return read_floor(folder)

    gc.collect()
    if args["how"] == "tracemalloc":
        tracemalloc.start()
        kept = run()
        retained, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        return {"peak": peak, "retained": retained}
    # ru_maxrss survives fork and exec on Linux: a child starts with its parent's high-water
    # mark. When that exceeds our own (VmHWM, which exec resets), the mark before the load is
    # not ours, and the peak is taken from VmHWM instead.
    high_water, own_high_water, resident = _max_rss(), _vm_hwm(), _current_rss()
    kept = run()
    after, own_after = _current_rss(), _vm_hwm()
    inherited = own_high_water is not None and high_water > own_high_water + 2**20
    if inherited and own_after is not None and own_high_water is not None:
        peak, source = own_after - own_high_water, "VmHWM (ru_maxrss inherited from the parent)"
    else:
        peak, source = _max_rss() - high_water, "ru_maxrss"
    out = {
        "peak": peak,
        "peak_source": source,
        "retained": None if after is None or resident is None else after - resident,
    }
    del kept
    return out


WORKERS: dict[str, Callable[[Json], Json]] = {
    **fair.WORKERS,
    "modules": worker_modules,
    "warm": worker_warm,
    "filters_bundled": worker_filters_bundled,
    "scale": worker_scale,
    "memory": worker_memory,
}


WORKER_DEFAULTS: Json = {}
"""Arguments every worker gets (the timing budget), set once from the command line."""


def start_worker(name: str, args: Json) -> subprocess.Popen[str]:
    """Start one worker in a fresh interpreter (its progress goes to our stderr)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name]
    command += ["--worker-args", json.dumps({**WORKER_DEFAULTS, **args})]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=tempfile.gettempdir())


def finish_worker(name: str, process: subprocess.Popen[str], timeout: float = 900) -> Json:
    """The worker's result, or ``{"error": ...}``."""
    try:
        stdout, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return {"error": f"{name} worker timed out after {timeout:.0f} s"}
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            result: Json = json.loads(line[len(RESULT_PREFIX) :])
            return result
    return {"error": f"{name} worker failed (exit {process.returncode}; traceback above)"}


def run_worker(name: str, args: Json) -> Json:
    return finish_worker(name, start_worker(name, args))


# -- fresh processes -------------------------------------------------------------------------


def fresh_processes(codes: dict[str, str], n: int, pycache: Path) -> dict[str, float | str]:
    """The fastest of ``n`` fresh ``python -c`` runs of each code (wall clock, taken in turn
    so that drift hits every code alike, after one unmeasured warm-up each); or the error.

    The processes keep their bytecode in ``pycache`` (``PYTHONPYCACHEPREFIX``) and may write it,
    whatever ``PYTHONDONTWRITEBYTECODE`` says: otherwise a module edited since its ``.pyc`` was
    written would be compiled again by every process, which no installed package does (pip
    compiles on install), and the warm-up lap would not warm anything.
    """
    best: dict[str, float | str] = {}
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PYTHONPROFILE") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for lap in range(n + 1):
        for name, code in codes.items():
            if isinstance(best.get(name), str):
                continue
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", code],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                cwd=tempfile.gettempdir(),
                env=env,
            )
            seconds = time.perf_counter() - start
            if done.returncode:
                tail = (done.stderr.strip().splitlines() or ["failed"])[-1]
                best[name] = f"error: {tail}"
            elif lap:
                previous = best.get(name)
                best[name] = seconds if not isinstance(previous, float) else min(previous, seconds)
    return best


# -- the table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A bound on a ratio: ``bp/ref`` (lower is better) or ``ref/bp`` (a speed-up)."""

    op: str
    limit: float
    kind: str = "bp/ref"

    def text(self) -> str:
        return f"{self.kind} {self.op} {self.limit:g}"

    def met(self, ratio: float) -> bool:
        if self.op == "<":
            return ratio < self.limit
        if self.op == "<=":
            return ratio <= self.limit
        return ratio >= self.limit


@dataclass
class Row:
    measure: str
    ours: str = ""
    comparison: str = ""
    ratio: str = ""
    target: str = ""
    met: str = ""
    section: bool = False
    figures: Json = field(default_factory=dict)


def fmt_time(seconds: float) -> str:
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_bytes(size: float) -> str:
    return f"{size / 2**20:.1f} MiB"


def compare(
    measure: str,
    ours: float | str | None,
    label: str,
    ref: float | str | None,
    target: Target | None = None,
    *,
    unit: Callable[[float], str] = fmt_time,
    kind: str = "bp/ref",
) -> Row:
    """A row comparing two figures; a missing or failed figure makes the row say why."""
    figures: Json = {"ours": ours, "ref": ref, "ref_label": label}
    kind = target.kind if target else kind
    if not isinstance(ours, float) or not isinstance(ref, float):
        why = next((x for x in (ours, ref) if isinstance(x, str)), "not measured")
        return Row(
            measure,
            unit(ours) if isinstance(ours, float) else "-",
            f"{label}: {unit(ref)}" if isinstance(ref, float) else label,
            "-",
            target.text() if target else "-",
            f"not run ({why})" if target else "-",
            figures=figures,
        )
    if not (ours > 0 and ref > 0):
        return Row(measure, unit(ours), f"{label}: {unit(ref)}", "-", "-", "-", figures=figures)
    ratio = ours / ref if kind == "bp/ref" else ref / ours
    figures["ratio"] = ratio
    met = "-"
    if target is not None:
        figures["met"] = target.met(ratio)
        met = "yes" if figures["met"] else "**NO**"
    return Row(
        measure,
        unit(ours),
        f"{label}: {unit(ref)}",
        f"{ratio:.4g} ({kind})",
        target.text() if target else "-",
        met,
        figures=figures,
    )


def skipped(measure: str, why: str, target: Target | None = None) -> Row:
    return Row(measure, "-", "-", "-", target.text() if target else "-", f"not run ({why})")


def render(rows: list[Row]) -> str:
    header = ("measure", "baliprocess", "comparison", "ratio", "target", "met?")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        if row.section:
            lines.append(f"| **{row.measure}** |  |  |  |  |  |")
            continue
        cells = (row.measure, row.ours, row.comparison, row.ratio, row.target, row.met)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


# -- the sections ----------------------------------------------------------------------------


def bundled_data_missing() -> str | None:
    """Why the bundled record cannot be measured yet, or ``None``."""
    import importlib.util

    spec = importlib.util.find_spec("baliprocess")
    if spec is None or not spec.submodule_search_locations:
        return "baliprocess is not installed"
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    missing = [f"{part}.json" for part in PARTS if not (data / f"{part}.json").is_file()]
    return f"no bundled {', '.join(missing)} yet" if missing else None


FIRST_ANSWER = "import baliprocess as bp\nassert bp.members.lookup('UAE').id == 'ARE'"
PYCOUNTRY_ANSWER = (
    "import pycountry\nassert pycountry.countries.get(alpha_3='ARE').name == 'United Arab Emirates'"
)


def section_startup(n: int, missing: str | None, pycache: Path) -> list[Row]:
    codes = {
        "bare": "pass",
        "import": "import baliprocess",
        "pycountry first": PYCOUNTRY_ANSWER,
        "import attrs": "import attrs",
        "import cattrs": "import cattrs",
        "import importlib.resources": "import importlib.resources",
        "import pycountry": "import pycountry",
    }
    if missing is None:
        codes["first"] = FIRST_ANSWER
    log(f"startup: {n} fresh processes of each of {len(codes)} commands")
    best = fresh_processes(codes, n, pycache)
    bare = best["bare"]
    rows = [
        Row(f"startup: fresh processes, fastest of {n}", section=True),
        compare(
            "`import baliprocess`", best["import"], "`python -c pass`", bare, Target("<=", 1.1)
        ),
    ]
    first_target = Target("<=", 0.95)  # the bound: where it stood before the redesign
    first = "first answer `bp.members.lookup('UAE')`"
    pycountry_label = "pycountry `countries.get(alpha_3='ARE')`"
    if missing is None:
        rows.append(
            compare(first, best["first"], pycountry_label, best["pycountry first"], first_target)
        )
    else:
        rows.append(skipped(first, missing, first_target))
    for name in ("import attrs", "import cattrs", "import importlib.resources", "import pycountry"):
        value = best[name]
        row = compare(f"context: `{name}`", value, "`python -c pass`", bare, kind="bp/ref")
        row.ours = "-"
        row.comparison = (
            f"{fmt_time(value)} (+{fmt_time(value - bare)} over bare)"
            if isinstance(value, float) and isinstance(bare, float)
            else str(value)
        )
        row.ratio = row.ratio.replace("(bp/ref)", "x bare")
        rows.append(row)

    checks = {"import": "import baliprocess"}
    if missing is None:
        checks["first"] = FIRST_ANSWER
    added = run_worker("modules", {"codes": checks})
    rows.extend(design_rows(added, missing))
    return rows


NOTABLE = ("typing", "re", "enum", "json", "attr", "attrs", "cattrs", "importlib.resources")


def design_rows(result: Json, missing: str | None) -> list[Row]:
    if "error" in result:
        return [skipped("design: what is imported when", result["error"])]
    added: dict[str, list[str]] = result["added"]
    rows = []
    on_import = set(added["import"])
    ours = sorted(m for m in on_import if m.startswith("baliprocess")) + [
        m for m in NOTABLE if m in on_import
    ]
    heavy = on_import & {"attr", "attrs", "cattrs", "json", "baliprocess._loading"}
    rows.append(
        Row(
            "design: `import baliprocess` imports",
            ", ".join(ours),
            f"{len(on_import)} modules in all",
            "-",
            "no attrs, cattrs, json, loader",
            "yes" if not heavy else f"**NO** ({', '.join(sorted(heavy))})",
            figures={"added": sorted(on_import)},
        )
    )
    if missing is not None:
        rows.append(skipped("design: first answer imports", missing))
        return rows
    on_first = set(added["first"])
    models = sorted(m.rsplit(".", 1)[1] for m in on_first if m.startswith("baliprocess.models."))
    allowed = {"_base", "common", "vocabularies", "members", "sources"}
    extra = sorted(set(models) - allowed)
    wrong = [m for m in ("cattrs", "baliprocess._converter") if m in on_first] + extra
    rows.append(
        Row(
            "design: first answer imports models",
            ", ".join(models),
            ", ".join(m for m in ("attrs", "json", "cattrs") if m in on_first) or "-",
            "-",
            "member model only, no cattrs",
            "yes" if not wrong else f"**NO** ({', '.join(wrong)})",
            figures={"added": sorted(on_first)},
        )
    )
    return rows


def section_warm(repeats: int, missing: str | None) -> list[Row]:
    rows = [Row(f"warm calls on the bundled record (per call, best of {repeats})", section=True)]
    target = Target("<=", 1.0)
    names = {
        "meetings.get": "`bp.meetings.get(id)`",
        "members.get": "`bp.members.get('AUS')`",
        "members.lookup": "`bp.members.lookup('UAE')` (alias)",
    }
    searches = ("new zeeland", "austrlia")
    if missing is not None:
        rows.extend(skipped(label, missing, target) for label in names.values())
        rows.extend(skipped(f"`bp.members.search({q!r})`", missing) for q in searches)
        return rows
    log("warm lookups (bundled record)")
    result = run_worker("warm", {"repeats": repeats})
    if "error" in result:
        return [*rows, skipped("warm calls", result["error"], target)]
    times = result["times"]
    ref = times["pycountry.get"]
    label = "pycountry `countries.get(alpha_3='ARE')`"
    for key, measure in names.items():
        rows.append(compare(measure, times[key], label, ref, target))
    rows.append(
        compare(
            "context: `bp.members` (module attribute alone)",
            times["bp.members"],
            "`members.get('AUS')` on a held collection",
            times["held.members.get"],
        )
    )
    rows.append(
        compare(
            "context: `members.lookup('UAE')` on a held collection",
            times["held.members.lookup"],
            label,
            ref,
        )
    )
    expected = {"new zeeland": "New Zealand", "austrlia": "Australia"}
    for query, found in result["search"].items():
        ours = found["warm"]
        ok = bool(found["found"]) and found["found"][0] == expected[query]
        theirs = found["pycountry_found"] or "not found"
        first = found["found"][0] if found["found"] else "nothing"
        rows.append(
            Row(
                f"`bp.members.search({query!r})` finds {first}",
                fmt_time(ours),
                f"pycountry `search_fuzzy`: {theirs}, {fmt_time(found['pycountry_warm'])}",
                f"{ours / found['pycountry_warm']:.3f} (bp/ref)",
                f"< 1 ms, {expected[query]} first",
                "yes" if ok and ours < 1e-3 else "**NO**",
                figures=found,
            )
        )
    rows.append(
        Row(
            "context: first `search` (builds the fuzzy index)",
            fmt_time(result["search"]["new zeeland"]["first_call"]),
            "-",
            "-",
            "-",
            "-",
        )
    )
    return rows


FILTER_LABELS = {
    "attended_by": "`meetings.filter(attended_by=…)`",
    "body": "`meetings.filter(body=…)`",
    "year": "`meetings.filter(year=…)`",
    "role": "`meetings.filter(role='co-chair')`",
    "contributed": "`meetings.filter(contributed='co-chaired')`",
    "actor": "`commitments.filter(actor=…)`",
}


def filter_rows(result: Json, where: str) -> list[Row]:
    rows = []
    for name, case in result["cases"].items():
        label = f"{FILTER_LABELS[name].replace('…', repr(case['value']))}, n={case['n']}"
        row = compare(label, case["time"], "scan of the records", case["scan"])
        if not case["agree"]:
            row.met = "**answers differ from the scan**"
        rows.append(row)
    first = result["first_call"]
    rows.append(
        Row(
            f"context: first filter calls on {where} (build the indexes)",
            f"meetings {fmt_time(first['meetings'])}, commitments {fmt_time(first['commitments'])}",
            "-",
            "-",
            "-",
            "-",
            figures=first,
        )
    )
    return rows


def section_filters_bundled(repeats: int, missing: str | None) -> list[Row]:
    head = Row(f"filters on the bundled record (warm, per call, best of {repeats})", section=True)
    if missing is not None:
        return [head, skipped("filters on the bundled record", missing)]
    log("filters (bundled record)")
    result = run_worker("filters_bundled", {"repeats": repeats})
    if "error" in result:
        return [head, skipped("filters on the bundled record", result["error"])]
    head.figures = result
    return [head, *filter_rows(result, "the bundled record")]


def section_scale(
    big: Path, small: Path, manifest: Json, args: argparse.Namespace, bundled: Json | None
) -> list[Row]:
    repeats = args.repeats
    load_repeats = 1 if args.quick else 3
    probes = [bundled["n"]] if bundled else []
    p = manifest["params"]
    scale = (
        f"{p['meetings']} meetings, {manifest['attendance_rows']} attendance rows, "
        f"{manifest['outcome_rows']} outcomes, "
        f"{sum(manifest['bytes'].values()) / 1e6:.0f} MB of JSON"
    )
    log(f"scale: synthetic record of {scale}")
    result = run_worker(
        "scale",
        {
            "data": str(big),
            "small": str(small),
            "repeats": repeats,
            "load_repeats": load_repeats,
            "probes": probes,
        },
    )
    rows = [Row(f"scale: synthetic record, {scale}", section=True)]
    if "error" in result:
        return [*rows, skipped("scale measures", result["error"], Target("<=", 3.0))]
    rows.append(
        compare(
            f"`bp.load(…, bundled=False)` (best of {load_repeats})",
            result["load"],
            "floor: read + `json.loads` + decode texts",
            result["floor"],
            Target("<=", 3.0),
        )
    )
    rows.append(
        compare(
            "context: of which cyclic GC pauses",
            result["load_gc"],
            "in the floor",
            result["floor_gc"],
        )
    )
    log("memory: 4 fresh processes (tracemalloc and max RSS, load and floor)")
    # Memory figures do not depend on the CPU, so these four processes run side by side.
    started = {
        f"{what} {how}": start_worker("memory", {"data": str(big), "what": what, "how": how})
        for how in ("tracemalloc", "rss")
        for what in ("load", "floor")
    }
    memory = {key: finish_worker("memory", process) for key, process in started.items()}
    for how, label in (("tracemalloc", "tracemalloc peak"), ("rss", "max RSS delta")):
        ours, ref = memory[f"load {how}"], memory[f"floor {how}"]
        for key, title in (("peak", label), ("retained", "retained after")):
            if how == "rss" and key == "retained":
                title = "RSS growth kept after"
            rows.append(
                compare(
                    f"memory: {title} load",
                    float(ours[key]) if isinstance(ours.get(key), int) else ours.get("error"),
                    "floor",
                    float(ref[key]) if isinstance(ref.get(key), int) else ref.get("error"),
                    unit=fmt_bytes,
                )
            )
    rows[-4].figures = memory

    filters = result["filters"]
    rows.append(Row(f"filters at scale (warm, per call, best of {repeats})", section=True))
    rows.extend(filter_rows(filters, "the synthetic record"))

    rows.append(Row("proportional to the answer, not to the record", section=True))
    same = result["same_answer_small"]
    rows.append(
        compare(
            f"`attended_by`, n={same['big']['n']}, {p['meetings']} meetings",
            same["big"]["time"],
            f"n={same['small']['n']}, {same['small']['meetings']} meetings",
            same["small"]["time"],
            Target("<=", 2.0),
        )
    )
    for probe in result["same_answer_bundled"]:
        assert bundled is not None
        rows.append(
            compare(
                f"`attended_by`, n={probe['n']}, {p['meetings']} meetings",
                probe["time"],
                f"bundled record, n={bundled['n']}",
                bundled["time"],
                Target("<=", 2.0),
            )
        )
    both = result["combined"]
    two = (
        f"`filter(year={both['year']}, attended_by={both['member']!r})` (most frequent "
        f"member), n={both['n']}"
    )
    # The target: two criteria instead of one, for an answer of the same size. Beside it, the
    # same query against the same year with the median member: a far smaller answer, so the
    # ratio there is the answer's size at work, not the criteria's.
    rows.append(
        compare(
            two,
            both["time"],
            f"one criterion, the same answer size: attended_by={both['alone_member']!r}, "
            f"n={both['alone_n']}",
            both["alone_time"],
            Target("<=", 2.0),
        )
    )
    rows.append(
        compare(
            f"context: {two}",
            both["time"],
            f"same year, attended_by={both['typical_member']!r} (median member), "
            f"n={both['typical_n']}",
            both["typical_time"],
        )
    )
    smallest = result["sweep"][0]
    for point in result["sweep"]:
        rows.append(
            Row(
                f"context: `attended_by`, n={point['n']}",
                fmt_time(point["time"]),
                f"per answer: {fmt_time(point['time'] / max(1, point['n']))}",
                f"{point['time'] / smallest['time']:.1f}x for "
                f"{point['n'] / max(1, smallest['n']):.0f}x the answer",
                "-",
                "-",
                figures=point,
            )
        )

    engines = result["engines"]
    rows.append(
        Row(
            f"filter by member vs pandas {engines['pandas']} ({engines['pandas_dtype']}) "
            f"and sqlite3 {engines['sqlite']}, {engines['rows']} rows",
            section=True,
            figures=engines,
        )
    )
    for how, member in engines["members"].items():
        which = "median" if how == "median" else "most frequent"
        measure = f"`attended_by={member['member']!r}` ({which} member, n={member['n']})"
        row = compare(
            measure,
            member["time"],
            "pandas mask + `unique()`",
            member["pandas"],
            Target(">=", 50, "ref/bp"),
        )
        rows.append(row)
        rows.append(
            compare(
                measure,
                member["time"],
                "sqlite3, indexed `SELECT DISTINCT`",
                member["sqlite"],
                Target(">=", 1.0, "ref/bp"),
            )
        )
        if not member["agree"]:
            row.met += " (answers differ!)"
    rows.append(
        Row(
            "context: building the comparison tables",
            "-",
            f"pandas {fmt_time(engines['build_pandas'])}, "
            f"sqlite3 {fmt_time(engines['build_sqlite'])}",
            "-",
            "-",
            "-",
        )
    )
    return rows


# -- driving ---------------------------------------------------------------------------------


GROWTH = (1_000, 10_000, 50_000)


def section_fair_rows(folder: Path, big: Path, args: argparse.Namespace) -> list[Row]:
    """The fair floors and peers of issue 14 (see ``fair.py``), beside their targets."""
    folders = {args.meetings: big}
    for size in GROWTH:
        if size == args.meetings or (size > 10_000 and not args.large):
            continue
        scale = size / 10_000
        params = synthetic.Params(
            meetings=size, attendance=int(300_000 * scale), outcomes=int(100_000 * scale)
        )
        path = folder / f"synthetic-{size}"
        ensure_synthetic(path, params)
        folders[size] = path
    result = fair.section_fair(run_worker, folders, args.meetings, 1 if args.quick else 3, log)
    FAIR_RESULT.update(result)
    rows: list[Row] = []
    main = result["loads"].get(str(args.meetings), {})
    size = main.get("bp", {}).get("bytes", 0)
    rows.append(
        Row(
            f"**fair: {args.meetings} meetings, {size / 1e6:.0f} MB of JSON, medians**",
            section=True,
        )
    )
    floor = main.get("json_gc_off", {})
    bp_ = main.get("bp", {})
    le = "<="
    rows.append(
        compare(
            "`bp.load` vs `json.loads`, collector off (floor)",
            bp_.get("time"),
            "json.loads, gc off",
            floor.get("time"),
            Target(le, 2.0),
        )
    )
    for how, label in (("json_gc_on", "json.loads, gc on"), ("orjson", "orjson.loads")):
        rows.append(
            compare(f"context: `bp.load` vs {label}", bp_.get("time"), label, main[how]["time"])
        )
    for key, limit, what in (("kept", 2.5, "RSS kept after load"), ("peak", 4.0, "peak RSS")):
        rows.append(
            compare(
                f"memory: {what}, x JSON bytes",
                bp_.get(key),
                f"json.loads (gc off) {floor.get(key, 0):.2f}x; orjson {main['orjson'][key]:.2f}x",
                1.0,
                Target(le, limit),
                unit=lambda x: f"{x:.2f}x",
            )
        )
    rows.append(
        compare(
            "full `gc.collect()` with the record alive",
            bp_.get("gc"),
            "target 20 ms; with json.loads' tree alive",
            0.020,
            Target(le, 1.0),
        )
    )
    rows.append(
        compare(
            "context: `gc.collect()` with json.loads' tree alive", floor.get("gc"), "20 ms", 0.020
        )
    )
    f = result["filters"]
    n = f.get("n")
    rows.append(
        compare(
            f"one-off first `filter(attended_by=median)` (n={n}), lazy `member` index included",
            f.get("bp_first"),
            "pandas mask, unindexed str column",
            f.get("pandas_str_first"),
            Target(le, 1.0),
        )
    )
    for key, label in (
        ("sqlite", "sqlite3, covering (member, meeting) index"),
        ("duckdb", "duckdb"),
    ):
        rows.append(
            compare(
                f"warm `filter(attended_by=median)` (n={n})",
                f.get("bp_warm"),
                label,
                f.get(key),
                Target(">=", 10.0, "ref/bp"),
            )
        )
    for key, label in (
        ("pandas_cat", "pandas categorical mask"),
        ("pandas_groupby", "pandas precomputed groupby"),
    ):
        rows.append(compare(f"context: warm filter (n={n})", f.get("bp_warm"), label, f.get(key)))
    builds = ", ".join(
        f"{k.removesuffix('_build')} {fmt_time(v)}" for k, v in f.items() if k.endswith("_build")
    )
    rows.append(Row("context: peers' build times (not in their query times)", "-", builds))
    s_ = result["search"]
    if "error" not in s_:
        for corpus in ("members", "countries"):
            for tag, label in (("rf", "with rapidfuzz"), ("py", "pure Python")):
                q = s_[f"{corpus}_{tag}"]
                for edits in (1, 2):
                    rows.append(
                        compare(
                            f"search top-1, {edits}-edit typos, {q['names']} {corpus}, {label}",
                            q[f"ours_{edits}"],
                            "rapidfuzz WRatio",
                            q[f"theirs_{edits}"],
                            None,
                            unit=lambda x: f"{x:.1%}",
                        )
                    )
                limit = 0.3e-3 if tag == "rf" else 1e-3
                rows.append(
                    compare(
                        f"search time per query, {q['names']} {corpus} names, {label}",
                        q["ours_time"],
                        "target",
                        limit,
                        Target(le, 1.0),
                    )
                )
            q = s_[f"{corpus}_rf"]
            if corpus == "members":
                rows.append(
                    compare(
                        "absent real names given a suggestion (lower is better)",
                        q["ours_absent"],
                        "rapidfuzz WRatio, cutoff 85",
                        q["theirs_absent"],
                        unit=lambda x: f"{x:.1%}",
                    )
                )
        rows.append(
            compare(
                "repeated `lookup('Viet-Nam')` (folded, cached)",
                s_["fold_warm"],
                "pycountry get",
                s_["pycountry_get"],
                Target(le, 1.0),
            )
        )
        rows.extend(
            (
                compare(
                    "first lookup of a name needing folding "
                    "(`'Viet-Nam'`, ...; cache emptied; median of 9)",
                    s_["fold_first"],
                    "target",
                    3e-6,
                    Target(le, 1.0),
                ),
                compare(
                    "context: the process's very first one, `lookup('THAILAND!')` (cold code)",
                    s_.get("fold_very_first", 0.0),
                    "target",
                    3e-6,
                ),
            )
        )
    if len(result["loads"]) > 1:
        rows.append(Row("**growth (medians; one run each but the main size)**", section=True))
        for size_key, by in sorted(result["loads"].items(), key=lambda kv: int(kv[0])):
            b, j = by.get("bp", {}), by.get("json_gc_off", {})
            rows.append(
                Row(
                    f"{size_key} meetings, {b.get('bytes', 0) / 1e6:.0f} MB",
                    f"load {fmt_time(b.get('time', 0))}, kept {b.get('kept', 0):.2f}x, "
                    f"peak {b.get('peak', 0):.2f}x, gc {fmt_time(b.get('gc', 0))}",
                    f"json.loads gc off {fmt_time(j.get('time', 0))}, kept {j.get('kept', 0):.2f}x",
                    f"{b.get('time', 0) / max(j.get('time', 1e-9), 1e-9):.3g} (bp/ref)",
                )
            )
    return rows


FAIR_RESULT: Json = {}


def guarded(name: str, section: Callable[..., list[Row]], *args: Any) -> list[Row]:
    """The section's rows; a failure of the suite itself becomes a row, never a crash."""
    try:
        return section(*args)
    except Exception as error:  # noqa: BLE001 - reported in the table, never fatal
        import traceback

        traceback.print_exc()
        return [Row(name, section=True), skipped(name, f"error: {error!r}")]


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def ensure_synthetic(folder: Path, params: synthetic.Params) -> Json:
    if not synthetic.is_current(folder, params):
        log(f"generating {folder} ({params.meetings} meetings) ...")
        if folder.exists():
            shutil.rmtree(folder)
        # In a child process: generating grows a process by a gigabyte, and this one should stay
        # small (its children inherit its high-water mark of resident memory).
        command = [sys.executable, str(HERE / "synthetic.py"), str(folder)]
        for name, value in asdict(params).items():
            command += [f"--{name}", str(value)]
        subprocess.run(command, check=True)
    manifest: Json = json.loads((folder / synthetic.MANIFEST).read_text(encoding="utf-8"))
    return manifest


def uname() -> str:
    try:
        return subprocess.run(
            ["uname", "-a"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return " ".join(part for part in platform.uname() if part)


def git(*args: str) -> str:
    """What ``git ARGS`` prints in this repository (raises when git fails or is missing)."""
    done = subprocess.run(
        ["git", *args], capture_output=True, text=True, check=True, cwd=HERE.parent
    )
    return done.stdout


def src_changed(before: str | None, after: str | None) -> bool:
    """Whether src/ differs between two commits (``True`` when that cannot be told)."""
    if before is None or after is None or "+dirty" in before or "+dirty" in after:
        return True
    try:
        return bool(git("diff", "--name-only", before, after, "--", "src").strip())
    except (OSError, subprocess.CalledProcessError):
        return True


def commit() -> str | None:
    """The checked-out commit, with ``+dirty:<hash of the changes>`` when src/ differs from it."""
    try:
        head = git("rev-parse", "--short", "HEAD").strip()
        changes = git("status", "--porcelain", "--", "src") + git("diff", "HEAD", "--", "src")
    except (OSError, subprocess.CalledProcessError):
        return None
    if not changes.strip():
        return head
    import hashlib

    return f"{head}+dirty:{hashlib.sha1(changes.encode()).hexdigest()[:7]}"


def machine() -> Json:
    import importlib.metadata as metadata
    import sqlite3

    versions: dict[str, str | None] = {}
    for package in ("baliprocess", "attrs", "cattrs", "pycountry", "pandas"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    versions["sqlite"] = sqlite3.sqlite_version
    return {
        "nproc": os.cpu_count(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "uname": uname(),
        "commit": commit(),
        "versions": versions,
    }


@contextlib.contextmanager
def data_folder(args: argparse.Namespace) -> Iterator[Path]:
    if args.tmp:
        with tempfile.TemporaryDirectory(prefix="baliprocess-bench-") as temporary:
            yield Path(temporary)
    else:
        folder = Path(args.data_dir).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        yield folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 processes, 3 repeats, 1 load")
    parser.add_argument("--scale-only", action="store_true", help="only the synthetic scale")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    parser.add_argument("--data-dir", type=Path, default=HERE / "_data", help="synthetic data")
    parser.add_argument("--tmp", action="store_true", help="generate into a temporary dir")
    defaults = synthetic.Params()
    parser.add_argument("--meetings", type=int, default=defaults.meetings)
    parser.add_argument("--attendance", type=int, default=defaults.attendance)
    parser.add_argument("--outcomes", type=int, default=defaults.outcomes)
    parser.add_argument("--large", action="store_true", help="growth table up to 50,000 meetings")
    parser.add_argument("--no-fair", action="store_true", help="skip the fair comparisons")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--worker-args", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        global MIN_TIME
        worker_args = json.loads(args.worker_args)
        MIN_TIME = worker_args.get("min_time", MIN_TIME)
        result = WORKERS[args.worker](worker_args)
        print(RESULT_PREFIX + json.dumps(result))
        return 0

    started = time.perf_counter()
    commit_before = commit()
    args.repeats = 3 if args.quick else 5
    processes = 3 if args.quick else 10
    missing = bundled_data_missing()
    if missing:
        log(f"bundled record: {missing}; its measures are reported as not run")
    WORKER_DEFAULTS["min_time"] = 0.05 if args.quick else 0.2
    rows: list[Row] = []
    bundled_probe: Json | None = None
    manifest: Json = {}
    with data_folder(args) as folder:
        if not args.scale_only:
            pycache = folder / "pycache"
            rows += guarded("startup", section_startup, processes, missing, pycache)
            rows += guarded("warm calls", section_warm, args.repeats, missing)
            filters = guarded("bundled filters", section_filters_bundled, args.repeats, missing)
            rows += filters
            cases = filters[0].figures.get("cases")
            if cases:
                bundled_probe = {
                    "n": cases["attended_by"]["n"],
                    "time": cases["attended_by"]["time"],
                }
        big_params = synthetic.Params(
            meetings=args.meetings, attendance=args.attendance, outcomes=args.outcomes
        )
        big, small = folder / f"synthetic-{args.meetings}", folder / "synthetic-small"
        try:
            manifest = ensure_synthetic(big, big_params)
            ensure_synthetic(small, SMALL)
        except Exception as error:  # noqa: BLE001 - reported in the table, never fatal
            rows.append(skipped("scale measures", f"generating the data failed: {error}"))
        else:
            rows += guarded("scale", section_scale, big, small, manifest, args, bundled_probe)
            if not args.no_fair:
                rows += guarded("fair", section_fair_rows, folder, big, args)

    elapsed = time.perf_counter() - started
    info = machine()
    if info["commit"] != commit_before:
        changed = src_changed(commit_before, info["commit"])
        what = "src/ changed during the run!" if changed else "src/ the same in both"
        info["commit"] = f"{commit_before} -> {info['commit']} ({what})"
    print(render(rows))
    missed = [r.measure for r in rows if "NO" in r.met or r.met.startswith("not run")]
    print()
    print(
        f"machine: {info['nproc']} CPUs, Python {info['python']}, {info['uname']}; "
        f"commit {info['commit']}; mode: {'quick' if args.quick else 'full'}; {elapsed:.0f} s"
    )
    print("missed or not run: " + ("; ".join(missed) if missed else "none"))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "mode": "quick" if args.quick else "full",
                    "seconds": elapsed,
                    "machine": info,
                    "synthetic": manifest,
                    "bundled": missing or "present",
                    "rows": [asdict(row) for row in rows],
                    "fair": FAIR_RESULT,
                },
                indent=2,
                default=str,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
