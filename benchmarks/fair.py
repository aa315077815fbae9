"""The fair comparisons of issue 14: floors with the collector off and on, peers at their best.

Each measure runs in a fresh interpreter (``run.py --worker fair_*``), repeated and interleaved
by :func:`section_fair`, which reports medians:

- load: ``json.loads`` with the collector off (the floor the targets use) and on, orjson, and
  ``bp.load``; resident memory (``ru_maxrss`` peak and RSS kept after the load, both over the
  process's RSS before it) as the headline; a full ``gc.collect()`` with the record alive;
- filters: the one-off first ``meetings.filter(attended_by=X)`` on a fresh dataset (indexes
  built lazily, per filter key, included) against pandas' mask on an unindexed string column
  of an already-built DataFrame; warm filters against pandas with categorical columns and a
  precomputed groupby, sqlite3 with a covering ``(member, meeting)`` index, and duckdb; the
  peers' build times apart;
- search: top-1 on one- and two-edit typos, and no suggestion for absent real names, against
  rapidfuzz's WRatio (default processing, cutoff 85), on the bundled members and on the ISO
  3166-1 names; per-query time at about 300 names with and without rapidfuzz; a lookup that
  needs folding against pycountry's ``get``.
"""

from __future__ import annotations

import gc
import json
import os
import random
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Json = dict[str, Any]


def _rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _json_files(folder: str) -> list[str]:
    from baliprocess._registry import KINDS

    return [os.path.join(folder, k.file) for k in KINDS.values()]


def worker_fair_load(args: Json) -> Json:
    """One load of ``args["folder"]`` by ``args["how"]``, in this fresh process."""
    folder, how = args["folder"], args["how"]
    files = [f for f in _json_files(folder) if os.path.exists(f)]
    size = sum(os.path.getsize(f) for f in files)
    import baliprocess as bp

    if how == "orjson":
        import orjson

        loads: Callable[[Any], Any] = orjson.loads
    else:
        loads = json.loads
    gc.collect()
    base_rss, base_peak = _rss(), _peak()
    started = time.perf_counter()
    if how == "bp":
        kept: Any = bp.load(folder, bundled=False)
    else:
        was = gc.isenabled()
        if how == "json_gc_off":
            gc.disable()
        kept = []
        for path in files:
            with open(path, "rb") as handle:
                data = handle.read()
            kept.append(loads(data if how == "orjson" else data.decode("utf-8")))
            del data
        if was:
            gc.enable()
    elapsed = time.perf_counter() - started
    after = _rss()
    peak = max(_peak() - base_peak, after - base_rss, 0)
    started = time.perf_counter()
    gc.collect()
    collect = time.perf_counter() - started
    return {
        "time": elapsed,
        "bytes": size,
        "kept": (after - base_rss) / size,
        "peak": max(peak, after - base_rss) / size,
        "peak_abs": _peak() / size,
        "gc": collect,
        "alive": bool(kept),
    }


def _median_member(ds: Any) -> str:
    from collections import Counter

    counts = Counter(row.member for m in ds.meetings for row in dict.fromkeys(m.attendance))
    ranked = sorted(counts, key=lambda k: (counts[k], k))
    return str(ranked[len(ranked) // 2])


def _timeit(call: Callable[[], Any], repeats: int = 5, budget: float = 0.1) -> float:
    import timeit

    timer = timeit.Timer(call)
    number, _ = timer.autorange()
    number = max(1, int(number * budget / 0.2))
    return min(timer.repeat(repeat=repeats, number=number)) / number


def worker_fair_filters(args: Json) -> Json:
    import baliprocess as bp

    folder = args["folder"]
    ds = bp.load(folder, bundled=False)
    # The answer's member is picked from the raw file, so that nothing of ``ds`` is warmed.
    rows = [(row.member, m.id) for m in ds.meetings for row in m.attendance]
    member = _median_member(ds)
    # One-off first query on a fresh dataset (built again: nothing cached).
    del ds
    fresh = bp.load(folder, bundled=False)
    started = time.perf_counter()
    answer = fresh.meetings.filter(attended_by=member)
    first = time.perf_counter() - started
    expected = sorted(answer.ids())
    out: Json = {"member": member, "n": len(answer), "bp_first": first}
    out["bp_warm"] = _timeit(lambda: fresh.meetings.filter(attended_by=member))

    import pandas as pd

    started = time.perf_counter()
    df = pd.DataFrame(rows, columns=["member", "meeting"])
    out["pandas_build"] = time.perf_counter() - started
    started = time.perf_counter()
    got = df.loc[df["member"] == member, "meeting"].unique()
    out["pandas_str_first"] = time.perf_counter() - started
    assert sorted(got) == expected
    started = time.perf_counter()
    cat = df.astype("category")
    out["pandas_cat_build"] = time.perf_counter() - started
    out["pandas_cat"] = _timeit(lambda: cat.loc[cat["member"] == member, "meeting"].unique())
    started = time.perf_counter()
    groups = {k: v.unique() for k, v in df.groupby("member")["meeting"]}
    out["pandas_groupby_build"] = time.perf_counter() - started
    out["pandas_groupby"] = _timeit(lambda: groups[member])
    assert sorted(groups[member]) == expected

    import sqlite3

    con = sqlite3.connect(":memory:")
    started = time.perf_counter()
    con.execute("CREATE TABLE a (member TEXT, meeting TEXT)")
    con.executemany("INSERT INTO a VALUES (?, ?)", rows)
    con.execute("CREATE INDEX a_member_meeting ON a (member, meeting)")
    out["sqlite_build"] = time.perf_counter() - started
    query = "SELECT DISTINCT meeting FROM a WHERE member = ?"
    assert sorted(r[0] for r in con.execute(query, (member,))) == expected
    out["sqlite"] = _timeit(lambda: con.execute(query, (member,)).fetchall())
    try:
        import duckdb
    except ImportError:
        out["duckdb"] = "duckdb not installed"
    else:
        duck = duckdb.connect()
        started = time.perf_counter()
        duck.execute("CREATE TABLE a AS SELECT * FROM df")
        out["duckdb_build"] = time.perf_counter() - started
        duck_query = "SELECT DISTINCT meeting FROM a WHERE member = ?"
        assert sorted(r[0] for r in duck.execute(duck_query, [member]).fetchall()) == expected
        out["duckdb"] = _timeit(lambda: duck.execute(duck_query, [member]).fetchall())
    return out


# -- search ----------------------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(name: str, edits: int, rng: random.Random) -> str:
    """``name`` with ``edits`` random edits (substitution, insertion, deletion, swap)."""
    text = list(name)
    for _ in range(edits):
        spots = [i for i, ch in enumerate(text) if ch.isalpha()]
        i = rng.choice(spots)
        how = rng.choice("sidt")
        if how == "s":
            text[i] = rng.choice(_LETTERS.replace(text[i].lower(), ""))
        elif how == "i":
            text.insert(i, rng.choice(_LETTERS))
        elif how == "d" and len(spots) > 3:
            del text[i]
        elif i + 1 < len(text) and text[i + 1] != text[i]:
            text[i], text[i + 1] = text[i + 1], text[i]
        else:
            text[i] = rng.choice(_LETTERS.replace(text[i].lower(), ""))
    return "".join(text)


def _quality(names: dict[str, str], absent: list[str], rapid: bool, seed: int = 14) -> Json:
    """Top-1 rates of our ranking and of rapidfuzz WRatio on ``names`` (display name -> id)."""
    from rapidfuzz import fuzz, process, utils

    from baliprocess import _normalize
    from baliprocess._normalize import FuzzyIndex, fold

    _normalize.use_rapidfuzz(rapid)
    index = FuzzyIndex([(fold(name), ident) for name, ident in names.items()])
    choices = list(names)

    def ours(query: str) -> str | None:
        scores = index.scores(fold(query))
        return max(scores, key=scores.__getitem__) if scores else None

    def theirs(query: str, cutoff: float = 0) -> str | None:
        found = process.extractOne(
            query, choices, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=cutoff
        )
        return None if found is None else names[found[0]]

    rng = random.Random(seed)
    out: Json = {"names": len(names)}
    for edits in (1, 2):
        queries = [(typo(name, edits, rng), ident) for name, ident in names.items()] * 1
        out[f"ours_{edits}"] = sum(ours(q) == i for q, i in queries) / len(queries)
        out[f"theirs_{edits}"] = sum(theirs(q) == i for q, i in queries) / len(queries)
    out["ours_absent"] = sum(ours(q) is not None for q in absent) / max(len(absent), 1)
    out["theirs_absent"] = sum(theirs(q, 85) is not None for q in absent) / max(len(absent), 1)
    sample = [typo(name, 1, rng) for name in list(names)[:50]]
    started = time.perf_counter()
    for query in sample:
        index.scores(fold(query))
    out["ours_time"] = (time.perf_counter() - started) / len(sample)
    started = time.perf_counter()
    for query in sample:
        process.extractOne(query, choices, scorer=fuzz.WRatio, processor=utils.default_process)
    out["theirs_time"] = (time.perf_counter() - started) / len(sample)
    return out


def worker_fair_search(args: Json) -> Json:
    import pycountry

    import baliprocess as bp

    members = {m.name: m.id for m in bp.members}
    countries = {c.name: c.alpha_3 for c in pycountry.countries}
    # About 300 names: the ISO names and their common names where they differ.
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        if common:
            countries[common] = c.alpha_3
    absent_members = [name for name in countries if countries[name] not in members.values()]
    out: Json = {}
    for rapid in (True, False):
        tag = "rf" if rapid else "py"
        out[f"members_{tag}"] = _quality(members, absent_members, rapid)
        out[f"countries_{tag}"] = _quality(countries, [], rapid)
    from baliprocess._normalize import fold_cached

    bp.members.lookup("Thailand")  # builds the names index
    # A first lookup that needs folding: the first time a name is looked up (the cache emptied
    # before each), the median of several names (one single-shot timing on a shared virtual
    # machine is mostly the timer's noise). The process's very first one, which also runs the
    # folding code for the first time (CPython specialises code as it runs it), is apart, as
    # context; so the code runs once, on another name, before the names measured.
    very_first = time.perf_counter()
    bp.members.lookup("THAILAND!")
    out_very_first = time.perf_counter() - very_first
    firsts = []
    for name in (
        "Viet-Nam",
        "viet nam!",
        "SRI-LANKA",
        "New-Zealand",
        "THE Philippines",
        "Fiji.",
        "sri lanka ",
        "Viet  Nam",
        "NEW-zealand!",
    ):
        fold_cached.cache_clear()
        started = time.perf_counter()
        bp.members.lookup(name)
        firsts.append(time.perf_counter() - started)
    out["fold_very_first"] = out_very_first
    out["fold_first"] = median(firsts)
    out["fold_warm"] = _timeit(lambda: bp.members.lookup("Viet-Nam"))
    out["pycountry_get"] = _timeit(lambda: pycountry.countries.get(alpha_3="VNM"))
    return out


WORKERS: dict[str, Callable[[Json], Json]] = {
    "fair_load": worker_fair_load,
    "fair_filters": worker_fair_filters,
    "fair_search": worker_fair_search,
}


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def section_fair(
    run_worker: Callable[[str, Json], Json],
    folders: dict[int, Path],
    main_size: int,
    repeats: int,
    log: Callable[[str], None],
) -> Json:
    """Every fair figure: medians over ``repeats`` interleaved fresh processes per size."""
    hows = ("json_gc_off", "json_gc_on", "orjson", "bp")
    loads: Json = {}
    for size, folder in sorted(folders.items()):
        runs: dict[str, list[Json]] = {how: [] for how in hows}
        for round_ in range(repeats if size == main_size else 1):
            for how in hows:
                log(f"fair load {how} at {size} meetings (round {round_ + 1})")
                result = run_worker("fair_load", {"folder": str(folder), "how": how})
                if "error" not in result:
                    runs[how].append(result)
        loads[str(size)] = {
            how: {key: median([r[key] for r in rs]) for key in ("time", "kept", "peak", "gc")}
            | {"bytes": rs[0]["bytes"], "runs": len(rs)}
            for how, rs in runs.items()
            if rs
        }
    filters: list[Json] = []
    for round_ in range(repeats):
        log(f"fair filters (round {round_ + 1})")
        result = run_worker("fair_filters", {"folder": str(folders[main_size])})
        if "error" not in result:
            filters.append(result)
    log("fair search")
    search = run_worker("fair_search", {})
    keys = [k for k in filters[0] if isinstance(filters[0][k], float)] if filters else []
    return {
        "loads": loads,
        "filters": {k: median([f[k] for f in filters]) for k in keys}
        | ({"n": filters[0]["n"], "member": filters[0]["member"]} if filters else {}),
        "search": search,
    }


def load_json(path: Path) -> Json:
    result: Json = json.loads(path.read_text())
    return result
