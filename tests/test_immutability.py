"""The shared record cannot be changed through the public API: records are frozen and hold only
tuples, and collections have no way to add, replace or remove records."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError

import baliprocess
from baliprocess.collections import Collection
from baliprocess.dataset import Dataset
from minimal import write_folder

KEYS = ("sources", "members", "bodies", "documents", "meetings", "commitments")
MUTATORS = (
    "append",
    "extend",
    "insert",
    "remove",
    "pop",
    "clear",
    "sort",
    "reverse",
    "add",
    "discard",
    "update",
    "setdefault",
    "__setitem__",
    "__delitem__",
    "__iadd__",
    "__imul__",
)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return baliprocess.load(
        write_folder(tmp_path_factory.mktemp("immutable") / "data"), bundled=False
    )


def collections_of(dataset: Dataset) -> list[Collection[Any]]:
    return [getattr(dataset, key) for key in KEYS]


def records_of(dataset: Dataset) -> Iterator[Any]:
    """Every record, outcomes included."""
    for collection in collections_of(dataset):
        yield from collection
    for meeting in dataset.meetings:
        yield from meeting.outcomes


def walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every value held by a record, with its path; the link to the dataset is not data."""
    yield path, value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from walk(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")


IMMUTABLE_LEAVES = (str, int, float, bool, type(None), datetime.date, enum.Enum)


def check_record_is_deeply_immutable(record: Any) -> int:
    count = 0
    for path, value in walk(record, record.id):
        count += 1
        assert not isinstance(value, (list, dict, set, bytearray)), path
        if attrs.has(type(value)):
            with pytest.raises(FrozenInstanceError):
                set_first_field(value)
        else:
            assert isinstance(value, (tuple, *IMMUTABLE_LEAVES)), (path, type(value))
    return count


def set_first_field(value: Any) -> None:
    """Set the first field of a record to its own value, the most harmless change there is."""
    name = attrs.fields(type(value))[0].name
    setattr(value, name, getattr(value, name))


def test_every_value_of_every_record_is_immutable(dataset: Dataset) -> None:
    total = sum(check_record_is_deeply_immutable(record) for record in records_of(dataset))
    assert total > 100


def test_every_record_class_is_frozen_and_slotted(dataset: Dataset) -> None:
    seen: dict[type[Any], Any] = {}
    for record in records_of(dataset):
        for _, value in walk(record, record.id):
            if attrs.has(type(value)):
                seen.setdefault(type(value), value)
    assert len(seen) >= 12
    for cls, instance in seen.items():
        assert "__slots__" in vars(cls), cls
        assert not hasattr(instance, "__dict__"), cls
        # Built through a mutable twin (``_structure._builder``), it is the class itself.
        assert cls.__module__.startswith("baliprocess.models"), cls


def test_records_are_built_through_their_twins_and_are_the_classes_themselves() -> None:
    from baliprocess._registry import KINDS
    from baliprocess._structure import _BUILDERS, structure_function

    for kind in KINDS.values():
        structure_function(kind.cls)
    # Every plain record class is filled through its twin (a fallback would be slower, not
    # wrong: this notices a change that silently loses the fast path).
    assert len(_BUILDERS) >= 12
    assert all(twin is not None for twin in _BUILDERS.values()), _BUILDERS
    for cls, twin in _BUILDERS.items():
        assert twin is not None
        built = object.__new__(twin)
        built.__class__ = cls
        assert type(built) is cls
        with pytest.raises(FrozenInstanceError):
            setattr(built, attrs.fields(cls)[0].name, None)


@pytest.mark.parametrize("field", ["id", "name", "aliases", "status", "span", "kind"])
def test_setting_a_member_field_raises(dataset: Dataset, field: str) -> None:
    member = dataset.members.get("UTO")
    before = attrs.asdict(member)
    with pytest.raises(FrozenInstanceError):
        setattr(member, field, "changed")
    with pytest.raises(FrozenInstanceError):
        delattr(member, field)
    assert attrs.asdict(member) == before


def test_setting_or_deleting_any_attribute_raises(dataset: Dataset) -> None:
    meeting = dataset.meetings.get("tg-1")
    for obj in (
        meeting,
        meeting.outcomes[0],
        meeting.attendance[0],
        meeting.location,
        meeting.span,
        dataset.sources.get("test-statement"),
        dataset.commitments.get("tg-1/host-next-meeting"),
    ):
        with pytest.raises(FrozenInstanceError):
            obj.new_attribute = 1  # type: ignore[union-attr]
        with pytest.raises(FrozenInstanceError):
            del obj.span  # type: ignore[union-attr]
    source = dataset.sources.get("test-statement")
    with pytest.raises(FrozenInstanceError):
        source.text = "other words"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        meeting._dataset = None  # type: ignore[attr-defined]


def test_tuples_cannot_be_changed_in_place(dataset: Dataset) -> None:
    meeting = dataset.meetings.get("tg-1")
    with pytest.raises(TypeError):
        meeting.attendance[0] = meeting.attendance[1]  # type: ignore[index]
    with pytest.raises(AttributeError):
        meeting.outcomes.append(meeting.outcomes[0])  # type: ignore[attr-defined]
    before = meeting.outcomes
    outcomes = meeting.outcomes
    outcomes += (meeting.outcomes[0],)  # a new tuple, bound to the local name only
    assert meeting.outcomes is before
    assert len(meeting.outcomes) == 2


def test_evolve_makes_a_detached_copy(dataset: Dataset) -> None:
    member = dataset.members.get("UTO")
    renamed = attrs.evolve(member, name="Erewhon")
    assert renamed.name == "Erewhon"
    assert dataset.members.get("UTO").name == "Utopia"
    assert dataset.members.get("UTO") is member
    with pytest.raises(baliprocess.DetachedRecordError):
        renamed.meetings()


@pytest.mark.parametrize("key", KEYS)
def test_collections_have_no_mutating_methods(dataset: Dataset, key: str) -> None:
    collection = getattr(dataset, key)
    for name in MUTATORS:
        assert not hasattr(collection, name), name
    with pytest.raises(TypeError):
        collection[0] = collection[0]
    with pytest.raises(TypeError):
        del collection[0]
    with pytest.raises(AttributeError):
        collection.extra = 1
    assert isinstance(collection.all(), tuple)
    assert isinstance(collection.ids(), tuple)


def test_collections_and_dataset_cannot_be_rebound(dataset: Dataset) -> None:
    for key in KEYS:
        with pytest.raises(AttributeError):
            setattr(dataset, key, ())
    assert len(dataset.meetings) == 1


def test_filtered_collections_cannot_change_the_whole(dataset: Dataset) -> None:
    whole = dataset.meetings
    narrow = whole.filter(year=1999)
    assert len(narrow) == 0
    assert len(whole) == 1
    assert dataset.meetings is whole
    with pytest.raises(TypeError):
        narrow[0] = whole[0]  # type: ignore[index]


def test_records_are_hashable_and_equal_by_value(dataset: Dataset) -> None:
    for record in records_of(dataset):
        assert hash(record) == hash(attrs.evolve(record))
        assert record == attrs.evolve(record)
    assert len(set(dataset.members)) == len(dataset.members)


def test_a_changed_copy_is_in_no_collection(dataset: Dataset) -> None:
    member = dataset.members.get("UTO")
    forged = attrs.evolve(member, name="Forged")
    states = dataset.members.filter(kind="state")
    assert member in dataset.members
    assert member in states
    assert forged not in dataset.members
    assert forged not in states
