"""The medium of a quotation (speech, writing, thought or a mix) read off its cue words.

The Wikinews quotation data labels each quote's medium; most of the signal sits in the cue
(``schrieb`` → writing, ``sagte`` → speech, ``laut Pressemitteilung`` → writing). Training
learns a small table word → medium from the cue spans of the train split
(``training/train_quotes.py --medium-only``), kept in ``lexicons.json`` under ``medium_cues``;
the component looks the cue's words up in it. Without a telling word the quote stays
``speech``, the commonest medium. See docs/quotes.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: dataset medium label -> contract value (``none``: the annotators saw no medium)
MEDIUM_LABELS: dict[str, str | None] = {
    "Speech": "speech",
    "Writing": "writing",
    "Thought": "thought",
    "SW": "speech_writing",
    "ST": "speech_thought",
    "TW": "thought_writing",
    "none": None,
}
DEFAULT_MEDIUM = "speech"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class MediumCue:
    """What a cue word says about the medium, and how sure the training data is of it."""

    medium: str
    share: float
    count: int


def cue_words(text: str) -> list[str]:
    """Lower-case words of a cue text (punctuation dropped)."""
    return [w.lower() for w in _WORD.findall(text)]


def learn_medium_cues(
    cues: Iterable[tuple[str, str]], min_count: int = 3, min_share: float = 0.6
) -> dict[str, MediumCue]:
    """Word → medium from (cue text, dataset medium label) pairs: a word is kept when it occurs
    in at least ``min_count`` cues with a known medium and one medium has ``min_share`` of them
    (a clear majority); a word that occurs twice in one cue counts once."""
    counts: dict[str, Counter[str]] = {}
    for text, label in cues:
        medium = MEDIUM_LABELS.get(label)
        if medium is None:
            continue
        for w in set(cue_words(text)):
            counts.setdefault(w, Counter())[medium] += 1
    table: dict[str, MediumCue] = {}
    for w, c in counts.items():
        total = sum(c.values())
        medium, top = c.most_common(1)[0]
        if total >= min_count and top / total >= min_share:
            table[w] = MediumCue(medium, round(top / total, 3), total)
    return table


def medium_of(cue_text: str | None, table: Mapping[str, MediumCue]) -> str:
    """The medium the cue's most telling known word points to (highest share, then most
    support); ``speech`` when no word of the cue is in the table or there is no cue."""
    best: MediumCue | None = None
    for w in cue_words(cue_text or ""):
        entry = table.get(w)
        if entry is not None and (best is None or (entry.share, entry.count) > (best.share, best.count)):
            best = entry
    return best.medium if best is not None else DEFAULT_MEDIUM


def table_to_json(table: Mapping[str, MediumCue]) -> dict[str, list[object]]:
    """The table as ``lexicons.json`` keeps it: word -> [medium, share, count], sorted."""
    return {w: [e.medium, e.share, e.count] for w, e in sorted(table.items())}


def table_from_json(data: Mapping[str, list[object]] | None) -> dict[str, MediumCue]:
    """The table read back (an older ``lexicons.json`` without the key: an empty table)."""
    out: dict[str, MediumCue] = {}
    for w, (medium, share, count) in (data or {}).items():
        out[w] = MediumCue(str(medium), float(str(share)), int(str(count)))
    return out
