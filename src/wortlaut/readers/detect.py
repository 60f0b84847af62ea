"""Sniffing what an input is: its format, its text encoding and its language.

Why here and not in each reader: every reader meets the same questions (is this binary? which
encoding? is it German?) and the answers must be the same whichever format carried the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from ..article import Article
from ..errors import EncodingError, NotGermanError, OversizedArticleError
from .base import ReadOptions

Format = Literal["seed", "text", "jsonl", "json", "html", "feed", "warc", "wikinews"]

#: Encodings we accept from detection for German text; anything else is re-decided among these.
GERMAN_ENCODINGS: tuple[str, ...] = ("utf_8", "cp1252", "latin_1", "iso8859_15")

_SEED_HEADER = re.compile(r"^\s*date \d{4}-\d{2} .+ Stand: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} Uhr\s*$", re.M)

_EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}


def format_from_name(name: str) -> Format | None:
    """The format an extension promises (``.warc.gz`` and ``.xml.bz2`` count as one extension)."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if lower.endswith(".xml.bz2") or lower.endswith(".bz2"):
        return "wikinews"
    if lower.endswith(".xml"):
        return None  # a feed or a Wikinews dump: the content decides
    return _EXTENSIONS.get(Path(lower).suffix)


def format_from_content(head: bytes) -> Format | None:
    """The format the first bytes show, or None when they show nothing we read."""
    if head.startswith(b"BZh"):
        return "wikinews"
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return "warc"  # gzip: WARC is the only gzip input we read; the reader says so if it isn't
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"{"):
        return "jsonl"
    if b"<mediawiki" in text[:2000]:
        return "wikinews"
    if text.startswith(b"<?xml") or text.startswith(b"<rss") or text.startswith(b"<feed"):
        if b"<rss" in text or b"<feed" in text or b"<rdf:rdf" in text:
            return "feed"
        if b"<html" in text:
            return "html"
        return None
    if text.startswith(b"<!doctype html") or text.startswith(b"<html") or b"<body" in text[:4000]:
        return "html"
    if looks_binary(head):
        return None
    return "text"


def is_seed_text(text: str) -> bool:
    """Whether the text starts with the seed's ``date YYYY-MM … Stand: … Uhr`` header line."""
    first = text.lstrip().split("\n", 1)[0]
    return bool(_SEED_HEADER.match(first))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, an archive, an office file …"""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``.

    UTF-8 is tried first (it almost never decodes other encodings by accident); then
    charset-normalizer guesses, and a guess outside the encodings German news actually uses is
    re-decided among them (short texts fool detectors into Central European code pages).
    """
    if looks_binary(data):
        raise EncodingError(
            "this is a binary file, not text",
            where=where,
            hint="pass text, JSONL, HTML, a feed, a WARC file or a Wikinews dump",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding in GERMAN_ENCODINGS:
        return str(best), best.encoding
    narrowed = from_bytes(data, cp_isolation=list(GERMAN_ENCODINGS)).best()
    if narrowed is not None:
        return str(narrowed), narrowed.encoding
    # cp1252 leaves five bytes undefined; latin-1 decodes every byte.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin_1"), "latin_1"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


#: Below this many letters a language guess is too unreliable to refuse an article on.
MIN_LETTERS_FOR_LANGUAGE = 60
#: A non-German guess must be at least this sure before an article is skipped.
MIN_CONFIDENCE = 0.8


def language_of(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` from the first few thousand characters."""
    lang, prob = _identifier().classify(text[:3000])
    return str(lang), float(prob)


#: Frequent German function words. In German news they make up many of the words (10kGNAD test:
#: minimum 14 %, median 26 %); in English, Dutch or Danish text almost none of them occur.
_GERMAN_FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "und",
        "nicht",
        "ist",
        "das",
        "mit",
        "sich",
        "auf",
        "für",
        "ein",
        "eine",
        "den",
        "dem",
        "zu",
        "von",
        "im",
        "wird",
        "auch",
        "werden",
        "des",
        "sie",
        "es",
        "ich",
        "wir",
        "nach",
        "bei",
        "aus",
        "noch",
        "über",
        "einer",
        "wie",
    ]
)
_WORD = re.compile(r"\w+")
#: Share of function words above which a text is German without asking the (slower) classifier.
GERMAN_FUNCTION_WORD_SHARE = 0.12


def clearly_german(text: str) -> bool:
    """A fast first look (≈15× faster than the classifier): many German function words."""
    words = _WORD.findall(text[:1500].lower())
    if len(words) < 20:
        return False
    share = sum(1 for w in words if w in _GERMAN_FUNCTION_WORDS) / len(words)
    return share >= GERMAN_FUNCTION_WORD_SHARE


_NON_LETTERS = re.compile(r"[\W\d_]+")


def letter_count(text: str) -> int:
    """Letters among the first 3000 characters (what the language guess gets to see)."""
    return len(_NON_LETTERS.sub("", text[:3000]))


def check_german(text: str, where: str) -> str:
    """Return ``"de"`` (or the best guess for short texts) or raise :class:`NotGermanError`."""
    if clearly_german(text) or letter_count(text) < MIN_LETTERS_FOR_LANGUAGE:
        return "de"
    lang, prob = language_of(text)
    if lang != "de" and prob >= MIN_CONFIDENCE:
        raise NotGermanError(
            f"skipped: the text is in another language ({lang!r}, p={prob:.2f}), not German",
            where=where,
            hint="Wortlaut's extractors read German news; pass --any-language to keep it anyway",
        )
    return "de"


def set_language(article: Article, where: str, options: ReadOptions) -> None:
    """Record the article's language; refuse non-German text unless the options allow it."""
    if options.require_german:
        article.language = check_german(article.text, where)
        return
    if clearly_german(article.text):
        article.language = "de"
    elif letter_count(article.text) < MIN_LETTERS_FOR_LANGUAGE:
        article.language = None
    else:
        article.language = language_of(article.text)[0]


def decode_declared(data: bytes, charset: str | None, where: str) -> str:
    """Decode with the charset a server or WARC record declared, else detect it."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration is common; detection decides
    return decode(data, where)[0]


def check_file_size(path: Path, options: ReadOptions, bytes_per_char: int, hint: str) -> None:
    """Refuse a file too large to hold an article within ``options.max_chars`` before reading it.

    ``bytes_per_char`` allows for the encoding and, for markup, for what is not text."""
    size = path.stat().st_size
    if size > options.max_chars * bytes_per_char:
        raise OversizedArticleError(
            f"the file has {size:,} bytes, more than the limit of {options.max_chars:,} characters allows",
            where=str(path),
            hint=hint,
        )
