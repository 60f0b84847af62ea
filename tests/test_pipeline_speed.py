"""The shortcuts taken for speed give exactly what the slow, obvious code gives.

Speed itself is measured by ``bench/extract.py``; these tests only pin down that each faster
path (sliced ``visible_text``, kept ``doc.text``, sentence bounds from one array, the phone
pre-filter) agrees with the straightforward version it replaced.
"""

from __future__ import annotations

import random
import re

import spacy
from spacy.tokens import Doc

from wortlaut.article import NAME_ZONES, Article, ZoneSpan
from wortlaut.extract import make_doc, visible_text
from wortlaut.nlp.amounts import _PHONE, _sentences, phone_spans
from wortlaut.nlp.extensions import doc_length, doc_text, in_zones, zone_ranges

ZONES = ("header", "lead", "byline", "section_title", "body", "boilerplate")


def visible_text_per_char(article: Article) -> str:
    """The character-by-character definition ``visible_text`` must keep."""
    if not article.zones:
        return article.text
    keep = [False] * len(article.text)
    for z in article.zones:
        if z.zone in NAME_ZONES:
            for i in range(z.start, z.end):
                keep[i] = True
    return "".join(ch if keep[i] or ch.isspace() else " " for i, ch in enumerate(article.text))


def test_visible_text_matches_per_character_definition() -> None:
    rng = random.Random(7)
    alphabet = "ab .„“ü\n\t\u00a0\u2003\u200b\x1c\x85"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        zones = []
        for _ in range(rng.randint(0, 4)):
            a = rng.randint(0, len(text))
            zones.append(ZoneSpan(a, rng.randint(a, len(text)), rng.choice(ZONES)))  # type: ignore[arg-type]
        article = Article(id="x", text=text, zones=zones)
        assert visible_text(article) == visible_text_per_char(article), (text, zones)


def test_visible_text_blanks_header_keeps_layout() -> None:
    text = "Kopfzeile\nAm Montag sagte Anna Berg, es sei gut.\n\nFoto: dpa"
    zones = [ZoneSpan(0, 9, "header"), ZoneSpan(10, 48, "body"), ZoneSpan(50, 59, "boilerplate")]
    out = visible_text(Article(id="x", text=text, zones=zones))
    assert out == " " * 9 + text[9:]
    assert len(out) == len(text)


def test_white_space_class_agrees_with_isspace() -> None:
    # visible_text relies on regex \S being exactly "not str.isspace()"
    for cp in (0x09, 0x0A, 0x1C, 0x1F, 0x20, 0x85, 0xA0, 0x200B, 0x2003, 0x2028, 0x3000, 0xFEFF):
        assert (re.fullmatch(r"\S", chr(cp)) is None) == chr(cp).isspace(), hex(cp)


def test_make_doc_keeps_text_and_doc_text_caches() -> None:
    nlp = spacy.blank("de")
    article = Article(id="x", text="Er sagte: „Wir kommen.“  Dann  ging er.\n")
    doc = make_doc(nlp, article)
    assert doc._.wl_text == doc.text == article.text
    other = nlp("Ein anderer Text , mit Leerzeichen. ")
    assert other._.wl_text is None
    assert doc_text(other) == other.text
    assert other._.wl_text == other.text


def test_doc_length_and_zone_ranges_without_zones() -> None:
    nlp = spacy.blank("de")
    for text in ("", "  ", "Ein Satz.", "Zwei  Leer  zeichen \n\n Ende ", "x"):
        doc = nlp.make_doc(text)
        assert doc_length(doc) == len(doc.text) == len(text)
        assert zone_ranges(doc, NAME_ZONES) == [(0, len(text))]


def test_in_zones() -> None:
    ranges = [(0, 5), (10, 20)]
    assert in_zones(0, 5, ranges)
    assert in_zones(12, 20, ranges)
    assert not in_zones(4, 11, ranges)
    assert not in_zones(0, 1, [])


def test_sentences_match_doc_sents() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    texts = [
        "Er kam. Sie ging!  Dann war Ruhe?\n\nNeuer Absatz: 3.000 Menschen.",
        "Nur ein Satz ohne Punkt",
        " Vorne Leerzeichen. Hinten auch. ",
        "A.",
    ]
    for text in texts:
        doc = nlp(text)
        assert _sentences(doc, text) == [(s.start_char, s.end_char) for s in doc.sents]
    words = ["Eins", ".", "Zwei", "Drei", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True, False, True, False, False])
    assert _sentences(doc, doc.text) == [(s.start_char, s.end_char) for s in doc.sents]
    plain = spacy.blank("de").make_doc("Kein Satzende hier. Und dort.")
    assert _sentences(plain, plain.text) == [(0, len(plain.text))]


def test_phone_prefilter_finds_what_finditer_finds() -> None:
    rng = random.Random(3)
    pieces = ["Tel. ", "Telefon: ", "Fax ", "Hotline ", "Notruf ", "+49 ", "0", "030", "/", "-", " ", "12", "345",
              "6789", ".", ",", "a", "N", "T", "(0)", "R"]  # fmt: skip
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        want = [m.span() for m in _PHONE.finditer(text, start, end)]
        assert phone_spans(text, start, end) == want, (text, start, end)


def test_token_tables_match_token_objects() -> None:
    """Token texts sliced from the doc text equal spaCy's own, with and without a kept text."""
    from wortlaut.nlp.entities import Tokens
    from wortlaut.nlp.quotes import token_table

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    text = "„Wir  kommen“, sagte Jörg Müller-Lüdenscheidt.\n\n\tDie Zahl: 3.000 €!  Ende…"
    article = Article(id="t", text=text)
    for doc in (nlp(text), nlp(make_doc(nlp, article))):  # a user's doc (no kept text) and ours
        words, spaces, starts, ends = token_table(doc)
        assert words == [t.text for t in doc]
        assert spaces == [bool(t.whitespace_) for t in doc]
        assert starts == [t.idx for t in doc]
        assert ends == [t.idx + len(t.text) for t in doc]
        toks = Tokens(doc)
        assert toks.text == [t.text for t in doc]
        assert toks.doc_text == doc.text
        assert toks.idx == [t.idx for t in doc]
        assert toks.space == [t.is_space for t in doc]
    assert token_table(nlp("")) == ([], [], [], [])


def test_long_lived_caches_drop_out_of_the_garbage_collector() -> None:
    """The gazetteer and the per-word feature caches live for the whole process: kept as plain
    tuples of atoms, a collection or two untrack them, so full collections stop walking them."""
    import gc

    from wortlaut.nlp.ner_features import FeatureCache
    from wortlaut.nlp.quote_features import Lexicons, static
    from wortlaut.resolve import geo

    gaz = geo.gazetteer()
    views = FeatureCache().view("Stoltenberg")
    st = static("Stoltenberg", "stoltenberg", Lexicons())
    gc.collect()  # the inner tuples go first, the tuple holding them on the next pass
    gc.collect()
    assert not gc.is_tracked(gaz.cities)
    assert not any(gc.is_tracked(rows) for rows in list(gaz.cities.values())[:1000])
    assert not gc.is_tracked(views) and not gc.is_tracked(st)
    assert geo.resolve("Paris") == geo.Place(2988507, "Paris", "FR", 48.85341, 2.3488, 2138551, "PPLC")
