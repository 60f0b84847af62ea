"""German numbers as news writes them, turned into values.

Pure string functions (no spaCy): ``100.000`` and ``3,5`` (``.`` groups thousands, ``,`` marks
decimals), number words built by composition (``dreiundzwanzig``, ``zweihundertfünfzig``,
``Hunderttausend``), scale words (``3,5 Millionen``, ``1,2 Mrd.``), fractions (``zwei Drittel``)
and vague magnitudes (``zigtausende``, ``mehrere Hunderttausend``). The amounts component finds
*where* a number is with regexes; this module only says *what* it is worth.
"""

from __future__ import annotations

import re

_ONES: dict[str, int] = {
    "null": 0,
    "ein": 1,
    "eins": 1,
    "eine": 1,
    "zwei": 2,
    "zwo": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
_TENS: dict[str, int] = {
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}

#: Scale words after a number, with their factor (``3,5 Millionen``, ``1,2 Mrd.``).
SCALES: dict[str, float] = {
    "tausend": 1e3,
    "million": 1e6,
    "millionen": 1e6,
    "mio.": 1e6,
    "mio": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd.": 1e9,
    "mrd": 1e9,
    "billion": 1e12,
    "billionen": 1e12,
    "bio.": 1e12,
    "dutzend": 12,
}

#: Fraction words (``zwei Drittel`` = 2/3).
FRACTIONS: dict[str, float] = {
    "halbe": 1 / 2,
    "drittel": 1 / 3,
    "viertel": 1 / 4,
    "fünftel": 1 / 5,
    "sechstel": 1 / 6,
    "siebtel": 1 / 7,
    "achtel": 1 / 8,
    "neuntel": 1 / 9,
    "zehntel": 1 / 10,
}

#: Special words worth a fixed value.
_SPECIAL: dict[str, float] = {"anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5}


def parse_digits(text: str) -> float | None:
    """``100.000`` → 100000, ``3,5`` → 3.5, ``1 000`` → 1000; ``1.5`` (English decimal) → 1.5.

    A dot followed by exactly three digits groups thousands; otherwise it is a decimal point.
    """
    s = text.replace("\u00a0", " ").replace("\u202f", " ").replace(" ", "")
    if not s:
        return None
    if "," in s:
        whole, _, frac = s.partition(",")
        whole = whole.replace(".", "")
        s = f"{whole}.{frac}"
    elif "." in s:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]):
            s = "".join(parts)
    try:
        return float(s)
    except ValueError:
        return None


def _below_hundred(w: str) -> int | None:
    if w in _ONES:
        return _ONES[w]
    if w in _TENS:
        return _TENS[w]
    if "und" in w:
        left, _, right = w.partition("und")
        if right in _TENS and left in _ONES and 1 <= _ONES[left] <= 9:
            return _ONES[left] + _TENS[right]
    return None


def _below_thousand(w: str) -> int | None:
    if not w:
        return None
    if "hundert" in w:
        left, _, right = w.partition("hundert")
        factor = 1 if left in ("", "ein") else _below_hundred(left)
        if factor is None or not 1 <= factor <= 9:
            return None
        rest = 0 if right == "" else _below_hundred(right)
        if rest is None:
            return None
        return factor * 100 + rest
    return _below_hundred(w)


def parse_number_word(word: str) -> float | None:
    """A German cardinal written as one word: ``dreißig`` → 30, ``Hunderttausend`` → 100000.

    Returns None for words that are not cardinals (``und``, ``Einheit``).
    """
    w = word.lower()
    if w in _SPECIAL:
        return _SPECIAL[w]
    if "tausend" in w:
        left, _, right = w.partition("tausend")
        factor = 1 if left in ("", "ein") else _below_thousand(left)
        if factor is None or factor < 1:
            return None
        rest = 0 if right == "" else _below_thousand(right)
        if rest is None:
            return None
        return float(factor * 1000 + rest)
    value = _below_thousand(w)
    return None if value is None else float(value)


def parse_number(text: str) -> float | None:
    """A number written with digits or as a word."""
    if text[:1].isdigit():
        return parse_digits(text)
    return parse_number_word(text)


def scale_factor(word: str) -> float | None:
    """Factor of a scale word (``Millionen`` → 1e6), None if it is none."""
    return SCALES.get(word.lower())


def fraction_value(word: str) -> float | None:
    return FRACTIONS.get(word.lower())


#: Vague magnitudes: value unknown, but clearly a (large) amount.
VAGUE_WORD = re.compile(
    r"(?:[Zz]ig|[Aa]ber|[Zz]ehn|[Hh]undert)?(?:[Hh]undert|[Tt]ausend)en?|[Zz]ig|[Dd]utzenden?"
    r"|Millionen|Milliarden"
)


def is_vague_word(word: str) -> bool:
    """``Tausende``, ``zigtausende``, ``Dutzende``, ``Millionen`` (standing without a number)."""
    return VAGUE_WORD.fullmatch(word) is not None


def normalise_value(value: float) -> float:
    """Round away float noise (``3,5 Millionen`` is 3500000.0, not 3499999.9999)."""
    rounded = round(value, 6)
    return float(int(rounded)) if rounded.is_integer() else rounded
