"""A small newsroom corpus for the web tests, built by hand with exact offsets.

Other web test modules import :func:`build_store`. The articles are fictional variations on the
project's reference topic; offsets are computed while the text is assembled, so they cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wortlaut.article import Article, ZoneSpan
from wortlaut.contract import Amount, Entity, Extraction, Mention, Quote, Role, RoleMention, Speaker
from wortlaut.store import open_store

XSS = '<script>alert("xss")</script>'


@dataclass
class Text:
    """Appends pieces of text and remembers where named pieces are."""

    parts: list[str] = field(default_factory=list)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    zones: list[ZoneSpan] = field(default_factory=list)

    @property
    def pos(self) -> int:
        return sum(len(p) for p in self.parts)

    def add(self, text: str, name: str | None = None) -> Text:
        start = self.pos
        self.parts.append(text)
        if name:
            self.spans.setdefault(name, []).append((start, start + len(text)))
        return self

    def zone(self, zone: str, fill: list[tuple[str, str | None]]) -> Text:
        start = self.pos
        for text, name in fill:
            self.add(text, name)
        self.zones.append(ZoneSpan(start, self.pos, zone))  # type: ignore[arg-type]
        self.add("\n\n")
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def span(self, name: str, i: int = 0) -> tuple[int, int]:
        return self.spans[name][i]

    def mentions(self, name: str) -> list[Mention]:
        t = self.text
        return [Mention(s, e, t[s:e]) for s, e in self.spans.get(name, [])]


def person(t: Text, eid: str, name: str, span_name: str, roles: list[str] | None = None) -> Entity:
    mentions = t.mentions(span_name)
    return Entity(
        eid,
        "PER",
        name,
        mentions,
        key=f"PER:{name.lower()}",
        roles=[RoleMention(r, mentions[0].start, mentions[0].end) for r in roles or []],
    )


def quote(
    t: Text, qtype: str, msg: str, speaker: str | None, eid: str | None, name: str | None, cue: str | None
) -> Quote:
    text = t.text
    spans = t.spans[msg]
    sp = None
    if speaker:
        s, e = t.span(speaker)
        sp = Speaker([(s, e)], text[s:e], entity=eid, name=name)
    cue_role = None
    if cue:
        s, e = t.span(cue)
        cue_role = Role([(s, e)], text[s:e])
    return Quote(qtype, spans, " … ".join(text[s:e] for s, e in spans), speaker=sp, cue=cue_role)  # type: ignore[arg-type]


def nato_article() -> tuple[Article, Extraction]:
    t = Text()
    t.zone(
        "header",
        [("NATO-Verteidigungsminister Aufrüstung statt Einmischung Stand: 16.03.2022 03:36 Uhr", None)],
    )
    t.zone(
        "lead",
        [
            ("Die NATO", "nato"),
            (" will ihre Präsenz im Osten ausbauen; etwa ", None),
            ("3000 Soldaten", "amt1"),
            (" sind schon da.", None),
        ],
    )
    t.zone("byline", [("Von Helga Schmidt, ARD-Studio Brüssel", None)])
    t.zone("section_title", [("Flugverbotszone ausgeschlossen", None)])
    t.zone(
        "body",
        [
            ('"', None),
            ("Die Ausbildung und die Ausrüstung hilft der Ukraine, sich selbst zu verteidigen", "q1"),
            ('", ', None),
            ("sagte", "cue1"),
            (" NATO-Generalsekretär ", None),
            ("Jens Stoltenberg", "stoltenberg"),
            (" in ", None),
            ("Brüssel", "bruessel"),
            (". Eine Flugverbotszone über der Ukraine lehnte er ab. ", None),
            ("Julianne Smith", "smith"),
            (" ", None),
            ("betonte", "cue2"),
            (", ", None),
            ("das Bündnis werde seine Ostflanke stärken", "q2"),
            (". Man werde die Lage neu bewerten, so ", None),
            ("Stoltenberg", "stoltenberg"),
            (".", None),
        ],
    )
    text = t.text
    stoltenberg = person(t, "E0", "Jens Stoltenberg", "stoltenberg", ["NATO-Generalsekretär"])
    smith = person(t, "E1", "Julianne Smith", "smith", ["US-Botschafterin bei der NATO"])
    nato = Entity("E2", "ORG", "NATO", t.mentions("nato"), key="ORG:nato")
    bruessel = Entity(
        "E3",
        "LOC",
        "Brüssel",
        t.mentions("bruessel"),
        key="LOC:brüssel",
        geo={"geonameid": 2800866, "name": "Brüssel", "lat": 50.85045, "lon": 4.34878, "country_code": "BE"},
    )
    s, e = t.span("amt1")
    ex = Extraction(
        "nato-1",
        text,
        quotes=[
            quote(t, "direct", "q1", "stoltenberg", "E0", "Jens Stoltenberg", "cue1"),
            quote(t, "indirect", "q2", "smith", "E1", "Julianne Smith", "cue2"),
        ],
        entities=[stoltenberg, smith, nato, bruessel],
        amounts=[Amount(s, e, text[s:e], 3000, counted="Soldat", approximate=True)],
    )
    article = Article(
        id="nato-1",
        text=text,
        source="tagesschau",
        url="https://www.tagesschau.de/ausland/nato-beispiel-101.html",
        title="NATO-Verteidigungsminister: Aufrüstung statt Einmischung",
        topline="NATO-Verteidigungsminister",
        headline="Aufrüstung statt Einmischung",
        date="2022-03-16",
        published="2022-03-16",
        updated="2022-03-16T03:36:00+01:00",
        authors=["Helga Schmidt"],
        bureau="ARD-Studio Brüssel",
        language="de",
        source_format="seed",
        zones=t.zones,
    )
    ex.article = article.metadata()
    return article, ex


def echo_article() -> tuple[Article, Extraction]:
    """Another outlet reports the same Stoltenberg quote with slightly other words."""
    t = Text()
    t.add("Bündnis rüstet auf. ")
    t.add("Stoltenberg", "stoltenberg")
    t.add(" ")
    t.add("sagte", "cue1")
    t.add(': "')
    t.add("Die Ausbildung und Ausrüstung hilft der Ukraine, sich zu verteidigen", "q1")
    t.add('." Auch in ')
    t.add("Brüssel", "bruessel")
    t.add(" sprach man über eine Flugverbotszone.")
    ex = Extraction(
        "echo-2",
        t.text,
        quotes=[quote(t, "direct", "q1", "stoltenberg", "E0", "Jens Stoltenberg", "cue1")],
        entities=[
            person(t, "E0", "Jens Stoltenberg", "stoltenberg"),
            Entity("E1", "LOC", "Brüssel", t.mentions("bruessel"), key="LOC:brüssel"),
        ],
    )
    article = Article(
        id="echo-2",
        text=t.text,
        source="echo",
        title="Bündnis rüstet auf",
        headline="Bündnis rüstet auf",
        date="2022-03-17",
        published="2022-03-17",
        language="de",
    )
    ex.article = article.metadata()
    return article, ex


def hostile_article() -> tuple[Article, Extraction]:
    """Markup in the text, title and speaker name: it must show as text, never run."""
    t = Text()
    t.add("Der Hacker ")
    t.add("Max <b>Muster</b>", "max")
    t.add(" schrieb: ")
    t.add(f"Ich teste {XSS} hier", "q1")
    t.add(" und nannte die Flugverbotszone.")
    ex = Extraction(
        "hostile-3",
        t.text,
        quotes=[quote(t, "reported", "q1", "max", "E0", "Max <b>Muster</b>", None)],
        entities=[person(t, "E0", "Max <b>Muster</b>", "max")],
    )
    article = Article(
        id="hostile-3", text=t.text, source="test", title=f"Titel {XSS}", date="2022-03-18", language="de"
    )
    ex.article = article.metadata()
    return article, ex


def filler_articles(n: int = 25) -> list[tuple[Article, Extraction | None]]:
    """Articles without extraction, spread over weeks, so paging and timelines have data."""
    items: list[tuple[Article, Extraction | None]] = []
    for i in range(n):
        day = 1 + i % 28
        text = (
            f"Meldung {i}: Die Debatte über die Flugverbotszone geht weiter. Der Bundestag berät Punkt {i}."
        )
        items.append(
            (
                Article(
                    id=f"filler-{i:02d}",
                    text=text,
                    source="dpa",
                    title=f"Meldung {i}",
                    date=f"2022-02-{day:02d}",
                    language="de",
                ),
                None,
            )
        )
    return items


def corpus() -> list[tuple[Article, Extraction | None]]:
    return [nato_article(), echo_article(), hostile_article(), *filler_articles()]


def echo_update() -> tuple[Article, Extraction]:
    """A later version of ``echo-2``: the outlet corrected its text."""
    article, ex = echo_article()
    text = article.text + " Korrektur: Die Sitzung dauerte länger."
    article.text, ex.text = text, text
    article.updated = "2022-03-17T18:00:00+01:00"
    ex.article = article.metadata()
    return article, ex


def build_store(path: Path) -> Path:
    store = open_store(path)
    try:
        store.ingest_batch(corpus())
        store.ingest_batch([echo_update()])
    finally:
        store.close()
    return path


def test_corpus_offsets_point_at_their_text() -> None:
    article, ex = nato_article()
    for q in ex.quotes:
        assert q.speaker is not None
        s, e = q.speaker.spans[0]
        assert article.text[s:e] == q.speaker.text
    assert [article.text[m.start : m.end] for m in ex.entities[0].mentions] == [
        "Jens Stoltenberg",
        "Stoltenberg",
    ]
    assert article.text[ex.amounts[0].start : ex.amounts[0].end] == "3000 Soldaten"
