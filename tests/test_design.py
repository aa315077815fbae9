"""Guards of the performance design, checked without timing anything.

``import baliprocess`` must cost almost nothing: it imports no attrs, no cattrs, no data-reading
module and reads no data file. A first answer about members imports attrs and the member
model, never json (the loader drives json's C scanner itself), cattrs, the meeting model or the
vocabularies of other kinds, and generates no member check (members verify as they load).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import weakref
from pathlib import Path
from typing import Any

import pytest


def _run(code: str) -> str:
    """What ``python -c code`` prints, in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def _modules_after(code: str) -> set[str]:
    script = (
        f"{code}\nimport sys\nloaded = sorted(sys.modules)\nimport json\nprint(json.dumps(loaded))"
    )
    stdout = _run(script)
    return set(json.loads(stdout.strip().splitlines()[-1]))


def test_import_is_light() -> None:
    before = _modules_after("pass")
    after = _modules_after("import baliprocess")
    added = after - before
    assert "cattrs" not in added
    assert "attr" not in added
    assert "attrs" not in added
    assert "json" not in added
    assert not {m for m in added if m.startswith("importlib.resources")}
    assert not {m for m in added if m.startswith("importlib_resources")}
    assert not {m for m in added if m.startswith("importlib.metadata")}
    # Only the package itself and its error module: no loader, no models, no data.
    assert {m for m in added if m.startswith("baliprocess")} == {
        "baliprocess",
        "baliprocess.errors",
    }


def test_first_member_answer_skips_cattrs_and_other_models() -> None:
    added = _modules_after("import baliprocess as bp\nbp.members.lookup('UAE')")
    assert "cattrs" not in added
    assert "baliprocess._converter" not in added
    assert "baliprocess.models.meetings" not in added
    assert "baliprocess.models.commitments" not in added
    assert "baliprocess.models.bodies" not in added
    assert "baliprocess.models.documents" not in added
    assert "importlib.resources" not in added
    assert "json" not in added


def test_sound_records_need_no_generated_check() -> None:
    # Members verify as they are structured, so their check is never generated; sources name
    # meetings, which load later, so they are checked (and their refs wait for the meetings).
    code = (
        "import baliprocess as bp\n"
        "bp.members.lookup('UAE')\n"
        "from baliprocess import _checks\n"
        "print(sorted(cls.__name__ for cls in _checks._FUNCTIONS))\n"
    )
    stdout = _run(code)
    assert stdout.strip() == "['Source']"


def test_version_is_lazy() -> None:
    added = _modules_after("import baliprocess as bp\nv = bp.__version__")
    assert "importlib.metadata" not in added
    assert "baliprocess._version" in added


def test_each_bundled_file_is_read_once() -> None:
    code = (
        "import collections\n"
        "import baliprocess._resources as resources\n"
        "import baliprocess._loading as loading\n"
        "reads = collections.Counter()\n"
        "real = resources.read_bundled\n"
        "def counting(name):\n"
        "    reads[name] += 1\n"
        "    return real(name)\n"
        "loading.read_bundled = counting\n"
        "import baliprocess as bp\n"
        "for _ in range(3):\n"
        "    bp.members.lookup('UAE'); len(bp.meetings); len(bp.commitments)\n"
        "import json\n"
        "print(json.dumps(dict(reads)))\n"
    )
    stdout = _run(code)
    reads = json.loads(stdout.strip())
    assert reads, "nothing was read"
    assert set(reads.values()) == {1}
    assert "meetings.json" in reads
    assert "members.json" in reads


# -- the garbage collector -------------------------------------------------------------------


def _small_folder(tmp: Path) -> Path:
    import baliprocess as bp
    from baliprocess.dataset import bundled

    folder = tmp / "data"
    bundled().write(folder)
    assert bp.meetings
    return folder


def test_a_loaded_record_is_frozen_out_of_the_collector(tmp_path: Path) -> None:
    import baliprocess as bp

    folder = _small_folder(tmp_path)
    dataset = bp.load(folder, bundled=False)
    meeting = dataset.meetings.all()[0]
    # After a load, full collections do not walk the record again: it is in the collector's
    # permanent generation (gc.freeze), not in any generation a collection visits.
    assert gc.get_freeze_count() > 0
    assert not any(obj is meeting for obj in gc.get_objects())
    assert not any(obj is meeting.attendance for obj in gc.get_objects())


def test_sound_records_are_not_walked_a_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Structuring tests what the checks test while the values are at hand; the generated
    check, a second walk over every record, runs only for records that failed a test."""
    import baliprocess as bp
    from baliprocess import _checks, _loading

    seen: dict[str, list[bool]] = {}
    check_kind = _checks.check_kind

    def spy(kind: Any, pairs: Any, known: Any, problems: Any, verified: Any = None) -> None:
        seen[kind.name] = list(verified)
        check_kind(kind, pairs, known, problems, verified)

    monkeypatch.setattr(_loading, "check_kind", spy)
    folder = _small_folder(tmp_path)
    bp.load(folder, bundled=False)
    # Outcomes name meetings of the same file: those refs wait for the file's ids, then pass.
    for name in ("members", "documents", "meetings", "commitments", "followups"):
        assert seen[name], name
        assert all(seen[name]), name
    meetings = folder / "meetings.json"
    meetings.write_text(
        meetings.read_text().replace('"text": "Indonesia"', '"text": "IndonesiA"', 1)
    )
    with pytest.raises(bp.DataError, match="does not match the source"):
        bp.load(folder, bundled=False)
    assert not all(seen["meetings"])


def test_only_records_the_fast_path_rejects_are_searched_for_quote_anchors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No file is searched for anchors as text, and no record written with offset spans is
    walked for them: an anchor is not a span, so only a rejected record can hold one."""
    import baliprocess as bp
    from baliprocess import _anchors

    searched: list[Any] = []
    resolve = _anchors.resolve_record

    def spy(file: str, raw: Any, *args: Any) -> bool:
        searched.append(raw.get("id"))
        return resolve(file, raw, *args)

    monkeypatch.setattr(_anchors, "resolve_record", spy)
    offsets = _small_folder(tmp_path)
    expected = bp.load(offsets, bundled=False)
    assert searched == []
    anchored = tmp_path / "anchored"
    expected.write(anchored, anchors=True)
    assert '"quote"' in (anchored / "meetings.json").read_text()
    again = bp.load(anchored, bundled=False)
    assert again.meetings.all() == expected.meetings.all()
    holding = [
        record["id"]
        for file in sorted(anchored.glob("*.json"))
        if file.name != "sources.json"
        for record in json.loads(file.read_text())[file.stem]
        if '"quote"' in json.dumps(record)
    ]
    assert holding
    assert sorted(searched) == sorted(holding)


def test_a_dropped_dataset_is_freed_without_the_collector(tmp_path: Path) -> None:
    import baliprocess as bp

    folder = _small_folder(tmp_path)
    dataset = bp.load(folder, bundled=False)
    meeting = dataset.meetings.filter(attended_by="AUS")[0]
    assert meeting.attendees()
    refs: list[weakref.ref[Any]] = [
        weakref.ref(dataset),
        weakref.ref(meeting),
        weakref.ref(dataset.meetings),
        weakref.ref(dataset.members.all()[0]),
        weakref.ref(meeting.outcomes[0]) if meeting.outcomes else weakref.ref(meeting),
    ]
    del dataset, meeting
    # No reference cycle: reference counting alone frees everything, with the collector off.
    was = gc.isenabled()
    gc.disable()
    try:
        assert [ref() for ref in refs] == [None] * len(refs)
    finally:
        if was:
            gc.enable()


def test_a_collection_keeps_its_dataset_and_a_lone_record_says_it_is_detached(
    tmp_path: Path,
) -> None:
    import baliprocess as bp

    folder = _small_folder(tmp_path)
    meetings = bp.load(folder, bundled=False).meetings
    meeting = meetings.filter(attended_by="Australia")[0]
    assert meeting.attendees()
    lone = bp.load(folder, bundled=False).meetings.get(meeting.id)
    with pytest.raises(bp.DetachedRecordError, match="keep the dataset"):
        lone.attendees()


# -- search ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rapidfuzz", [True, False])
def test_search_breaks_ties_by_the_whole_name(rapidfuzz: bool) -> None:
    import baliprocess as bp
    from baliprocess import _normalize

    _normalize.use_rapidfuzz(rapidfuzz)
    try:
        # "united" names the UAE and the USA exactly as well: the whole name decides.
        assert bp.members.search("United Kingdgom")[0].id == "GBR"
        assert bp.members.search("new zeeland")[0].id == "NZL"
        assert bp.members.search("Viet-Nam")[0].id == "VNM"
    finally:
        _normalize.use_rapidfuzz(True)


def test_search_does_not_import_rapidfuzz_before_a_search() -> None:
    added = _modules_after("import baliprocess as bp\nbp.members.lookup('Viet-Nam')")
    assert "rapidfuzz" not in added


def test_a_load_neither_freezes_pending_garbage_nor_its_own_failure(tmp_path: Path) -> None:
    code = f"""
import gc, json, pathlib, weakref, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
import baliprocess as bp
from minimal import write_folder
good = write_folder(pathlib.Path({str(tmp_path)!r}) / "good")
bad = write_folder(pathlib.Path({str(tmp_path)!r}) / "bad")
(bad / "members.json").write_text("{{}}", encoding="utf-8")
class Cycle: pass
junk = Cycle(); junk.me = junk; seen = weakref.ref(junk); del junk
dataset = bp.load(good, bundled=False)
gc.collect()
pending_freed = seen() is None
frozen = gc.get_freeze_count()
for _ in range(5):
    try:
        bp.load(bad, bundled=False)
    except bp.DataError:
        pass
print(json.dumps([pending_freed, gc.get_freeze_count() == frozen]))
"""
    stdout = _run(code)
    assert json.loads(stdout.strip().splitlines()[-1]) == [True, True]


def test_kept_generated_code_is_used_only_for_its_own_source(tmp_path: Path) -> None:
    from baliprocess import _codecache

    source = "def f():\n    return 1\n"
    first = _codecache.compiled(source, "<test f>")
    again = _codecache.compiled(source, "<test f>")
    assert first.co_consts == again.co_consts
    namespace: dict[str, Any] = {}
    exec(_codecache.compiled(source.replace("1", "2"), "<test f>"), namespace)
    assert namespace["f"]() == 2  # another source: never the kept code of the first
    # A damaged entry is compiled again, not trusted.
    for path in Path(_codecache._FOLDER).glob("generated-*.marshal"):
        if path.stat().st_size < 400:
            path.write_bytes(b"\x00garbage")
    namespace = {}
    exec(_codecache.compiled(source, "<test f>"), namespace)
    assert namespace["f"]() == 1


def test_the_loader_reads_without_cpythons_json_accelerator(tmp_path: Path) -> None:
    # Where _json is missing (another Python), the loader scans with json's own decoder.
    from minimal import write_folder

    folder = write_folder(tmp_path / "data")
    code = (
        "import sys\n"
        "sys.modules['_json'] = None\n"
        "import baliprocess as bp\n"
        "print(bp.members.lookup('UAE').id, len(bp.meetings))\n"
        f"print(bp.load({str(folder)!r}, bundled=False).meetings.ids())\n"
    )
    stdout = _run(code)
    assert stdout.split() == ["ARE", "31", "('tg-1',)"]
