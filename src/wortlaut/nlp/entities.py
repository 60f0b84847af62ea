"""Component ``wortlaut_entities_v1``: PER, ORG, LOC, MISC names with canonical names (issue 4).

What it does, in order:

1. Word spans: the packaged CRF tagger (``models/ner``) per sentence — or, with
   ``use_existing_ents``, the ``doc.ents`` of the user's own spaCy NER, mapped to PER/ORG/LOC/MISC.
2. Rules where rules beat the model (:mod:`.ner_rules`): GermEval span shapes, countries,
   currencies and other MISC kinds, acronyms, first name + surname, place-war compounds, speakers
   after cues, and names recurring in the article (see docs/entities.md for each, with figures).
3. Only spans inside the name zones (:data:`wortlaut.article.NAME_ZONES`) are kept; they become
   ``doc.ents`` (GermEval conventions: outer spans, one label each).
4. Mentions are grouped into entities with canonical names (:mod:`wortlaut.resolve.names`), given
   ``part`` mentions (``NATO`` in ``NATO-Generalsekretär``) and ``derived`` mentions
   (``russischen`` → Russland), roles (:mod:`.ner_roles`) and GeoNames records for places
   (:mod:`wortlaut.resolve.geo`). The result is ``doc._.wl_entities`` (ids ``E0``, ``E1``, … in
   order of first mention), which the quote and amount components read.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..article import NAME_ZONES
from ..contract import Entity, EntityLabel, Mention, RoleMention
from ..resolve import geo
from ..resolve.corpus import entity_key
from ..resolve.names import Cluster, RawMention, cluster_mentions, normalise_forms
from . import extensions  # noqa: F401
from .extensions import doc_text, in_zones, zone_ranges
from .ner_features import NameLists, name_lists
from .ner_lexicon import COUNTRY_SHORT, REGIONS, adjective_place
from .ner_roles import roles_for
from .ner_rules import (
    acronym_spans,
    club_spans,
    event_spans,
    gazetteer_spans,
    institution_spans,
    logo_spans,
    misc_spans,
    name_pair_spans,
    person_fixes,
    person_shapes,
    recurring_spans,
    repair_spans,
)
from .ner_tagger import shared_tagger

#: Labels of other NER schemes → Wortlaut's four (OntoNotes, WikiNER, GermEval).
LABEL_MAP: dict[str, str] = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "NORP": "MISC",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "MISC": "MISC", "OTH": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}  # fmt: skip

Sentence = list[int]  # doc token indices of one sentence's words (whitespace tokens left out)


class Tokens:
    """The doc's token texts, offsets and flags, read once: iterating spaCy tokens is costly."""

    def __init__(self, doc: Doc) -> None:
        # Doc.text builds Token objects on every access: the text is read once (doc_text), and
        # each token's text is its slice, cheaper than decoding it from the StringStore
        self.doc_text = doc_text(doc)
        if len(doc):
            # columns, not rows: flat lists instead of one small list per token
            idx, length, space, starts = (
                doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START]).astype("int64").T.tolist()
            )
            text = self.doc_text
            self.text: list[str] = [text[a : a + k] for a, k in zip(idx, length, strict=True)]
        else:
            self.text, idx, space, starts = [], [], [], []
        self.idx: list[int] = idx
        self.space: list[bool] = [bool(v) for v in space]
        # SENT_START is 1 (starts), -1 (does not) or 0 (unknown)
        self.sent_start: list[bool] = [v == 1 for v in starts]
        self.has_sents = any(v != 0 for v in starts[1:]) or (len(starts) == 1 and starts[0] != 0)


def sentences(toks: Tokens) -> list[Sentence]:
    """Token indices per sentence; splits at . ! ? when no sentence boundaries are set."""
    out: list[Sentence] = []
    current: Sentence = []
    has_sents = toks.has_sents
    for i, text in enumerate(toks.text):
        if has_sents and toks.sent_start[i] and current:
            out.append(current)
            current = []
        if toks.space[i]:
            if "\n" in text and current:
                out.append(current)
                current = []
            continue
        current.append(i)
        if not has_sents and text in (".", "!", "?"):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def tagger_spans(words: list[list[str]], model: str | None) -> list[list[tuple[int, int, str]]]:
    """The packaged CRF's spans per sentence, in sentence word positions.

    A one-word MISC from the CRF is dropped: those are mostly common nouns or names of another
    kind (``Gitarre``, ``Andechs``); the MISC kinds one word can be (``Euro``, ``DAX``, ``Englisch``)
    come from the rules. Measured on the held-out GermEval sentences: +0.3 to +0.5 points F1."""
    tagger = shared_tagger(model)
    return [[s for s in spans if s[2] != "MISC" or s[1] - s[0] > 1] for spans in tagger.spans_many(words)]


def existing_spans(doc: Doc, sents: list[Sentence]) -> list[list[tuple[int, int, str]]]:
    """The user's NER spans (``doc.ents``) per sentence, in sentence word positions."""
    pos: dict[int, tuple[int, int]] = {}
    for si, sent in enumerate(sents):
        for wi, ti in enumerate(sent):
            pos[ti] = (si, wi)
    out: list[list[tuple[int, int, str]]] = [[] for _ in sents]
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None or ent.start not in pos or ent.end - 1 not in pos:
            continue
        si, ws = pos[ent.start]
        sj, we = pos[ent.end - 1]
        if si == sj:
            out[si].append((ws, we + 1, label))
    return out


class EntitiesComponent:
    """Finds names and builds the article's entities (see the module docstring)."""

    def __init__(
        self, nlp: Language, name: str, use_existing_ents: bool = False, model_path: str | None = None
    ) -> None:
        self.name = name
        self.use_existing_ents = use_existing_ents
        self.model_path = model_path
        self._lists: NameLists | None = None

    @property
    def lists(self) -> NameLists:
        if self._lists is None:
            self._lists = name_lists()
        return self._lists

    def __call__(self, doc: Doc) -> Doc:
        toks = Tokens(doc)
        sents = sentences(toks)
        texts = toks.text
        words = [[texts[i] for i in s] for s in sents]
        spans = existing_spans(doc, sents) if self.use_existing_ents else tagger_spans(words, self.model_path)
        lists = self.lists
        for w, sp in zip(words, spans, strict=True):
            sp[:] = misc_spans(w, person_shapes(w, person_fixes(w, repair_spans(w, sp), lists), lists))
            sp[:] = institution_spans(w, club_spans(w, sp))
            sp.extend(event_spans(w, sp, lists))
            sp.extend(gazetteer_spans(w, sp, lists))
            sp.extend(logo_spans(w, sp, lists))
            sp.extend(acronym_spans(w, sp, lists))
            sp.extend(name_pair_spans(w, sp, lists))
        for sp, extra in zip(spans, recurring_spans(words, spans), strict=True):
            sp.extend(extra)
        ranges = zone_ranges(doc, NAME_ZONES) if doc._.wl_zones else [(0, len(toks.doc_text))]
        ents: list[Span] = []
        idx, texts = toks.idx, toks.text
        for sent, sp in zip(sents, spans, strict=True):
            for s, e, label in sorted(sp):
                first, last = sent[s], sent[e - 1]
                # the span's character range from the token table (Span.start_char/end_char
                # build Token objects): the first token's start, the last token's end
                if in_zones(idx[first], idx[last] + len(texts[last]), ranges):
                    ents.append(Span(doc, first, last + 1, label=label))
        ents = _no_overlaps(ents)
        doc.ents = ents
        doc._.wl_entities = build_entities(doc, ents, ranges, lists, toks)
        return doc


def _no_overlaps(ents: list[Span]) -> list[Span]:
    out: list[Span] = []
    end = -1
    for ent in sorted(ents, key=lambda e: (e.start, -len(e))):
        if ent.start >= end:
            out.append(ent)
            end = ent.end
    return out


def build_entities(
    doc: Doc, ents: list[Span], ranges: list[tuple[int, int]], lists: NameLists, toks: Tokens | None = None
) -> list[Entity]:
    """Group word-level spans into entities and add part/derived mentions, roles and places."""
    if toks is None:
        chars = [(e.start_char, e.end_char) for e in ents]
        raw = [
            RawMention(a, b, e.text, e.label_, [t.text for t in e])
            for (a, b), e in zip(chars, ents, strict=True)
        ]
    else:  # the same, read from the token table: a span's text is the doc text between its ends
        idx, texts, text = toks.idx, toks.text, toks.doc_text
        chars = [(idx[e.start], idx[e.end - 1] + len(texts[e.end - 1])) for e in ents]
        raw = [
            RawMention(a, b, text[a:b], e.label_, texts[e.start : e.end])
            for (a, b), e in zip(chars, ents, strict=True)
        ]
    normalise_forms(raw, set(COUNTRY_SHORT) | set(REGIONS), lists.sur, lists.first)
    for m in raw:
        if m.label == "LOC" and m.form == m.text and len(m.words) == 1:
            m.form = geo.normalise(m.form) if m.form.endswith("s") else m.form
    clusters = cluster_mentions(raw)
    span_of = dict(zip(chars, ents, strict=True))
    entities: list[Entity] = []
    for i, c in enumerate(clusters):
        name = c.name
        entity = Entity(
            id=f"E{i}",
            label=cast(EntityLabel, c.label),
            name=name,
            key=entity_key(c.label, name),
            mentions=[Mention(m.start, m.end, m.text, "word") for m in c.mentions],
        )
        if c.label == "PER":
            entity.roles = _roles(doc, c, span_of, toks.doc_text if toks else doc.text)
        entities.append(entity)
    _add_parts_and_derived(toks or Tokens(doc), entities, ents, ranges)
    _add_geo(entities)
    return entities


def _roles(doc: Doc, cluster: Cluster, span_of: dict[tuple[int, int], Span], text: str) -> list[RoleMention]:
    roles: list[RoleMention] = []
    seen: set[tuple[int, int]] = set()
    for m in cluster.mentions:
        span = span_of.get((m.start, m.end))
        if span is None:
            continue
        for r in roles_for(doc, span.start, span.end, text):
            if (r.start, r.end) not in seen:
                seen.add((r.start, r.end))
                roles.append(r)
    return roles


def _add_parts_and_derived(
    toks: Tokens, entities: list[Entity], ents: list[Span], ranges: list[tuple[int, int]]
) -> None:
    """``NATO`` in ``NATO-Generalsekretär`` (part) and ``russischen`` (derived) join known entities."""
    if not entities:
        return
    by_name: dict[str, Entity] = {}
    for e in entities:
        by_name.setdefault(e.name, e)
        for mention in e.mentions:
            by_name.setdefault(mention.text, e)
    places = {name for name, e in by_name.items() if e.label == "LOC"}
    in_ent: set[int] = set()
    for span in ents:
        in_ent.update(range(span.start, span.end))
    for i, text in enumerate(toks.text):
        if "-" in text:
            head = text.split("-", 1)[0]
            target = by_name.get(head)
            if target is not None and head and i not in in_ent:
                start = toks.idx[i]
                if in_zones(start, start + len(text), ranges):
                    target.mentions.append(Mention(start, start + len(head), head, "part"))
        if places:
            place = adjective_place(text)  # cached per word
            if place in places and i not in in_ent:
                start = toks.idx[i]
                if in_zones(start, start + len(text), ranges):
                    by_name[place].mentions.append(Mention(start, start + len(text), text, "derived"))
    for e in entities:
        e.mentions.sort(key=lambda m: m.start)


def _add_geo(entities: list[Entity]) -> None:
    locs = [e for e in entities if e.label == "LOC"]
    if not locs:
        return
    context = geo.country_codes([e.name for e in locs])
    for e in locs:
        place = geo.resolve(e.name, context)
        if place is not None:
            e.geo = place.to_dict()


@Language.factory(
    "wortlaut_entities_v1",
    default_config={"use_existing_ents": False, "model_path": None},
    assigns=["doc.ents", "doc._.wl_entities"],
)
def make_entities(
    nlp: Language, name: str, use_existing_ents: bool, model_path: str | None
) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, use_existing_ents, model_path)
