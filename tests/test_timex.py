"""Time expressions normalised relative to the article's date."""

from __future__ import annotations

import pytest

from wortlaut.nlp.timex import Anchor, find_times

WED = Anchor.parse("2022-03-16")  # a Wednesday


def times(text: str, anchor: Anchor = WED) -> list[tuple[str, str | None, str | None, str | None]]:
    return [
        (m.expr.text, m.expr.value, m.expr.begin, m.expr.end_value)
        for m in find_times(text, 0, len(text), anchor)
        if m.expr is not None
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Minister treffen sich am Donnerstag.", ("am Donnerstag", "2022-03-17", None, None)),
        ("Am Montag begann der Gipfel.", ("Am Montag", "2022-03-14", None, None)),
        ("Er reist am kommenden Montag ab.", ("am kommenden Montag", "2022-03-21", None, None)),
        ("Das geschah vergangenen Freitag.", ("vergangenen Freitag", "2022-03-11", None, None)),
        ("Das Treffen fand am 16.03.2022 statt.", ("am 16.03.2022", "2022-03-16", None, None)),
        ("Die Frist endet am 1. April.", ("am 1. April", "2022-04-01", None, None)),
        ("Der Vertrag vom 24. Februar 2022 gilt.", ("vom 24. Februar 2022", "2022-02-24", None, None)),
        ("Gestern wurde gewählt.", ("Gestern", "2022-03-15", None, None)),
        ("Das Gesetz kommt morgen.", ("morgen", "2022-03-17", None, None)),
        ("Im März stiegen die Preise.", ("Im März", "2022-03", None, None)),
        ("Der Bericht kommt Anfang April.", ("Anfang April", "2022-04", "2022-04-01", "2022-04-10")),
        ("Ende Februar 2021 fiel Schnee.", ("Ende Februar 2021", "2021-02", "2021-02-21", "2021-02-28")),
        ("Seit 2014 ist die Krim besetzt.", ("Seit 2014", None, "2014", None)),
        ("Die Regel gilt bis 2030.", ("bis 2030", None, None, "2030")),
        ("Im Jahr 2021 wurde gewählt.", ("Im Jahr 2021", "2021", None, None)),
        ("2021 wurde gewählt.", ("2021", "2021", None, None)),
        (
            "Vergangene Woche kam es zu Protesten.",
            ("Vergangene Woche", "2022-W10", "2022-03-07", "2022-03-13"),
        ),
        ("Im vergangenen Jahr war es ruhig.", ("Im vergangenen Jahr", "2021", None, None)),
        ("Nächsten Monat wird gewählt.", ("Nächsten Monat", "2022-04", None, None)),
        ("Vor drei Jahren war alles anders.", ("Vor drei Jahren", "2019", None, None)),
        ("Das war vor zwei Wochen.", ("vor zwei Wochen", "2022-03-02", None, None)),
        ("Von 2010 bis 2020 wuchs die Stadt.", ("Von 2010 bis 2020", None, "2010", "2020")),
    ],
)
def test_expressions_are_normalised_against_the_article_date(
    text: str, expected: tuple[str, str | None, str | None, str | None]
) -> None:
    assert times(text) == [expected]


def test_day_relative_expressions_need_a_day_in_the_anchor() -> None:
    month_only = Anchor.parse("2022-03")
    assert times("Am Donnerstag und im Mai.", month_only) == [
        ("Am Donnerstag", None, None, None),
        ("im Mai", "2022-05", None, None),
    ]


def test_without_anchor_absolute_dates_still_resolve() -> None:
    assert times("Am 16.03.2022 und gestern.", Anchor.parse(None)) == [
        ("Am 16.03.2022", "2022-03-16", None, None),
        ("gestern", None, None, None),
    ]


def test_clock_times_are_matched_but_not_reported() -> None:
    text = "Um 03:36 Uhr und um 14 Uhr."
    found = find_times(text, 0, len(text), WED)
    assert [(text[m.start : m.end], m.expr) for m in found] == [("03:36 Uhr", None), ("um 14 Uhr", None)]


@pytest.mark.parametrize(
    "text",
    ["2000 Soldaten wurden verlegt.", "Zwischen 2000 und 2500 Soldaten.", "Es stieg von 2000 auf 5000."],
)
def test_year_like_numbers_that_count_something_are_not_years(text: str) -> None:
    assert times(text) == []


def test_invalid_dates_are_not_normalised() -> None:
    assert times("Am 31.02.2022 war nichts.") == [("Am 31.02.2022", None, None, None)]


def test_anchor_parsing_accepts_partial_and_rejects_garbage() -> None:
    assert Anchor.parse("2022-03") == Anchor(2022, 3, None)
    assert Anchor.parse("2022-03-16T03:36:00+01:00") == Anchor(2022, 3, 16)
    assert Anchor.parse("gestern") == Anchor()
