"""Indirect quotes, fifth round: swallowed trailing attributions, ``Demnach`` sentences."""

from __future__ import annotations

from wortlaut.nlp.quote_sources import cut_trailing, find_adverb_sources


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
