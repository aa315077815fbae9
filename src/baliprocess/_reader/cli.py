"""``python -m baliprocess read FILE [--json] [--out DIR]``: a review table of a draft."""

from __future__ import annotations

import json
import sys
from typing import TextIO

__all__ = ["run"]


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run(
    path: str, *, as_json: bool = False, out: str | None = None, stdout: TextIO | None = None
) -> int:
    """Read the statement at ``path``; print the review table (or JSON); write files to ``out``."""
    stream = stdout if stdout is not None else sys.stdout
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        sys.stderr.write(f"error: cannot read {path}: {error}\n")
        return 2
    from . import read_statement

    draft = read_statement(text)
    if out is not None:
        draft.to_files(out, standalone=False)
    if as_json:
        stream.write(json.dumps(draft.to_json(), ensure_ascii=False, indent=1) + "\n")
        return 0
    rows: list[tuple[str, str, str]] = []
    for meeting in draft.meetings:
        p = draft.provenance.get(f"meeting:{meeting.id}")
        rows.append(
            (f"meeting {meeting.id}", meeting.span.text, f"{p.confidence:.2f}" if p else "")
        )
        for outcome in meeting.outcomes:
            p = draft.provenance.get(f"outcome:{outcome.id}")
            rows.append(
                (
                    f"  outcome {outcome.verb.value}",
                    outcome.span.text,
                    f"{p.confidence:.2f}" if p else "",
                )
            )
    for commitment in draft.commitments:
        p = draft.provenance.get(f"commitment:{commitment.id}")
        rows.append(
            (
                f"commitment {commitment.kind.value}",
                commitment.action,
                f"{p.confidence:.2f}" if p else "",
            )
        )
    for loose in draft.unresolved:
        rows.append(("UNRESOLVED", loose.span.text, "did you mean: " + ", ".join(loose.candidates)))
    width = max([len(r[0]) for r in rows] + [4])
    stream.write(f"{'item'.ljust(width)}  {'confidence':10}  quote\n")
    for item, quote, confidence in rows:
        stream.write(f"{item.ljust(width)}  {confidence:10}  {_clip(quote, 90)}\n")
    stream.write(f"\n{draft!r}\n")
    return 0
