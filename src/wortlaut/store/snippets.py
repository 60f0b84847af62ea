"""Highlighted snippets: finding query hits in the original text, not in the analyzed copy.

The index holds analyzed terms only, so hits are found again here by analyzing the original
tokens with the same analyzer and comparing them with the parsed query. The result is a
:class:`~wortlaut.store.base.Snippet` of plain segments; renderers escape them themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .base import Snippet
from .german import TOKEN_RE, analyze_token, fold
from .query import ParsedQuery, PhraseTerm

#: Only this much of a very long text is searched for a snippet.
_MAX_SCAN = 100_000
ELLIPSIS = "…"


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _find_tokens(text: str, spellings: set[str]) -> list[tuple[int, int]]:
    """Where whole tokens with one of these spellings stand (``str.find`` per spelling: a
    handful of spellings is far cheaper to look for than to compile into a pattern)."""
    found = []
    for word in spellings:
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            before_ok = pos == 0 or not _is_word_char(text[pos - 1])
            after = text[end : end + 2]
            after_ok = not after or not (
                _is_word_char(after[0]) or (after[0] in ".," and len(after) > 1 and after[1].isdigit())
            )
            if before_ok and after_ok:
                found.append((pos, end))
            pos = text.find(word, end)
    return found


def _matches(term: str, word: str, is_prefix: bool) -> bool:
    return term.startswith(word) if is_prefix else term == word


def _phrase_end(text: str, pos: int, rest: tuple[PhraseTerm, ...]) -> int | None:
    """Where a phrase ends when its remaining words follow ``pos``, else None."""
    for word, is_prefix in rest:
        m = TOKEN_RE.search(text, pos)
        if m is None or not _matches(analyze_token(m.group()), word, is_prefix):
            return None
        pos = m.end()
    return pos


def _letter_variants() -> dict[str, str]:
    """Every Latin letter that the analyzer folds to a, b, c, …: ``{"a": "aàáâä…", …}``."""
    variants: dict[str, set[str]] = {}
    for code in range(0x41, 0x250):
        ch = chr(code)
        folded = fold(ch)
        if len(folded) == 1 and folded.isalpha() and folded.isascii():
            variants.setdefault(folded, set()).update((ch, folded))
    return {base: "".join(sorted(chars)) for base, chars in variants.items()}


_VARIANTS = _letter_variants()
#: How many leading letters of a term the candidate pattern spells out.
_LEAD = 3


def _lead_pattern(term: str) -> str:
    """A pattern for how a word whose term starts like ``term`` may begin when written.

    A term is the written word case-folded, stemmed and folded (``Grüße`` → ``gruss``), and
    stemming only cuts endings, so the word begins with the term's first letters, each written
    as any letter that folds to it, a/o/u also as ae/oe/ue, and ss also as ß."""
    out, i = [], 0
    lead = term[:_LEAD]
    while i < len(lead):
        if lead.startswith("ss", i):
            out.append("(?:ss|ß)")
            i += 2
            continue
        ch = lead[i]
        chars = "[" + re.escape(_VARIANTS.get(ch, ch) + ("ß" if ch == "s" else "")) + "]"
        out.append(f"(?:{ch}e|{chars})" if ch in "aou" else chars)
        i += 1
    return "".join(out)


@lru_cache(maxsize=256)
def _candidate_re(leads: frozenset[str]) -> re.Pattern[str] | None:
    """Whole tokens that may analyze to one of these terms, or None to read every token
    (numbers and anything unusual: there the tokenizer's own rules decide)."""
    if not leads or any(not t.isalpha() or not t.isascii() for t in leads):
        return None
    body = "|".join(sorted(_lead_pattern(t) for t in leads))
    return re.compile(rf"(?<![^\W_])(?:{body})[^\W_]*", re.IGNORECASE)


def _spellings(text: str, query: ParsedQuery) -> set[str]:
    """The distinct written tokens of ``text`` that could be hits: only those that begin like
    a query term when a pattern can say so (far fewer to analyze than every token)."""
    leads = frozenset([*query.terms, *query.prefixes, *(phrase[0][0] for phrase in query.phrases)])
    pattern = _candidate_re(leads)
    return set((pattern or TOKEN_RE).findall(text))


def hit_spans(text: str, query: ParsedQuery | None) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that the query matches (terms, prefixes, whole phrases).

    Each candidate spelling in the text is analyzed once (cached); the spellings that match are
    then located with ``str.find``, which keeps long articles fast."""
    if query is None:
        return []
    text = text[:_MAX_SCAN]
    spellings = _spellings(text, query)
    prefixes = tuple(query.prefixes)
    single = {
        w
        for w in spellings
        if (t := analyze_token(w)) in query.terms or (prefixes and t.startswith(prefixes))
    }
    spans: list[tuple[int, int]] = []
    if single:
        spans.extend(_find_tokens(text, single))
    for phrase in query.phrases:
        word, is_prefix = phrase[0]
        first = {w for w in spellings if _matches(analyze_token(w), word, is_prefix)}
        if not first:
            continue
        for start, first_end in _find_tokens(text, first):
            end = _phrase_end(text, first_end, phrase[1:])
            if end is not None:
                spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def segments(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> Snippet:
    """``text[start:end]`` cut into plain and highlighted segments, with ellipses at cuts."""
    out: list[tuple[str, bool]] = []
    if start > 0:
        out.append((ELLIPSIS, False))
    pos = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < end:
        out.append((text[pos:end], False))
    if end < len(text):
        out.append((ELLIPSIS, False))
    return Snippet(_merge(out))


def _merge(parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    merged: list[tuple[str, bool]] = []
    for t, h in parts:
        if merged and merged[-1][1] == h:
            merged[-1] = (merged[-1][0] + t, h)
        elif t:
            merged.append((t, h))
    return merged


def _clip(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a window to whole words, and squeeze out leading and trailing whitespace."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _chunks(text: str, size: int) -> list[tuple[int, int]]:
    """Overlapping slices of about ``size`` characters, cut at whitespace."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            end = cut if cut > 0 else end
        out.append((start, end))
        if end >= len(text):
            break
        start = max(start + 1, end - 200)
    return out


def snippet(text: str, query: ParsedQuery | None, width: int = 240, chunk: int = 6000) -> Snippet:
    """A window of about ``width`` characters around the densest cluster of the first hits.

    The text is searched a slice at a time and the search stops at the first slice with a hit,
    so long articles cost little when the query is found early (the common case)."""
    text = text or ""
    spans: list[tuple[int, int]] = []
    if query is not None:
        for a, b in _chunks(text, chunk):
            spans = [(a + s, a + e) for s, e in hit_spans(text[a:b], query)]
            if spans:
                break
    if not spans:
        start, end = _clip(text, 0, min(len(text), width))
        return segments(text, start, end, [])
    best, best_count = spans[0][0], 0
    j = 0
    for i, (s, _) in enumerate(spans):
        while spans[j][0] < s - width // 2:
            j += 1
        count = i - j + 1
        if count > best_count:
            best, best_count = spans[j][0], count
    start = max(0, best - width // 5)
    end = min(len(text), start + width)
    start, end = _clip(text, start, end)
    return segments(text, start, end, spans)


def span_snippet(text: str, start: int, end: int, context: int = 90) -> Snippet:
    """The text around one span (an amount), with the span highlighted."""
    a, b = _clip(text, max(0, start - context), min(len(text), end + context))
    return segments(text, a, b, [(start, end)])
