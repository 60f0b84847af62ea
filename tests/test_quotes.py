"""The quotation component on hand-written German news sentences, with hand-set entities."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wortlaut.article import ZoneSpan
from wortlaut.contract import Entity, Mention, Quote
from wortlaut.nlp import quotes  # noqa: F401  (registers the factory)


def nlp() -> Language:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("wortlaut_quotes_v1")
    return pipeline


NLP = nlp()


def person(eid: str, name: str, text: str, surface: str | None = None) -> Entity:
    """A PER entity with a mention at every occurrence of ``surface`` (default: the name)."""
    surface = surface or name
    mentions, pos = [], 0
    while (start := text.find(surface, pos)) >= 0:
        mentions.append(Mention(start, start + len(surface), surface))
        pos = start + 1
    return Entity(eid, "PER", name, mentions)


def run(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    doc: Doc = NLP.make_doc(text)
    doc._.wl_entities = entities or []
    return list(NLP(doc)._.wl_quotes)


def only(found: list[Quote], kind: str) -> list[Quote]:
    return [q for q in found if q.type == kind]


def test_direct_quote_with_speaker_and_cue_after_it() -> None:
    text = (
        "„Wir werden die Hilfe für die Ukraine weiter ausbauen“, sagte Bundeskanzler Olaf Scholz am Montag."
    )
    found = run(text, [person("E1", "Olaf Scholz", text)])
    direct = only(found, "direct")
    assert len(direct) == 1
    q = direct[0]
    assert q.text == "„Wir werden die Hilfe für die Ukraine weiter ausbauen“"
    assert q.cue is not None and q.cue.text == "sagte"
    assert q.speaker is not None and "Scholz" in q.speaker.text
    assert (q.speaker.entity, q.speaker.name) == ("E1", "Olaf Scholz")


def test_every_quote_style_is_found() -> None:
    for open_, close in (("„", "“"), ("»", "«"), ('"', '"'), ("«", "»"), ("“", "”")):
        text = f"{open_}Die Lage ist sehr ernst und wir müssen jetzt handeln{close}, sagte der Minister."
        direct = only(run(text), "direct")
        assert [q.text for q in direct] == [
            f"{open_}Die Lage ist sehr ernst und wir müssen jetzt handeln{close}"
        ]


def test_split_quote_is_one_quote_with_two_spans() -> None:
    text = (
        "Die Botschafterin Julianne Smith äußerte sich am Abend. "
        "„Die Alliierten werden sich zusammensetzen“, so Smith, „um darüber zu sprechen.“"
    )
    direct = only(run(text, [person("E1", "Julianne Smith", text, "Julianne Smith")]), "direct")
    assert len(direct) == 1
    assert len(direct[0].spans) == 2
    assert direct[0].speaker is not None and direct[0].speaker.text == "Smith"
    assert direct[0].cue is not None and direct[0].cue.text == "so"


def test_indirect_speech_with_so_x() -> None:
    text = "Man werde die Strategie überdenken, so Stoltenberg."
    indirect = only(run(text), "indirect")
    assert len(indirect) == 1
    assert indirect[0].text == "Man werde die Strategie überdenken"
    assert indirect[0].speaker is not None and indirect[0].speaker.text == "Stoltenberg"


def test_indirect_speech_with_a_dass_clause() -> None:
    text = "Der Sprecher der Polizei sagte, dass die Straße bis Freitag gesperrt bleibe."
    indirect = only(run(text), "indirect")
    assert len(indirect) == 1
    assert "gesperrt bleibe" in indirect[0].text
    assert indirect[0].cue is not None and indirect[0].cue.text == "sagte"


def test_pronoun_speaker_resolves_to_the_person_before_it() -> None:
    text = (
        "Die Antwort von Generalsekretär Jens Stoltenberg fiel deutlich aus. "
        "„Seit Jahren trainieren die Alliierten ukrainische Soldaten“, sagte er."
    )
    direct = only(run(text, [person("E1", "Jens Stoltenberg", text)]), "direct")
    assert len(direct) == 1
    speaker = direct[0].speaker
    assert speaker is not None and speaker.text == "er"
    assert (speaker.entity, speaker.name) == ("E1", "Jens Stoltenberg")


def test_subjunctive_continuation_inherits_the_speaker() -> None:
    text = (
        "Die Antwort von Generalsekretär Jens Stoltenberg fiel deutlich aus. "
        "„Seit Jahren trainieren die Alliierten ukrainische Soldaten“, sagte er. "
        "Viele von ihnen seien jetzt an der Front im Einsatz."
    )
    found = run(text, [person("E1", "Jens Stoltenberg", text)])
    continuation = [q for q in found if q.text.startswith("Viele von ihnen seien")]
    assert len(continuation) == 1
    assert continuation[0].type in ("indirect_free_indirect", "indirect")
    assert continuation[0].speaker is not None and continuation[0].speaker.name == "Jens Stoltenberg"


def test_quotes_outside_prose_zones_are_ignored() -> None:
    text = "„Wir werden die Hilfe weiter ausbauen“, sagte der Minister."
    doc = NLP.make_doc(text)
    doc._.wl_zones = [ZoneSpan(0, len(text), "boilerplate")]
    doc._.wl_entities = []
    assert NLP(doc)._.wl_quotes == []


def test_text_without_quotations_yields_none() -> None:
    assert run("Der Zug fährt um acht Uhr ab. Das Wetter ist schön.") == []


def test_straight_mark_after_a_full_stop_opens_the_next_sentence() -> None:
    from wortlaut.nlp.quote_features import sentence_ids, split_sentences

    words = ["Er", "kam", ".", '"', "Ja", '"', ",", "sagte", "er", "."]
    spaces = [True, True, False, True, False, False, False, True, True, False]
    assert split_sentences(words, [False] * 10, spaces) == [0, 3]
    # a closing straight mark (no space before it) stays with its sentence
    words = ["„", "Er", "kam", ".", '"', "Dann", "ging", "er", "."]
    spaces = [True, False, True, False, False, True, True, True, False]
    assert split_sentences(words, [False] * 9, spaces) == [0, 5]
    assert sentence_ids(5, [0, 3]) == [0, 0, 0, 1, 1]
    assert sentence_ids(4, [2]) == [0, 0, 0, 0]  # tokens before the first start join it


def test_source_phrase_is_found_through_the_component() -> None:
    (quote,) = run("Nach Angaben der Polizei wurden drei Menschen verletzt.")
    assert quote.type == "indirect"
    assert quote.speaker is not None and quote.speaker.text == "Angaben der Polizei"
    assert quote.cue is not None and quote.cue.text == "Nach"
    assert quote.text == "wurden drei Menschen verletzt"
