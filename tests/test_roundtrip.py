"""The two structuring paths (the fast one and the cattrs converter) agree with each other and
with the JSON the converter writes, on valid records and on records broken in one place; and a
whole generated data folder loads back exactly as it was written."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import baliprocess
from baliprocess._converter import converter, describe_problems
from baliprocess._structure import STRUCTURERS
from baliprocess.models import Source
from strategies import (
    KEYS,
    STRATEGIES,
    GeneratedDataset,
    datasets,
    mutations,
    spans_of,
    write_dataset,
)

ALL_CLASSES = sorted(STRATEGIES, key=lambda cls: cls.__name__)
TOP_LEVEL = sorted(STRUCTURERS, key=lambda cls: cls.__name__)


def test_there_is_a_strategy_for_every_model_class() -> None:
    import attrs

    import baliprocess.models as models

    classes = {getattr(models, name) for name in models.__all__}
    record_classes = {cls for cls in classes if attrs.has(cls)}
    assert record_classes == set(STRATEGIES)
    assert set(STRUCTURERS) <= set(STRATEGIES)


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_converter_round_trip(cls: type[Any], data: st.DataObject) -> None:
    obj = data.draw(STRATEGIES[cls])
    raw = converter.unstructure(obj)
    assert converter.structure(raw, cls) == obj
    # The JSON form is plain JSON: it survives a trip through text unchanged.
    assert json.loads(json.dumps(raw)) == raw
    assert converter.structure(json.loads(json.dumps(raw)), cls) == obj


@pytest.mark.parametrize("cls", TOP_LEVEL, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_fast_path_agrees_with_the_converter(cls: type[Any], data: st.DataObject) -> None:
    obj = data.draw(STRATEGIES[cls])
    raw = json.loads(json.dumps(converter.unstructure(obj)))
    assert STRUCTURERS[cls](raw) == obj
    assert describe_problems(cls, raw) == []


@pytest.mark.parametrize("cls", TOP_LEVEL, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_the_verifying_path_builds_what_the_fast_path_builds(
    cls: type[Any], data: st.DataObject
) -> None:
    from baliprocess._checks import Known
    from baliprocess._structure import verifying_function

    obj = data.draw(STRATEGIES[cls])
    raw = json.loads(json.dumps(converter.unstructure(obj)))
    known = Known()
    built, sound, _ = verifying_function(cls)(
        raw, known.texts, known.ids, known.loaded, known.spans
    )
    assert built == STRUCTURERS[cls](raw) == obj
    # No source text is known: a record that quotes one is not sound.
    assert sound is False or not spans_of(obj)


@given(source=STRATEGIES[Source])
def test_source_text_is_not_data(source: Source) -> None:
    """``Source.text`` is filled in by the loader: it is neither compared nor exported."""
    raw = converter.unstructure(source)
    assert "text" not in raw
    object.__setattr__(source, "text", "something else")
    assert converter.structure(raw, Source) == source
    assert STRUCTURERS[Source](raw) == source
    with_text = {**raw, "text": "the words"}
    assert describe_problems(Source, with_text) != []
    with pytest.raises(Exception):  # noqa: B017, PT011 - any rejection will do
        STRUCTURERS[Source](with_text)


@pytest.mark.parametrize("cls", TOP_LEVEL, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_both_paths_accept_and_reject_the_same_inputs(cls: type[Any], data: st.DataObject) -> None:
    obj = data.draw(STRATEGIES[cls])
    raw = json.loads(json.dumps(converter.unstructure(obj)))
    change, mutated = data.draw(mutations(raw))
    problems = describe_problems(cls, mutated)
    fast: Any = None
    rejection: Exception | None = None
    try:
        fast = STRUCTURERS[cls](mutated)
    except Exception as error:  # noqa: BLE001 - any exception counts as a rejection
        rejection = error
    if rejection is not None:
        assert problems, f"{change}: fast path rejects ({rejection!r}), cattrs accepts"
        for field, message in problems:
            assert field is None or isinstance(field, str)
            assert message
    else:
        assert problems == [], f"{change}: fast path accepts, cattrs reports {problems}"
        assert fast == converter.structure(mutated, cls), change


def _load_back(dataset: GeneratedDataset) -> tuple[dict[str, list[Any]], dict[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_dataset(Path(tmp) / "data", dataset)
        loaded = baliprocess.load(folder, bundled=False)
        records = {key: list(getattr(loaded, key)) for key in KEYS}
        texts = {source.id: source.text for source in loaded.sources}
    return records, texts


@given(dataset=datasets())
def test_a_generated_folder_loads_back_unchanged(dataset: GeneratedDataset) -> None:
    written = dataset.unstructured()
    loaded, texts = _load_back(dataset)
    for key in KEYS:
        got = sorted((converter.unstructure(r) for r in loaded[key]), key=lambda r: r["id"])
        expected = sorted(written[key], key=lambda r: r["id"])
        assert got == expected, key
        by_id = {r.id: r for r in dataset.records[key]}
        assert {r.id: r for r in loaded[key]} == by_id, key
    assert texts == dataset.texts


@given(dataset=datasets())
def test_generated_spans_quote_their_sources(dataset: GeneratedDataset) -> None:
    """A check of the generator itself: every span it makes quotes its text exactly."""
    for key in KEYS:
        for record in dataset.records[key]:
            for span in spans_of(record):
                text = dataset.texts[span.source]
                assert text[span.start : span.end] == span.text
