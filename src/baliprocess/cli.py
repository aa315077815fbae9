"""The command line: ``python -m baliprocess`` (or ``baliprocess``).

- ``baliprocess`` / ``baliprocess meetings``: the meetings of the bundled record, as a table.
- ``baliprocess read FILE [--json] [--out DIR]``: read a statement into a draft (a review table).
- ``baliprocess check PATH``: validate a folder of data files added to the bundled record
  (``--alone``: on its own); every problem, with its location; exit status 1 when any.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .models import Meeting

__all__ = ["main"]


def _when(meeting: Meeting) -> str:
    """The meeting's dates, as short as they stay exact: 2020-10-20..21, 2021-09-21,23."""
    start, end = meeting.start, meeting.end
    if start is None or end is None:
        return "undated"
    precision = meeting.date_precision.value
    if precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}..{end.year}"
    if precision == "month":
        first, last = f"{start:%Y-%m}", f"{end:%Y-%m}"
        return first if first == last else f"{first}..{last}"
    days = meeting.days
    if days and len(days) != (end - start).days + 1:  # not every day between: list them
        head = days[0]
        rest = [
            f"{day.day:02d}" if (day.year, day.month) == (head.year, head.month) else str(day)
            for day in days[1:]
        ]
        return ",".join([head.isoformat(), *rest])
    if start == end:
        return start.isoformat()
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.isoformat()}..{end.day:02d}"
    return f"{start.isoformat()}..{end.isoformat()}"


def _where(meeting: Meeting) -> str:
    if meeting.virtual:
        return "virtual"
    if meeting.location is None:
        return "-"
    return f"{meeting.location.city}, {meeting.location.country}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_meetings(out: TextIO, *, dataset_path: str | None = None) -> int:
    if dataset_path is None:
        import baliprocess

        meetings = baliprocess.meetings
    else:
        from .dataset import load
        from .errors import DataError

        try:
            meetings = load(dataset_path).meetings
        except (DataError, FileNotFoundError) as error:
            problems = getattr(error, "problems", None) or [error]
            for problem in problems:
                sys.stderr.write(f"{problem}\n")
            return 1
    header = ("id", "when", "where", "attendees", "outcomes", "title")
    rows = [
        (
            m.id,
            _when(m),
            _where(m),
            str(len({row.member for row in m.attendance})),
            str(len(m.outcomes)),
            _clip(m.title, 70),
        )
        for m in meetings
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header) - 1)]

    def line(cells: Sequence[str]) -> str:
        parts = [cell.ljust(width) for cell, width in zip(cells[:-1], widths, strict=True)]
        return "  ".join((*parts, cells[-1])).rstrip()

    out.write(line(header) + "\n")
    out.write(line(["-" * w for w in widths] + ["-" * 5]) + "\n")
    for row in rows:
        out.write(line(row) + "\n")
    out.write(f"\n{len(rows)} meetings\n")
    return 0


def check(path: str, out: TextIO, err: TextIO, *, alone: bool = False) -> int:
    from .dataset import load
    from .errors import DataError

    try:
        dataset = load(path, bundled=not alone)
    except FileNotFoundError as error:
        err.write(f"error: {error}\n")
        return 2
    except DataError as error:
        for problem in error.problems:
            err.write(f"{problem}\n")
        err.write(f"{len(error.problems)} problem(s) in {path}\n")
        return 1
    from ._registry import KINDS

    counts = ", ".join(f"{len(getattr(dataset, name))} {name}" for name in KINDS)
    scope = "on its own" if alone else "with the bundled record"
    out.write(f"ok: {path} is valid ({counts}, {scope})\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="baliprocess", description="The typed, source-linked record of the Bali Process."
    )
    commands = parser.add_subparsers(dest="command")
    meetings = commands.add_parser("meetings", help="print the meetings as a table (default)")
    meetings.add_argument("--data", help="a data folder to add to the bundled record")
    checker = commands.add_parser("check", help="validate a folder of data files")
    checker.add_argument("path", help="the folder holding the data files")
    checker.add_argument(
        "--alone",
        action="store_true",
        help="check the folder on its own, not added to the bundled record",
    )
    reader = commands.add_parser("read", help="read a statement into a draft record")
    reader.add_argument("file")
    reader.add_argument("--json", action="store_true", help="print the draft as JSON")
    reader.add_argument("--out", help="write the draft's data files to this folder")
    args = parser.parse_args(argv)
    if args.command == "read":
        from ._reader.cli import run

        return run(args.file, as_json=args.json, out=args.out)
    if args.command == "check":
        return check(args.path, sys.stdout, sys.stderr, alone=args.alone)
    return print_meetings(sys.stdout, dataset_path=getattr(args, "data", None))
