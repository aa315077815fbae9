"""The query API works exactly as the issue writes it, and collections behave as documented."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import baliprocess as bp
from baliprocess.collections import Collection, MeetingCollection


def test_the_examples_as_written() -> None:
    for collection in (
        bp.meetings,
        bp.members,
        bp.commitments,
        bp.bodies,
        bp.documents,
        bp.sources,
    ):
        assert isinstance(collection, Collection)
        assert len(collection) > 0
    assert bp.meetings.get("ahg-som-15").id == "ahg-som-15"
    with pytest.raises(LookupError, match="ahg-som-15"):
        bp.meetings.get("ahg-som-51")
    assert bp.members.lookup("UAE").id == "ARE"
    assert bp.members.search("new zeeland")[0].id == "NZL"
    found = bp.meetings.filter(year=2020, body="AHG", attended_by="India", virtual=True)
    assert found.ids() == ("ahg-som-15",)
    assert bp.commitments.filter(actor="Australia")
    m = bp.meetings.get("ahg-som-12")
    assert {member.id for member in m.attendees(role="observer")} == {"CAN", "ADFM"}
    assert m.outcomes
    ilo_meetings = bp.members.lookup("ILO").meetings()
    assert [x.start for x in ilo_meetings] == sorted(x.start for x in ilo_meetings if x.start)


def test_meeting_attributes() -> None:
    m = bp.meetings.get("ahg-som-15")
    assert m.title
    assert m.number == 15
    assert isinstance(m.start, datetime.date)
    assert isinstance(m.end, datetime.date)
    assert m.location is None
    assert m.virtual is True
    assert m.attendance
    assert set(m.attendees()) >= set(m.attendees(role="observer"))


def test_which_states_attended_and_who_only_observed() -> None:
    m = bp.meetings.get("ahg-som-15")
    states = {a.id for a in m.attendees(role="member") if a.kind.value == "state"}
    observers = {a.id for a in m.attendees(role="observer")}
    assert "IND" in states
    assert observers.isdisjoint(states)


def test_lookup_is_case_and_accent_insensitive() -> None:
    assert bp.members.lookup("uae") is bp.members.lookup("UAE")
    assert bp.members.lookup("VIÊT NAM").id == "VNM"
    assert bp.members.lookup("  new   zealand ").id == "NZL"


def test_unknown_lookup_names_close_matches() -> None:
    with pytest.raises(bp.UnknownIdError) as caught:
        bp.members.lookup("Austrlia")
    assert "did you mean 'Australia'" in str(caught.value)
    assert isinstance(caught.value, LookupError)
    with pytest.raises(bp.UnknownIdError) as meeting_error:
        bp.meetings.get("ahg-som-16")
    assert meeting_error.value.suggestions


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("new zeeland", "NZL"),
        ("austrlia", "AUS"),
        ("Ausrtalia", "AUS"),
        ("indonesa", "IDN"),
        ("philipines", "PHL"),
        ("bangladesh", "BGD"),
        ("srilanka", "LKA"),
        ("walk free", "GABF-SEC"),
        ("refugees", "UNHCR"),
    ],
)
def test_search_tolerates_typos(query: str, expected: str) -> None:
    assert bp.members.search(query)[0].id == expected


def test_search_ranks_and_limits() -> None:
    results = bp.members.search("united", limit=3)
    assert len(results) == 3
    assert bp.members.search("zzzzzz") == ()


def test_filters_compose() -> None:
    twenty = bp.meetings.filter(year=2020)
    assert isinstance(twenty, MeetingCollection)
    assert (
        twenty.filter(attended_by="ILO").ids()
        == bp.meetings.filter(year=2020, attended_by="ILO").ids()
    )
    assert all(m.year == 2020 for m in twenty)
    assert bp.meetings.filter(body="TIPWG").ids() == bp.meetings.filter(body="WG-TIP").ids()
    observed = bp.meetings.filter(attended_by="Canada", role="observer")
    assert {"ahg-som-4", "ahg-som-12", "ahg-som-15"} <= set(observed.ids())
    assert bp.meetings.filter(virtual=False).filter(virtual=True).ids() == ()


_SIZE = len(bp.meetings)
_RUNS = st.builds(
    lambda a, b: tuple(range(min(a, b), max(a, b) + 1)),
    st.integers(0, _SIZE - 1),
    st.integers(0, _SIZE - 1),
)
_SUBSETS = st.frozensets(st.integers(0, _SIZE - 1)).map(lambda s: tuple(sorted(s)))


@given(st.lists(st.one_of(_RUNS, _SUBSETS), min_size=1, max_size=4), st.one_of(st.none(), _RUNS))
@example([(3, 4, 5, 6), (1, 4, 6, 9)], None)
@example([(1, 4, 6, 9), (2, 3, 4, 5, 6, 7)], (0, 1, 2, 3, 4, 5, 6))
def test_criteria_intersect_as_sets_do(
    answers: list[tuple[int, ...]], within: tuple[int, ...] | None
) -> None:
    """However the criteria are intersected (runs of positions by bisection, others by set
    membership), a filter holds exactly the records every criterion and the collection hold."""
    whole = bp.meetings
    base = whole if within is None else whole._narrow(within)
    criteria = [(answer, lambda answer=answer: frozenset(answer)) for answer in answers]
    expected = set(range(_SIZE)) if within is None else set(within)
    for answer in answers:
        expected &= set(answer)
    got = base._select(list(criteria))
    assert got.all() == tuple(whole[i] for i in sorted(expected))


def test_a_year_cuts_the_other_criteria_without_a_set() -> None:
    """Meetings are in date order, so a year's are a run of positions: the other criterion's
    positions are cut to it by bisection, and no set of them is built."""
    from baliprocess._loading import Origin
    from baliprocess.dataset import Dataset

    meetings = Dataset([Origin(None)], eager=False).meetings
    both = meetings.filter(year=2011, attended_by="AUS")
    expected = [
        m.id for m in meetings.filter(year=2011) if any(a.member == "AUS" for a in m.attendance)
    ]
    assert list(both.ids()) == expected
    assert both
    assert not [key for key in meetings._cache if "set" in str(key)]


def test_meetings_in_date_order() -> None:
    dated = [m.start for m in bp.meetings if m.start is not None]
    assert dated == sorted(dated)


def test_filter_between() -> None:
    found = bp.meetings.filter(between=(datetime.date(2017, 1, 1), datetime.date(2017, 12, 31)))
    assert found
    assert all(m.start is not None and m.start.year == 2017 for m in found)


def test_commitment_filters() -> None:
    by_meeting = bp.commitments.filter(meeting="ahg-som-12")
    assert by_meeting
    assert all(c.meeting().id == "ahg-som-12" for c in by_meeting)
    assert bp.commitments.filter(actor="RSO")
    assert bp.commitments.filter(year=2011)
    with pytest.raises(bp.UnknownIdError):
        bp.commitments.filter(actor="Atlantis")


def test_collections_are_sized_iterable_and_contain_ids() -> None:
    assert "ahg-som-15" in bp.meetings
    assert bp.meetings.get("ahg-som-15") in bp.meetings
    assert "nope" not in bp.meetings
    assert len(list(bp.members)) == len(bp.members)
    assert repr(bp.meetings).startswith("<MeetingCollection of ")
    with pytest.raises(bp.InvalidQueryError):
        bp.meetings["ahg-som-15"]  # type: ignore[index]


def test_member_links() -> None:
    australia = bp.members.lookup("Australia")
    assert australia.commitments()
    assert australia.outcomes()
    assert australia.meetings()[0].start is not None


def test_top_level_errors_are_exported() -> None:
    assert issubclass(bp.DataError, bp.BaliProcessError)
    assert issubclass(bp.UnknownIdError, LookupError)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = bp.nope
    assert bp.__version__


def test_records_have_attrs_style_reprs() -> None:
    from baliprocess.models import Inference, Ref, RefKind, Span

    span = Span(source="ahg-som-15", start=0, end=7, text="Between")
    assert repr(span) == "Span(source='ahg-som-15', start=0, end=7, text='Between')"
    assert repr(Inference(field="co_chairs", reason="r")) == (
        "Inference(field='co_chairs', reason='r')"
    )
    assert repr(Ref(kind=RefKind.MEMBER, id="AUS")) == ("Ref(kind='member', id='AUS')")
    member = bp.members.get("AUS")
    assert repr(member).startswith("Member(id='AUS', name='Australia', kind=")
    assert "_dataset" not in repr(member)
    assert "text=" not in repr(bp.sources.get("ahg-som-4"))  # the statement itself is left out


def test_lookup_of_a_name_with_its_acronym_in_brackets() -> None:
    assert bp.bodies.lookup("Government and Business Forum (GABF)").id == "GABF"
    assert bp.bodies.lookup("Bali Process Regional Support Office (RSO)").id == "RSO"
    assert bp.members.lookup("International Labour Organization\u2019s (ILO)").id == "ILO"
    # Parts naming two different records name nothing.
    with pytest.raises(bp.UnknownIdError):
        bp.members.lookup("Australia (NZL)")


def test_body_and_document_filters() -> None:
    under_ahg = bp.bodies.filter(parent="Ad Hoc Group")
    assert {"WG-TIP", "WG-DISRUPTION", "TFPP", "TEG-RR"} <= set(under_ahg.ids())
    assert all(body.parent == "AHG" for body in under_ahg)
    assert (
        under_ahg.filter(kind="working-group").ids()
        == bp.bodies.filter(kind="working-group", parent="AHG").ids()
    )
    assert set(bp.bodies.filter(bali_process=False).ids()) == {"ASEAN-SOMTC", "ASEAN-SOMTC-TIP"}
    assert "unhcr-paper-manila-2010" in bp.documents.filter(author="UNHCR").ids()
    assert all(d.kind.value == "report" for d in bp.documents.filter(kind="report"))
    with pytest.raises(bp.InvalidQueryError):
        bp.bodies.filter(bali_process="yes")  # type: ignore[arg-type]
    with pytest.raises(bp.UnknownIdError):
        bp.documents.filter(author="Atlantis")
