"""Indirect quotes, fifth round: swallowed trailing attributions, ``Demnach`` sentences."""

from __future__ import annotations

from wortlaut.nlp.quote_assemble import DraftQuote, indicative_unattributed
from wortlaut.nlp.quote_sources import (
    cut_trailing,
    find_adverb_sources,
    find_particle_trailing,
    find_sources,
    realign_source_messages,
    source_np_end,
)


def toks(text: str) -> list[str]:
    return text.split()


def labelled(words: list[str], kind: str, start: int = 0) -> list[str]:
    """Message labels covering ``words`` from ``start`` to the sentence's end."""
    return ["O"] * start + ["B-" + kind] + ["I-" + kind] * (len(words) - start - 1)


def test_a_message_run_over_its_trailing_attribution_is_cut_back() -> None:
    words = toks("Die Brücke sei seit Jahren marode , erklärten die Ingenieure in einem Gutachten .")
    msg = labelled(words, "IFI")
    (found,) = cut_trailing(words, msg, [0], [0] * len(words))
    assert msg[:6] == ["B-IFI"] + ["I-IFI"] * 5 and set(msg[6:]) == {"O"}
    assert found.message == [(0, 6)] and found.cue == (7, 8)
    assert words[slice(*found.speaker)][:2] == ["die", "Ingenieure"]
    # ``so X`` closes a message as well
    words = toks("Der Zug habe zwei Stunden Verspätung gehabt , so die Bahn .")
    msg = labelled(words, "IND")
    (found,) = cut_trailing(words, msg, [0], [0] * len(words))
    assert set(msg[7:]) == {"O"} and words[slice(*found.speaker)] == ["die", "Bahn"]


def test_no_cut_where_the_attribution_is_outside_or_the_sentence_is_a_report() -> None:
    # already outside: nothing to do
    words = toks("Der Zug habe zwei Stunden Verspätung gehabt , so die Bahn .")
    msg = ["B-IND"] + ["I-IND"] * 6 + ["O"] * 4
    assert cut_trailing(words, msg, [0], [0] * len(words)) == []
    # a reported speech act with an apposition is no clause plus attribution
    words = toks("Die Sprecherin der Grünen , Anna Berg , kritisierte die Pläne der Regierung .")
    msg = labelled(words, "REP")
    before = list(msg)
    assert cut_trailing(words, msg, [0], [0] * len(words)) == [] and msg == before
    # quotations are left alone
    words = toks("„ Das ist falsch “ , sagte der Minister .")
    msg = labelled(words, "IND")
    quoted = [1] * 5 + [0] * 4
    assert cut_trailing(words, msg, [0], quoted) == []


def test_demnach_opens_an_indirect_message() -> None:
    words = toks("Die Polizei legte einen Bericht vor . Demnach sei der Fahrer zu schnell gefahren .")
    msg = ["O"] * len(words)
    (found,) = find_adverb_sources(words, msg, [0, 7], [0] * len(words))
    assert found.cue == (7, 8) and found.speaker == (7, 7)
    assert [words[a:b] for a, b in found.message] == [toks("sei der Fahrer zu schnell gefahren")]


def test_demnach_sentences_already_tagged_or_quoted_or_danach_are_skipped() -> None:
    words = toks("Demnach sei der Fahrer zu schnell gefahren .")
    assert find_adverb_sources(words, labelled(words, "IND", 1), [0], [0] * len(words)) == []
    assert find_adverb_sources(words, ["O"] * len(words), [0], [0, 0, 1, 1, 0, 0, 0, 0]) == []
    words = toks("Danach fuhr der Fahrer viel zu schnell weiter .")
    assert find_adverb_sources(words, ["O"] * len(words), [0], [0] * len(words)) == []


def test_source_phrase_takes_a_name_apposition_or_parenthesis() -> None:
    words = toks("Nach Angaben des Direktors der Firma , Hans Meier , sei der Zug pünktlich gewesen .")
    assert words[source_np_end(words, 1, len(words))] == "sei"
    words = toks("Nach Angaben des Geological Survey ( USGS ) fand das Beben in großer Tiefe statt .")
    assert words[source_np_end(words, 1, len(words))] == "fand"
    # no apposition: the phrase ends at its noun
    words = toks("Nach Angaben der Polizei , die den Fall untersucht , sei niemand verletzt worden .")
    assert words[source_np_end(words, 1, len(words))] == ","


def test_a_message_started_inside_the_source_phrase_moves_behind_it() -> None:
    words = toks("Nach Angaben des Direktors der Firma , Hans Meier , sei der Zug pünktlich gewesen .")
    msg = ["O"] * 4 + ["B-IND"] + ["I-IND"] * 11 + ["O"]
    realign_source_messages(words, msg, [0])
    assert msg[:10] == ["O"] * 10 and msg[10] == "B-IND" and msg[11:16] == ["I-IND"] * 5
    # a number opens the message's own subject: left as tagged
    words = toks("Laut Behördenangaben 500 Menschen mussten in Sicherheit gebracht werden .")
    msg = ["O", "O"] + ["B-IND"] + ["I-IND"] * 6 + ["O"]
    before = list(msg)
    realign_source_messages(words, msg, [0])
    assert msg == before
    # ``nach`` without a source noun is no source phrase
    words = toks("Nach dem Spiel der Mannschaft , Hans Meier , sei der Trainer zufrieden gewesen .")
    msg = ["O"] * 3 + ["B-IND"] + ["I-IND"] * 12 + ["O"]
    before = list(msg)
    realign_source_messages(words, msg, [0])
    assert msg == before


def test_trailing_particle_verbs_need_their_particle() -> None:
    words = toks("Der Umsatz werde deutlich steigen , gab der Vorstand der Firma bekannt .")
    (found,) = find_sources(words, ["O"] * len(words), [0], [0] * len(words))
    assert found.message == [(0, 5)] and found.cue == (6, 7) and found.particle == (11, 12)
    assert words[slice(*found.speaker)] == toks("der Vorstand der Firma")
    # ``gab`` without its particle, or negated, is no attribution
    words = toks("Der Zug fuhr ab , gab es doch keine Verletzten .")
    assert find_particle_trailing(words, 0, len(words)) is None
    words = toks("Wieso der Zug hielt , gab die Bahn nicht bekannt .")
    assert find_particle_trailing(words, 0, len(words)) is None


def _far_quote(words: list[str]) -> DraftQuote:
    return DraftQuote(type="IND", spans=[(0, len(words) - 1)], far=True)


def test_indicative_messages_kept_only_by_a_far_speaker_are_dropped() -> None:
    subjunctive = frozenset({"sei", "habe"})
    words = toks("Die Veranstaltung wurde von vielen Demonstranten begleitet .")
    assert indicative_unattributed(_far_quote(words), words, subjunctive)
    # a subjunctive, the hearsay modal or a source phrase marks a report
    for text in (
        "Die Veranstaltung sei von vielen Demonstranten begleitet worden .",
        "Die Veranstaltung soll von vielen Demonstranten begleitet werden .",
        "Nach einer Stellungnahme der Polizei waren viele Demonstranten da .",
    ):
        words = toks(text)
        assert not indicative_unattributed(_far_quote(words), words, subjunctive)
    # ``nach`` as an ordinary preposition is no marker
    words = toks("Er verteidigte den Kurs nach der Wahl gegen alle Kritik .")
    assert indicative_unattributed(_far_quote(words), words, subjunctive)
    # a cue or a speaker of its own keeps the quote
    words = toks("Die Veranstaltung wurde von vielen Demonstranten begleitet .")
    q = _far_quote(words)
    q.cue = [(2, 3)]
    assert not indicative_unattributed(q, words, subjunctive)
    q = DraftQuote(type="IND", spans=[(0, 7)], speaker=(3, 6))
    assert not indicative_unattributed(q, words, subjunctive)


def test_a_reported_sentence_is_cut_only_before_a_particle_verb() -> None:
    words = toks("Die Grenzen des Landes bleiben geschlossen , kündigte die Regierung in Lomé an .")
    msg = labelled(words, "REP")
    (found,) = cut_trailing(words, msg, [0], [0] * len(words))
    assert set(msg[6:]) == {"O"} and found.cue == (7, 8) and found.particle == (12, 13)
    words = toks("Die Zahl der Toten sei gestiegen , sagte der Sprecher der Polizei .")
    msg = labelled(words, "REP")
    assert cut_trailing(words, msg, [0], [0] * len(words)) == []
