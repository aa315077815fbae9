"""A small, valid, stand-alone data folder, written from Python: the base of many tests.

``minimal_records()`` returns the JSON-ready records of every file; ``write_folder`` writes them
(optionally changed) to a folder. Tests break one thing at a time and assert the exact problem.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from baliprocess._registry import FORMAT

TEXT = (
    "On 2 March 2022, Atlantis and Utopia co-chaired the first meeting of the Test Group "
    "in Springfield, Atlantis. Members welcomed the Test Plan. Utopia will host the next meeting."
)


def span(text: str, source: str = "test-statement", occurrence: int = 0) -> dict[str, Any]:
    """The span of the ``occurrence``-th ``text`` in the test statement."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return {"source": source, "start": start, "end": start + len(text), "text": text}


def minimal_records() -> dict[str, list[dict[str, Any]]]:
    return {
        "sources": [
            {
                "id": "test-statement",
                "title": "Test statement",
                "date": "2022-03-02",
                "format": "text",
                "path": "sources/test-statement.txt",
                "meetings": ["tg-1"],
            }
        ],
        "members": [
            {
                "id": "ATL",
                "name": "Atlantis",
                "kind": "state",
                "aliases": [],
                "iso2": "AT",
                "iso3": "ATL",
                "status": [],
                "note": None,
                "span": span("Atlantis"),
                "inferred": [],
            },
            {
                "id": "UTO",
                "name": "Utopia",
                "kind": "state",
                "aliases": ["Utopian Republic"],
                "iso2": "UT",
                "iso3": "UTO",
                "status": [
                    {
                        "status": "member",
                        "as_of": "2022-03-02",
                        "span": span("Utopia"),
                        "inferred": None,
                    }
                ],
                "note": None,
                "span": span("Utopia"),
                "inferred": [],
            },
        ],
        "bodies": [
            {
                "id": "TG",
                "name": "Test Group",
                "kind": "group",
                "aliases": ["TG"],
                "parent": None,
                "bali_process": True,
                "co_chairs": [
                    {
                        "member": "ATL",
                        "as_of": "2022-03-02",
                        "span": span("Atlantis"),
                        "inferred": None,
                    }
                ],
                "established": None,
                "span": span("Test Group"),
                "inferred": [],
            }
        ],
        "documents": [
            {
                "id": "test-plan",
                "title": "Test Plan",
                "kind": "work-plan",
                "aliases": [],
                "authors": ["body:TG"],
                "year": 2022,
                "span": span("Test Plan"),
                "inferred": [],
            }
        ],
        "meetings": [
            {
                "id": "tg-1",
                "title": "First meeting of the Test Group",
                "kind": "working-group-meeting",
                "state": "held",
                "number": 1,
                "body": "TG",
                "start": "2022-03-02",
                "end": "2022-03-02",
                "days": ["2022-03-02"],
                "date_precision": "day",
                "date_text": "2 March 2022",
                "location": {
                    "place": "Springfield",
                    "city": "Springfield",
                    "country": "ATL",
                    "span": span("Springfield, Atlantis"),
                },
                "virtual": False,
                "co_chairs": ["ATL", "UTO"],
                "attendance": [
                    {
                        "member": "ATL",
                        "role": "unstated",
                        "wording": "Atlantis",
                        "span": span("Atlantis"),
                        "mentions": [],
                        "contributions": [
                            {"kind": "co-chaired", "span": span("Atlantis"), "inferred": None}
                        ],
                        "inferred": None,
                    },
                    {
                        "member": "UTO",
                        "role": "unstated",
                        "wording": "Utopia",
                        "span": span("Utopia"),
                        "mentions": [],
                        "contributions": [
                            {"kind": "co-chaired", "span": span("Utopia"), "inferred": None}
                        ],
                        "inferred": None,
                    },
                ],
                "bodies_present": [],
                "participants": [],
                "purpose": [],
                "agenda": [],
                "outcomes": [
                    {
                        "id": "tg-1/o1",
                        "text": "Members welcomed the Test Plan.",
                        "actors": ["group:members"],
                        "verb": "welcomed",
                        "objects": ["document:test-plan"],
                        "span": span("Members welcomed the Test Plan."),
                        "inferred": [],
                    },
                    {
                        "id": "tg-1/o2",
                        "text": "Utopia will host the next meeting.",
                        "actors": ["member:UTO"],
                        "verb": "will",
                        "objects": ["body:TG"],
                        "span": span("Utopia will host the next meeting."),
                        "inferred": [],
                    },
                ],
                "source": "test-statement",
                "span": span("On 2 March 2022"),
                "mentions": [],
                "inferred": [],
            }
        ],
        "commitments": [
            {
                "id": "tg-1/host-next-meeting",
                "outcome": "tg-1/o2",
                "kind": "undertaking",
                "actors": ["member:UTO"],
                "action": "host the next meeting",
                "due": {
                    "text": "the next meeting",
                    "date": None,
                    "meeting": None,
                    "span": span("the next meeting"),
                },
                "span": span("Utopia will host the next meeting."),
                "inferred": [],
            }
        ],
    }


def write_folder(
    folder: Path,
    records: dict[str, list[dict[str, Any]]] | None = None,
    *,
    text: str = TEXT,
    replaces: dict[str, list[str]] | None = None,
) -> Path:
    """Write a data folder: every file of ``records`` (default: the minimal ones) and the text."""
    records = copy.deepcopy(minimal_records() if records is None else records)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "sources" / "test-statement.txt").write_text(text, encoding="utf-8")
    for key, rows in records.items():
        document: dict[str, Any] = {"format": FORMAT, key: rows}
        if replaces and key in replaces:
            document["replaces"] = replaces[key]
        (folder / f"{key}.json").write_text(
            json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return folder
