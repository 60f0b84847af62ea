"""Time expressions in German news, normalised relative to the article's date.

``find_times(text, start, end, anchor)`` scans one range of text with a single compiled regex and
returns :class:`TimexMatch` objects: each has the span and, for expressions that name a date or
period, a :class:`~wortlaut.contract.TimeExpression` (``am Donnerstag`` → ``2022-03-17``,
``seit 2014`` → open interval from ``2014``, ``vergangene Woche`` → ``2022-W10``). Clock times
(``03:36 Uhr``) are matched too, without an expression, so that the amounts component knows
their digits are not amounts. See docs/amounts.md for the rules.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..contract import TimeExpression
from .numbers import parse_number_word

MONTHS: dict[str, int] = {
    "januar": 1,
    "jänner": 1,
    "jan.": 1,
    "februar": 2,
    "feb.": 2,
    "märz": 3,
    "april": 4,
    "apr.": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "aug.": 8,
    "september": 9,
    "sept.": 9,
    "sep.": 9,
    "oktober": 10,
    "okt.": 10,
    "november": 11,
    "nov.": 11,
    "dezember": 12,
    "dez.": 12,
}
WEEKDAYS: dict[str, int] = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}

_MONTH = r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan\.|Feb\.|Apr\.|Aug\.|Sept?\.|Okt\.|Nov\.|Dez\.)"
_WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_YEAR = r"(?:1[5-9]|20)\d\d"
_REL = r"(?:[Vv]ergangene|[Ll]etzte|[Vv]orige|[Kk]ommende|[Nn]ächste|[Dd]iese|[Ll]aufende)[nmrs]?"
_PART = r"(?P<part>Anfang|Mitte|Ende)"
_LEAD = r"(?:(?P<lead>[Ss]eit|[Aa]b|[Bb]is)\s+(?:(?:zum|zur|dem|der)\s+)?)?"
_PREP = r"(?:(?:[Aa]m|[Ii]m|[Vv]om|[Zz]um|[Aa]n diesem|[Ii]m Jahre?|[Ii]n den Jahren)\s+)?"
_SMALL = r"(?:\d{1,3}|ein(?:em|er)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|fünfzig|hundert)"

TIMEX = re.compile(
    r"(?<![\w.,:/-])" + _LEAD + r"(?:"
    # clock time: 03:36 Uhr, 14.30 Uhr, 9 Uhr, um 14 Uhr
    r"(?P<clock>(?:um\s+)?\d{1,2}(?:[:.]\d{2})?\s+Uhr(?:\s+\d{1,2})?)"
    # 16.03.2022, 16.3.22, 16.03.
    r"|(?P<numdate>" + _PREP + r"(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>" + _YEAR + r"|\d\d(?!\d))?)"
    # 16. März 2022
    r"|(?P<textdate>" + _PREP + r"(?P<td>\d{1,2})\.\s?(?P<tm>" + _MONTH + r")(?:\s+(?P<ty>" + _YEAR + r"))?)"
    # (am) (kommenden) Donnerstag(abend)
    r"|(?P<weekday>" + _PREP + r"(?:(?P<wrel>" + _REL + r")\s+)?(?P<wd>" + _WEEKDAY + r")"
    r"(?:abend|morgen|mittag|nachmittag|vormittag|nacht)?)"
    # heute, gestern, vorgestern, morgen, übermorgen
    r"|(?P<relday>[Hh]eute|[Gg]estern|[Vv]orgestern|morgen|[Üü]bermorgen)"
    # vergangene Woche, im kommenden Jahr, diesen Monat
    r"|(?P<relperiod>(?:(?:[Ii]m|[Ii]n der|[Aa]m|[Dd]es|[Dd]er|[Ee]nde|[Aa]nfang|[Mm]itte)\s+)?(?P<prel>"
    + _REL
    + r")"
    r"\s+(?P<pu>Wochenende|Woche|Monats|Monat|Jahres|Jahr))"
    # vor drei Jahren, in zwei Wochen
    r"|(?P<ago>(?P<adir>[Vv]or|in)\s+(?P<an>"
    + _SMALL
    + r")\s+(?P<au>Tagen|Wochen|Monaten|Jahren|Tag|Woche|Monat|Jahr)\b)"
    # 2010 bis 2020, zwischen 2010 und 2020
    r"|(?P<yrange>(?:(?:[Vv]on|[Zz]wischen)\s+)?(?P<y1>"
    + _YEAR
    + r")\s*(?:bis|und|-|–)\s*(?P<y2>"
    + _YEAR
    + r"))"
    # (Anfang) (im) März (2022)
    r"|(?P<month>(?:"
    + _PART
    + r"\s+|[Ii]m\s+|[Ss]eit\s+|[Bb]is\s+|[Vv]om\s+|[Zz]um\s+)(?P<mm>"
    + _MONTH
    + r")"
    r"(?:\s+(?P<my>" + _YEAR + r"))?|(?P<mm2>" + _MONTH + r")\s+(?P<my2>" + _YEAR + r"))"
    # (Anfang) (im Jahr) 2021
    r"|(?P<year>(?:(?P<ypart>Anfang|Mitte|Ende)\s+)?" + _PREP + r"(?P<yy>" + _YEAR + r"))"
    r")(?![\w-]|[.,:/]\d)"
)

#: A word that makes a bare year an amount instead (``2000 Soldaten``, ``1990 Euro``).
_COUNTED_AFTER = re.compile(r"\s*(?:[%€$]|[-–]\s*\d)|\s+(?:[A-ZÄÖÜ][a-zäöüß]|(?:auf|und|bis|oder)\s+\d)")


@dataclass(frozen=True)
class Anchor:
    """The article's date as far as it is known (``2022-03-16``, ``2022-03`` or ``2022``)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor:
        if not value:
            return cls()
        m = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
        if not m:
            return cls()
        year, month, day = (int(g) if g else None for g in m.groups())
        if month is not None and not 1 <= month <= 12:
            return cls(year)
        if day is not None and month is not None and not _valid(year, month, day):
            return cls(year, month)
        return cls(year, month, day)

    def date(self) -> date | None:
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


@dataclass(frozen=True)
class TimexMatch:
    """A matched span; ``expr`` is None for clock times (known, but not reported)."""

    start: int
    end: int
    expr: TimeExpression | None


def _valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year or 2000, month)[1]


def _iso(d: date) -> str:
    return d.isoformat()


def _month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _part_of(year: int, month: int | None, part: str | None) -> tuple[str | None, str | None]:
    """Begin and end of ``Anfang``/``Mitte``/``Ende`` of a month (thirds) or a year (thirds)."""
    if part is None:
        return None, None
    if month is None:
        bounds = {"Anfang": (1, 4), "Mitte": (5, 8), "Ende": (9, 12)}[part]
        return _month_iso(year, bounds[0]), _month_iso(year, bounds[1])
    last = calendar.monthrange(year, month)[1]
    days = {"Anfang": (1, 10), "Mitte": (11, 20), "Ende": (21, last)}[part]
    return _iso(date(year, month, days[0])), _iso(date(year, month, days[1]))


def _year2(text: str | None, anchor: Anchor) -> int | None:
    if text is None:
        return anchor.year
    y = int(text)
    return y + 2000 if len(text) == 2 else y


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    low = text.lower()
    if low in ("einem", "einer"):
        return 1
    value = parse_number_word(low)
    return None if value is None else int(value)


def _normalise(m: re.Match[str], anchor: Anchor) -> tuple[str | None, str | None, str | None, str]:
    """(value, begin, end, kind) of one match, before a leading ``seit``/``ab``/``bis``."""
    g = m.group
    today = anchor.date()
    if g("numdate") or g("textdate"):
        day = int(g("nd") or g("td"))
        month = int(g("nm")) if g("nm") else MONTHS[g("tm").lower()]
        year = _year2(g("ny") or g("ty"), anchor)
        if year is None or not _valid(year, month, day):
            return None, None, None, "date"
        return _iso(date(year, month, day)), None, None, "date"
    if g("weekday"):
        if today is None:
            return None, None, None, "date"
        target = WEEKDAYS[g("wd").lower()]
        rel = (g("wrel") or "").lower()
        delta = (target - today.weekday()) % 7
        if rel.startswith(("vergangen", "letzt", "vorig")):
            delta = delta - 7 if delta > 0 else -7
        elif rel.startswith(("kommend", "nächst")):
            delta = delta if delta > 0 else 7
        elif delta > 3:
            delta -= 7  # the nearest such day: news tells of the last days and the next ones
        return _iso(today + timedelta(days=delta)), None, None, "date"
    if g("relday"):
        if today is None:
            return None, None, None, "date"
        offset = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}[
            g("relday").lower()
        ]
        return _iso(today + timedelta(days=offset)), None, None, "date"
    if g("relperiod"):
        rel = g("prel").lower()
        step = -1 if rel.startswith(("vergangen", "letzt", "vorig")) else 1
        step = 0 if rel.startswith(("dies", "laufend")) else step
        unit = g("pu")
        if unit.startswith("Woche"):
            if today is None:
                return None, None, None, "week"
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
            if unit == "Wochenende":
                sat = monday + timedelta(days=5)
                return None, _iso(sat), _iso(sat + timedelta(days=1)), "interval"
            iso_year, week, _ = monday.isocalendar()
            return f"{iso_year}-W{week:02d}", _iso(monday), _iso(monday + timedelta(days=6)), "week"
        if unit.startswith("Monat"):
            if anchor.year is None or anchor.month is None:
                return None, None, None, "month"
            y, mo = _shift_months(anchor.year, anchor.month, step)
            return _month_iso(y, mo), None, None, "month"
        if anchor.year is None:
            return None, None, None, "year"
        return f"{anchor.year + step:04d}", None, None, "year"
    if g("ago"):
        n = _number(g("an"))
        sign = -1 if g("adir").lower() == "vor" else 1
        unit = g("au")
        if n is None:
            return None, None, None, "date"
        if unit.startswith("Tag") or unit.startswith("Woche"):
            if today is None:
                return None, None, None, "date"
            days = n * (7 if unit.startswith("Woche") else 1)
            return _iso(today + timedelta(days=sign * days)), None, None, "date"
        if unit.startswith("Monat"):
            if anchor.year is None or anchor.month is None:
                return None, None, None, "month"
            y, mo = _shift_months(anchor.year, anchor.month, sign * n)
            return _month_iso(y, mo), None, None, "month"
        if anchor.year is None:
            return None, None, None, "year"
        return f"{anchor.year + sign * n:04d}", None, None, "year"
    if g("yrange"):
        return None, g("y1"), g("y2"), "interval"
    if g("month"):
        month = MONTHS[(g("mm") or g("mm2")).lower()]
        year = _year2(g("my") or g("my2"), anchor)
        if year is None:
            return None, None, None, "month"
        begin, end = _part_of(year, month, g("part"))
        return _month_iso(year, month), begin, end, "interval" if begin else "month"
    if g("year"):
        year = int(g("yy"))
        begin, end = _part_of(year, None, g("ypart"))
        return f"{year:04d}", begin, end, "interval" if begin else "year"
    return None, None, None, "date"


def _bare_year_is_amount(text: str, m: re.Match[str]) -> bool:
    """``2000 Soldaten``: a year-like number without preposition followed by a noun or unit."""
    if not m.group("year") or m.group("lead") or m.group("ypart") or m.group("yy") != m.group(0):
        return False
    return _COUNTED_AFTER.match(text, m.end()) is not None


def _year_range_is_amount(text: str, m: re.Match[str]) -> bool:
    """``zwischen 2000 und 2500 Soldaten`` is a range of soldiers, not of years."""
    return bool(m.group("yrange")) and _COUNTED_AFTER.match(text, m.end()) is not None


#: Words without which no time expression exists: the regex above is tried only around them
#: (trying it at every position costs as much as tokenising the text).
_HEAD = re.compile(
    r"\d+|\b(?:"
    + _WEEKDAY
    + "|"
    + _MONTH
    + r"|[Hh]eute|[Gg]estern|[Vv]orgestern|morgen|[Üü]bermorgen|"
    + _REL
    + r"|Tagen|Tag|Wochen|Woche|Monaten|Monat|Jahren|Jahr)"
)
_WORD_START = re.compile(r"(?<!\S)\S")
_LOOKBACK_WORDS = 4


def _scan(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What ``TIMEX.finditer`` would find, trying the regex only at the few words before a head."""
    last = start
    for head in _HEAD.finditer(text, start, end):
        hs = head.start()
        if hs < last:
            continue
        before = [w.start() for w in _WORD_START.finditer(text, max(last, hs - 48), hs)]
        for s in (*before[-_LOOKBACK_WORDS:], hs):
            m = TIMEX.match(text, s, end)
            if m and m.end() > hs:
                last = m.end()
                yield m
                break


def find_times(text: str, start: int, end: int, anchor: Anchor) -> list[TimexMatch]:
    """All time expressions (and clock times) in ``text[start:end]``."""
    found: list[TimexMatch] = []
    for m in _scan(text, start, end):
        if m.group("clock"):
            found.append(TimexMatch(m.start(), m.end(), None))
            continue
        if _bare_year_is_amount(text, m) or _year_range_is_amount(text, m):
            continue
        value, begin, end_value, kind = _normalise(m, anchor)
        lead = (m.group("lead") or "").lower()
        if lead in ("seit", "ab"):
            begin, end_value, value, kind = begin or value, None, None, "interval"
        elif lead == "bis":
            begin, end_value, value, kind = None, end_value or value, None, "interval"
        expr = TimeExpression(
            start=m.start(),
            end=m.end(),
            text=m.group(0),
            value=value,
            begin=begin,
            end_value=end_value,
            kind=kind,
        )
        found.append(TimexMatch(m.start(), m.end(), expr))
    return found
