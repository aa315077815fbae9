"""The statement reader: properties, date and list forms, page headers, drafts that load."""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import baliprocess as bp
from baliprocess._reader._dates import find_dates
from baliprocess._reader._text import sentences
from baliprocess._reader.cli import run

SOURCES = ("ahg-som-4", "ahg-som-12", "ahg-som-15", "wg-tip-6", "wg-tip-7")


def _spans_exact(text: str) -> None:
    draft = bp.read_statement(text)
    for span in draft.spans():
        assert text[span.start : span.end] == span.text


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_and_spans_index_the_text(text: str) -> None:
    _spans_exact(text)


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01\xff" * 50, "Meeting " * 3000, "In attendance were , , and .", "\r\n" * 40],
)
def test_odd_input(text: str) -> None:
    _spans_exact(text)


def test_same_text_same_draft() -> None:
    text = bp.sources.get("ahg-som-15").text
    assert bp.read_statement(text) == bp.read_statement(text)


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("Between 20-21 October 2020, x", "2020-10-20", "2020-10-21", "day"),
        ("between 24-25 August 2017", "2017-08-24", "2017-08-25", "day"),
        ("On 21 and 23 September 2021", "2021-09-21", "2021-09-23", "day"),
        ("From 14 to 16 November 2011", "2011-11-14", "2011-11-16", "day"),
        ("on 9 March 2011", "2011-03-09", "2011-03-09", "day"),
        ("10 November, 2020", "2020-11-10", "2020-11-10", "day"),
        ("Paris, February 21, 2022 -", "2022-02-21", "2022-02-21", "day"),
        ("held in April 2009", "2009-04-01", "2009-04-30", "month"),
        ("workshops in 2021", "2021-01-01", "2021-12-31", "year"),
        ("30 November - 2 December 2015", "2015-11-30", "2015-12-02", "day"),
    ],
)
def test_date_forms(text: str, first: str, last: str, precision: str) -> None:
    (date,) = find_dates(text)
    assert (date.first.isoformat(), date.last.isoformat(), date.precision) == (
        first,
        last,
        precision,
    )
    assert text[date.start : date.end] == date.text


def test_two_days_named_are_two_days() -> None:
    (date,) = find_dates("On 21 and 23 September 2021")
    assert date.days == (datetime.date(2021, 9, 21), datetime.date(2021, 9, 23))


def test_page_header_join_keeps_the_whole_range() -> None:
    header = "The Bali Process\n\n"
    text = header + "Members discussed the plan and thanked members for their\n\n" + header
    text += "contributions and support.\n"
    joined = [s for s in sentences(text) if s.text.startswith("Members")]
    assert (
        joined[0].text
        == "Members discussed the plan and thanked members for their contributions and support."
    )
    start, end = joined[0].piece.span()
    assert text[start:end].startswith("Members")
    assert text[start:end].endswith("support.")


def test_list_forms() -> None:
    text = (
        "On 3 May 2019, the Co-Chairs hosted the Ninth Meeting of the Ad Hoc Group Senior "
        "Officials in Bangkok, Thailand.\n"
        "In attendance were representatives from Fiji, India and Nepal as well as "
        "representatives from UNHCR and the IOM. Observers included Canada and the ILO.\n"
        "The meeting was attended by 40 participants.\n"
    )
    draft = bp.read_statement(text)
    meeting = draft.meetings[0]
    assert meeting.number == 9
    assert meeting.start == datetime.date(2019, 5, 3)
    assert meeting.location is not None
    assert meeting.location.city == "Bangkok"
    standing = {p.name.id: p.standing for p in draft.participants[meeting.id]}
    assert standing["FJI"] == standing["NPL"] == standing["UNHCR"] == "member"
    assert standing["CAN"] == standing["ILO"] == "observer"
    assert [c.count for c in meeting.participants] == [40]
    assert "NPL" in {m.id for m in draft.members}  # a state from the ISO list


@pytest.mark.parametrize("source_id", SOURCES)
def test_bundled_statement_draft_loads(source_id: str, tmp_path: Path) -> None:
    text = bp.sources.get(source_id).text
    draft = bp.read_statement(text, source_id=source_id)
    assert draft.meetings
    draft.to_files(tmp_path)
    dataset = bp.load(tmp_path, bundled=False)
    assert len(dataset.meetings) == len(draft.meetings)
    assert dataset.sources.get(source_id).text == text


def test_import_does_not_import_the_reader() -> None:
    code = "import sys, baliprocess; print(any(m.startswith('baliprocess._reader') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_cli_review_table(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(bp.sources.get("ahg-som-12").text, encoding="utf-8")
    out = io.StringIO()
    assert run(str(path), stdout=out) == 0
    assert "meeting ahg-som-12" in out.getvalue()


def test_unresolved_names_are_listed_not_guessed() -> None:
    text = (
        "On 3 May 2019, the Co-Chairs hosted the Ninth Meeting of the Ad Hoc Group Senior "
        "Officials in Bangkok, Thailand.\n"
        "In attendance were representatives from Fiji, Unites States and the Northern Isles "
        "Migration Council. Observers included Canada and the Mekong Migration Network.\n"
    )
    draft = bp.read_statement(text)
    unresolved = {u.span.text: u for u in draft.unresolved}
    assert set(unresolved) == {"Northern Isles Migration Council", "Mekong Migration Network"}
    for u in draft.unresolved:
        assert text[u.span.start : u.span.end] == u.span.text
    standing = {row.member: row.role.value for row in draft.meetings[0].attendance}
    assert standing["USA"] == "member"  # a typo of exactly one known name resolves
    assert standing["CAN"] == "observer"
    assert not any("Mekong" in row.wording for row in draft.meetings[0].attendance)


def test_failure_is_recorded_not_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    from baliprocess._reader import _read

    def broken(text: str, resolver: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(_read, "read", broken)
    draft = bp.read_statement("Members met.")
    assert draft.meetings == ()
    assert "boom" in draft.provenance["reader"].rule
    assert any("boom" in u.context for u in draft.unresolved)


def test_one_outcome_per_reporting_clause_and_passive_subjects() -> None:
    text = (
        "On 9 March 2011, the Co-Chairs hosted the fourth Meeting of the Ad Hoc Group.\n\n"
        "Members endorsed the policy guides on border management and agreed that the guides "
        "will be submitted to Ministers.\n\n"
        "A proposed exercise for the Regional Support Office would be deferred.\n"
    )
    draft = bp.read_statement(text)
    outcomes = [o for m in draft.meetings for o in m.outcomes]
    verbs = [o.verb.value for o in outcomes]
    assert verbs[:2] == ["endorsed", "agreed"]
    assert text[outcomes[1].span.start :].startswith("agreed that")
    assert outcomes[2].verb.value == "deferred"
    assert outcomes[2].inferred
    assert any("policy guides on border management" in d.title for d in draft.documents)


def test_events_named_by_a_lower_case_noun() -> None:
    text = (
        "On 4 June 2024, the Co-Chairs held the Ninth Meeting of the Task Force on Planning and "
        "Preparedness in Colombo, Sri Lanka.\n"
        "- The Task Force will convene a series of online workshops in 2025 on border "
        "management.\n"
        "- A proposed tabletop exercise for the Task Force would be postponed until travel "
        "resumes.\n"
    )
    draft = bp.read_statement(text)
    by_kind = {m.kind.value: m for m in draft.meetings}
    workshops = by_kind["workshop"]
    assert workshops.state.value == "planned"
    assert workshops.virtual is True
    assert (str(workshops.start), workshops.date_precision.value) == ("2025-01-01", "year")
    assert by_kind["exercise"].state.value == "deferred"
    for m in draft.meetings:
        assert text[m.span.start : m.span.end] == m.span.text


def test_heading_title_place_dates_and_a_comma_in_a_title() -> None:
    text = (
        "2019 Workshops\n"
        "Second Meeting of the Technical Experts Group on Returns - Suva, Fiji, 2-3 May 2019\n"
        "Members adopted a statement for the Regional Meeting on Fair, Safe and Legal Labour "
        "Mobility held in Bangkok on 6-8 November 2019.\n"
    )
    draft = bp.read_statement(text)
    second = next(m for m in draft.meetings if m.number == 2)
    assert (str(second.start), str(second.end)) == ("2019-05-02", "2019-05-03")
    assert second.location is not None
    assert second.location.country == "FJI"
    regional = next(m for m in draft.meetings if "Labour Mobility" in m.title)
    assert "Fair, Safe and Legal" in regional.title
    assert str(regional.start) == "2019-11-06"


def test_the_meeting_co_chaired_after_another_meeting_held() -> None:
    text = (
        "On 9 March 2024, Members held the Tenth Meeting of the Ad Hoc Group Senior Officials "
        "in Bali, Indonesia.\n"
        "From 4 to 6 May 2024, the Second Meeting of the Technical Experts Group on Returns was "
        "held in Suva, Fiji. The Meeting was co-chaired by Fiji and New Zealand.\n"
        "Members heard from the International Organization for Migration, the International "
        "Labour Organisation and the United Nations Office on Drugs and Crime on new trends.\n"
    )
    draft = bp.read_statement(text)
    second = next(m for m in draft.meetings if m.number == 2)
    tenth = next(m for m in draft.meetings if m.number == 10)
    chairs = {
        a.member
        for a in second.attendance
        if any(c.kind.value == "co-chaired" for c in a.contributions)
    }
    assert chairs == {"FJI", "NZL"}
    assert not any(
        c.kind.value == "co-chaired" and a.member in ("FJI", "NZL")
        for a in tenth.attendance
        for c in a.contributions
    )
    presenters = {a.member for a in tenth.attendance if a.contributions}
    assert {"IOM", "ILO", "UNODC"} <= presenters


def test_what_the_co_chairs_did_is_their_contribution() -> None:
    text = (
        "On 2 May 2024, the Co-Chairs of the Bali Process hosted the Ninth Meeting of the Ad Hoc "
        "Group Senior Officials in Manila, Philippines.\n"
        "- The Co-Chairs updated members on progress in the region.\n"
        "- The Co-Chairs of the Regional Support Office updated members on its work.\n"
    )
    draft = bp.read_statement(text)
    ninth = next(m for m in draft.meetings if m.number == 9)
    did = {
        (a.member, c.kind.value, bool(c.inferred))
        for a in ninth.attendance
        for c in a.contributions
    }
    for member in ("IDN", "AUS"):
        assert (member, "hosted", True) in did
        assert (member, "updated", True) in did
    # a named host is a contribution too; a meeting "hosted by" someone names no subject
    draft = bp.read_statement(
        "On 2 May 2024, Thailand hosted the Ninth Meeting of the Ad Hoc Group Senior Officials "
        "in Bangkok.\n"
    )
    ninth = next(m for m in draft.meetings if m.number == 9)
    assert {(a.member, c.kind.value) for a in ninth.attendance for c in a.contributions} == {
        ("THA", "hosted")
    }


def test_commitments_named_by_nouns() -> None:
    text = (
        "On 2 May 2024, the Co-Chairs of the Bali Process hosted the Ninth Meeting of the Ad Hoc "
        "Group Senior Officials in Manila, Philippines.\n"
        "- The Co-Chairs updated members on efforts to renew the Group's priorities and "
        "distributed a concept note for members to consider.\n"
        "- Members welcomed further comments ahead of seeking endorsement out of session.\n"
        "- The RSO will hold a workshop ahead of the tenth meeting on 3 October.\n"
    )
    draft = bp.read_statement(text)
    quotes = [c.span.text for c in draft.commitments]
    assert any(q.startswith("efforts to renew") and "distributed" not in q for q in quotes)
    assert not any("concept note" in q for q in quotes)  # an act done at the meeting
    assert any(q.startswith("seeking endorsement") for q in quotes)
    assert any(q.startswith(("tenth meeting", "the tenth meeting")) for q in quotes)


def test_short_document_phrases_resolve_by_kind_and_subject() -> None:
    # the bundled dataset has one concept note, by the co-chairs of one working group
    text = (
        "On 2 May 2020, the Co-Chairs of the Bali Process hosted the Ninth Meeting of the Ad Hoc "
        "Group Senior Officials in Manila, Philippines.\n"
        "- New Zealand and Fiji updated members and distributed a concept note.\n"
        "- Members discussed a concept note on returns.\n"
    )
    ids = {d.id for d in bp.read_statement(text).documents}
    assert "wg-disruption-concept-note" in ids
    # years apart, or no subject named with it: nothing is guessed
    assert "wg-disruption-concept-note" not in {
        d.id for d in bp.read_statement(text.replace("2020", "2024")).documents
    }

    text = "On 2 May 2024, Members met in Manila. Members discussed a concept note.\n"
    assert not any(d.kind.value == "concept-note" for d in bp.read_statement(text).documents)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab _-.é1\u017f\u212a(", max_size=14),
    st.text(alphabet="ab _-.é1", min_size=1, max_size=4),
)
def test_fast_paths_match_the_plain_regexes(text: str, word: str) -> None:
    # the speed-ups give exactly what the plain patterns give
    import re

    from baliprocess._reader._dates import _PATTERNS
    from baliprocess._reader._read import _ANY_VERB, _first_verb, _has_word

    assert _has_word(text, word) == bool(re.search(rf"\b{re.escape(word)}\b", text))
    for sample in (text, f"{text} agreed", f"The {text} were tasked to {word}"):
        fast, plain = _first_verb(sample), _ANY_VERB.search(sample)
        assert (fast[0].span() if fast else None) == (plain.span() if plain else None)
    dated = f"{text} 30 November - 2 {word}May 2015, Monday, 7 Sept. {text} 2021"
    for _, pattern in _PATTERNS:
        plain_pattern = re.compile(re.sub(r"^\(\?=[^)]*\)", "", pattern.pattern), pattern.flags)
        assert [m.span() for m in pattern.finditer(dated)] == [
            m.span() for m in plain_pattern.finditer(dated)
        ]
