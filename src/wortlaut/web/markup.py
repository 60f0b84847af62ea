"""The article text as HTML, with quotations, speakers, entities and amounts marked.

Every character of the article is escaped here (:func:`markupsafe.escape`), then wrapped in
marks that come from the extraction's offsets. Marks come in two layers so the HTML nests
properly: quotation spans outside (coloured per speaker), names, amounts and cues inside. Where
marks of one layer overlap, the earlier/longer one wins and the other is left out, so the text
itself is never duplicated or lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote as urlquote

from markupsafe import Markup, escape

from ..article import Article
from ..contract import Extraction, Quote

N_COLOURS = 8

QUOTE_TYPES_DE = {
    "direct": "direkt",
    "indirect": "indirekt",
    "free_indirect": "frei indirekt",
    "indirect_free_indirect": "indirekt ohne Einleitung",
    "reported": "berichtet",
}
LABELS_DE = {"PER": "Person", "ORG": "Organisation", "LOC": "Ort", "MISC": "Sonstiges"}
ZONE_TAGS = {
    "lead": ("p", "lead"),
    "byline": ("p", "byline"),
    "section_title": ("h3", "section"),
    "body": ("p", "body"),
    "boilerplate": ("p", "boilerplate"),
}


def entity_href(entity_id: str) -> str:
    return "/entitaet/" + urlquote(entity_id, safe="")


@dataclass
class Mark:
    start: int
    end: int
    tag: str
    classes: list[str]
    title: str | None = None
    href: str | None = None
    data: dict[str, str] = field(default_factory=dict)

    def open(self) -> str:
        attrs = [f'class="{escape(" ".join(self.classes))}"']
        if self.href:
            attrs.append(f'href="{escape(self.href)}"')
        if self.title:
            attrs.append(f'title="{escape(self.title)}"')
        attrs.extend(f'data-{k}="{escape(v)}"' for k, v in self.data.items())
        return f"<{self.tag} {' '.join(attrs)}>"

    def close(self) -> str:
        return f"</{self.tag}>"


@dataclass
class SpeakerKey:
    """A speaker in one article, with the colour all of their quotes get."""

    key: str
    name: str
    colour: int
    quotes: int = 0
    entity_id: str | None = None


def speaker_of(q: Quote, links: dict[str, str]) -> tuple[str, str, str | None]:
    """(colour key, display name, corpus entity id) of a quote's speaker."""
    if q.speaker is None:
        return ("?", "unbekannt", None)
    corpus_id = links.get(q.speaker.entity) if q.speaker.entity else None
    name = q.speaker.name or q.speaker.text or "unbekannt"
    key = corpus_id or (q.speaker.entity and f"local:{q.speaker.entity}") or f"name:{name.lower()}"
    return (key, name, corpus_id)


def speakers(extraction: Extraction | None, links: dict[str, str]) -> dict[str, SpeakerKey]:
    """Speakers in order of their first quote, each with a colour index."""
    found: dict[str, SpeakerKey] = {}
    if extraction is None:
        return found
    for q in sorted(extraction.quotes, key=lambda q: q.spans[0][0] if q.spans else 0):
        key, name, corpus_id = speaker_of(q, links)
        if key not in found:
            found[key] = SpeakerKey(key, name, len(found) % N_COLOURS, entity_id=corpus_id)
        found[key].quotes += 1
    return found


def _without_overlaps(marks: Iterable[Mark]) -> list[Mark]:
    """Keep marks in priority order, dropping any that overlaps one already kept."""
    kept: list[Mark] = []
    for m in marks:
        if m.end <= m.start:
            continue
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def quote_marks(extraction: Extraction, links: dict[str, str], who: dict[str, SpeakerKey]) -> list[Mark]:
    marks = []
    for i, q in enumerate(extraction.quotes):
        key, name, _ = speaker_of(q, links)
        colour = who[key].colour if key in who else 0
        parts = [f"Sprecher: {name}"]
        if q.cue:
            parts.append(f"Verb: {q.cue.text}")
        parts.append(f"Typ: {QUOTE_TYPES_DE.get(q.type, q.type)}")
        title = " · ".join(parts)
        for s, e in q.spans:
            marks.append(
                Mark(s, e, "span", ["q", f"spk-{colour}", f"qt-{q.type}"], title, data={"q": str(i)})
            )
    by_length = sorted(marks, key=lambda m: (-(m.end - m.start), m.start))
    return _without_overlaps(by_length)


def inner_marks(extraction: Extraction, links: dict[str, str], who: dict[str, SpeakerKey]) -> list[Mark]:
    """Names, speakers, amounts and cues; names first, since they link to entity pages."""
    speaker_spans: dict[tuple[int, int], int] = {}
    cue_marks: list[Mark] = []
    for q in extraction.quotes:
        key, _, _ = speaker_of(q, links)
        colour = who[key].colour if key in who else 0
        if q.speaker:
            for s, e in q.speaker.spans:
                speaker_spans[(s, e)] = colour
        if q.cue:
            cue_marks.extend(Mark(s, e, "span", ["cue"], "Redeeinleitung") for s, e in q.cue.spans)
    names: list[Mark] = []
    for ent in extraction.entities:
        corpus_id = links.get(ent.id)
        label = LABELS_DE.get(ent.label, ent.label)
        for m in ent.mentions:
            classes = ["ent", f"ent-{ent.label}"]
            spk = speaker_spans.get((m.start, m.end))
            if spk is not None:
                del speaker_spans[(m.start, m.end)]
                classes += ["who", f"spk-{spk}"]
            href = entity_href(corpus_id) if corpus_id else None
            names.append(Mark(m.start, m.end, "a" if href else "span", classes, f"{label}: {ent.name}", href))
    who_marks = [Mark(s, e, "span", ["who", f"spk-{c}"], "Sprecher") for (s, e), c in speaker_spans.items()]
    amounts = []
    for a in extraction.amounts:
        bits = [f"Zahl: {a.value:g}" if a.value is not None else "Zahl: vage"]
        if a.low is not None and a.high is not None:
            bits.append(f"{a.low:g}–{a.high:g}")
        if a.counted:
            bits.append(f"gezählt: {a.counted}")
        if a.approximate:
            bits.append("ungefähr")
        amounts.append(Mark(a.start, a.end, "span", ["amt"], " · ".join(bits)))
    return _without_overlaps([*names, *who_marks, *amounts, *cue_marks])


def _render(text: str, start: int, end: int, marks: list[Mark]) -> str:
    out = []
    pos = start
    for m in marks:
        s, e = max(m.start, start), min(m.end, end)
        if e <= s:
            continue
        if s > pos:
            out.append(str(escape(text[pos:s])))
        out.append(m.open() + str(escape(text[s:e])) + m.close())
        pos = e
    if pos < end:
        out.append(str(escape(text[pos:end])))
    return "".join(out)


def _render_layered(text: str, start: int, end: int, outer: list[Mark], inner: list[Mark]) -> str:
    out = []
    pos = start
    for m in outer:
        s, e = max(m.start, start), min(m.end, end)
        if e <= s:
            continue
        if s > pos:
            out.append(_render(text, pos, s, inner))
        out.append(m.open() + _render(text, s, e, inner) + m.close())
        pos = e
    if pos < end:
        out.append(_render(text, pos, end, inner))
    return "".join(out)


_LINE = re.compile(r"[^\n]+")


def blocks(article: Article) -> list[tuple[int, int, str, str]]:
    """(start, end, tag, css class) of each paragraph to show, from zones where the reader set them."""
    result = []
    zones = sorted((z for z in article.zones if z.zone != "header"), key=lambda z: z.start)
    spans = [(z.start, z.end, *ZONE_TAGS.get(z.zone, ("p", "body"))) for z in zones]
    if not spans:
        spans = [(0, len(article.text), "p", "body")]
    for start, end, tag, css in spans:
        for m in _LINE.finditer(article.text, start, end):
            if m.group().strip():
                result.append((m.start(), m.end(), tag, css))
    return result


def article_html(sa_article: Article, extraction: Extraction | None, links: dict[str, str]) -> Markup:
    """The article body as safe HTML with all marks."""
    who = speakers(extraction, links)
    outer = quote_marks(extraction, links, who) if extraction else []
    inner = inner_marks(extraction, links, who) if extraction else []
    text = sa_article.text
    parts = []
    for start, end, tag, css in blocks(sa_article):
        parts.append(f'<{tag} class="{css}">{_render_layered(text, start, end, outer, inner)}</{tag}>')
    return Markup("\n".join(parts))
