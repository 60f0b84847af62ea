"""Speaker mentions to entities of the article.

A speaker is written as a name (``Stoltenberg``, ``Generalsekretär Stoltenberg``), a role noun
phrase (``der Generalsekretär``), a pronoun (``er``), an organisation (``die NATO``) or an
adjective derived from a place (``russischen``). Each resolves to an entity of the same article
(``doc._.wl_entities``, filled by the entity component before quotes run):

1. a name mention inside the speaker span: a person first, else an organisation or place that
   heads the phrase, else an adjective derived from a place when that adjective is the speaker;
2. a pronoun: the most recent person before it whose sex (from the first name) fits;
3. a role noun: the most recent person seen with that role (``Entity.roles``);
4. a surname the entity component missed: the person whose name ends with it.

Resolution is conservative: a role phrase that fits nobody (``der Korrespondent der …
Nachrichtenagentur``) stays unresolved rather than guessing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..contract import Entity, Mention, Speaker

ARTICLES = frozenset(
    {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"}
)
MALE = frozenset({"er", "ihm", "ihn", "seiner"})
FEMALE = frozenset({"sie", "ihr", "ihrer"})
PRONOUNS = MALE | FEMALE | frozenset({"man", "wir", "ich", "es"})


def is_genitive(surface: str, name: str) -> bool:
    """``Putins`` for Wladimir Putin: a possessor (``Putins Sprecher``), rarely the speaker."""
    last = name.split()[-1] if name else ""
    return (
        surface.endswith(("s", "'")) and not last.endswith(("s", "'")) and surface.rstrip("s'").endswith(last)
    )


def _content_words(text: str) -> list[str]:
    words = [w.strip(",.:;()\"'„“”»«") for w in text.split()]
    return [w for w in words if w and w.lower() not in ARTICLES]


def sex_of(entity: Entity, genders: Mapping[str, str]) -> str | None:
    """ "m", "f" or None from the first word of a person's canonical name."""
    first = entity.name.split()[0] if entity.name else ""
    return genders.get(first)


def _latest_mention_before(
    entity: Entity,
    pos: int,
    kinds: tuple[str, ...] = ("word",),
    skip: Sequence[tuple[int, int]] = (),
) -> Mention | None:
    best: Mention | None = None
    for m in entity.mentions:
        if m.kind not in kinds or m.start >= pos or any(a <= m.start < b for a, b in skip):
            continue
        if best is None or m.start > best.start:
            best = m
    return best


def _overlapping(start: int, end: int, entities: Sequence[Entity]) -> list[tuple[Entity, Mention]]:
    return [(e, m) for e in entities for m in e.mentions if m.start < end and start < m.end]


def by_mention(start: int, end: int, text: str, entities: Sequence[Entity]) -> Entity | None:
    """The entity named inside the speaker span, if the span is about it."""
    found = _overlapping(start, end, entities)
    if not found:
        return None
    persons = [
        (e, m) for e, m in found if e.label == "PER" and m.kind == "word" and not is_genitive(m.text, e.name)
    ]
    if persons:
        return max(persons, key=lambda em: em[1].start)[0]
    content = _content_words(text[start:end])
    head = content[0] if content else ""
    for e, m in found:
        if m.kind == "word" and head and head in text[m.start : m.end]:
            return e
    if len(content) == 1:
        for e, m in found:
            if m.kind == "derived":
                return e
    return None


def by_pronoun(
    word: str,
    pos: int,
    entities: Sequence[Entity],
    genders: Mapping[str, str],
    skip: Sequence[tuple[int, int]] = (),
) -> Entity | None:
    """The most recent person before ``pos`` whose sex fits the pronoun, not counting mentions
    inside ``skip`` (the quotation's own words: ``„Frauen haben sich gegen Ben Ali gestellt“,
    betont sie`` is not Ben Ali speaking)."""
    w = word.lower()
    want = "m" if w in MALE else "f" if w in FEMALE else None
    if want is None:
        return None
    best: tuple[int, Entity] | None = None
    for e in entities:
        if e.label != "PER":
            continue
        sex = sex_of(e, genders)
        if sex is not None and sex != want:
            continue
        m = _latest_mention_before(e, pos, skip=skip)
        if m is not None and (best is None or m.start > best[0]):
            best = (m.start, e)
    return best[1] if best else None


def by_role(text: str, pos: int, entities: Sequence[Entity]) -> Entity | None:
    """The most recent person seen with the role noun the phrase ends in."""
    content = _content_words(text)
    if not content:
        return None
    nouns = [w.lower() for w in content if w[:1].isupper()]
    if not nouns:
        return None
    noun = nouns[0]
    best: tuple[int, Entity] | None = None
    for e in entities:
        if e.label != "PER":
            continue
        if not any(noun == r.title.lower() or r.title.lower().endswith(noun) for r in e.roles):
            continue
        m = _latest_mention_before(e, pos)
        start = m.start if m else -1
        if m is not None and (best is None or start > best[0]):
            best = (start, e)
    return best[1] if best else None


def by_surname(text: str, entities: Sequence[Entity]) -> Entity | None:
    """A person whose canonical name ends with a capitalised word of the phrase."""
    words = [w for w in _content_words(text) if w[:1].isupper()]
    for w in reversed(words):
        for e in entities:
            if e.label == "PER" and e.name.split()[-1:] == [w]:
                return e
    return None


def resolve_span(
    start: int,
    end: int,
    text: str,
    entities: Sequence[Entity],
    genders: Mapping[str, str],
    skip: Sequence[tuple[int, int]] = (),
) -> Entity | None:
    """The entity a speaker mention at ``text[start:end]`` refers to, or None (a pronoun never
    refers to a person named only inside ``skip``)."""
    phrase = text[start:end]
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return by_pronoun(words[0], start, entities, genders, skip)
    return (
        by_mention(start, end, text, entities)
        or by_role(phrase, start, entities)
        or by_surname(phrase, entities)
    )


def resolve_speaker(
    speaker: Speaker,
    text: str,
    entities: Sequence[Entity],
    genders: Mapping[str, str],
    quoted: Sequence[tuple[int, int]] = (),
) -> None:
    """Set ``speaker.entity`` and ``speaker.name``; the mention itself stays as it is.

    ``quoted``: the character spans of a direct quotation's words; a pronoun speaker is never a
    person named there (people rarely name themselves in their own words).

    A quote that inherits a pronoun speaker (``er``) keeps the pronoun as its mention: the dataset
    marks it so: replacing it by the name mention before it (as the seed article's gold does) made
    27 speakers of the train split worse and none better (6 of them with taggers trained without
    those articles). The name is in ``speaker.name`` either way.
    """
    if not speaker.spans:
        return
    start, end = speaker.spans[0][0], speaker.spans[-1][1]
    entity = resolve_span(start, end, text, entities, genders, quoted)
    if entity is None:
        return
    speaker.entity = entity.id
    speaker.name = entity.name
