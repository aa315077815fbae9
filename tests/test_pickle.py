"""Records pickle and deep-copy (for multiprocessing, caches, notebooks) without their link."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

import baliprocess as bp
from minimal import write_folder


@pytest.mark.parametrize(
    "record",
    [
        bp.meetings.get("ahg-som-15"),
        bp.members.get("AUS"),
        bp.bodies.get("WG-TIP"),
        bp.documents.get("compendium-supply-chains"),
        bp.commitments.get("ahg-som-12/teg-rr-co-chairs"),
        bp.meetings.get("ahg-som-15").outcomes[0],
    ],
    ids=lambda r: type(r).__name__,
)
def test_bundled_records_come_back_equal_and_linked(record: object) -> None:
    for again in (pickle.loads(pickle.dumps(record)), copy.deepcopy(record)):
        assert again == record
        assert again is not record
        assert getattr(again, "_dataset") is getattr(record, "_dataset")  # noqa: B009


def test_an_unpickled_meeting_still_answers() -> None:
    meeting = pickle.loads(pickle.dumps(bp.meetings.get("ahg-som-12")))
    assert {m.id for m in meeting.attendees(role="observer")} == {"CAN", "ADFM"}


def test_a_source_keeps_its_text() -> None:
    source = bp.sources.get("ahg-som-4")
    assert pickle.loads(pickle.dumps(source)).text == source.text


def test_records_of_a_user_dataset_come_back_detached(tmp_path: Path) -> None:
    dataset = bp.load(write_folder(tmp_path / "data"), bundled=False)
    member = dataset.members.get("UTO")
    again = pickle.loads(pickle.dumps(member))
    assert again == member
    with pytest.raises(bp.DetachedRecordError, match="not attached to a dataset"):
        again.meetings()


@pytest.mark.parametrize(
    ("name", "home"),
    [("BodyKind", "bodies"), ("CommitmentKind", "commitments"), ("DocumentKind", "documents")],
)
def test_a_vocabulary_moved_beside_its_model_is_found_where_it_was(name: str, home: str) -> None:
    # Pickles and imports from before the move name models.vocabularies: they still work.
    import importlib

    from baliprocess.models import vocabularies

    vocabulary = getattr(importlib.import_module(f"baliprocess.models.{home}"), name)
    assert getattr(vocabularies, name) is vocabulary is getattr(bp.models, name)
    member = next(iter(vocabulary))
    old = pickle.dumps(member, protocol=0).replace(
        f"baliprocess.models.{home}".encode(), b"baliprocess.models.vocabularies"
    )
    assert b"baliprocess.models.vocabularies" in old
    assert pickle.loads(old) is member
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        vocabularies.Nothing  # noqa: B018
