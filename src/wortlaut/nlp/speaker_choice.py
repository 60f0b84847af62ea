"""A learned chooser among the speaker candidates of a quote.

The assembly rules (:mod:`quote_assemble`) pick one speaker among the role tagger's speaker
chunks of a quote's sentence, or, when it tagged none, among the persons, organisations and
subject pronouns there, by a fixed preference (subject before oblique phrase, person before
common noun, nearest first). Each rule is right in most cases and wrong in some; which of them
should win depends on several facts at once. This module scores every candidate with a small
log-linear model (a softmax over the candidates of one quote) on a few facts about it — where it
comes from, whether the rules picked it, its position, the cue next to it, its form — and takes
the best. The rules' pick is a feature, so the model keeps it unless the other facts speak
clearly against it.

The weights are learned by ``training/train_speaker_choice.py`` from the output of taggers that
never saw the articles (the held-out folds of the train split), so candidates and errors look as
they do on new text. A model directory without ``speakers.json`` keeps the rules' pick.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Container, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import quote_assemble as qa

#: a candidate starting with one of these is a circumstance (``Über Steve Fossett``, ``Als Grund``)
LEADING_PREPOSITIONS = qa.PREPOSITIONS | {"als", "von", "nach", "seit", "wegen", "trotz"}
#: whether rule-derived noun phrases (article + nouns) are candidates too
NOUN_PHRASES = True
#: quote types whose speaker the chooser picks
CHOSEN_TYPES = frozenset({"IND", "IFI", "FI", "REP"})
#: where a candidate comes from
KINDS = ("SPK", "PER", "ORG", "PRON", "NP")
FEATURES = (
    "rule",
    "kind=SPK",
    "kind=PER",
    "kind=ORG",
    "kind=PRON",
    "kind=NP",
    "tagged",
    "oblique",
    "after_preposition",
    "names_person",
    "sentence_start",
    "before",
    "between",
    "distance",
    "nearest",
    "cue_after",
    "cue_before",
    "other_sentence",
    "previous_speaker",
    "length",
    "article_first",
    "source",
    "preposition_first",
    "der_inside",
    "after_noun",
    "dir*rule",
    "dir*PRON",
    "dir*PER",
    "dir*SPK",
    "dir*NP",
    "ind*rule",
)
INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class Candidate:
    """A token span that may name the quote's speaker, and where it comes from."""

    start: int
    end: int
    kind: str


@dataclass
class SpeakerChooser:
    """Weights of the log-linear candidate scorer, by feature name."""

    weights: dict[str, float]

    def score(self, feats: dict[str, float]) -> float:
        return sum(self.weights.get(k, 0.0) * v for k, v in feats.items())


#: recorded (quote, candidates, feature dicts) when set to a list (training data collection)
RECORD: list[tuple[qa.DraftQuote, list[Candidate], list[dict[str, float]]]] | None = None


def load_chooser(path: Path) -> SpeakerChooser | None:
    """The chooser stored at ``path`` (``speakers.json`` of a model directory), if there is one."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return SpeakerChooser(weights={k: float(v) for k, v in data["weights"].items()})


def features(
    words: Sequence[str],
    roles: Sequence[str],
    sent_of: Sequence[int],
    q: qa.DraftQuote,
    c: Candidate,
    rule: tuple[int, int] | None,
    nearest: int,
    person_ends: Container[int],
    previous: str | None,
) -> dict[str, float]:
    """The facts about one candidate that the scorer weighs (all 0/1 except distance, length)."""
    chunk = qa.Chunk(c.kind, c.start, c.end)
    dist = qa._distance(q, chunk)
    is_rule = rule is not None and rule[0] <= c.start < rule[1]
    s = sent_of[c.start]
    first = c.start
    while first > 0 and sent_of[first - 1] == s and words[first - 1].lower() in qa.DETERMINERS:
        first -= 1
    f = {
        "rule": float(is_rule),
        "kind=" + c.kind: 1.0,
        "tagged": float(any(roles[i] in ("B-SPK", "I-SPK") for i in range(c.start, c.end))),
        "oblique": float(qa.oblique(words, chunk)),
        "after_preposition": float(qa._after_preposition(words, c.start)),
        "names_person": float(qa._names_person(words, chunk, person_ends)),
        "sentence_start": float(first == 0 or sent_of[first - 1] != s),
        "before": float(c.end <= q.start),
        "between": float(q.start < c.start < q.end),
        "distance": min(dist, 30) / 10.0,
        "nearest": float(dist == nearest),
        "cue_after": float(qa._cue_after(words, roles, chunk)),
        "cue_before": float(qa._cue_before(words, roles, chunk) is not None),
        "other_sentence": float(s != sent_of[q.start]),
        "previous_speaker": float(previous is not None and previous in words[c.start : c.end]),
        "length": min(c.end - c.start, 10) / 5.0,
        "article_first": float(words[c.start].lower() in qa.DETERMINERS),
        "der_inside": float(words[c.start] == "der" and not (first == 0 or sent_of[first - 1] != s)),
        "preposition_first": float(words[c.start].lower() in LEADING_PREPOSITIONS),
        "after_noun": float(
            c.start > 0
            and sent_of[c.start - 1] == s
            and words[c.start - 1][:1].isupper()
            and words[c.start - 1].isalpha()
            and first == c.start
            and c.start - 1 > 0
            and sent_of[c.start - 2] == s
        ),
        "source": float(
            (c.start > 0 and words[c.start - 1].lower() in ("laut", "gemäß"))
            or (c.end < len(words) and words[c.end] == "zufolge")
        ),
    }
    if q.type == "DIR":
        f["dir*rule"] = f["rule"]
        f["dir*" + c.kind] = 1.0
    elif q.type == "IND":
        f["ind*rule"] = f["rule"]
    return f


def candidates_of(
    words: Sequence[str],
    q: qa.DraftQuote,
    tagged: Sequence[qa.Chunk],
    names: Sequence[qa.Chunk],
    sent_of: Sequence[int],
) -> list[Candidate]:
    """The tagger's speaker chunks for the quote, and the persons, organisations and subject
    pronouns of its sentences outside its message (not after a preposition), without repeats."""
    out: dict[tuple[int, int], Candidate] = {}
    for c in tagged:
        out.setdefault((c.start, c.end), Candidate(c.start, c.end, "SPK"))
    sents = {sent_of[a] for a, _ in q.spans} | {sent_of[b - 1] for _, b in q.spans}
    lo, hi = qa.sentence_range(q, sent_of, sents)
    for k in range(bisect_left(names, lo, key=_start), len(names)):
        c = names[k]
        if c.start >= hi:
            break
        if c.label not in ("PER", "ORG"):
            continue
        if qa._after_preposition(words, c.start) or any(a <= c.start < b for a, b in q.spans):
            continue
        if any(x.start <= c.start < x.end for x in out.values()):
            continue  # inside a tagged chunk: the chunk stands for it
        out.setdefault((c.start, c.end), Candidate(c.start, c.end, c.label))
    for p in qa.subject_pronouns(q, sent_of, words) if q.type == "DIR" else []:
        if not any(x.start <= p.start < x.end for x in out.values()):
            out.setdefault((p.start, p.end), Candidate(p.start, p.end, "PRON"))
    for start, end in noun_phrases(words, q, lo, hi) if NOUN_PHRASES else []:
        if not any(x.start < end and start < x.end for x in out.values()):
            out.setdefault((start, end), Candidate(start, end, "NP"))
    return sorted(out.values(), key=lambda c: c.start)


#: articles that can open a subject (nominative): ``der Bundespräsident``, ``die Hausverwaltung``
SUBJECT_ARTICLES = frozenset({"der", "die", "das", "ein", "eine"})
SUBJECT_ARTICLE_FORMS = SUBJECT_ARTICLES | {w.capitalize() for w in SUBJECT_ARTICLES}


def _start(c: qa.Chunk) -> int:
    return c.start


def noun_phrases(words: Sequence[str], q: qa.DraftQuote, lo: int, hi: int) -> list[tuple[int, int]]:
    """Article + adjectives + capitalised nouns (with a genitive attribute) in the quote's sentences
    outside its message, not after a preposition: subjects the role tagger and the entity
    component may both have missed (``biss der Randalierer den Fluggast und rief: „…“``); ``lo``,
    ``hi``: the token range of the quote's sentences."""
    out = []
    for i in [k for k in range(lo, hi) if words[k] in SUBJECT_ARTICLE_FORMS]:
        if any(a <= i < b for a, b in q.spans):
            continue
        if i > 0 and words[i - 1].lower() in qa.PREPOSITIONS:
            continue
        j = i + 1
        while j < hi and qa._is_adjective(words[j]):
            j += 1
        if j >= hi or not words[j][:1].isupper() or any(a <= j < b for a, b in q.spans):
            continue
        while j < hi and words[j][:1].isupper() and not any(a <= j < b for a, b in q.spans):
            j += 1
        out.append((i, qa.extend_genitive(words, j, q)))
    return out


def applies(chooser: SpeakerChooser | None, q: qa.DraftQuote) -> bool:
    """Whether the chooser has a say on this quote (or candidates are being recorded)."""
    return RECORD is not None or (chooser is not None and q.type in CHOSEN_TYPES)


def choose(
    chooser: SpeakerChooser | None,
    words: Sequence[str],
    roles: Sequence[str],
    sent_of: Sequence[int],
    q: qa.DraftQuote,
    cands: list[Candidate],
    rule: tuple[int, int] | None,
    person_ends: Container[int],
    previous: str | None,
) -> Candidate | None:
    """The best-scored candidate, or ``None`` to keep the rules' pick (no model, or fewer than two
    candidates)."""
    if len(cands) < 2 or (chooser is None and RECORD is None):
        return None
    nearest = min(qa._distance(q, qa.Chunk(c.kind, c.start, c.end)) for c in cands)
    feats = [features(words, roles, sent_of, q, c, rule, nearest, person_ends, previous) for c in cands]
    if RECORD is not None:
        RECORD.append((q, cands, feats))
    if chooser is None or q.type not in CHOSEN_TYPES:
        return None
    scores = [chooser.score(f) for f in feats]
    return cands[max(range(len(cands)), key=lambda k: scores[k])]
