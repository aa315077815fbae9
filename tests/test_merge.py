"""Merging data: a user's folder on top of another (``replaces``), and on top of the bundled record.

The merge rules are tested with two user folders (no bundled data needed); the tests that need
the bundled record skip while its files are missing.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import baliprocess
from baliprocess import _loading
from baliprocess._converter import converter
from baliprocess._registry import FORMAT
from baliprocess.dataset import Dataset
from baliprocess.errors import DataError
from minimal import TEXT, minimal_records, span, write_folder
from test_immutability import check_record_is_deeply_immutable, records_of
from test_threads import (
    KEYS,
    Reads,
    assert_all_the_same,
    every_collection,
    touch_concurrently,
)

BUNDLED = (Path(baliprocess.__file__).parent / "data" / "meetings.json").exists()
needs_bundled = pytest.mark.skipif(not BUNDLED, reason="the bundled data files are not there yet")


def _write(folder: Path, key: str, rows: list[dict[str, Any]], **extra: Any) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    document = {"format": FORMAT, key: rows, **extra}
    (folder / f"{key}.json").write_text(json.dumps(document), encoding="utf-8")


def _erewhon() -> dict[str, Any]:
    """A new member whose first mention is in the minimal folder's statement."""
    return {
        "id": "ERE",
        "name": "Erewhon",
        "kind": "other-organisation",
        "span": span("Springfield"),
    }


def _merged(base: Path, overlay: Path) -> Dataset:
    return Dataset([_loading.Origin(str(base)), _loading.Origin(str(overlay))], eager=True)


def _problems(base: Path, overlay: Path) -> tuple[Any, ...]:
    with pytest.raises(DataError) as caught:
        _merged(base, overlay)
    return caught.value.problems


# -- two user folders ---------------------------------------------------------------------------


def test_overlay_adds_records_that_refer_to_the_base(tmp_path: Path) -> None:
    base = write_folder(tmp_path / "base")
    overlay = tmp_path / "overlay"
    _write(overlay, "members", [_erewhon()])
    meeting = copy.deepcopy(minimal_records()["meetings"][0])
    meeting.update(id="tg-2", outcomes=[], attendance=[], co_chairs=["ATL", "ERE"])
    _write(overlay, "meetings", [meeting])
    merged = _merged(base, overlay)
    assert merged.members.ids() == ("ATL", "UTO", "ERE")
    assert merged.meetings.ids() == ("tg-1", "tg-2")
    assert merged.members.lookup("erewhon").id == "ERE"
    # The base folder alone is unchanged by the merge.
    assert baliprocess.load(base, bundled=False).members.ids() == ("ATL", "UTO")


def test_same_id_without_replaces_is_a_problem(tmp_path: Path) -> None:
    base = write_folder(tmp_path / "base")
    overlay = tmp_path / "overlay"
    renamed = {**minimal_records()["members"][0], "note": "changed"}
    _write(overlay, "members", [renamed])
    (problem,) = _problems(base, overlay)
    assert problem.file == str(overlay / "members.json")
    assert (problem.record, problem.field) == ("ATL", "id")
    assert str(base / "members.json") in problem.message
    assert '"replaces"' in problem.message


def test_replaces_takes_the_place_of_the_earlier_record(tmp_path: Path) -> None:
    base = write_folder(tmp_path / "base")
    overlay = tmp_path / "overlay"
    renamed = {**minimal_records()["members"][0], "note": "changed"}
    _write(overlay, "members", [renamed], replaces=["ATL"])
    merged = _merged(base, overlay)
    assert merged.members.ids() == ("ATL", "UTO")  # in the place of the record it replaces
    assert merged.members.get("ATL").note == "changed"
    assert merged.meetings.get("tg-1").attendees()[0] is merged.members.get("ATL")


def test_replaced_outcomes_can_still_be_committed_to(tmp_path: Path) -> None:
    base = write_folder(tmp_path / "base")
    overlay = tmp_path / "overlay"
    meeting = copy.deepcopy(minimal_records()["meetings"][0])
    meeting["title"] = "The first meeting of the Test Group"
    _write(overlay, "meetings", [meeting], replaces=["tg-1"])
    merged = _merged(base, overlay)
    assert merged.meetings.get("tg-1").title == "The first meeting of the Test Group"
    assert merged.commitments.get("tg-1/host-next-meeting").meeting() is merged.meetings.get("tg-1")


def test_replaces_of_an_unknown_id_is_a_problem(tmp_path: Path) -> None:
    base = write_folder(tmp_path / "base")
    overlay = tmp_path / "overlay"
    _write(overlay, "members", [_erewhon()], replaces=["ERE"])
    (problem,) = _problems(base, overlay)
    assert problem.file == str(overlay / "members.json")
    assert (problem.record, problem.field) == ("ERE", "replaces")
    assert "no earlier data has" in problem.message


def test_duplicate_within_the_overlay_is_a_problem(tmp_path: Path) -> None:
    base = write_folder(tmp_path / "base")
    overlay = tmp_path / "overlay"
    _write(overlay, "members", [_erewhon(), _erewhon()])
    (problem,) = _problems(base, overlay)
    assert (Path(problem.file).parent, problem.record, problem.field) == (overlay, "ERE", "id")
    assert "duplicate id" in problem.message


def test_overlay_alias_colliding_with_base_name_is_a_problem(tmp_path: Path) -> None:
    base = write_folder(tmp_path / "base")
    overlay = tmp_path / "overlay"
    _write(overlay, "members", [{**_erewhon(), "aliases": ["Utopia"]}])
    (problem,) = _problems(base, overlay)
    assert (problem.record, problem.field) == ("ERE", "aliases[0]")
    assert "already names member 'UTO'" in problem.message


def test_overlay_sources_are_read_from_the_overlay(tmp_path: Path) -> None:
    base = write_folder(tmp_path / "base")
    overlay = tmp_path / "overlay"
    source = {
        **minimal_records()["sources"][0],
        "id": "second",
        "path": "sources/second.txt",
        "meetings": [],
    }
    _write(overlay, "sources", [source])
    (overlay / "sources").mkdir()
    (overlay / "sources" / "second.txt").write_text("Erewhon. " + TEXT, encoding="utf-8")
    member = {**_erewhon(), "span": {"source": "second", "start": 0, "end": 7, "text": "Erewhon"}}
    _write(overlay, "members", [member])
    merged = _merged(base, overlay)
    assert merged.sources.get("second").text.startswith("Erewhon. ")
    assert merged.sources.get("test-statement").text == TEXT
    # A span citing the overlay's source is checked against the overlay's text.
    member["span"]["text"] = "Erewhen"
    _write(overlay, "members", [member])
    (problem,) = _problems(base, overlay)
    assert (problem.record, problem.field) == ("ERE", "span.text")


def test_two_sources_may_not_share_a_path(tmp_path: Path) -> None:
    # Written back to one folder, they would be one file: the merged dataset could not be saved.
    base = write_folder(tmp_path / "base")
    overlay = tmp_path / "overlay"
    source = {**minimal_records()["sources"][0], "id": "second", "meetings": []}
    _write(overlay, "sources", [source])
    (overlay / "sources").mkdir()
    (overlay / "sources" / "test-statement.txt").write_text(TEXT, encoding="utf-8")
    (problem,) = _problems(base, overlay)
    assert (problem.record, problem.field) == ("second", "path")
    assert "already has the path" in problem.message


# -- on top of the bundled record ---------------------------------------------------------------


def _bundled() -> Dataset:
    return Dataset([_loading.Origin(None)], eager=False)


@needs_bundled
def test_minimal_folder_merges_with_the_bundled_record(tmp_path: Path) -> None:
    bundled = _bundled()
    merged = baliprocess.load(write_folder(tmp_path / "data"), bundled=True)
    for key in KEYS:
        ids = getattr(merged, key).ids()
        assert set(getattr(bundled, key).ids()) <= set(ids), key
        assert len(ids) == len(getattr(bundled, key)) + len(minimal_records()[key]), key
    assert merged.meetings.get("tg-1").attendees()[0].id == "ATL"
    # The bundled record itself is never changed.
    assert "ATL" not in baliprocess.members
    assert "ATL" not in _bundled().members


@needs_bundled
def test_replacing_a_bundled_member(tmp_path: Path) -> None:
    bundled = _bundled()
    original = bundled.members.all()[0]
    raw = converter.unstructure(original)
    raw["note"] = "replaced by a user's data"
    folder = tmp_path / "data"
    _write(folder, "members", [raw])
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=True)
    (problem,) = caught.value.problems
    assert (problem.record, problem.field) == (original.id, "id")
    assert "<bundled>/members.json" in problem.message
    _write(folder, "members", [raw], replaces=[original.id])
    merged = baliprocess.load(folder, bundled=True)
    assert merged.members.get(original.id).note == "replaced by a user's data"
    assert merged.members.ids() == bundled.members.ids()
    assert _bundled().members.get(original.id) == original


@needs_bundled
def test_check_command_accepts_the_minimal_folder(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-m", "baliprocess", "check", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ok: {folder} is valid")
    assert result.stderr == ""


@needs_bundled
@pytest.mark.parametrize("round_", range(3))
def test_threads_share_one_load_of_the_bundled_record(
    monkeypatch: pytest.MonkeyPatch, round_: int
) -> None:
    reads = Reads()
    reads.install(monkeypatch)
    dataset = _bundled()
    results = touch_concurrently(dataset, every_collection)
    assert_all_the_same(results)
    parsed = {file: n for (where, file), n in reads.parsed.items() if where is None}
    assert parsed == {f"{key}.json": 1 for key in KEYS}
    read = {file: n for (where, file), n in reads.read.items() if where is None}
    assert len(read) == len(KEYS) + len(dataset.sources)
    assert set(read.values()) == {1}


@needs_bundled
def test_bundled_records_are_deeply_immutable() -> None:
    dataset = _bundled()
    total = sum(check_record_is_deeply_immutable(record) for record in records_of(dataset))
    assert total > 1000
    member = dataset.members.all()[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        member.name = "changed"  # type: ignore[misc]
