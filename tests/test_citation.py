"""Citing the data: the data version, the sources' links, one fact's citation."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import baliprocess as bp

DATA = Path(bp.__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]


def test_the_data_version_is_the_digest_of_the_bundled_files() -> None:
    digest = hashlib.sha256()
    files = sorted(p for p in DATA.rglob("*") if p.is_file() and not p.name.startswith((".", "_")))
    for path in sorted(files, key=lambda p: p.relative_to(DATA).as_posix()):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(DATA).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    assert bp.data_version == f"{bp.__version__}+data.{digest.hexdigest()[:12]}"


def test_every_source_says_its_link_or_that_none_is_known() -> None:
    assert bp.sources.get("ahg-som-4").url is None  # none is known: said so in the docs
    for source in bp.sources:
        url = source.url
        assert url is None or re.match(r"^https://(www\.)?baliprocess\.net/event/", url), source.id
        assert (source.publisher is None) == (url is None)


def test_cite_one_fact() -> None:
    outcome = bp.meetings.get("ahg-som-15").outcomes[0]
    citation = bp.cite(outcome)
    assert citation.quote == outcome.span.text
    assert citation.url == "https://baliprocess.net/event/15th-ad-hoc-senior-officials-meeting/"
    assert citation.record == "outcome:ahg-som-15/o1"
    assert citation.data_version == bp.data_version
    text = str(citation)
    assert outcome.span.text in text
    assert bp.data_version in text
    assert "Fifteenth Meeting" in text


def test_cite_a_fact_without_a_known_url_says_so() -> None:
    citation = bp.cite(bp.meetings.get("ahg-som-4"))
    assert citation.url is None
    assert "No public URL known" in str(citation)
    row = bp.cite(bp.meetings.get("ahg-som-15"), "attendance")
    assert row.quote == bp.meetings.get("ahg-som-15").attendance[0].span.text


def test_citation_files_are_there() -> None:
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert "cff-version:" in cff
    assert f'version: "{bp.__version__}"' in cff
    assert "CC-BY-4.0" in (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
