"""The German analyzer: the one function that turns words into index terms.

Python's ``sqlite3`` cannot register FTS5 tokenizers, so the store indexes an *analyzed copy* of
each text: every original token becomes exactly one term (phrase queries keep their positions),
and queries are analyzed by the same code. A term is the token

1. case-folded (``ß`` becomes ``ss`` here),
2. stemmed by Snowball German (PyStemmer), which also reads ``ae``/``oe``/``ue`` as umlauts
   and removes umlauts from the stem, so ``Grüße``, ``Gruesse`` and ``grüssen`` all give ``gruss``,
3. folded once more: any umlaut the stemmer left becomes its base vowel, other accents are
   dropped (``café`` → ``cafe``).

Numbers keep their digits as one term (``100.000`` → ``100000``, ``3,5`` → ``3_5``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import Stemmer

#: A token: a number with thousands/decimal separators, or a run of letters and digits.
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+")

#: The FTS5 tokenizer for analyzed text: terms are already lower case and folded, so it only
#: splits on spaces; ``_`` must stay inside a term (``3_5``).
FTS_TOKENIZE = "unicode61 remove_diacritics 0 tokenchars '_'"

_STEMMER = Stemmer.Stemmer("german")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def _strip_accents(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _number_term(token: str) -> str:
    """``100.000`` → ``100000``; ``3,5`` → ``3_5`` (German decimal comma)."""
    if "," in token:
        whole, _, frac = token.rpartition(",")
        return whole.replace(".", "").replace(",", "") + "_" + frac
    return token.replace(".", "")


@lru_cache(maxsize=262_144)
def analyze_token(token: str) -> str:
    """The index term of one token (see the module docstring); cached: news repeats words."""
    if token[0].isdigit() and ("." in token or "," in token):
        return _number_term(token)
    return _strip_accents(_STEMMER.stemWord(token.casefold()))


def fold(word: str) -> str:
    """Case- and umlaut-folding without stemming (for prefixes and exact keys)."""
    return _strip_accents(word.casefold())


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, token) of every token of ``text``, in order."""
    for m in TOKEN_RE.finditer(text):
        yield m.start(), m.end(), m.group()


def analyze(text: str) -> list[str]:
    """The terms of ``text``, one per token, in order."""
    return [analyze_token(t) for t in TOKEN_RE.findall(text)]


def analyzed_text(text: str | None) -> str:
    """What the full-text index stores for ``text``: its terms joined by spaces."""
    if not text:
        return ""
    return " ".join(analyze(text))


def analyze_prefix(token: str) -> tuple[list[str], list[str]]:
    """What a user's ``token*`` matches in the index: (term prefixes, exact terms).

    Words that start with the prefix have terms that start with the folded prefix
    (``flug*`` → ``flugverbotszon``), unless stemming made their term *shorter* than the prefix
    (``Flugverbotszonen*`` must find ``flugverbotszon``): those terms are prefixes of the folded
    prefix at least as long as its stem, and are matched exactly. The stem itself is always one
    of them (``Gruesse*`` → ``gruss``). Matching the stem as a prefix instead would widen
    ``gere*`` to every ``ger…``."""
    if not token:
        return [], []
    stem = analyze_token(token)
    if token[0].isdigit():
        return [stem], []
    folded = fold(token)
    exact = {stem}
    if folded.startswith(stem):
        exact.update(folded[:k] for k in range(len(stem), len(folded)))
    return [folded], sorted(exact - {folded})
