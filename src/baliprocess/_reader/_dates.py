"""Dates as statements write them, each with its span.

Forms: "20-21 October 2020", "between 24-25 August 2017", "7 to 10 November 2023", "From 14 to
16 November 2011", "21 and 23 September 2021", "on 9 March 2011", "10 November, 2020",
"February 21, 2022", "30 November - 2 December 2015", "7th August 2018", "Monday, 7 August",
"April 2009", "in 2021", and a day without a year ("on 10 November") when the statement's year
is known. Each :class:`DateMatch` has the first and last day, the days named, the precision
(``day``, ``month``, ``year``) and its offsets in the string searched.
"""

from __future__ import annotations

import calendar
import datetime
import re

__all__ = ["DateMatch", "find_dates"]

_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i], calendar.month_abbr[i] + ".")
}
_MONTHS["sept"] = 9
_MONTH = r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
_TO = r"\s*(?:-|–|—|to|until|and|&)\s*"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"

# What a match of a form must start with, as a lookahead in front of it: the same matches,
# but the regex engine skips every other position at once instead of trying the whole
# pattern there (about four times faster on a long sentence). A day form starts with a digit
# or a weekday (mon, tues, wednes, thurs, fri, satur, sun); a month form with a month's
# first two letters (ja, ju, fe, ma, ap, au, se, oc, no, de).
_STARTS_DAY = r"(?=[0-9]|[mtwfs][ouehra])"
_STARTS_MONTH = r"(?=[jfmasond][aeupco])"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 30 November - 2 December 2015
    (
        "dm-dmy",
        re.compile(
            rf"{_STARTS_DAY}{_WEEKDAY}{_DAY.format('d1')}\s+{_MONTH.format('m1')}{_TO}{_WEEKDAY}"
            rf"{_DAY.format('d2')}\s+{_MONTH.format('m2')},?\s+{_YEAR.format('y')}",
            re.I,
        ),
    ),
    # 20-21 October 2020, 21 and 23 September 2021, 7 to 10 November 2023, 10 November, 2020
    (
        "d-dmy",
        re.compile(
            rf"{_STARTS_DAY}{_WEEKDAY}{_DAY.format('d1')}(?:{_TO}{_WEEKDAY}{_DAY.format('d2')})?"
            rf"(?:\s+of)?\s+{_MONTH.format('m1')}(?:,?\s+{_YEAR.format('y')})?",
            re.I,
        ),
    ),
    # February 21, 2022; October 20-21, 2020; February 21
    (
        "md-dy",
        re.compile(
            rf"{_STARTS_MONTH}{_MONTH.format('m1')}\s+{_DAY.format('d1')}(?:{_TO}{_DAY.format('d2')})?"
            rf"(?:,?\s+{_YEAR.format('y')})?(?![\d:])",
            re.I,
        ),
    ),
    # April 2009
    ("my", re.compile(rf"{_STARTS_MONTH}{_MONTH.format('m1')},?\s+{_YEAR.format('y')}", re.I)),
    # in 2021, during 2022, the end of 2022
    (
        "y",
        re.compile(
            rf"(?<![\w-])(?:(?:in|during|by|since|throughout|of|for|the end of|early|late|mid-?)\s+)"
            rf"{_YEAR.format('y')}(?![\w-])",
            re.I,
        ),
    ),
]


class DateMatch:
    """A date a text states."""

    __slots__ = ("days", "end", "first", "last", "precision", "start", "text")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        first: datetime.date,
        last: datetime.date,
        precision: str,
        days: tuple[datetime.date, ...],
    ) -> None:
        self.start, self.end, self.text = start, end, text
        self.first, self.last = first, last
        self.precision = precision
        self.days = days

    def __repr__(self) -> str:
        return f"<DateMatch {self.text!r} {self.first}..{self.last} {self.precision}>"


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _build(form: str, m: re.Match[str], year_hint: int | None) -> DateMatch | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else year_hint
    if year is None or not 1900 <= year <= 2099:
        return None
    text = m.group(0)
    if form == "y":
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        lead = re.match(r"\w[\w ]*?\s+(?=\d)", text)
        start = m.start() + (lead.end() if lead else 0)
        return DateMatch(start, m.end(), m.string[start : m.end()], first, last, "year", ())
    m1 = _MONTHS.get(groups["m1"].lower().rstrip(".") if groups.get("m1") else "", 0)
    if not m1:
        return None
    if form == "my":
        first, last = datetime.date(year, m1, 1), _month_end(year, m1)
        return DateMatch(m.start(), m.end(), text, first, last, "month", ())
    d1 = int(groups["d1"])
    if form == "dm-dmy":
        m2 = _MONTHS.get(groups["m2"].lower().rstrip("."), 0)
        a, b = _date(year, m1, d1), _date(year, m2, int(groups["d2"]))
        if a is None or b is None:
            return None
        if b < a:
            a = _date(year - 1, m1, d1) or a
        span_days = tuple(a + datetime.timedelta(days=k) for k in range((b - a).days + 1))
        return DateMatch(m.start(), m.end(), text, a, b, "day", span_days)
    a = _date(year, m1, d1)
    if a is None:
        return None
    if groups.get("d2"):
        b = _date(year, m1, int(groups["d2"]))
        if b is None or b < a:
            return None
        joined = re.search(r"\b(?:and|&)\b", text[: m.end() - m.start()])
        if joined and (b - a).days > 1:
            days: tuple[datetime.date, ...] = (a, b)
        else:
            days = tuple(a + datetime.timedelta(days=k) for k in range((b - a).days + 1))
        return DateMatch(m.start(), m.end(), text, a, b, "day", days)
    return DateMatch(m.start(), m.end(), text, a, a, "day", (a,))


_MONTHS_HINT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
_ANY = re.compile(r"(?:19|20)\d\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)


def find_dates(text: str, year_hint: int | None = None) -> list[DateMatch]:
    """Every date ``text`` states, in order, without overlaps (the longest form wins).

    A day and month without a year take ``year_hint`` (the statement's year) when given.
    """
    found: list[DateMatch] = []
    if _ANY.search(text) is None:  # no year and no month: no date (most sentences)
        return found
    taken: list[tuple[int, int]] = []
    months = _MONTHS_HINT.search(text) is not None
    for form, pattern in _PATTERNS:
        if form != "y" and not months:
            continue  # every other form names a month
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if form in ("d-dmy", "md-dy") and not m.group("y") and year_hint is None:
                continue
            if form == "d-dmy" and not m.group("y"):
                # "3 May" needs a word boundary after the month, and reads as a date only
                # when it is not a count ("14 Working Group members").
                pass
            match = _build(form, m, year_hint)
            if match is None:
                continue
            found.append(match)
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found
