"""Component ``wortlaut_amounts_v1``: amounts and time expressions (issue 5).

The component reads only the prose zones. In each it first finds time expressions
(:mod:`.timex`: their digits are dates, not amounts), then scans the text with one compiled
regex for number cores (``100.000``, ``3,5 Millionen``, ``dreißig``, ``zwischen 3000 und 5000``,
``mehrere Hunderttausend``, ``zigtausende``) and, only around each hit, reads what comes before
(``etwa``, ``mehr als``: approximate) and after (unit, adjectives, the counted noun). Cheap by
design: no per-token work, a handful of anchored regex matches per number found.

What is deliberately not an amount (docs/amounts.md): dates, years, clock times, scores
(``2:1``), phone numbers, numbers inside words or identifiers (``G7``, ``Covid-19``), numbers
naming a thing (``Shenzhou 6``, ``Artikel 5``, ``§ 5``), ordinals (``der 3. Tag``) and number
words that count nothing named (``die beiden``, ``eins``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..article import PROSE_ZONES
from ..contract import Amount, TimeExpression
from . import extensions  # noqa: F401
from .amount_roles import assign_roles, clause_window, index_mentions
from .extensions import doc_text, zone_ranges
from .lemma_nouns import base_form
from .numbers import (
    fraction_value,
    is_vague_word,
    normalise_value,
    parse_digits,
    parse_number_word,
    scale_factor,
)
from .timex import Anchor, find_times

# --- the number core -----------------------------------------------------------------------
_DIGITS = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d.,]\d)"
    r"|\d+,\d+"
    r"|\d+\.\d{1,2}(?=\s*(?:Mio|Mrd|Million|Milliard))"
    r"|\d+"
)
_MORPH = (
    r"ein|eine|eins|zwei|zwo|drei|vier|fünf|sechs|sech|sieben|sieb|acht|neun|zehn|elf|zwölf"
    r"|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend"
)
_WORD = rf"(?i:anderthalb|eineinhalb|zweieinhalb|dreieinhalb|(?:{_MORPH})(?:{_MORPH}|und)*)"
_NUM = rf"(?:{_DIGITS}|{_WORD})(?![\w])"
_SCALE = (
    r"(?:\s+(?:halbe[sn]?\s+)?(?:Tausend|tausend|Millionen|Million|Mio\.|Mio|Milliarden|Milliarde|Mrd\.|Mrd"
    r"|Billionen|Billion|Bio\.|Dutzend)(?![\w]))"
)
_NUMX = rf"{_NUM}{_SCALE}?"
_FRACTION = r"(?:Drittel|Viertel|Fünftel|Sechstel|Achtel|Zehntel)"
_VAGUE = (
    r"(?:(?:[Mm]ehrere|[Ee]inige|[Ee]tliche|[Ee]in\s+paar|[Vv]iele|[Ww]enige)\s+"
    r"(?:[Hh]underttausend|[Hh]undert|[Tt]ausend|[Zz]ehntausend|Dutzend|Millionen|Milliarden)(?:e|en)?"
    r"(?:\s+(?:Millionen|Milliarden))?"
    r"|(?:[Zz]ig|[Aa]ber|[Zz]ehn|[Hh]undert)?(?:[Hh]undert|[Tt]ausend)en?|[Zz]ig|[Dd]utzenden?"
    r"|Millionen|Milliarden)(?![\w])"
)
CORE = re.compile(
    r"(?<![\w.,:/+#=@§-])(?:"
    rf"(?P<between>[Zz]wischen\s+{_NUMX}\s+und\s+{_NUMX})"
    rf"|(?P<range>{_NUMX}\s*(?:bis|-|–)\s*{_NUMX})"
    rf"|(?P<fraction>{_NUM}\s+{_FRACTION})"
    rf"|(?P<single>{_NUMX})"
    rf"|(?P<vague>{_VAGUE})"
    r")(?![\w]|[.,:/]\d|-[^\W\d])"
)
#: Where a number core can start: a digit or the first letters of a number word, as many as
#: keep frequent words (`sie`, `mit`, `an`, `für`) from triggering. CORE is tried only there
#: (trying it at every position costs as much as tokenising the text); a test checks that this
#: finds what ``CORE.finditer`` finds.
_TRIGGER = re.compile(
    r"(?<![\w.,:/+#=@§-])(?:\d|[Zz](?:w|eh|ig)|[Ee](?:i|lf|tl)|[Dd](?:rei|utz)|[Vv]ie|[Ff]ünf"
    r"|[Ss](?:ech|ieb)|[Aa](?:cht|nde|ber)|[Nn]eun|[Hh]und|[Tt]aus|[Mm](?:ehrer|illi)|[Ww]enig)"
)
_NUM_PARTS = re.compile(rf"(?P<n>{_DIGITS}|{_WORD})(?![\w])(?P<s>{_SCALE})?")

# --- what stands before ----------------------------------------------------------------------
_QUALIFIERS: dict[str, str] = {
    "etwa": "about",
    "rund": "about",
    "ca.": "about",
    "circa": "about",
    "zirka": "about",
    "ungefähr": "about",
    "annähernd": "about",
    "schätzungsweise": "about",
    "an die": "about",
    "um die": "about",
    "gut": "more_than",
    "über": "more_than",
    "mehr als": "more_than",
    "knapp": "less_than",
    "fast": "less_than",
    "beinahe": "less_than",
    "nahezu": "less_than",
    "weniger als": "less_than",
    "unter": "less_than",
    "nicht einmal": "less_than",
    "mindestens": "at_least",
    "wenigstens": "at_least",
    "höchstens": "at_most",
    "maximal": "at_most",
    "bis zu": "at_most",
}
_PREFIX = re.compile(
    r"(?:(?<=[\s(„\"])|^)(?P<q>"
    + "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_PREV_WORD = re.compile(r"(?P<w>[^\s(„\"]+)\s*$")


def _words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and edit)."""
    return frozenset(text.split())


#: Words after which a number names a thing rather than counting it (``Artikel 5``, ``§ 5``).
_ID_WORDS = _words(
    "nr. nr nummer no. § §§ artikel art. paragraf paragraph absatz abs. seite s. kapitel platz rang "
    "folge staffel band bd. heft ausgabe linie gleis zimmer raum haus hausnummer flug tel. tel "
    "telefon fax id az. aktenzeichen postfach tor terminal version level stufe runde spieltag minute "
    "kategorie klasse block modell typ jahrgang baujahr kw ziffer anlage punkt etappe gruppe lauf"
)
#: Capitalised only because they open a sentence: ``Insgesamt 11 kamen``.
_OPENING_ADVERBS = _words(
    "insgesamt nur genau exakt lediglich bislang bisher jetzt damals heute gestern zuletzt allein "
    "inzwischen mittlerweile derzeit aktuell auch noch sogar immerhin schon bereits weitere andere es "
    "sie wir das dies davon darunter dabei dann zusammen gerade "
    # function words that open sentences: ``In 12 von 16 Ländern``
    "in im mit von vom bei beim nach aus auf für um über unter vor seit bis ab an am zu zum zur durch "
    "gegen ohne laut und oder aber doch denn die der den dem des ein eine dass wenn als wie ob so da "
    "hier dort nun"
)
#: Words after which ``über``/``unter`` + number means "more/less than", not a governed preposition.
_BEFORE_UEBER = _words(
    "auf mit von vom seit bei für nach um in im an aus vor zu zum zur bis durch gegen ohne die der "
    "den dem das des ihre ihren seine seinen noch insgesamt bereits schon jetzt nun inzwischen sogar "
    "jeweils zusammen damals heute derzeit aktuell mittlerweile bisher bislang und oder sind ist "
    "waren war wurden wurde werden wird haben hat hatten hatte sein kamen kommen leben lebten "
    "starben sterben gibt gab"
)
#: ``Drei von vier Befragten``: a number word that counts the same thing as the next number.
_N_OF_M = re.compile(rf"\s+(?:von|der|den)\s+(?:\d|{_WORD}\b)")
_MINUS = re.compile(r"(?:(?<=\s)|^)(?:minus|Minus)\s+$")
_ORDINAL_DET = _words(
    "der die das den dem des am im zum zur vom beim ihr ihre ihren ihrem sein seine seinen seinem "
    "jeder jede jedem jeden dieser diese diesem diesen"
)

# --- what comes after ------------------------------------------------------------------------
_UNITS: dict[str, str] = {
    "%": "Prozent",
    "Prozent": "Prozent",
    "Prozentpunkte": "Prozentpunkte",
    "Prozentpunkten": "Prozentpunkte",
    "€": "Euro",
    "Euro": "Euro",
    "EUR": "Euro",
    "Cent": "Cent",
    "$": "Dollar",
    "Dollar": "Dollar",
    "US-Dollar": "Dollar",
    "USD": "Dollar",
    "£": "Pfund",
    "Pfund": "Pfund",
    "Franken": "Franken",
    "Rubel": "Rubel",
    "Yen": "Yen",
    "Yuan": "Yuan",
    "Hrywnja": "Hrywnja",
    "Kronen": "Kronen",
    "Kilometer": "km",
    "Kilometern": "km",
    "km": "km",
    "Meter": "m",
    "Metern": "m",
    "m": "m",
    "Zentimeter": "cm",
    "cm": "cm",
    "Millimeter": "mm",
    "mm": "mm",
    "Quadratkilometer": "km²",
    "Quadratkilometern": "km²",
    "km²": "km²",
    "Quadratmeter": "m²",
    "Quadratmetern": "m²",
    "m²": "m²",
    "Kubikmeter": "m³",
    "Kubikmetern": "m³",
    "m³": "m³",
    "Hektar": "ha",
    "ha": "ha",
    "Kilogramm": "kg",
    "kg": "kg",
    "Gramm": "g",
    "Tonnen": "t",
    "Tonne": "t",
    "t": "t",
    "Grad Celsius": "Grad",
    "Grad": "Grad",
    "°C": "Grad",
    "°": "Grad",
    "Liter": "l",
    "Litern": "l",
    "Kilometer pro Stunde": "km/h",
    "Stundenkilometer": "km/h",
    "Stundenkilometern": "km/h",
    "km/h": "km/h",
    "Megawatt": "MW",
    "MW": "MW",
    "Gigawatt": "GW",
    "GW": "GW",
    "Kilowattstunden": "kWh",
    "kWh": "kWh",
    "Terawattstunden": "TWh",
    "TWh": "TWh",
    "Barrel": "Barrel",
}
_UNIT_RE = re.compile(
    r"(?:\s*(?P<sym>%|€|\$|£|°C|°)|\s+(?P<word>"
    + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True) if u not in "%€$£°C°")
    + r"))(?![\w²³/])"
)
_CURRENCY_BEFORE = re.compile(r"(?P<sym>€|\$|£|EUR|USD|US-\$)\s*$")
#: Units after which a noun says what was measured (``500 Tonnen Weizen``).
_MASS_UNITS = frozenset({"t", "kg", "l", "m³", "Barrel"})
#: Units whose counted thing is a genitive (``30 Prozent der Stimmen``, ``zwei Drittel der Befragten``).
_SHARE_UNITS = frozenset({"Prozent", "Anteil"})

_ADJ = (
    r"(?!(?:werden|wurden|worden|waren|haben|hatten|sollen|sollten|wollen|wollten|können|konnten|müssen"
    r"|mussten|dürfen|seien|wären|hätten|würden|kamen|gingen|starben|stehen|standen|liegen|lagen|gaben"
    r"|blieben|leben|lebten|kosten|kosteten|fehlen|fehlten|folgen|folgten|machen|sehen|bekommen|erhalten"
    r"|zahlen|zahlten|gegen|unter|oder|aber|wieder|immer|nur|mehr|jeder|jede|jedem|jeden|einer|einem|einen"
    r"|seine|seinen|seiner|ihre|ihren|ihrer|unsere|unseren|diese|diesen|dieser|andere|anderen|alle|allen"
    r"|aller|pro|je|keine|keinen|meine|meinen|deren|dessen|denen|ihnen|sowie)\b)"
    r"(?:[a-zäöüß][a-zäöüß]{2,}(?:e|en|er|es|em)|[A-ZÄÖÜ][\wäöüß]*-[a-zäöüß]+(?:e|en|er|es|em))"
)
_NOUN = r"[A-ZÄÖÜ][\wäöüßÄÖÜ]*(?:-[\wäöüßÄÖÜ]+)*"
_COUNTED_RE = re.compile(rf"\s+(?:{_ADJ}\s+){{0,3}}(?P<noun>{_NOUN})(?![\w-])")
_GENITIVE_RE = re.compile(
    rf"\s+(?:der|des|aller|ihrer|seiner|unserer)\s+(?:{_ADJ}\s+){{0,3}}(?P<noun>{_NOUN})(?![\w-])"
)
_NOT_COUNTED = _words(
    "Uhr Mal Prozent Januar Februar März April Mai Juni Juli August September Oktober November "
    "Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Tausend Hundert Millionen "
    "Milliarden Million Milliarde Dutzend Drittel Viertel Der Die Das Den Dem Des Ein Eine Und Oder "
    "Aber"
)

# --- things that hold digits but are not amounts -------------------------------------------------
_PHONE = re.compile(
    r"(?:Tel\.?|Telefon|Fax|Hotline|Rufnummer|Notruf)[:\s]+[+\d(][\d\s/()-]{3,}\d"
    r"|\+\d{1,3}[\s\d/()-]{6,}\d"
    r"|(?<![\d.,])0\d{2,5}(?:(?:\s*/\s*|-|\s)\d{3,}(?:[\s-]\d{2,})*|\s*/\s*\d{2,}(?:[\s-]\d{2,})+"
    r"|(?:[\s-]\d{2,4}){2,})(?![\d.,]\d)"
)
#: Where a phone number can start (``Tel``, ``Telefon``, ``Fax``, ``Hotline``, ``Rufnummer``,
#: ``Notruf``, ``+``, ``0``): _PHONE is tried only there, like CORE at _TRIGGER.
_PHONE_TRIGGER = re.compile(r"[TFHRN+0]")


@dataclass
class _Hit:
    """A number core with its value(s) before the context around it is read."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    vague: bool = False
    is_word: bool = False
    unit: str | None = None


def _parse_numx(text: str) -> tuple[float | None, bool, bool]:
    """(value, had a scale word, written as a word) of one ``number [scale]`` piece."""
    m = _NUM_PARTS.match(text)
    if not m:
        return None, False, False
    raw = m.group("n")
    is_word = not raw[:1].isdigit()
    base = parse_digits(raw) if not is_word else parse_number_word(raw)
    if base is None:
        return None, False, is_word
    scale_text = (m.group("s") or "").split()
    factor = 1.0
    if scale_text:
        if scale_text[0].lower().startswith("halbe"):
            factor *= 0.5
        f = scale_factor(scale_text[-1])
        factor *= f if f is not None else 1.0
    return base * factor, bool(scale_text), is_word


def _parse_core(m: re.Match[str]) -> _Hit | None:
    start, end = m.start(), m.end()
    if m.group("vague"):
        return _Hit(start, end, None, vague=True, is_word=True)
    if m.group("fraction"):
        num_text, frac_word = m.group("fraction").rsplit(None, 1)
        n = parse_digits(num_text) if num_text[:1].isdigit() else parse_number_word(num_text)
        frac = fraction_value(frac_word)
        if n is None or frac is None:
            return None
        return _Hit(start, end, round(n * frac, 4), unit="Anteil")
    if m.group("between") or m.group("range"):
        body = m.group("between") or m.group("range")
        if body[:8].lower() == "zwischen":
            body = body[8:].lstrip()
        parts = list(_NUM_PARTS.finditer(body))
        if len(parts) != 2:
            return None
        (lo, lo_scaled, w1), (hi, hi_scaled, w2) = (_parse_numx(p.group(0)) for p in parts)
        if lo is None or hi is None:
            return None
        if hi_scaled and not lo_scaled:
            hs = parts[1].group("s").split()[-1]
            f = scale_factor(hs) or 1.0
            if lo * f <= hi:
                lo *= f
        if lo > hi:
            return None
        return _Hit(start, end, None, low=normalise_value(lo), high=normalise_value(hi), is_word=w1 and w2)
    value, scaled, is_word = _parse_numx(m.group("single"))
    if value is None:
        return None
    raw = m.group("single")
    if is_word and not scaled and raw.split()[0].lower() in ("ein", "eine", "eins", "und"):
        return None
    return _Hit(start, end, normalise_value(value), is_word=is_word and not scaled)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _prev_word(text: str, pos: int, floor: int) -> tuple[str, int]:
    m = _PREV_WORD.search(text, max(floor, pos - 40), pos)
    return (m.group("w"), m.start("w")) if m else ("", pos)


def _sentence_initial(text: str, pos: int, floor: int) -> bool:
    """Whether the word at ``pos`` opens a sentence (nothing or ``.!?:`` before it)."""
    before = text[max(floor, pos - 3) : pos].rstrip()
    return pos <= floor or not before or before[-1] in '.!?:"„“”»«\n'


def _is_identifier(text: str, hit: _Hit, floor: int, followed: bool) -> bool:
    """``Artikel 5``, ``Shenzhou 6``, ``§ 5``, ``der 3. Tag``, long digit strings."""
    raw = text[hit.start : hit.end]
    if raw.isdigit() and len(raw) >= 7:
        return True
    word, wstart = _prev_word(text, hit.start, floor)
    low = word.lower()
    if low in _ID_WORDS:
        return True
    after = text[hit.end : hit.end + 3]
    if after[:1] == "." and raw.isdigit() and len(raw) <= 3:
        # der 3. Tag, am 3. größten, (15.), 3./PP: an ordinal, not a sentence end
        if after[1:2] == " " and (low in _ORDINAL_DET or after[2:3].islower()):
            return True
        if after[1:2] in (")", "/", ",", ";"):
            return True
    if hit.is_word or followed or not word or not raw.isdigit():
        return False
    if word.isupper() and word.isalpha() and len(word) <= 5:
        return True  # ICE 1007, RE 5, A 7: a code before a number
    if (hit.value or 0) >= 1000:
        return False
    if not (any(c.isupper() for c in word) and word.replace("-", "").isalpha()):
        return False  # a name (Apollo, iPhone) before the number
    # a name before a small number names a thing (Apollo 11); a sentence-opening adverb does not
    return not (_sentence_initial(text, wstart, floor) and low in _OPENING_ADVERBS)


def _is_qualifier(text: str, p: re.Match[str], floor: int) -> bool:
    """``über``/``unter`` qualify a number only where no verb or noun governs them as a
    preposition: ``Über 800 Schüler``, ``auf über 70``, ``sind über 3000`` but not ``verfügt über
    480 Betten``, ``Kredite über 2,5 Millionen``."""
    if p.group("q").lower() not in ("über", "unter"):
        return True
    qs = p.start("q")
    if _sentence_initial(text, qs, floor) or text[max(floor, qs - 2) : qs].strip()[-1:] in (
        ",",
        "(",
        "–",
        "-",
    ):
        return True
    word, _ = _prev_word(text, qs, floor)
    return word.lower() in _BEFORE_UEBER


def _read_after(text: str, hit: _Hit, limit: int) -> tuple[str | None, str | None, int]:
    """(unit, counted noun, end) after the core."""
    pos = hit.end
    unit = hit.unit
    if unit is None:
        u = _UNIT_RE.match(text, pos, limit)
        if u:
            unit = _UNITS[u.group("sym") or u.group("word")]
            pos = u.end()
    counted = None
    if unit is None or unit in _SHARE_UNITS or hit.vague:
        g = _GENITIVE_RE.match(text, pos, limit)
        if g and (unit is not None or hit.vague):
            return unit, g.group("noun"), g.end()  # a genitive plural is its own base form
    if unit is None or unit in _MASS_UNITS:
        c = _COUNTED_RE.match(text, pos, limit)
        if c and c.group("noun") not in _NOT_COUNTED and not is_vague_word(c.group("noun")):
            counted = base_form(c.group("noun"))
            pos = c.end()
    return unit, counted, pos


def triggered(
    pattern: re.Pattern[str], trigger: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` would find, trying it only where ``trigger``
    matches (a cheap regex for the characters a match can start with)."""
    last = start
    match = pattern.match
    for t in trigger.finditer(text, start, end):
        pos = t.start()
        if pos < last:
            continue
        m = match(text, pos, end)
        if m:
            last = m.end()
            yield m


def _scan(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What ``CORE.finditer`` would find."""
    return triggered(CORE, _TRIGGER, text, start, end)


def phone_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """What ``_PHONE.finditer(text, start, end)`` would find, as (start, end) spans."""
    return [m.span() for m in triggered(_PHONE, _PHONE_TRIGGER, text, start, end)]


def find_amounts(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[Amount]:
    """All amounts in ``text[start:end]``, skipping the ``blocked`` spans (dates, phones)."""
    found: list[Amount] = []
    for m in _scan(text, start, end):
        if _overlaps(m.start(), m.end(), blocked):
            continue
        hit = _parse_core(m)
        if hit is None:
            continue
        unit, counted, span_end = _read_after(text, hit, end)
        if unit is None:
            cur = _CURRENCY_BEFORE.search(text, max(start, hit.start - 6), hit.start)
            if cur:
                unit = _UNITS.get(cur.group("sym").replace("US-", ""), "Dollar")
        followed = unit is not None or counted is not None
        if hit.vague and not followed and text[hit.start : hit.end] in ("Millionen", "Milliarden"):
            continue  # "geht in die Milliarden": a magnitude, not a counted amount
        n_of_m = _N_OF_M.match(text, hit.end, end) is not None
        if hit.is_word and not followed and not n_of_m and hit.value is not None and hit.value < 1000:
            continue
        if _is_identifier(text, hit, start, followed):
            continue
        span_start, qualifier = hit.start, None
        neg = _MINUS.search(text, max(start, hit.start - 8), hit.start)
        if neg:
            span_start = neg.start()
            hit.value, hit.low, hit.high = (None if v is None else -v for v in (hit.value, hit.low, hit.high))
            if hit.low is not None and hit.high is not None:
                hit.low, hit.high = hit.high, hit.low
        p = _PREFIX.search(text, max(start, span_start - 20), span_start)
        if p and _is_qualifier(text, p, start):
            span_start, qualifier = p.start("q"), _QUALIFIERS[p.group("q").lower()]
        if hit.vague:
            qualifier = qualifier or "vague"
        found.append(
            Amount(
                start=span_start,
                end=span_end,
                text=text[span_start:span_end],
                value=hit.value,
                unit=unit,
                counted=counted,
                approximate=qualifier is not None,
                low=hit.low,
                high=hit.high,
                qualifier=qualifier,
            )
        )
    return found


def find_all(
    text: str, ranges: list[tuple[int, int]], anchor: Anchor
) -> tuple[list[Amount], list[TimeExpression]]:
    """Amounts and time expressions of the given character ranges of ``text``."""
    amounts: list[Amount] = []
    times: list[TimeExpression] = []
    for start, end in ranges:
        matches = find_times(text, start, end, anchor)
        blocked = [(t.start, t.end) for t in matches]
        blocked += phone_spans(text, start, end)
        times.extend(t.expr for t in matches if t.expr is not None)
        amounts.extend(find_amounts(text, start, end, blocked))
    return amounts, times


def _sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character ranges of ``doc.sents`` (the whole text when the doc has no sentences).

    Read from one array instead of ``doc.sents``: each ``Span.start_char`` builds a Python
    token, which cost more than finding the amounts. Same bounds as ``doc.sents``: a sentence
    starts at token 0 and at every token whose ``SENT_START`` is 1, and ends where its last
    token's text ends.
    """
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return [(0, len(text))]
    if "sents" in doc.user_hooks:  # a user pipeline's own sentence rule: ask spaCy
        return [(s.start_char, s.end_char) for s in doc.sents]
    table = doc.to_array([SENT_START, IDX, LENGTH])
    cuts = (numpy.flatnonzero(table[1:, 0] == 1) + 1).tolist()
    idx = table[:, 1].tolist()
    ends = (table[:, 1] + table[:, 2]).tolist()
    return [(idx[a], ends[b - 1]) for a, b in zip([0, *cuts], [*cuts, len(doc)], strict=True)]


def link_roles(doc: Doc, amounts: list[Amount], text: str | None = None) -> None:
    """Fill actor/origin/destination/location from the entities the entity component found.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds that string on every access).
    """
    mentions = index_mentions(doc._.wl_entities)
    if not mentions or not amounts:
        return
    text = doc_text(doc) if text is None else text
    starts = [m.start for m in mentions]
    sents = _sentences(doc, text)
    si = 0
    for amount in amounts:
        while si + 1 < len(sents) and sents[si][1] <= amount.start:
            si += 1
        sent = sents[si]
        others = [a for a in amounts if a.start < sent[1] and a.end > sent[0]]
        window = clause_window(text, sent, amount, others)
        assign_roles(text, amount, mentions, window, starts)


class AmountsComponent:
    """Fills ``doc._.wl_amounts`` and ``doc._.wl_times`` from the prose zones of the doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        anchor = Anchor.parse(doc._.wl_article_date)
        text = doc_text(doc)
        amounts, times = find_all(text, zone_ranges(doc, PROSE_ZONES), anchor)
        amounts.sort(key=lambda a: a.start)
        times.sort(key=lambda t: t.start)
        link_roles(doc, amounts, text)
        doc._.wl_amounts = amounts
        doc._.wl_times = times
        return doc


@Language.factory(
    "wortlaut_amounts_v1",
    default_config={},
    assigns=["doc._.wl_amounts", "doc._.wl_times"],
    requires=["doc._.wl_entities"],
)
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    return AmountsComponent(nlp, name)
