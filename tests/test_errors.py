"""The one error model: what each error holds, what it is a kind of, and when it is raised."""

from __future__ import annotations

import datetime
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import baliprocess
from baliprocess import (
    BaliProcessError,
    DataError,
    DetachedRecordError,
    InvalidQueryError,
    Problem,
    UnknownIdError,
)
from baliprocess.dataset import Dataset
from baliprocess.models import (
    Body,
    BodyKind,
    Commitment,
    CommitmentKind,
    DatePrecision,
    Document,
    DocumentKind,
    Meeting,
    MeetingKind,
    MeetingState,
    Member,
    MemberKind,
    Outcome,
    Ref,
    RefKind,
    Span,
    Verb,
)
from minimal import minimal_records, span, write_folder


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return baliprocess.load(write_folder(tmp_path_factory.mktemp("errors") / "data"), bundled=False)


# -- the hierarchy ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "bases"),
    [
        (DataError, (BaliProcessError, ValueError)),
        (UnknownIdError, (BaliProcessError, LookupError)),
        (InvalidQueryError, (BaliProcessError, ValueError)),
        (DetachedRecordError, (BaliProcessError,)),
        (BaliProcessError, (Exception,)),
    ],
)
def test_error_hierarchy(error: type[Exception], bases: tuple[type[Exception], ...]) -> None:
    for base in bases:
        assert issubclass(error, base)


def test_errors_are_importable_without_the_data() -> None:
    import baliprocess.errors as errors

    assert errors.DataError is DataError
    assert set(errors.__all__) <= set(baliprocess.__all__)


# -- Problem and DataError --------------------------------------------------------------------


def test_problem_holds_its_location_and_message() -> None:
    problem = Problem("data/meetings.json", "tg-1", "attendance[0].member", "unknown member 'X'")
    assert problem.file == "data/meetings.json"
    assert problem.record == "tg-1"
    assert problem.field == "attendance[0].member"
    assert problem.message == "unknown member 'X'"
    assert problem.location == "data/meetings.json: tg-1: attendance[0].member"
    assert str(problem) == "data/meetings.json: tg-1: attendance[0].member: unknown member 'X'"
    assert "attendance[0].member" in repr(problem)


def test_problem_location_leaves_out_what_does_not_apply() -> None:
    problem = Problem("data/meetings.json", None, None, "invalid JSON")
    assert problem.location == "data/meetings.json"
    assert str(problem) == "data/meetings.json: invalid JSON"
    assert Problem("f", None, "format", "m").location == "f: format"


def test_problems_compare_and_hash_by_value() -> None:
    a = Problem("f", "r", "x", "m")
    assert a == Problem("f", "r", "x", "m")
    assert a != Problem("f", "r", "y", "m")
    assert a != "f: r: x: m"
    assert len({a, Problem("f", "r", "x", "m")}) == 1


def test_data_error_holds_every_problem() -> None:
    problems = [Problem("f.json", "a", "x", "first"), Problem("g.json", None, None, "second")]
    error = DataError(problems)
    assert error.problems == tuple(problems)
    assert (error.file, error.record, error.field) == ("f.json", "a", "x")
    assert str(error) == "2 problems in the data:\n  f.json: a: x: first\n  g.json: second"
    single = DataError(problems[:1])
    assert str(single) == "f.json: a: x: first"


def test_data_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        DataError([])


def test_load_raises_data_error_with_located_problems(tmp_path: Path) -> None:
    records = minimal_records()
    records["meetings"][0]["attendance"][0]["member"] = "ATX"
    folder = write_folder(tmp_path / "data", records)
    with pytest.raises(DataError) as caught:
        baliprocess.load(folder, bundled=False)
    (problem,) = caught.value.problems
    assert problem.file == str(folder / "meetings.json")
    assert (problem.record, problem.field) == ("tg-1", "attendance[0].member")
    assert problem.message == "unknown member 'ATX'; did you mean 'ATL'?"
    assert caught.value.file == problem.file


def test_load_of_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no data folder"):
        baliprocess.load(tmp_path / "nowhere", bundled=False)


def test_problems_and_simple_errors_survive_pickling() -> None:
    problem = Problem("f.json", "a", "x", "first")
    assert pickle.loads(pickle.dumps(problem)) == problem
    for error in (InvalidQueryError("bad"), DetachedRecordError("detached")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(DataError([Problem("f.json", "a", "x", "first")]), id="DataError"),
        pytest.param(UnknownIdError("member", "X", ("Y",)), id="UnknownIdError"),
    ],
)
def test_rich_errors_survive_pickling(error: BaliProcessError) -> None:
    """Errors cross process boundaries (multiprocessing, concurrent.futures) intact."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


# -- UnknownIdError ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lookup", "kind", "key", "suggestion"),
    [
        (lambda ds: ds.members.lookup("Utopa"), "member", "Utopa", "Utopia"),
        (lambda ds: ds.members.lookup("atlantys"), "member", "atlantys", "Atlantis"),
        (lambda ds: ds.members.get("UTX"), "member", "UTX", "UTO"),
        (lambda ds: ds.meetings.get("tg-2"), "meeting", "tg-2", "tg-1"),
        (lambda ds: ds.bodies.lookup("Test Grop"), "body", "Test Grop", "Test Group"),
        (lambda ds: ds.documents.get("test-plans"), "document", "test-plans", "test-plan"),
        (lambda ds: ds._outcome("tg-1/o3"), "outcome", "tg-1/o3", "tg-1/o2"),
        (
            lambda ds: ds.commitments.filter(actor="Atlantiz"),
            "member or body",
            "Atlantiz",
            "Atlantis",
        ),
        (lambda ds: ds.meetings.filter(attended_by="Utopa"), "member or body", "Utopa", "Utopia"),
        (lambda ds: ds.meetings.get("tg-1").roles_of("Utopa"), "member", "Utopa", "Utopia"),
        (lambda ds: ds.commitments.filter(meeting="tg-2"), "meeting", "tg-2", "tg-1"),
    ],
    ids=[
        "lookup-typo",
        "lookup-case-and-typo",
        "get-member",
        "get-meeting",
        "lookup-body",
        "get-document",
        "outcome",
        "actor",
        "attended-by",
        "roles-of",
        "commitment-meeting",
    ],
)
def test_unknown_ids_name_close_matches(
    dataset: Dataset, lookup: Callable[[Dataset], Any], kind: str, key: str, suggestion: str
) -> None:
    with pytest.raises(UnknownIdError) as caught:
        lookup(dataset)
    error = caught.value
    assert isinstance(error, LookupError)
    assert (error.kind, error.key) == (kind, key)
    assert suggestion in error.suggestions
    assert f"did you mean {suggestion!r}" in str(error)
    assert str(error).startswith(f"unknown {kind} {key!r}")


def test_unknown_id_without_close_matches(dataset: Dataset) -> None:
    with pytest.raises(UnknownIdError) as caught:
        dataset.members.lookup("Zzyzx Qwv")
    assert caught.value.suggestions == ()
    assert str(caught.value) == "unknown member 'Zzyzx Qwv'"
    with pytest.raises(LookupError):  # caught as a plain LookupError too
        dataset.bodies.get("NOPE")


def test_outcome_lookup_with_a_non_string(dataset: Dataset) -> None:
    with pytest.raises((UnknownIdError, InvalidQueryError)):
        dataset._outcome(5)  # type: ignore[arg-type]


def test_unknown_id_error_is_readable_unlike_key_error() -> None:
    error = UnknownIdError("member", "X", ("Y",))
    assert str(error) == "unknown member 'X'; did you mean 'Y'?"
    assert not str(error).startswith('"')


def test_lookup_in_a_narrowed_collection_stays_inside_it(dataset: Dataset) -> None:
    none = dataset.meetings.filter(year=1999)
    with pytest.raises(UnknownIdError):
        none.get("tg-1")
    organisations = dataset.members.filter(kind="international-organisation")
    with pytest.raises(UnknownIdError):
        organisations.lookup("Utopia")


# -- InvalidQueryError --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (lambda ds: ds.meetings.get("tg-1").attendees(role="chair"), "unknown role 'chair'"),
        (lambda ds: ds.meetings.get("tg-1").attendees(role=5), "unknown role 5"),
        (lambda ds: ds.meetings.filter(year="2020"), "year must be an int"),
        (lambda ds: ds.meetings.filter(year=2020.0), "year must be an int"),
        (lambda ds: ds.meetings.filter(year=True), "year must be an int"),
        (lambda ds: ds.meetings.filter(virtual="yes"), "virtual must be True or False"),
        (lambda ds: ds.meetings.filter(virtual=1), "virtual must be True or False"),
        (lambda ds: ds.meetings.filter(kind="nope"), "unknown kind 'nope'"),
        (lambda ds: ds.meetings.filter(role="chair"), "unknown role 'chair'"),
        (lambda ds: ds.meetings.filter(role="co-chair"), "unknown role 'co-chair'"),
        (lambda ds: ds.meetings.filter(contributed="chaired"), "unknown contribution"),
        (lambda ds: ds.meetings.filter(contributed=False), "not False"),
        (lambda ds: ds.meetings.filter(state="done"), "unknown state 'done'"),
        (
            lambda ds: ds.meetings.get("tg-1").attendees(contributed="spoke"),
            "unknown contribution 'spoke'",
        ),
        (lambda ds: ds.meetings.filter(between=("2022-01-01", "2023-01-01")), "datetime.date"),
        (lambda ds: ds.members.filter(kind="country"), "unknown kind 'country'"),
        (lambda ds: ds.members.filter(status="founder"), "unknown status 'founder'"),
        (lambda ds: ds.commitments.filter(kind="promise"), "unknown kind 'promise'"),
        (lambda ds: ds.commitments.filter(year="2022"), "year must be an int"),
        (lambda ds: ds.members.lookup(5), "by a string"),
        (lambda ds: ds.members.search(None), "with a string"),
        (lambda ds: ds.meetings["tg-1"], "use .get('tg-1')"),
    ],
    ids=[
        "attendees-role",
        "attendees-role-int",
        "year-str",
        "year-float",
        "year-bool",
        "virtual-str",
        "virtual-int",
        "meeting-kind",
        "meeting-role",
        "meeting-role-was-a-contribution",
        "meeting-contribution",
        "meeting-contribution-false",
        "meeting-state",
        "attendees-contribution",
        "between-strings",
        "member-kind",
        "member-status",
        "commitment-kind",
        "commitment-year",
        "lookup-int",
        "search-none",
        "index-by-id",
    ],
)
def test_invalid_queries(dataset: Dataset, query: Callable[[Dataset], Any], message: str) -> None:
    with pytest.raises(InvalidQueryError) as caught:
        query(dataset)
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_invalid_role_lists_the_accepted_roles(dataset: Dataset) -> None:
    with pytest.raises(InvalidQueryError) as caught:
        dataset.meetings.get("tg-1").attendees(role="chair")
    for role in ("member", "observer", "guest", "unstated"):
        assert repr(role) in str(caught.value)


def test_valid_queries_still_work(dataset: Dataset) -> None:
    meeting = dataset.meetings.get("tg-1")
    assert [m.id for m in meeting.attendees(contributed="co-chaired")] == ["ATL", "UTO"]
    assert [m.id for m in meeting.attendees(role="unstated")] == ["ATL", "UTO"]
    assert meeting.attendees(role="observer") == ()
    found = dataset.meetings.filter(year=2022, virtual=False, kind="working-group-meeting")
    assert found.ids() == ("tg-1",)
    assert dataset.meetings.filter(
        between=(datetime.date(2022, 3, 1), datetime.date(2022, 3, 2))
    ).ids() == ("tg-1",)


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(lambda ds: ds.meetings.filter(body=5), id="meeting-body-int"),
        pytest.param(lambda ds: ds.meetings.filter(attended_by=5), id="attended-by-int"),
        pytest.param(lambda ds: ds.commitments.filter(meeting=5), id="commitment-meeting-int"),
        pytest.param(lambda ds: ds.commitments.filter(actor=5), id="actor-int"),
        pytest.param(
            lambda ds: ds.meetings.filter(between=(datetime.date(2022, 1, 1),)),
            id="between-one-date",
        ),
        pytest.param(lambda ds: ds.meetings.filter(between=5), id="between-int"),
        pytest.param(
            lambda ds: ds.meetings.filter(
                between=(datetime.datetime(2022, 1, 1), datetime.date(2023, 1, 1))
            ),
            id="between-datetime",
        ),
    ],
)
def test_wrongly_typed_filter_values_are_invalid_queries(
    dataset: Dataset, query: Callable[[Dataset], Any]
) -> None:
    with pytest.raises(InvalidQueryError):
        query(dataset)


# -- DetachedRecordError ------------------------------------------------------------------------

SPAN = Span(source="s", start=0, end=0, text="")


def _hand_built() -> list[tuple[str, Callable[[], Any]]]:
    member = Member(id="ATL", name="Atlantis", kind=MemberKind.STATE, span=SPAN)
    body = Body(id="TG", name="Test Group", kind=BodyKind.GROUP, span=SPAN)
    document = Document(id="test-plan", title="Test Plan", kind=DocumentKind.WORK_PLAN, span=SPAN)
    outcome = Outcome(
        id="tg-1/o1",
        text="",
        actors=(Ref(kind=RefKind.GROUP, id="members"),),
        verb=Verb.NOTED,
        span=SPAN,
    )
    meeting = Meeting(
        id="tg-1",
        title="",
        kind=MeetingKind.WORKSHOP,
        state=MeetingState.HELD,
        date_precision=DatePrecision.UNKNOWN,
        source="s",
        span=SPAN,
        outcomes=(outcome,),
    )
    commitment = Commitment(
        id="c", outcome="tg-1/o1", kind=CommitmentKind.PLAN, actors=(), action="", span=SPAN
    )
    return [
        ("Member.meetings", member.meetings),
        ("Member.commitments", member.commitments),
        ("Member.outcomes", member.outcomes),
        ("Body.meetings", body.meetings),
        ("Document.outcomes", document.outcomes),
        ("Outcome.meeting", outcome.meeting),
        ("Meeting.attendees", meeting.attendees),
        ("Meeting.roles_of", lambda: meeting.roles_of("ATL")),
        ("Meeting.commitments", meeting.commitments),
        ("Commitment.meeting", commitment.meeting),
        ("Commitment.source_outcome", commitment.source_outcome),
    ]


@pytest.mark.parametrize(("name", "call"), _hand_built(), ids=[n for n, _ in _hand_built()])
def test_hand_built_records_cannot_follow_links(name: str, call: Callable[[], Any]) -> None:
    with pytest.raises(DetachedRecordError) as caught:
        call()
    message = str(caught.value)
    assert "built by hand" in message
    assert name.split(".")[0] in message
    assert isinstance(caught.value, BaliProcessError)


def test_hand_built_record_equals_the_loaded_one_but_stays_detached(
    dataset: Dataset, tmp_path: Path
) -> None:
    loaded = dataset.members.get("ATL")
    raw = minimal_records()["members"][0]
    from baliprocess._converter import converter

    built = converter.structure(raw, Member)
    assert built == loaded
    assert loaded.meetings()  # the loaded one is linked
    with pytest.raises(DetachedRecordError):
        built.meetings()
    assert span("Atlantis")["text"] == loaded.span.text
