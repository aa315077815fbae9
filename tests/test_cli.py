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
    result = _run()  # piped, no COLUMNS: nothing is clipped
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["id", "when", "state", "where"]
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


# -- the full command line, as a user runs it ---------------------------------------------------


def _run(*args: str, columns: int | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    env.pop("COLUMNS", None)
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "baliprocess", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_a_closed_pipe_ends_quietly() -> None:
    for _ in range(3):
        result = subprocess.run(
            f'"{sys.executable}" -m baliprocess | head -1',
            shell=True,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.stdout.split()[:2] == ["id", "when"]
        assert "Traceback" not in result.stderr
        assert "BrokenPipeError" not in result.stderr


def test_tables_fit_the_terminal_width() -> None:
    result = _run("meetings", columns=60)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines), max(lines, key=len)
    assert any(line.startswith("ahg-som-15") for line in lines)
    plain = _run("meetings").stdout.splitlines()  # piped: nothing clipped
    assert any("Fifteenth Meeting of the Ad Hoc Group Senior Officials" in line for line in plain)


def test_every_kind_has_a_list_command(capsys: pytest.CaptureFixture[str]) -> None:
    from baliprocess._registry import KINDS

    for name in KINDS:
        assert main([name]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[-1] == f"{len(getattr(baliprocess, name))} {name}"


def test_filters_as_options_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    args = ["meetings", "--year", "2020", "--body", "AHG", "--attended-by", "India"]
    assert main([*args, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["ahg-som-15"]
    assert (
        main(["meetings", "--contributed", "presented", "--virtual", "true", "--format", "csv"])
        == 0
    )
    assert capsys.readouterr().out.splitlines()[0].startswith("id,title,kind")
    assert main(["commitments", "--actor", "Australia"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "3 commitments"
    assert main(["members", "--status", "member"]) == 0
    assert "ILO" in capsys.readouterr().out


def test_show_any_record_with_its_quote_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "ahg-som-15/o1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Outcome ahg-som-15/o1: Members agreed")
    assert "quote: \u201cMembers agreed" in out
    assert "https://baliprocess.net/event/15th-ad-hoc-senior-officials-meeting/" in out
    assert main(["show", "meeting:ahg-som-15", "--format", "json"]) == 0
    assert '"id": "ahg-som-15"' in capsys.readouterr().out
    # ahg-som-15 is both a meeting and a source: say which.
    assert main(["show", "ahg-som-15"]) == 2
    assert "source:ahg-som-15, meeting:ahg-som-15" in capsys.readouterr().err


def test_search_across_every_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "biometrics"]) == 0
    out = capsys.readouterr().out
    kinds = {line.split()[0] for line in out.splitlines()[2:] if line.strip() and " " in line}
    assert {"commitment", "outcome"} <= kinds


def test_export_from_the_command_line(tmp_path: Path) -> None:
    result = _run("export", str(tmp_path / "out"), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "meetings_attendance.csv").exists()


def test_errors_follow_one_convention(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing")
    for args, status in [
        (("meetings", "--colour", "blue"), 2),
        (("meetings", "--year", "soon"), 2),
        (("meetings", "--role", "chef"), 2),
        (("check", missing), 2),
        (("meetings", "--data", missing), 2),
        (("show", "no-such-record"), 1),
        (("check", str(tmp_path)), 1),
    ]:
        result = _run(*args)
        assert result.returncode == status, (args, result.stderr)
        assert result.stdout == ""
        assert result.stderr.strip()
        assert "Traceback" not in result.stderr


def test_version() -> None:
    result = _run("--version")
    assert result.stdout.strip() == f"baliprocess {baliprocess.__version__}"


def test_commitments_table_shows_status_and_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["commitments", "--status", "deferred"]) == 0
    out = capsys.readouterr().out
    assert "ahg-som-15/tfpp-simulation-exercise" in out
    assert "deferred" in out
    assert "would be deferred until international travel restrictions eased" in out
    assert main(["commitments", "--actor", "Australia", "--format", "json"]) == 0
    assert "ahg-som-12/teg-rr-co-chairs" in capsys.readouterr().out
    assert main(["commitments", "--status", "finished"]) == 2


def test_meetings_table_shows_state_and_participants(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meetings", "--state", "deferred"]) == 0
    out = capsys.readouterr().out
    assert "tfpp-simulation-exercise" in out
    header = out.splitlines()[0].split()
    assert {"state", "participants"} <= set(header)
    assert main(["meetings", "--attended-by", "RSO"]) == 0
    assert "wg-tip-webinar-2021" in capsys.readouterr().out


def test_review_cli_edges(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:  # argparse: a usage error, no traceback
        main(["search", "Australia", "--limit", "-1"])
    assert exit_.value.code == 2
    assert "expected a count" in capsys.readouterr().err
    assert main(["show", "outcome:ahg-som-15/o1"]) == 0
    assert "Members agreed" in capsys.readouterr().out
    assert main(["meetings", "--contributed", "true"]) == 0
    assert "ahg-som-15" in capsys.readouterr().out
