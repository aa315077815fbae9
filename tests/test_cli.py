"""The command line: the meetings table and ``check``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import baliprocess
from baliprocess.cli import main

DATA = Path(baliprocess.__file__).parent / "data"


def test_python_m_prints_the_meetings_table() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "baliprocess"], capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["id", "when", "where"]
    assert any(line.startswith("ahg-som-15 ") and "virtual" in line for line in lines)
    assert any(line.startswith("ahg-som-12 ") and "Kuala Lumpur, MYS" in line for line in lines)
    assert lines[-1] == f"{len(baliprocess.meetings)} meetings"


def test_table_rows_follow_date_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meetings"]) == 0
    out = capsys.readouterr().out
    ids = [line.split()[0] for line in out.splitlines()[2:] if line and " " in line]
    assert ids[: len(baliprocess.meetings)] == list(baliprocess.meetings.ids())


def test_check_the_bundled_folder_alone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--alone", str(DATA)]) == 0
    assert "is valid" in capsys.readouterr().out


def test_check_the_bundled_folder_against_itself_reports_collisions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(DATA)]) == 1
    err = capsys.readouterr().err
    assert "is already in <bundled>/meetings.json" in err


def test_check_an_empty_folder_says_it_holds_no_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path)]) == 1
    assert "no data files in the folder" in capsys.readouterr().err


def test_check_a_folder_adding_to_the_bundled_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from minimal import write_folder

    assert main(["check", str(write_folder(tmp_path / "data"))]) == 0
    assert f"{len(baliprocess.meetings) + 1} meetings" in capsys.readouterr().out


def test_dates_in_the_table_stay_exact() -> None:
    import datetime

    import attrs

    from baliprocess.cli import _when

    d = datetime.date
    meeting = baliprocess.meetings.get("wg-tip-7")
    assert _when(meeting) == "2021-09-21,23"
    across = attrs.evolve(meeting, start=d(2021, 12, 30), end=d(2022, 1, 2), days=())
    assert _when(across) == "2021-12-30..2022-01-02"
    gaps = attrs.evolve(
        meeting, start=d(2022, 3, 1), end=d(2022, 3, 5), days=(d(2022, 3, 2), d(2022, 3, 4))
    )
    assert _when(gaps) == "2022-03-02,04"
    assert _when(baliprocess.meetings.get("ahg-som-3")) == "2010-06"
    assert _when(baliprocess.meetings.get("ahg-som-11")) == "undated"


def test_meetings_of_a_bad_folder_print_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["meetings", "--data", str(tmp_path)]) == 1
    assert "no data files" in capsys.readouterr().err
