"""The curation folder and quote anchors.

``curation/`` (at the repository root) holds the facts of the bundled record, spans written as
quote anchors; ``scripts/curate.py`` builds the bundled files from it with the library. Here:
that build reproduces the bundled files byte for byte, anchors round-trip, and every broken
anchor is one problem naming its file, record and field.
"""

from __future__ import annotations

import copy
import filecmp
import json
import os
from pathlib import Path
from typing import Any

import pytest

import baliprocess
from baliprocess._anchors import anchor_of, is_anchor, matches
from baliprocess.dataset import bundled
from baliprocess.errors import DataError, Problem
from minimal import TEXT, minimal_records, span, write_folder

ROOT = Path(__file__).resolve().parent.parent
CURATION = ROOT / "curation"
DATA = Path(baliprocess.__file__).parent / "data"
KEYS = ("sources", "members", "bodies", "documents", "meetings", "commitments")
SOURCE = "test-statement"


def _files(folder: Path) -> set[str]:
    return {
        Path(directory, name).relative_to(folder).as_posix()
        for directory, _, names in os.walk(folder)
        for name in names
    }


def _same_records(a: baliprocess.Dataset, b: baliprocess.Dataset) -> None:
    for key in KEYS:
        assert getattr(a, key).all() == getattr(b, key).all(), key
    for x, y in zip(a.sources, b.sources, strict=True):
        assert x.text == y.text


def _spans(value: Any) -> list[dict[str, Any]]:
    """Every offset span and anchor in a JSON value."""
    if isinstance(value, list):
        return [s for item in value for s in _spans(item)]
    if not isinstance(value, dict):
        return []
    if set(value) == {"source", "start", "end", "text"} or is_anchor(value):
        return [value]
    return [s for item in value.values() for s in _spans(item)]


# -- the curation folder ----------------------------------------------------------------------


@pytest.mark.skipif(not CURATION.is_dir(), reason="no curation/ folder (an installed sdist)")
def test_the_curation_builds_the_bundled_files_byte_for_byte(tmp_path: Path) -> None:
    baliprocess.load(CURATION, bundled=False).write(tmp_path)
    assert _files(tmp_path) == _files(DATA)
    for name in sorted(_files(DATA)):
        assert filecmp.cmp(tmp_path / name, DATA / name, shallow=False), name


# -- writing anchors --------------------------------------------------------------------------


def test_the_bundled_record_round_trips_through_anchors(tmp_path: Path) -> None:
    bundled().write(tmp_path, anchors=True)
    for key in KEYS[1:]:
        document = json.loads((tmp_path / f"{key}.json").read_text(encoding="utf-8"))
        spans = _spans(document[key])
        assert spans, key
        assert all(is_anchor(s) for s in spans), key  # every bundled span has an anchor
    _same_records(baliprocess.load(tmp_path, bundled=False), bundled())


def test_anchored_files_leave_out_defaults_and_write_short_anchors(tmp_path: Path) -> None:
    baliprocess.load(write_folder(tmp_path / "in"), bundled=False).write(
        tmp_path / "out", anchors=True
    )
    members = json.loads((tmp_path / "out" / "members.json").read_text(encoding="utf-8"))
    atlantis = members["members"][0]
    assert list(atlantis) == ["id", "name", "kind", "iso2", "iso3", "span"]  # field order
    assert atlantis["span"] == {"source": SOURCE, "quote": "Atlantis", "occurrence": 0}
    meetings = json.loads((tmp_path / "out" / "meetings.json").read_text(encoding="utf-8"))
    assert meetings["meetings"][0]["span"] == {"source": SOURCE, "quote": "On 2 March 2022"}
    assert '"span": {"source": "test-statement", "quote": "Atlantis", "occurrence": 0}' in (
        tmp_path / "out" / "members.json"
    ).read_text(encoding="utf-8")


def test_the_shortest_anchor() -> None:
    start = TEXT.index("Springfield")
    assert anchor_of(SOURCE, start, start + 11, "Springfield", TEXT) == {
        "source": SOURCE,
        "quote": "Springfield",
    }
    second = TEXT.index("Atlantis", TEXT.index("Atlantis") + 1)
    assert anchor_of(SOURCE, second, second + 8, "Atlantis", TEXT) == {
        "source": SOURCE,
        "quote": "Atlantis",
        "occurrence": 1,
    }
    # No anchor finds words that start inside a word, nor an empty span.
    inner = TEXT.index("tlantis")
    assert anchor_of(SOURCE, inner, inner + 7, "tlantis", TEXT) is None
    assert anchor_of(SOURCE, 0, 0, "", TEXT) is None


def test_a_span_no_anchor_can_express_keeps_its_offsets(tmp_path: Path) -> None:
    records = minimal_records()
    inner = span("tlantis")
    records["members"][0]["span"] = inner
    original = baliprocess.load(write_folder(tmp_path / "in", records), bundled=False)
    original.write(tmp_path / "out", anchors=True)
    members = json.loads((tmp_path / "out" / "members.json").read_text(encoding="utf-8"))
    assert members["members"][0]["span"] == inner
    _same_records(baliprocess.load(tmp_path / "out", bundled=False), original)


# -- reading anchors --------------------------------------------------------------------------


def test_matches_skip_words_inside_longer_words() -> None:
    assert matches("Atlantis, Atlantisian and (Atlantis)", "Atlantis") == [0, 27]
    assert matches("a.b a.b.", "a.b.") == [4]


def _anchored_minimal() -> dict[str, list[dict[str, Any]]]:
    """The minimal records with their spans written as anchors, in each form."""
    records = minimal_records()
    records["members"][0]["span"] = {"source": SOURCE, "quote": "Atlantis", "occurrence": 0}
    records["members"][1]["status"][0]["span"] = {
        "source": SOURCE,
        "quote": "Utopia",
        "occurrence": 0,
    }
    records["bodies"][0]["span"] = {"source": SOURCE, "quote": "Test Group"}
    meeting = records["meetings"][0]
    meeting["location"]["span"] = {"source": SOURCE, "quote": "Springfield, Atlantis"}
    meeting["attendance"][0]["span"] = {"quote": "Atlantis", "source": SOURCE, "occurrence": 0}
    meeting["outcomes"][1]["span"] = {
        "source": SOURCE,
        "quote": "Utopia will host the next meeting.",
        "after": "Test Plan.",
    }
    records["commitments"][0]["due"]["span"] = {
        "source": SOURCE,
        "quote": "the next meeting",
        "after": "Utopia will",
        "occurrence": 0,
    }
    return records


def test_anchors_load_as_the_spans_they_quote(tmp_path: Path) -> None:
    with_offsets = baliprocess.load(write_folder(tmp_path / "offsets"), bundled=False)
    with_anchors = baliprocess.load(
        write_folder(tmp_path / "anchors", _anchored_minimal()), bundled=False
    )
    _same_records(with_anchors, with_offsets)


def test_occurrence_and_after_together_count_after_the_anchor(tmp_path: Path) -> None:
    records = minimal_records()
    records["meetings"][0]["mentions"] = [
        {"source": SOURCE, "quote": "meeting", "after": "2 March", "occurrence": 1}
    ]
    dataset = baliprocess.load(write_folder(tmp_path, records), bundled=False)
    assert dataset.meetings.get("tg-1").mentions[0].start == TEXT.rindex("meeting")


BROKEN: dict[str, tuple[str, list[Any], Any, str, str]] = {
    # name: (file, path to the span in the records, the anchor, field, piece of the message)
    "quote not found": (
        "meetings.json",
        ["meetings", 0, "outcomes", 1, "span"],
        {"source": SOURCE, "quote": "Utopia will host the final meeting."},
        "outcomes[1].span",
        "quote 'Utopia will host the final meeting.' not found in source 'test-statement'",
    ),
    "ambiguous quote": (
        "meetings.json",
        ["meetings", 0, "attendance", 0, "span"],
        {"source": SOURCE, "quote": "Atlantis"},
        "attendance[0].span",
        "quote 'Atlantis' is ambiguous: 2 matches in source 'test-statement'; "
        'add "occurrence" (0 to 1)',
    ),
    "occurrence out of range": (
        "members.json",
        ["members", 1, "span"],
        {"source": SOURCE, "quote": "Utopia", "occurrence": 2},
        "span",
        "quote 'Utopia' has no occurrence 2: it matches 2 times in source 'test-statement' "
        "(occurrences 0 to 1)",
    ),
    "after not found": (
        "members.json",
        ["members", 1, "status", 0, "span"],
        {"source": SOURCE, "quote": "Utopia", "after": "Erewhon"},
        "status[0].span",
        "\"after\" 'Erewhon' is not found in source 'test-statement'; it must match exactly once",
    ),
    "after not unique": (
        "bodies.json",
        ["bodies", 0, "co_chairs", 0, "span"],
        {"source": SOURCE, "quote": "Atlantis", "after": "meeting"},
        "co_chairs[0].span",
        "\"after\" 'meeting' matches 2 times in source 'test-statement'",
    ),
    "nothing after the after-anchor": (
        "documents.json",
        ["documents", 0, "span"],
        {"source": SOURCE, "quote": "Test Plan", "after": "Test Plan."},
        "span",
        "quote 'Test Plan' not found in source 'test-statement' after 'Test Plan.'",
    ),
    "unknown source": (
        "commitments.json",
        ["commitments", 0, "due", "span"],
        {"source": "test-statment", "quote": "the next meeting"},
        "due.span",
        "unknown source 'test-statment'; did you mean 'test-statement'?",
    ),
    "occurrence of the wrong type": (
        "meetings.json",
        ["meetings", 0, "mentions", 0],
        {"source": SOURCE, "quote": "Test Group", "occurrence": "0"},
        "mentions[0]",
        '"occurrence" must be a whole number, 0 or more',
    ),
    "negative occurrence": (
        "meetings.json",
        ["meetings", 0, "location", "span"],
        {"source": SOURCE, "quote": "Springfield", "occurrence": -1},
        "location.span",
        '"occurrence" must be a whole number, 0 or more',
    ),
    "quote of the wrong type": (
        "meetings.json",
        ["meetings", 0, "span"],
        {"source": SOURCE, "quote": ["On 2 March 2022"]},
        "span",
        '"quote" must be a non-empty string',
    ),
    "empty quote": (
        "meetings.json",
        ["meetings", 0, "span"],
        {"source": SOURCE, "quote": ""},
        "span",
        '"quote" must be a non-empty string',
    ),
    "no source": (
        "meetings.json",
        ["meetings", 0, "outcomes", 0, "span"],
        {"quote": "Members welcomed the Test Plan."},
        "outcomes[0].span",
        '"source" must be a source id',
    ),
    "after of the wrong type": (
        "commitments.json",
        ["commitments", 0, "span"],
        {"source": SOURCE, "quote": "Utopia will host", "after": 3},
        "span",
        '"after" must be a non-empty string',
    ),
}


def _record(file: str, path: list[Any]) -> str:
    """The id of the record holding the span at ``path`` in the minimal records."""
    return str(minimal_records()[file.removesuffix(".json")][path[1]]["id"])


def _put(records: dict[str, Any], path: list[Any], value: Any) -> None:
    target: Any = records
    for step in path[:-1]:
        target = target[step]
    if isinstance(target, list) and path[-1] == len(target):
        target.append(copy.deepcopy(value))
    else:
        target[path[-1]] = copy.deepcopy(value)


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_anchor_is_one_located_problem(tmp_path: Path, name: str) -> None:
    file, path, anchor, field, message = BROKEN[name]
    records = minimal_records()
    _put(records, path, anchor)
    write_folder(tmp_path, records)
    with pytest.raises(DataError) as caught:
        baliprocess.load(tmp_path, bundled=False)
    problems = caught.value.problems
    assert len(problems) == 1, problems  # the anchor's problem, and nothing it causes
    problem = problems[0]
    assert (problem.file, problem.record, problem.field) == (
        str(tmp_path / file),
        _record(file, path),
        field,
    )
    assert message in problem.message


def test_every_broken_anchor_is_reported_at_once(tmp_path: Path) -> None:
    records = minimal_records()
    for _, path, anchor, _, _ in BROKEN.values():
        _put(records, path, anchor)
    write_folder(tmp_path, records)
    with pytest.raises(DataError) as caught:
        baliprocess.load(tmp_path, bundled=False)
    # Two of the cases break the same span (meetings tg-1 "span"); the later one wins.
    fields = {(Path(p.file).name, p.record, p.field) for p in caught.value.problems}
    assert len(caught.value.problems) == len(BROKEN) - 1
    assert ("meetings.json", "tg-1", "mentions[0]") in fields
    # Within a record, in the order of the file.
    assert [p.field for p in caught.value.problems if p.record == "tg-1"] == [
        "location.span",
        "attendance[0].span",
        "outcomes[0].span",
        "outcomes[1].span",
        "span",
        "mentions[0]",
    ]
    assert ("commitments.json", "tg-1/host-next-meeting", "due.span") in fields


def test_anchors_citing_an_unreadable_source_are_left_to_its_problem(tmp_path: Path) -> None:
    write_folder(tmp_path, _anchored_minimal())
    (tmp_path / "sources" / "test-statement.txt").unlink()
    with pytest.raises(DataError) as caught:
        baliprocess.load(tmp_path, bundled=False)
    assert caught.value.problems == (
        Problem(
            str(tmp_path / "sources.json"),
            "test-statement",
            "path",
            "no file 'sources/test-statement.txt'",
        ),
    )


def test_an_object_with_other_keys_is_not_an_anchor() -> None:
    assert is_anchor({"source": SOURCE, "quote": "Atlantis"})
    assert is_anchor({"quote": "Atlantis"})
    assert not is_anchor({"source": SOURCE, "quote": "Atlantis", "occurence": 1})
    assert not is_anchor({"source": SOURCE, "start": 0, "end": 0, "text": ""})
    assert not is_anchor(["quote"])
