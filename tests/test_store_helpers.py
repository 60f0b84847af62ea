"""Builders for store tests: articles and hand-made extractions whose offsets are found in the
text, so each test reads like the news it stores. (No tests here; imported by test_store*,
test_search*, test_export*, test_query_cli.)"""

from __future__ import annotations

from pathlib import Path

from wortlaut.article import Article
from wortlaut.contract import Amount, Entity, Extraction, Mention, Quote, Role, RoleMention, Speaker
from wortlaut.store.sqlite import SQLiteStore


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Where the ``nth`` occurrence of ``part`` is in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def article(aid: str, text: str, **kw: object) -> Article:
    kw.setdefault("source", "testpresse")
    kw.setdefault("date", "2022-03-16")
    return Article(id=aid, text=text, **kw)  # type: ignore[arg-type]


def extraction(
    art: Article,
    *,
    entities: list[tuple[str, str, list[str]]] = (),  # type: ignore[assignment]
    quotes: list[tuple[str, str | None, str]] = (),  # type: ignore[assignment]
    amounts: list[tuple[str, float | None, str | None]] = (),  # type: ignore[assignment]
    roles: dict[str, str] | None = None,
) -> Extraction:
    """entities: (name, label, [surface forms]); quotes: (quote text, speaker name or None, type);
    amounts: (text, value, counted). Speakers are linked to the entity of the same name."""
    text = art.text
    ents: list[Entity] = []
    for i, (name, label, forms) in enumerate(entities):
        mentions = [Mention(*span(text, f), text=f) for f in forms]
        ent_roles = []
        if roles and name in roles:
            s, e = span(text, roles[name])
            ent_roles.append(RoleMention(roles[name], s, e))
        ents.append(Entity(id=f"E{i}", label=label, name=name, mentions=mentions, roles=ent_roles))  # type: ignore[arg-type]
    by_name = {e.name: e for e in ents}
    qs: list[Quote] = []
    for qtext, speaker, qtype in quotes:
        s, e = span(text, qtext)
        sp = None
        if speaker:
            ent = by_name.get(speaker)
            form = ent.mentions[0] if ent else None
            sp = Speaker(
                spans=[(form.start, form.end)] if form else [],
                text=form.text if form else speaker,
                entity=ent.id if ent else None,
                name=speaker,
            )
        qs.append(Quote(type=qtype, spans=[(s, e)], text=qtext, speaker=sp, cue=Role([], "sagte")))  # type: ignore[arg-type]
    ams = []
    for atext, value, counted in amounts:
        s, e = span(text, atext)
        ams.append(Amount(start=s, end=e, text=atext, value=value, counted=counted))
    return Extraction(id=art.id, text=text, article=art.metadata(), quotes=qs, entities=ents, amounts=ams)


NATO_TEXT = (
    "NATO lehnt Flugverbotszone ab. Brüssel. NATO-Generalsekretär Jens Stoltenberg sagte: "
    '"Eine Flugverbotszone über der Ukraine wird es nicht geben." Die Allianz verlegt rund 100.000 Soldaten '
    "an die Ostflanke. Stoltenberg betonte, man werde die Lage genau beobachten."
)
ROMANIA_TEXT = (
    "Truppen für Rumänien. Bukarest. Die USA schicken etwa 3000 Soldaten nach Rumänien. "
    'Stoltenberg sagte: "Eine Flugverbotszone über der Ukraine wird es nicht geben." '
    "Grüße aus Bukarest, schreibt die Korrespondentin."
)
WEATHER_TEXT = (
    "Sonniges Wochenende. Hamburg. Der Wetterdienst erwartet Temperaturen bis 20 Grad. "
    'Meteorologin Anna Weber sagte: "Die Straße bleibt trocken, Grüße an alle Radfahrer."'
)


def nato_items() -> list[tuple[Article, Extraction]]:
    """Three small articles on two days, two sources, with quotes, entities and amounts."""
    a1 = article("nato-1", NATO_TEXT, title="NATO lehnt Flugverbotszone ab", date="2022-03-16")
    e1 = extraction(
        a1,
        entities=[
            ("Jens Stoltenberg", "PER", ["Jens Stoltenberg"]),
            ("NATO", "ORG", ["NATO"]),
            ("Ukraine", "LOC", ["Ukraine"]),
        ],
        quotes=[
            ('"Eine Flugverbotszone über der Ukraine wird es nicht geben."', "Jens Stoltenberg", "direct"),
            ("man werde die Lage genau beobachten", "Jens Stoltenberg", "indirect"),
        ],
        amounts=[("rund 100.000 Soldaten", 100000, "Soldaten")],
        roles={"Jens Stoltenberg": "NATO-Generalsekretär"},
    )
    e1.amounts[0].approximate = True
    a2 = article("ro-1", ROMANIA_TEXT, title="Truppen für Rumänien", date="2022-03-17", source="nachrichten")
    e2 = extraction(
        a2,
        entities=[
            ("Jens Stoltenberg", "PER", ["Stoltenberg"]),
            ("Rumänien", "LOC", ["Rumänien"]),
            ("Ukraine", "LOC", ["Ukraine"]),
        ],
        quotes=[
            ('"Eine Flugverbotszone über der Ukraine wird es nicht geben."', "Jens Stoltenberg", "direct")
        ],
        amounts=[("etwa 3000 Soldaten", 3000, "Soldaten")],
    )
    a3 = article("wetter-1", WEATHER_TEXT, title="Sonniges Wochenende", date="2022-03-20")
    e3 = extraction(
        a3,
        entities=[("Anna Weber", "PER", ["Anna Weber"]), ("Hamburg", "LOC", ["Hamburg"])],
        quotes=[('"Die Straße bleibt trocken, Grüße an alle Radfahrer."', "Anna Weber", "direct")],
        amounts=[("20 Grad", 20, "Grad")],
    )
    return [(a1, e1), (a2, e2), (a3, e3)]


def filled_store(path: Path) -> SQLiteStore:
    store = SQLiteStore(path)
    store.ingest_batch(nato_items())
    return store
