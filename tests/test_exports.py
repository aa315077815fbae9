"""Exports: CSV, the Frictionless data package, Parquet, JSON; the JSON Schemas of the files."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import pytest

import baliprocess as bp
from baliprocess._registry import KINDS
from baliprocess._schema import SCHEMA_DIR, schema_texts
from baliprocess._tables import table_specs

frictionless = pytest.importorskip("frictionless")  # in the test extra: CI always has it
jsonschema = pytest.importorskip("jsonschema")

DATA = Path(bp.__file__).parent / "data"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("package")
    bp.export(folder, format="datapackage")
    return folder


def test_csv_has_one_file_per_table(tmp_path: Path) -> None:
    written = bp.export(tmp_path, format="csv")
    assert written == [f"{name}.csv" for name in table_specs()]
    with (tmp_path / "meetings_attendance.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    som = [r for r in rows if r["meeting_id"] == "ahg-som-15"]
    assert len(som) == 26
    assert {r["member_id"] for r in som} >= {"AUS", "IDN", "ILO"}
    with (tmp_path / "meetings.csv").open(encoding="utf-8") as handle:
        meetings = {r["id"]: r for r in csv.DictReader(handle)}
    assert meetings["bpmc-3"]["start_precision"] == "month"
    assert meetings["ahg-som-11"]["start"] == ""  # undated: empty, never a made-up date


def test_the_data_package_is_valid_foreign_keys_included(package: Path) -> None:
    report = frictionless.validate(package / "datapackage.json")
    assert report.valid, report.flatten(["type", "message"])[:5]
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == bp.data_version
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    urls = [s.get("path") for s in descriptor["sources"]]
    assert "https://baliprocess.net/event/15th-ad-hoc-senior-officials-meeting/" in urls
    attendance = next(r for r in descriptor["resources"] if r["name"] == "meetings_attendance")
    foreign = attendance["schema"]["foreignKeys"]
    keys = {tuple(fk["fields"]): fk["reference"]["resource"] for fk in foreign}
    assert keys[("meeting_id",)] == "meetings"
    assert keys[("member_id",)] == "members"
    assert attendance["schema"]["primaryKey"] == ["meeting_id", "attendance_index"]


def test_a_broken_foreign_key_fails_validation(package: Path, tmp_path: Path) -> None:
    for file in package.iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    path = tmp_path / "meetings_attendance.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",AUS,", ",Atlantis,", 1), encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_parquet_keeps_the_types(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    bp.export(tmp_path, format="parquet")
    meetings = pd.read_parquet(tmp_path / "meetings.parquet")
    assert meetings["start"].dtype.kind == "M"
    assert isinstance(meetings["kind"].dtype, pd.CategoricalDtype)


def test_json_export_is_the_data_format(tmp_path: Path) -> None:
    written = bp.export(tmp_path, format="json")
    assert "meetings.json" in written
    assert len(bp.load(tmp_path, bundled=False).meetings) == len(bp.meetings)


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format 'xlsx'"):
        bp.export(tmp_path, format="xlsx")


# -- JSON Schema -------------------------------------------------------------------------------


def test_the_shipped_schemas_are_current() -> None:
    shipped = {p.name: p.read_text(encoding="utf-8") for p in Path(SCHEMA_DIR).iterdir()}
    assert shipped == schema_texts(), "run: python -m baliprocess._schema"
    assert set(shipped) == {f"{name}.schema.json" for name in KINDS}


def _validator(name: str) -> Any:
    schema = json.loads((Path(SCHEMA_DIR) / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_bundled_files_match_their_schemas() -> None:
    for name in KINDS:
        document = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
        errors = list(_validator(name).iter_errors(document))
        assert not errors, (name, errors[:1])


def test_broken_files_fail_their_schemas() -> None:
    meetings = json.loads((DATA / "meetings.json").read_text(encoding="utf-8"))
    validator = _validator("meetings")

    def broken(change: Any) -> list[Any]:
        document = copy.deepcopy(meetings)
        change(document)
        return list(validator.iter_errors(document))

    assert broken(lambda d: d["meetings"][0].update(kind="picnic"))
    assert broken(lambda d: d["meetings"][0].update(start="20 October 2020"))
    assert broken(lambda d: d["meetings"][0].update(colour="blue"))
    assert broken(lambda d: d["meetings"][0].pop("title"))
    assert broken(lambda d: d["meetings"][0]["span"].update(start="0"))
    assert broken(lambda d: d.update(format="baliprocess/0"))
    assert broken(lambda d: d["meetings"][-1]["outcomes"].append({"id": "x"}))
