"""Round trips: data files -> objects -> written folder -> objects, losslessly."""

from __future__ import annotations

import filecmp
from pathlib import Path

import baliprocess
from baliprocess.dataset import bundled
from minimal import write_folder

DATA = Path(baliprocess.__file__).parent / "data"
KEYS = ("sources", "members", "bodies", "documents", "meetings", "commitments")


def _same_records(a: baliprocess.Dataset, b: baliprocess.Dataset) -> None:
    for key in KEYS:
        assert getattr(a, key).all() == getattr(b, key).all(), key
    for x, y in zip(a.sources, b.sources, strict=True):
        assert x.text == y.text


def test_the_bundled_record_writes_back_byte_for_byte(tmp_path: Path) -> None:
    bundled().write(tmp_path)
    for key in KEYS:
        assert filecmp.cmp(tmp_path / f"{key}.json", DATA / f"{key}.json", shallow=False), key
    for source in baliprocess.sources:
        assert (tmp_path / source.path).read_bytes() == (DATA / source.path).read_bytes()


def test_the_written_bundled_record_loads_back_equal(tmp_path: Path) -> None:
    bundled().write(tmp_path)
    _same_records(baliprocess.load(tmp_path, bundled=False), bundled())


def test_a_user_dataset_round_trips(tmp_path: Path) -> None:
    original = baliprocess.load(write_folder(tmp_path / "in"), bundled=False)
    original.write(tmp_path / "out")
    again = baliprocess.load(tmp_path / "out", bundled=False)
    _same_records(original, again)
    again.write(tmp_path / "again")
    for key in KEYS:
        assert (tmp_path / "out" / f"{key}.json").read_bytes() == (
            tmp_path / "again" / f"{key}.json"
        ).read_bytes()


def test_a_merged_dataset_writes_everything(tmp_path: Path) -> None:
    merged = baliprocess.load(write_folder(tmp_path / "in"))
    merged.write(tmp_path / "out")
    alone = baliprocess.load(tmp_path / "out", bundled=False)
    assert len(alone.meetings) == len(baliprocess.meetings) + 1
    _same_records(merged, alone)
