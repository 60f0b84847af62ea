"""Roles and titles that news attach to people, found next to a person's mention.

Three patterns cover most German news usage (Europe Media Monitor builds its people profiles the
same way):

- title directly before the name: ``NATO-Generalsekretär Jens Stoltenberg``,
  ``des russischen Präsidenten Wladimir Putin`` (→ ``Präsident``);
- title with its complement, then a comma and the name: ``die US-amerikanische Botschafterin bei
  der NATO, Julianne Smith`` (→ ``Botschafterin bei der NATO``);
- name, comma, title: ``Michael Peters, CEO von Euronews`` (→ ``CEO von Euronews``).

Adjectives before the title (``US-amerikanische``) are left out: the title is what the person is,
their country is linked separately.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..contract import RoleMention
from .ner_lexicon import role_stem

COMPLEMENT_START: frozenset[str] = frozenset(
    {"bei", "von", "vom", "der", "des", "für", "im", "in", "am", "an", "beim", "zum", "zur"}
)
ARTICLES: frozenset[str] = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer"})
MAX_COMPLEMENT = 5


def base_title(word: str) -> str:
    """``Präsidenten`` → ``Präsident``: weak masculine and genitive endings removed; feminine kept."""
    stem = role_stem(word)
    if stem is None:
        return word
    low = word.lower()
    idx = low.rfind(stem)
    rest = low[idx + len(stem) :]
    if rest in ("en", "n", "s", "es") and not low.endswith("innen"):
        return word[: idx + len(stem)]
    return word


def _is_title(tok_text: str) -> bool:
    return tok_text[:1].isupper() and role_stem(tok_text) is not None


def roles_for(doc: Doc, start: int, end: int, text: str | None = None) -> list[RoleMention]:
    """Roles seen around the person mention ``doc[start:end]`` (token indices); ``text`` is
    ``doc.text`` when the caller has it (spaCy rebuilds it on every access)."""
    text = doc.text if text is None else text
    found: list[RoleMention] = []
    if start > 0 and _is_title(doc[start - 1].text):
        tok = doc[start - 1]
        found.append(RoleMention(base_title(tok.text), tok.idx, tok.idx + len(tok.text)))
    elif start > 1 and doc[start - 1].text == ",":
        # title + complement + comma + name
        comma = start - 1
        for j in range(comma - 1, max(comma - 1 - MAX_COMPLEMENT, -1), -1):
            if _is_title(doc[j].text):
                between = doc[j + 1 : comma]
                if len(between) == 0 or between[0].lower_ in COMPLEMENT_START:
                    first, last = doc[j], doc[comma - 1]
                    title = (
                        base_title(first.text) + text[first.idx + len(first.text) : last.idx + len(last.text)]
                    )
                    found.append(RoleMention(title, first.idx, last.idx + len(last.text)))
                break
            if doc[j].is_punct:
                break
    if end < len(doc) - 1 and doc[end].text == ",":
        j = end + 1
        if j < len(doc) and doc[j].lower_ in ARTICLES:
            j += 1
        if j < len(doc) and _is_title(doc[j].text):
            k = j + 1
            while k < len(doc) and k - j <= MAX_COMPLEMENT and not doc[k].is_punct:
                if k == j + 1 and doc[k].lower_ not in COMPLEMENT_START:
                    break
                k += 1
            first, last = doc[j], doc[k - 1]
            title = base_title(first.text) + text[first.idx + len(first.text) : last.idx + len(last.text)]
            found.append(RoleMention(title, first.idx, last.idx + len(last.text)))
    return found
