#!/usr/bin/env python3
"""Build the bundled data files from the curation folder.

The facts of the record are the data files in ``curation/`` at the repository root, with spans
written as quote anchors (see ``docs/curation.md``). This script loads that folder with the
library, which checks it exactly as it checks any user's data, and writes the bundled files
(``src/baliprocess/data/``) with the library's canonical writer: offsets instead of anchors.

    python scripts/curate.py           # (re)write src/baliprocess/data/ from curation/
    python scripts/curate.py --check   # fail unless src/baliprocess/data/ is what would be built
"""

from __future__ import annotations

import argparse
import filecmp
import os
import sys
import tempfile
from pathlib import Path

import baliprocess
from baliprocess._registry import KINDS
from baliprocess.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
CURATION = ROOT / "curation"
DATA = ROOT / "src" / "baliprocess" / "data"


def build(target: Path) -> str:
    """Write the record of ``curation/`` to ``target``; a summary of what it holds."""
    dataset = baliprocess.load(CURATION, bundled=False)
    dataset.write(target)
    counts = ", ".join(f"{len(getattr(dataset, key))} {key}" for key in KINDS)
    return f"{counts}, {len(dataset.outcomes())} outcomes"


def files_of(folder: Path) -> set[str]:
    """Every file under ``folder``, as paths relative to it (``sources/ahg-som-4.txt``)."""
    found = set()
    for directory, _, names in os.walk(folder):
        for name in names:
            found.add(Path(directory, name).relative_to(folder).as_posix())
    return found


def differences(built: Path, bundled: Path) -> list[str]:
    """Files that differ between the two folders, or are in only one of them."""
    ours, theirs = files_of(built), files_of(bundled)
    changed = [
        name
        for name in sorted(ours & theirs)
        if not filecmp.cmp(built / name, bundled / name, shallow=False)
    ]
    changed += [f"{name} (missing from the bundled data)" for name in sorted(ours - theirs)]
    changed += [f"{name} (not built from the curation)" for name in sorted(theirs - ours)]
    return changed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="build into a temporary folder and fail unless the bundled data is identical",
    )
    args = parser.parse_args(argv)
    try:
        if not args.check:
            summary = build(DATA)
            print(f"wrote {DATA.relative_to(ROOT)}: {summary}")
            return 0
        with tempfile.TemporaryDirectory() as temporary:
            summary = build(Path(temporary))
            stale = differences(Path(temporary), DATA)
    except DataError as error:
        print(f"curation/ is invalid: {error}", file=sys.stderr)
        return 1
    if stale:
        print("out of date (run python scripts/curate.py):", file=sys.stderr)
        for name in stale:
            print(f"  src/baliprocess/data/{name}", file=sys.stderr)
        return 1
    print(f"checked: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
