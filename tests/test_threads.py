"""Many threads touching a fresh lazy dataset at once all get the very same collections, and each
data file is read exactly once."""

from __future__ import annotations

import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from baliprocess import _loading
from baliprocess._registry import Kind
from baliprocess.dataset import Dataset
from minimal import write_folder

THREADS = 16
KEYS = ("sources", "members", "bodies", "documents", "meetings", "commitments")


class Reads:
    """Counts, per file, how often the loader parsed a data file and read any file."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.parsed: Counter[tuple[str | None, str]] = Counter()
        self.read: Counter[tuple[str | None, str]] = Counter()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_parse = _loading.parse_file
        real_read = _loading.Origin.read

        def parse_file(
            origin: _loading.Origin, part: Kind, problems: list[Any], *rest: Any
        ) -> tuple[bool, list[str]]:
            with self.lock:
                self.parsed[origin.folder, part.file] += 1
            return real_parse(origin, part, problems, *rest)

        def read(origin: _loading.Origin, relative: str) -> bytes | None:
            with self.lock:
                self.read[origin.folder, relative] += 1
            return real_read(origin, relative)

        monkeypatch.setattr(_loading, "parse_file", parse_file)
        monkeypatch.setattr(_loading.Origin, "read", read)


@contextmanager
def busy_switching() -> Iterator[None]:
    """Switch threads as often as possible, to make races likely."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def touch_concurrently(
    dataset: Dataset, task: Callable[[Dataset, int], Any], threads: int = THREADS
) -> list[Any]:
    """Run ``task(dataset, i)`` in ``threads`` threads released together; their results."""
    barrier = threading.Barrier(threads)
    results: list[Any] = [None] * threads
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = task(dataset, i)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    with busy_switching():
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=120)
    assert not any(worker.is_alive() for worker in workers), "a thread hangs"
    assert not errors, errors
    return results


def every_collection(dataset: Dataset, i: int) -> tuple[Any, ...]:
    """Each thread asks for the collections in a different order."""
    order = KEYS[i % len(KEYS) :] + KEYS[: i % len(KEYS)]
    got = {key: getattr(dataset, key) for key in order}
    return tuple(got[key] for key in KEYS)


def only(key: str) -> Callable[[Dataset, int], tuple[Any, ...]]:
    """Every thread asks for ``key`` first, then for everything."""

    def task(dataset: Dataset, i: int) -> tuple[Any, ...]:
        getattr(dataset, key)
        return every_collection(dataset, i)

    return task


def assert_all_the_same(results: list[Any]) -> None:
    first = results[0]
    assert len(first) == len(KEYS)
    for result in results[1:]:
        assert len(result) == len(first)
        for mine, theirs in zip(result, first, strict=True):
            assert mine is theirs


def assert_each_file_read_once(reads: Reads, folder: str | None) -> None:
    parsed = {file: n for (where, file), n in reads.parsed.items() if where == folder}
    assert parsed == {f"{key}.json": 1 for key in KEYS}
    read = {file: n for (where, file), n in reads.read.items() if where == folder}
    assert read, "nothing was read"
    assert set(read.values()) == {1}, read


@pytest.fixture
def folder(tmp_path: Path) -> str:
    return str(write_folder(tmp_path / "data"))


@pytest.mark.parametrize("round_", range(5))
def test_threads_share_one_load_of_a_folder(
    monkeypatch: pytest.MonkeyPatch, folder: str, round_: int
) -> None:
    reads = Reads()
    reads.install(monkeypatch)
    dataset = Dataset([_loading.Origin(folder)], eager=False)
    results = touch_concurrently(dataset, every_collection)
    assert_all_the_same(results)
    assert_each_file_read_once(reads, folder)
    # Later access changes nothing and reads nothing more.
    assert every_collection(dataset, 0) == results[0]
    assert all(a is b for a, b in zip(every_collection(dataset, 3), results[0], strict=True))
    assert_each_file_read_once(reads, folder)


@pytest.mark.parametrize("key", KEYS)
def test_threads_racing_for_one_collection(
    monkeypatch: pytest.MonkeyPatch, folder: str, key: str
) -> None:
    reads = Reads()
    reads.install(monkeypatch)
    dataset = Dataset([_loading.Origin(folder)], eager=False)
    assert_all_the_same(touch_concurrently(dataset, only(key)))
    assert_each_file_read_once(reads, folder)


def test_threads_share_the_indexes(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    """Indexes built on first query are built once and shared too."""
    dataset = Dataset([_loading.Origin(folder)], eager=False)

    def task(dataset: Dataset, i: int) -> tuple[Any, ...]:
        found = dataset.meetings.filter(year=2022, attended_by="Utopia")
        committed = dataset.commitments.filter(actor="UTO")
        return (
            dataset.meetings._index("participation"),
            dataset.commitments._index("actor"),
            dataset._outcome_index(),
            dataset.members.lookup("utopian republic"),
            found.all()[0],
            committed.all()[0],
            dataset._outcome("tg-1/o2"),
        )

    results = touch_concurrently(dataset, task)
    for result in results[1:]:
        assert all(a is b for a, b in zip(result, results[0], strict=True))
    assert results[0][4].id == "tg-1"
    assert results[0][5].id == "tg-1/host-next-meeting"


def test_threads_all_see_the_same_error(tmp_path: Path) -> None:
    """A broken folder fails the same way in every thread, and publishes nothing."""
    import baliprocess
    from minimal import minimal_records

    records = minimal_records()
    records["commitments"][0]["outcome"] = "tg-1/o9"
    folder = write_folder(tmp_path / "data", records)
    dataset = Dataset([_loading.Origin(str(folder))], eager=False)

    def task(dataset: Dataset, i: int) -> str:
        try:
            dataset.commitments  # noqa: B018 - the access is the test
        except baliprocess.DataError as error:
            return str(error)
        return "loaded"

    results = touch_concurrently(dataset, task)
    assert len(set(results)) == 1
    assert "unknown outcome 'tg-1/o9'" in results[0]
