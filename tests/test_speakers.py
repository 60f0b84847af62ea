"""Speaker mentions resolve to the article's entities."""

from __future__ import annotations

from wortlaut.contract import Entity, Mention, RoleMention, Speaker
from wortlaut.resolve.speakers import resolve_span, resolve_speaker

TEXT = (
    "NATO-Generalsekretär Jens Stoltenberg sprach in Brüssel. Die Botschafterin Julianne Smith nickte. "
    "Der russische Vorwurf wog schwer. Er sagte es. Sie sagte nichts. Der Generalsekretär blieb."
)
GENDERS = {"Jens": "m", "Julianne": "f"}


def at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def entities() -> list[Entity]:
    s, e = at("Jens Stoltenberg")
    smith = at("Julianne Smith")
    nato = at("NATO")
    russ = at("russische")
    return [
        Entity(
            "E1",
            "PER",
            "Jens Stoltenberg",
            [Mention(s, e, "Jens Stoltenberg")],
            roles=[RoleMention("NATO-Generalsekretär", 0, 20)],
        ),
        Entity(
            "E2",
            "PER",
            "Julianne Smith",
            [Mention(*smith, "Julianne Smith")],
            roles=[RoleMention("Botschafterin", 0, 0)],
        ),
        Entity("E3", "ORG", "NATO", [Mention(*nato, "NATO", kind="part")]),
        Entity("E4", "LOC", "Russland", [Mention(*russ, "russische", kind="derived")]),
    ]


def resolved(span: tuple[int, int]) -> str | None:
    entity = resolve_span(span[0], span[1], TEXT, entities(), GENDERS)
    return entity.name if entity else None


def test_name_inside_a_role_phrase_resolves_to_the_person() -> None:
    assert resolved((TEXT.index("Die Botschafterin"), at("Julianne Smith")[1])) == "Julianne Smith"


def test_pronoun_er_skips_the_more_recent_woman() -> None:
    assert resolved(at("Er")) == "Jens Stoltenberg"


def test_pronoun_sie_takes_the_most_recent_woman() -> None:
    assert resolved(at("Sie", 0)) == "Julianne Smith"


def test_role_noun_resolves_through_entity_roles() -> None:
    assert resolved((TEXT.index("Der Generalsekretär"), TEXT.index(" blieb"))) == "Jens Stoltenberg"


def test_derived_adjective_alone_resolves_to_the_place() -> None:
    assert resolved(at("russische")) == "Russland"


def test_role_phrase_without_a_known_bearer_stays_unresolved() -> None:
    assert resolved((TEXT.index("Der russische Vorwurf"), TEXT.index(" wog"))) is None


def test_surname_missed_by_ner_still_resolves() -> None:
    text = TEXT + " Smith lachte."
    start = text.rindex("Smith")
    entity = resolve_span(start, start + 5, text, entities(), GENDERS)
    assert entity is not None and entity.id == "E2"


def test_inherited_pronoun_speaker_keeps_the_pronoun_and_names_the_person() -> None:
    s, e = at("Er")
    speaker = Speaker(spans=[(s, e)], text="Er")
    resolve_speaker(speaker, TEXT, entities(), GENDERS)
    assert (speaker.entity, speaker.name, speaker.text, speaker.spans) == (
        "E1",
        "Jens Stoltenberg",
        "Er",
        [(s, e)],
    )


def test_pronoun_after_a_quote_skips_a_person_named_in_the_quote() -> None:
    text = "Anna Berg kam. „Wir stehen gegen Karl Ober“, betonte sie."
    anna, karl = text.index("Anna Berg"), text.index("Karl Ober")
    people = [
        Entity("E1", "PER", "Anna Berg", [Mention(anna, anna + 9, "Anna Berg")]),
        Entity("E2", "PER", "Karl Ober", [Mention(karl, karl + 9, "Karl Ober")]),
    ]
    genders_unknown = {"Anna": "f"}  # Karl's sex is unknown: only the skip keeps him out
    start = text.rindex("sie")
    quote = (text.index("„"), text.index("“") + 1)
    speaker = Speaker(spans=[(start, start + 3)], text="sie")
    resolve_speaker(speaker, text, people, genders_unknown, [quote])
    assert speaker.name == "Anna Berg"
    speaker = Speaker(spans=[(start, start + 3)], text="sie")
    resolve_speaker(speaker, text, people, genders_unknown)
    assert speaker.name == "Karl Ober"  # without the quote's span, the nearest person
