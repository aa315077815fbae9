"""Tables and DataFrames, derived from the registry and the attrs fields (never per kind)."""

from __future__ import annotations

import datetime
import json
import sys
import typing
from typing import Any

import attrs
import pytest

import baliprocess as bp
from baliprocess._registry import KINDS
from baliprocess._tables import attendance_cells, rows, specs_for, table_specs
from baliprocess.dataset import bundled
from baliprocess.models import Span
from baliprocess.models._base import field, record_class
from baliprocess.models.vocabularies import _Vocabulary

pd = pytest.importorskip("pandas")  # in the test extra: CI always has it


def _nested_record_fields(cls: type[Any], seen: set[type[Any]]) -> typing.Iterator[str]:
    """``Class.field`` for every tuple of records reachable from ``cls`` (refs are values)."""
    from baliprocess.models import Ref

    attrs.resolve_types(cls)
    for f in attrs.fields(cls):
        if not f.init:
            continue
        args = typing.get_args(f.type)
        kind = f.type
        if args and type(None) in args:
            (kind,) = [a for a in args if a is not type(None)]
            args = typing.get_args(kind)
        item = args[0] if typing.get_origin(kind) is tuple else kind
        if attrs.has(item) and item is not Ref:
            if typing.get_origin(kind) is tuple:
                yield f"{cls.__name__}.{f.name}"
            if item not in seen:
                seen.add(item)
                yield from _nested_record_fields(item, seen)


def test_every_kind_and_every_tuple_of_records_has_a_table() -> None:
    specs = table_specs()
    tables_of_kinds = {t.kind for t in specs.values()}
    assert set(KINDS) <= set(specs)
    assert tables_of_kinds == set(KINDS)
    # One table per tuple of nested records anywhere in any model.
    expected = {path for kind in KINDS.values() for path in _nested_record_fields(kind.cls, set())}
    field_names = {path.split(".")[1] for path in expected}
    for name in field_names:
        assert any(t == name or t.endswith(f"_{name}") for t in specs), name
    for table in specs.values():
        assert table.primary_key
        names = [c.name for c in table.columns]
        assert len(names) == len(set(names)), table.name
        assert set(table.primary_key) <= set(names)


def test_collection_to_records_is_json_ready_without_pandas() -> None:
    for name in KINDS:
        records = getattr(bp, name).to_records()
        assert len(records) == len(getattr(bp, name))
        json.dumps(records)  # plain data: no record objects, no dates
    meeting = next(r for r in bp.meetings.to_records() if r["id"] == "ahg-som-15")
    assert meeting["start"] == "2020-10-20"
    assert meeting["start_precision"] == "day"
    assert meeting["body_id"] == "AHG"
    assert meeting["location_city"] is None  # virtual: no place, not ""


def test_to_pandas_types_every_column() -> None:
    df = bp.meetings.to_pandas()
    assert len(df) == len(bp.meetings)
    assert list(df["id"]) == list(bp.meetings.ids())
    assert df["start"].dtype.kind == "M"
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert "senior-officials-meeting" in df["kind"].cat.categories
    assert str(df["number"].dtype) == "Int64"
    assert str(df["virtual"].dtype) == "boolean"
    month = df.set_index("id").loc["bpmc-3"]
    assert month["start_precision"] == "month"
    assert month["start"] == pd.Timestamp("2009-04-01")
    undated = df.set_index("id").loc["ahg-som-11"]
    assert pd.isna(undated["start"])
    assert pd.isna(undated["start_precision"])
    assert pd.isna(undated["virtual"])  # not stated: NA, never False


def test_every_date_has_a_precision_beside_it() -> None:
    for table in table_specs().values():
        names = [c.name for c in table.columns]
        for i, column in enumerate(table.columns):
            if column.type == "date":
                assert names[i + 1] == f"{column.name}_precision", (table.name, column.name)


def test_tables_hold_the_15th_ahg_som_attendance() -> None:
    tables = bp.tables()
    assert set(tables) == set(table_specs())
    att = tables["meetings_attendance"]
    som = att[att["meeting_id"] == "ahg-som-15"]
    assert len(som) == 26  # one row per participant
    assert som["member_id"].nunique() == 26
    assert isinstance(som["role"].dtype, pd.CategoricalDtype)
    assert set(som.loc[som["member_id"] == "AUS", "role"]) == {"member"}
    assert set(som["role"]) == {"member", "observer", "unstated"}
    contributions = tables["meetings_attendance_contributions"]
    mine = contributions[contributions["meeting_id"] == "ahg-som-15"]
    assert set(mine["kind"]) == {"co-chaired", "hosted", "updated", "provided-recommendations"}
    # A participant column per kind: bodies are in their own table, with body_id.
    assert "body_id" in tables["meetings_bodies_present"].columns
    assert "member_id" not in tables["meetings_bodies_present"].columns
    actors = tables["commitments_actors"]
    assert {"member_id", "body_id", "group_id", "commitment_id"} <= set(actors.columns)
    assert "ahg-som-15" in set(tables["outcomes"]["meeting_id"])


def test_attendance_matrix_keeps_every_role() -> None:
    matrix = bp.attendance_matrix()
    assert list(matrix.columns) == list(bp.meetings.ids())  # date order
    assert matrix.loc["AUS", "ahg-som-15"] == "member; co-chaired; hosted"
    assert matrix.loc["NZL", "ahg-som-15"] == "member; updated"
    assert matrix.loc["ILO", "ahg-som-12"] == ""  # not recorded there
    recorded = matrix.loc[:, "ahg-som-15"]
    assert (recorded != "").sum() == 26


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'baliprocess\[pandas\]'"):
        bp.meetings.to_pandas()
    with pytest.raises(ImportError, match=r"baliprocess\[pandas\]"):
        bp.tables()
    assert bp.meetings.to_records()  # the plain path needs nothing


# -- a kind of record that does not exist yet flows in with no change --------------------------


class ContributionKind(_Vocabulary):
    CO_CHAIRED = "co-chaired"
    PRESENTED = "presented"


class Standing(_Vocabulary):
    MEMBER = "member"
    OBSERVER = "observer"


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Contribution:
    kind: ContributionKind
    span: Span


@record_class
@attrs.frozen(kw_only=True, repr=False)
class Row:
    member: str = field(refers_to="member")
    role: Standing
    contributions: tuple[Contribution, ...] = ()


@record_class
@attrs.frozen(kw_only=True, repr=False)
class FollowUp:
    """A follow-up, as another engineer might add it."""

    id: str
    commitment: str = field(refers_to="commitment")
    on: datetime.date | None = None
    attendance: tuple[Row, ...] = ()


def _html(obj: Any) -> str:
    return obj._repr_html_()  # type: ignore[no-any-return]


def test_a_new_kind_with_contributions_gets_tables_and_matrix_cells() -> None:
    specs = specs_for({"followups": FollowUp})
    assert set(specs) == {
        "followups",
        "followups_attendance",
        "followups_attendance_contributions",
    }
    top = specs["followups"]
    assert [c.name for c in top.columns] == ["id", "commitment_id", "on", "on_precision"]
    assert (("commitment_id",), "commitments", ("id",)) in top.foreign_keys
    inner = specs["followups_attendance_contributions"]
    assert inner.primary_key == ("followup_id", "attendance_index", "contributions_index")
    span = Span(source="s", start=0, end=1, text="x")
    contribution = Contribution(kind=ContributionKind.CO_CHAIRED, span=span)
    record = FollowUp(
        id="f1",
        commitment="c1",
        on=datetime.date(2021, 1, 2),
        attendance=(Row(member="AUS", role=Standing.MEMBER, contributions=(contribution,)),),
    )
    assert rows(inner, [record]) == [
        {
            "followup_id": "f1",
            "attendance_index": 0,
            "contributions_index": 0,
            "kind": "co-chaired",
            "span_source_id": "s",
            "span_start": 0,
            "span_end": 1,
            "span_text": "x",
        }
    ]
    assert rows(top, [record])[0]["on_precision"] == "day"
    # The matrix cell picks the contributions up, whatever the fields are called.
    assert attendance_cells([record]) == {"AUS": {"f1": "member; co-chaired"}}
    # So do the repr, str and HTML.
    assert repr(record) == "FollowUp(id='f1', on=2021-01-02, 1 attendance)"
    assert str(record) == "FollowUp f1 (2021-01-02)"
    assert "<td>co-chaired</td>" in _html(record.attendance[0])


def test_the_bundled_tables_have_rows_for_every_record() -> None:
    dataset = bundled()
    for name, table in table_specs().items():
        if name in KINDS:
            assert len(rows(table, getattr(dataset, name))) == len(getattr(dataset, name))
    outcomes = rows(table_specs()["outcomes"], dataset.meetings)
    assert len(outcomes) == len(dataset.outcomes())
