"""German numbers as news writes them: digits, words, scales, fractions, vague magnitudes."""

from __future__ import annotations

import pytest

from wortlaut.nlp.numbers import (
    fraction_value,
    is_vague_word,
    normalise_value,
    parse_digits,
    parse_number,
    parse_number_word,
    scale_factor,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("100.000", 100000),
        ("1.200.000", 1200000),
        ("3,5", 3.5),
        ("12.345,67", 12345.67),
        ("2,19", 2.19),
        ("3000", 3000),
        ("1 000", 1000),
        ("30\u00a0000", 30000),
        ("1.5", 1.5),
    ],
)
def test_digits_use_dot_for_thousands_and_comma_for_decimals(text: str, value: float) -> None:
    assert parse_digits(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("dreißig", 30),
        ("Dreiundzwanzig", 23),
        ("zwölf", 12),
        ("siebzehn", 17),
        ("Hunderttausend", 100000),
        ("zweihundertfünfzig", 250),
        ("Zweitausend", 2000),
        ("dreitausendfünfhundert", 3500),
        ("einhundert", 100),
        ("Tausend", 1000),
        ("anderthalb", 1.5),
        ("neunundneunzig", 99),
    ],
)
def test_number_words_are_composed(word: str, value: float) -> None:
    assert parse_number_word(word) == value


@pytest.mark.parametrize("word", ["und", "einund", "hundertund", "zehnundzwanzig", "Einheit", "zig"])
def test_words_that_are_not_cardinals_give_none(word: str) -> None:
    assert parse_number_word(word) is None


def test_parse_number_dispatches_on_the_first_character() -> None:
    assert parse_number("4.500") == 4500
    assert parse_number("vierzig") == 40


def test_scale_and_fraction_words() -> None:
    assert scale_factor("Millionen") == 1e6
    assert scale_factor("Mrd.") == 1e9
    assert scale_factor("Dutzend") == 12
    assert scale_factor("Soldaten") is None
    assert fraction_value("Drittel") == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    "word", ["zigtausende", "Tausende", "Hunderttausende", "Dutzende", "Zehntausenden", "Millionen"]
)
def test_vague_words_are_recognised(word: str) -> None:
    assert is_vague_word(word)


@pytest.mark.parametrize("word", ["Tausend", "Hundert", "Soldaten", "tausendmal"])
def test_exact_or_other_words_are_not_vague(word: str) -> None:
    assert not is_vague_word(word)


def test_float_noise_is_rounded_away() -> None:
    assert normalise_value(3.5 * 1e6) == 3500000
    assert normalise_value(1.2 * 1e9) == 1200000000
