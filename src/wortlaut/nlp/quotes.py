"""Component ``wortlaut_quotes_v1``: quotations with speaker, cue, addressee, frame and type.

Pipeline inside the component (see docs/quotes.md):

1. quotation marks are paired by rule (:mod:`quote_marks`);
2. a CRF tags message tokens with their type, a second CRF tags speaker/cue/addressee/frame
   tokens given the messages (:mod:`quote_model`, trained by ``training/train_quotes.py``);
3. rules group the labels into quotations: split quotes, roles per sentence, inherited speakers,
   nested direct quotes (:mod:`quote_assemble`);
4. speakers resolve to the article's entities (:mod:`wortlaut.resolve.speakers`);
5. the medium (speech, writing, …) is read off the cue words (:mod:`quote_medium`).

Only prose zones (lead, section titles, body) yield quotations.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ..article import PROSE_ZONES
from ..contract import Entity, Quote, Role, Speaker, join_spans
from ..resolve.speakers import is_genitive, resolve_speaker
from . import extensions  # noqa: F401
from .extensions import doc_text, in_zones, zone_ranges
from .quote_assemble import TYPE_NAMES, Chunk, DraftQuote, assemble, force_direct, indicative_unattributed
from .quote_features import doc_features, role_features, view_from_tokens
from .quote_marks import pair_marks, quote_state
from .quote_medium import medium_of
from .quote_model import QuoteModel, shared_model
from .quote_open_clauses import find_open_complements, find_speech_main_clauses, open_governor_cues
from .quote_precision import drop_non_reports
from .quote_sentences import Clues, judge_sentences
from .quote_sources import (
    apply_complements,
    apply_free_indirect,
    apply_reported,
    apply_sources,
    continue_reports,
    cut_trailing,
    find_adverb_sources,
    find_anaphoric,
    find_as_reported,
    find_complements,
    find_free_indirect,
    find_reported,
    find_sources,
    governor_cues,
    realign_source_messages,
    reported_forms,
    trim_governed,
)
from .quote_stretches import vetoed_stretches


class QuotesComponent:
    """Finds the quotations of a doc and puts them, as contract objects, in ``doc._.wl_quotes``."""

    def __init__(self, nlp: Language, name: str, model_path: str | None = None) -> None:
        self.name = name
        self.model_path = model_path
        self._model: QuoteModel | None = None

    @property
    def model(self) -> QuoteModel:
        if self._model is None:
            self._model = shared_model(self.model_path)
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        doc._.wl_quotes = find_quotes(doc, self.model)
        return doc


def find_quotes(doc: Doc, model: QuoteModel) -> list[Quote]:
    """The quotations of ``doc`` (entities, if any, taken from ``doc._.wl_entities``)."""
    words, spaces, starts_all, ends_all = token_table(doc)
    view, keep = view_from_tokens(words, [" " if sp else "" for sp in spaces])
    if not view.words:
        return []
    quoted = pair_marks(view.words, view.spaces_before, view.breaks)
    feats = doc_features(view, quoted, model.lexicons)
    msg = model.tag_messages(feats)
    cues = model.lexicons.cues
    vetoed = vetoed_stretches(model.judge, view.words, quoted, view.sent_starts, view.breaks, cues, msg)
    msg = force_direct(msg, quoted, view.words, view.sent_starts, vetoed)
    qstate = quote_state(len(msg), quoted)
    lex = model.lexicons
    trim_governed(view.words, msg, view.sent_starts, qstate, lex.cues, lex.subjunctive, lex.governors)
    realign_source_messages(view.words, msg, view.sent_starts)
    sources = cut_trailing(view.words, msg, view.sent_starts, qstate)
    sources += find_sources(view.words, msg, view.sent_starts, qstate)
    sources += find_adverb_sources(view.words, msg, view.sent_starts, qstate, sources)
    sources += find_as_reported(view.words, msg, view.sent_starts, qstate, lex.cues)
    clauses = find_complements(
        view.words, msg, view.sent_starts, qstate, lex.cues, sources, lex.subjunctive, lex.governors
    )
    apply_complements(msg, clauses)
    open_clauses = find_open_complements(
        view.words, msg, view.sent_starts, qstate, lex.cues, lex.subjunctive, lex.governors
    )
    apply_complements(msg, open_clauses)
    speech_clauses = find_speech_main_clauses(view.words, msg, view.sent_starts, qstate, lex.subjunctive)
    apply_complements(msg, speech_clauses)
    apply_complements(
        msg, find_anaphoric(view.words, msg, view.sent_starts, view.breaks, qstate, lex.cues, sources)
    )
    apply_reported(msg, find_reported(view.words, msg, view.sent_starts, qstate, model.lexicons.reported))
    continue_reports(view.words, msg, view.sent_starts, qstate, model.lexicons.subjunctive)
    apply_free_indirect(
        msg, find_free_indirect(view.words, msg, view.sent_starts, view.breaks, qstate, sources)
    )
    if drop_non_reports(view.words, msg, view.sent_starts, lex.subjunctive):
        clauses = [c for c in clauses if msg[c[0]] != "O"]
    if model.sentences is not None:
        clues = Clues(lex.cues, reported_forms(lex.reported), lex.subjunctive)
        judge_sentences(model.sentences, view.words, msg, view.sent_starts, view.breaks, qstate, clues)
    if not sources and all(lab == "O" for lab in msg):
        return []
    roles = tag_roles(model, feats, msg, view.sent_starts)
    apply_sources(msg, roles, sources)
    governor_cues(view.words, roles, view.sent_starts, clauses, lex.cues, lex.governors)
    open_governor_cues(
        view.words, roles, view.sent_starts, [c for c in open_clauses + speech_clauses if msg[c[0]] != "O"]
    )
    starts = [starts_all[k] for k in keep]
    ends = [ends_all[k] for k in keep]
    entities = list(doc._.wl_entities or [])
    drafts = assemble(
        view.words,
        msg,
        roles,
        view.sent_starts,
        quoted,
        name_chunks(entities, starts, ends),
        chooser=model.speakers,
    )
    drafts = [d for d in drafts if not indicative_unattributed(d, view.words, lex.subjunctive)]
    if not drafts:
        return []
    # spaCy's doc.text builds a Token object per token: the text kept with the doc instead
    text = doc_text(doc)
    prose = zone_ranges(doc, PROSE_ZONES) if doc._.wl_zones else [(0, len(text))]
    quotes: list[Quote] = []
    for d in drafts:
        q = to_quote(text, d, starts, ends)
        q.medium = medium_of(q.cue.text if q.cue else None, model.media)
        if not all(in_zones(s, e, prose) for s, e in q.spans):
            continue
        if q.speaker is not None:
            resolve_speaker(q.speaker, text, entities, model.genders, q.spans if q.type == "direct" else ())
        quotes.append(q)
    return quotes


#: sentences before a message in which its speaker is looked for
ROLE_CONTEXT = 2


def role_windows(msg: list[str], sent_starts: list[int]) -> list[tuple[int, int, int, int]]:
    """Token and sentence ranges (start, end, first sentence, end sentence) worth role tagging: the
    sentences with a message and the two before each. Elsewhere there is nothing to attribute."""
    n = len(msg)
    bounds = [*sent_starts, n]
    wanted = [False] * len(sent_starts)
    for k in range(len(sent_starts)):
        if any(lab != "O" for lab in msg[bounds[k] : bounds[k + 1]]):
            for j in range(max(0, k - ROLE_CONTEXT), k + 1):
                wanted[j] = True
    windows: list[tuple[int, int, int, int]] = []
    k = 0
    while k < len(wanted):
        if not wanted[k]:
            k += 1
            continue
        j = k
        while j < len(wanted) and wanted[j]:
            j += 1
        windows.append((bounds[k], bounds[j], k, j))
        k = j
    return windows


def tag_roles(model: QuoteModel, feats: list[list[str]], msg: list[str], sent_starts: list[int]) -> list[str]:
    """Role labels for the whole doc, tagging only the windows around messages."""
    roles = ["O"] * len(msg)
    for a, b, k, j in role_windows(msg, sent_starts):
        local_starts = [s - a for s in sent_starts[k:j]]
        roles[a:b] = model.tag_roles(role_features(feats[a:b], msg[a:b], local_starts))
    return roles


def name_chunks(entities: list[Entity], starts: list[int], ends: list[int]) -> list[Chunk]:
    """Word mentions of persons and organisations (label PER/ORG), adjectives derived from a
    name (``russischen``, label DER) and the roles seen next to a person (``Generalsekretär``,
    label ROL) as token chunks."""
    out: list[Chunk] = []
    for e in entities:
        if e.label == "PER":
            for r in e.roles:
                a = bisect_right(starts, r.start) - 1
                b = bisect_left(ends, r.end) + 1
                if 0 <= a < b <= len(starts) and starts[a] == r.start:
                    out.append(Chunk("ROL", a, b))
        if e.label not in ("PER", "ORG", "LOC"):
            continue
        for m in e.mentions:
            if m.kind == "derived":
                label = "DER"
            elif m.kind == "word" and e.label != "LOC" and not is_genitive(m.text, e.name):
                label = e.label
            else:
                continue
            a = bisect_right(starts, m.start) - 1
            b = bisect_left(ends, m.end) + 1
            if 0 <= a < b <= len(starts) and starts[a] == m.start:
                out.append(Chunk(label, a, b))
    out.sort(key=lambda c: c.start)
    return out


def token_table(doc: Doc) -> tuple[list[str], list[bool], list[int], list[int]]:
    """Text, trailing space, start and end character of every token, read in bulk from the
    doc's arrays (creating Token objects, as iterating a doc or reading ``doc.text`` does, costs
    more than everything else this component does per word)."""
    if len(doc) == 0:
        return [], [], [], []
    # columns, not rows (no small list per token); a token's text is the doc text's slice at
    # its offset, which is cheaper than decoding its string from the StringStore
    starts, lengths, spaces_i = doc.to_array([IDX, LENGTH, SPACY]).T.tolist()
    text = doc_text(doc)
    ends = [a + k for a, k in zip(starts, lengths, strict=True)]
    words = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    spaces = list(map(bool, spaces_i))
    return words, spaces, starts, ends


def _chars(spans: list[tuple[int, int]], starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    return [(starts[a], ends[b - 1]) for a, b in spans]


def to_quote(text: str, d: DraftQuote, starts: list[int], ends: list[int]) -> Quote:
    """A contract :class:`Quote` from a draft in token indices."""

    def role(spans: list[tuple[int, int]]) -> Role | None:
        if not spans:
            return None
        cs = _chars(spans, starts, ends)
        return Role(spans=cs, text=join_spans(text, cs))

    spans = _chars(d.spans, starts, ends)
    speaker = None
    if d.speaker is not None:
        cs = _chars([d.speaker], starts, ends)
        speaker = Speaker(spans=cs, text=join_spans(text, cs))
    return Quote(
        type=TYPE_NAMES[d.type],  # type: ignore[arg-type]
        spans=spans,
        text=join_spans(text, spans),
        speaker=speaker,
        cue=role(d.cue),
        addressee=role([d.addressee] if d.addressee else []),
        frame=role(d.frame),
    )


@Language.factory(
    "wortlaut_quotes_v1",
    default_config={"model_path": None},
    assigns=["doc._.wl_quotes"],
    requires=["doc._.wl_entities"],
)
def make_quotes(nlp: Language, name: str, model_path: str | None) -> QuotesComponent:
    return QuotesComponent(nlp, name, model_path)
