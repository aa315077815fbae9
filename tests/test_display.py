"""Notebook display and reprs: short, readable, escaped, derived from the fields."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import attrs

import baliprocess as bp
from baliprocess._registry import KINDS
from baliprocess.models import Span


def _html(obj: Any) -> str:
    """What a notebook shows for ``obj``."""
    return obj._repr_html_()  # type: ignore[no-any-return]


class _Parsed(HTMLParser):
    """Text and tags of an HTML fragment; fails on unbalanced tags."""

    VOID = frozenset({"br", "hr", "img"})

    def __init__(self, text: str) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()
        assert not self.stack, f"unclosed: {self.stack}"

    def handle_starttag(self, tag: str, attributes: object) -> None:
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, tag
        assert self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def joined(self) -> str:
        return "".join(self.text)


def test_every_record_and_collection_has_balanced_html() -> None:
    for name in KINDS:
        collection = getattr(bp, name)
        parsed = _Parsed(_html(collection))
        assert f"{len(collection)} " in parsed.joined
        for record in collection:
            page = _Parsed(_html(record))
            assert record.id in page.joined


def test_a_meeting_shows_dates_attendance_by_standing_and_quoted_outcomes() -> None:
    meeting = bp.meetings.get("ahg-som-15")
    page = _Parsed(_html(meeting))
    text = page.joined
    assert "2020-10-20" in text
    assert "member (16): IDN, AUS" in text
    assert "unstated (4): UNODC, UNHCR, IOM, FJI" in text
    assert "observer (6)" in text
    assert "outcomes (9)" in text
    assert "q" in page.tags  # spans are quoted
    assert meeting.outcomes[0].span.text in text


def test_everything_is_escaped() -> None:
    span = Span(source="<script>", start=0, end=3, text="a & <b>")
    page = _Parsed(_html(span))
    assert "script" not in page.tags
    assert "b" not in page.tags
    assert "a & <b>" in page.joined
    meeting = attrs.evolve(bp.meetings.get("ahg-som-15"), title="<img src=x onerror=alert(1)>")
    assert "img" not in _Parsed(_html(meeting)).tags


def test_repr_is_short_and_str_is_one_line() -> None:
    meeting = bp.meetings.get("ahg-som-15")
    assert repr(meeting) == (
        "Meeting(id='ahg-som-15', title='Fifteenth Meeting of the Ad Hoc Group Senior Officials'"
        ", kind='senior-officials-meeting', start=2020-10-20, end=2020-10-21, 26 attendance, "
        "1 purpose, 9 outcomes, 1 inferred)"
    )
    assert str(meeting) == (
        "Meeting ahg-som-15: Fifteenth Meeting of the Ad Hoc Group Senior Officials "
        "(2020-10-20..2020-10-21)"
    )
    for name in KINDS:
        for record in getattr(bp, name):
            assert len(repr(record)) < 400, record.id
            assert "\n" not in str(record)
    assert str(bp.members.get("AUS")) == "Member AUS: Australia"
    row = meeting.attendance[2]
    assert str(row) == "Attendance: member=AFG, role=member, wording=Afghanistan"
