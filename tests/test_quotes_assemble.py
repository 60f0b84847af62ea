"""Grouping token labels into quotations: split quotes, roles per sentence, inheritance, nesting."""

from __future__ import annotations

from wortlaut.nlp.quote_assemble import Chunk, assemble, can_speak, chunks, force_direct, oblique
from wortlaut.nlp.quote_marks import Quoted, pair_marks


def sentence(text: str) -> list[str]:
    """Tokens of a sentence written with spaces between them."""
    return text.split(" ")


def labels(spec: str) -> list[str]:
    """'O B-DIR I-DIR …' as a list."""
    return spec.split()


def test_chunks_start_at_b_and_at_label_changes() -> None:
    found = chunks(labels("O B-IND I-IND B-IND I-DIR O B-SPK"))
    assert [(c.label, c.start, c.end) for c in found] == [
        ("IND", 1, 3),
        ("IND", 3, 4),
        ("DIR", 4, 5),
        ("SPK", 6, 7),
    ]


def test_split_quote_around_attribution_is_one_quote() -> None:
    words = ["„", "Eins", "“", ",", "so", "Smith", ",", "„", "zwei", "“", "."]
    msg = labels("B-DIR I-DIR I-DIR O O O O B-DIR I-DIR I-DIR O")
    roles = labels("O O O FRM B-CUE B-SPK FRM O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.spans == [(0, 3), (7, 10)]
    assert quote.speaker == (5, 6)
    assert quote.cue == [(4, 5)]


def test_two_quotes_with_plain_text_between_stay_two() -> None:
    words = ["„", "Eins", "“", "und", "dann", "„", "zwei", "“"]
    msg = labels("B-DIR I-DIR I-DIR O O B-DIR I-DIR I-DIR")
    assert len(assemble(words, msg, ["O"] * 8, [0], [])) == 2


def test_quote_without_speaker_inherits_from_previous_quote() -> None:
    words = ["Er", "sagte", ",", "es", "sei", "gut", ".", "Es", "gebe", "Hoffnung", "."]
    msg = labels("O O O B-IND I-IND I-IND O B-IFI I-IFI I-IFI I-IFI")
    roles = labels("B-SPK B-CUE O O O O O O O O O")
    first, second = assemble(words, msg, roles, [0, 7], [])
    assert first.speaker == (0, 1)
    assert second.speaker == (0, 1) and second.inherited


def test_person_named_in_the_sentence_beats_inheritance() -> None:
    words = ["Müller", "sagte", "es", ".", "„", "Ja", "“", ",", "meinte", "Schulz", "."]
    msg = labels("O O B-REP O B-DIR I-DIR I-DIR O O O O")
    roles = labels("B-SPK B-CUE O O O O O O B-CUE O O")
    names = [Chunk("PER", 0, 1), Chunk("PER", 9, 10)]
    quotes = assemble(words, msg, roles, [0, 4], [], names)
    direct = [q for q in quotes if q.type == "DIR"][0]
    assert direct.speaker == (9, 10) and not direct.inherited


def test_quoted_words_inside_a_paraphrase_become_a_nested_direct_quote() -> None:
    words = ["Er", "nannte", "es", "„", "Unsinn", "“", "."]
    msg = labels("B-REP I-REP I-REP I-REP I-REP I-REP O")
    roles = labels("B-SPK O O O O O O")
    quotes = assemble(words, msg, roles, [0], [Quoted(3, 6, 0)])
    nested = [q for q in quotes if q.nested]
    assert len(nested) == 1 and nested[0].spans == [(3, 6)] and nested[0].speaker == (0, 1)


def test_long_quoted_stretch_is_direct_even_when_the_tagger_missed_it() -> None:
    msg = ["O"] * 12
    forced = force_direct(msg, [Quoted(1, 11, 0)])
    assert forced[1] == "B-DIR" and all(lab == "I-DIR" for lab in forced[2:11]) and forced[11] == "O"


def test_short_quoted_word_is_left_to_the_tagger() -> None:
    assert force_direct(["O"] * 4, [Quoted(0, 3, 0)]) == ["O"] * 4


def test_short_quoted_wording_with_a_lower_case_word_is_direct() -> None:
    words = ["nannte", "sie", "„", "reine", "Spekulation", "“", "."]
    forced = force_direct(["O"] * 7, [Quoted(2, 6, 0)], words)
    assert forced[2:6] == ["B-DIR", "I-DIR", "I-DIR", "I-DIR"]


def test_quoted_title_in_capitals_is_not_direct() -> None:
    words = ["in", "der", "„", "Washington", "Post", "“"]
    assert force_direct(["O"] * 6, [Quoted(2, 6, 0)], words) == ["O"] * 6


def test_speaker_label_inside_a_direct_quote_is_ignored() -> None:
    words = ["Merkel", "erklärte", ":", "„", "Wir", "wissen", "das", ".", "“"]
    msg = labels("O O O B-DIR I-DIR I-DIR I-DIR I-DIR I-DIR")
    roles = labels("O B-CUE O O B-SPK O O O O")
    (quote,) = assemble(words, msg, roles, [0], [], [Chunk("PER", 0, 1)])
    assert quote.speaker == (0, 1)


def test_derived_adjective_before_the_cue_noun_is_the_speaker() -> None:
    words = ["durch", "den", "russischen", "Vorwurf", ",", "es", "gebe", "Labore"]
    msg = labels("O O O O O B-IND I-IND I-IND")
    (quote,) = assemble(words, msg, ["O"] * 8, [0], [], [Chunk("DER", 2, 3)])
    assert quote.speaker == (2, 3)


def test_name_after_a_preposition_is_not_a_speaker() -> None:
    # (``Bei der NATO hieß es``, with ``heißt es``, names the source: see document_speaker)
    words = ["Bei", "der", "NATO", "wurde", "betont", ",", "man", "sei", "bereit"]
    msg = labels("O O O O O O B-IND I-IND I-IND")
    roles = labels("O O O B-CUE I-CUE O O O O")
    (quote,) = assemble(words, msg, roles, [0], [], [Chunk("ORG", 2, 3)])
    assert quote.speaker is None


def test_indirect_message_without_cue_or_speaker_is_dropped() -> None:
    words = ["Die", "Lage", "sei", "ruhig", ",", "meint", "Smith"]
    msg = labels("B-IND I-IND I-IND I-IND O O O")
    assert assemble(words, msg, ["O"] * 7, [0], []) == []
    # the same message with a speaker (a name in its sentence) stays
    (quote,) = assemble(words, msg, ["O"] * 7, [0], [], [Chunk("PER", 6, 7)])
    assert quote.type == "IND" and quote.speaker == (6, 7)


def test_nested_direct_quote_shares_cue_and_frame_of_its_paraphrase() -> None:
    words = ["Er", "sagte", ",", "es", "sei", "„", "reine", "Spekulation", "“", "."]
    msg = labels("O O O B-IND I-IND I-IND I-IND I-IND I-IND O")
    roles = labels("B-SPK B-CUE FRM O O O O O O O")
    quoted = [Quoted(5, 9, 0)]
    paraphrase, nested = assemble(words, msg, roles, [0], quoted)
    assert nested.nested and nested.type == "DIR" and nested.spans == [(5, 9)]
    assert nested.speaker == paraphrase.speaker == (0, 1)
    assert nested.cue == paraphrase.cue == [(1, 2)]
    assert nested.frame == paraphrase.frame


def test_tagged_speaker_loses_a_trailing_verb_and_a_lone_verb_is_no_speaker() -> None:
    words = ["Politische", "Beobachter", "wiesen", "darauf", "hin", ",", "dass", "es", "regne"]
    msg = labels("O O O O O O B-IND I-IND I-IND")
    roles = labels("B-SPK I-SPK I-SPK B-CUE I-CUE O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (0, 2)
    roles = labels("O O B-SPK B-CUE I-CUE O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker is None


def test_quoted_title_is_not_a_direct_quote_but_wording_is() -> None:
    words = ["die", "„", "Partij", "voor", "de", "Vrijheid", "“", "und", "„", "reine", "Spekulation", "“"]
    quoted = [Quoted(1, 7, 0), Quoted(8, 12, 0)]
    msg = labels("O B-DIR I-DIR I-DIR I-DIR I-DIR I-DIR O O O O O")
    out = force_direct(msg, quoted, words)
    assert out[1:7] == ["O"] * 6
    assert out[8:12] == ["B-DIR", "I-DIR", "I-DIR", "I-DIR"]


def test_every_contract_quote_type_has_a_tag() -> None:
    from wortlaut.contract import QUOTE_TYPES
    from wortlaut.nlp.quote_assemble import TYPE_NAMES

    assert sorted(TYPE_NAMES.values()) == sorted(QUOTE_TYPES)


def test_speaker_phrase_takes_its_genitive_attribute() -> None:
    words = ["„", "Ja", "“", ",", "so", "der", "Korrespondent", "der", "ukrainischen", "Agentur", "."]
    msg = labels("B-DIR I-DIR I-DIR O O O O O O O O")
    roles = labels("O O O O B-CUE B-SPK I-SPK O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (5, 10)


def test_quotation_the_tagger_typed_as_paraphrase_is_direct_unless_the_paraphrase_goes_on() -> None:
    words = ["„", "a", "b", "c", "d", "e", "f", "g", "“", ",", "sagte", "er"]
    quoted = [Quoted(0, 9, 0)]
    only_inside = labels("O B-IND I-IND I-IND I-IND I-IND I-IND I-IND O O O O")
    assert force_direct(only_inside, quoted, words)[:9] == ["B-DIR"] + ["I-DIR"] * 8
    words = ["es", "sei", "„", "a", "b", "c", "d", "e", "f", "g", "“"]
    quoted = [Quoted(2, 11, 0)]
    around = labels("B-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND")
    assert force_direct(around, quoted, words) == around


def test_speaker_before_its_cue_speaks_the_message_after_the_cue() -> None:
    # „Zu hart“, Trainer Löw nannte die Strafe „übertrieben“.
    words = [
        "„",
        "Zu",
        "hart",
        "“",
        ",",
        "Trainer",
        "Löw",
        "nannte",
        "die",
        "Strafe",
        "„",
        "übertrieben",
        "“",
        ".",
    ]
    msg = labels("B-DIR I-DIR I-DIR I-DIR O O O O O O B-DIR I-DIR I-DIR O")
    roles = labels("O O O O FRM B-SPK I-SPK B-CUE O O O O O O")
    first, second = assemble(words, msg, roles, [0], [])
    assert second.speaker == (5, 7)
    assert first.speaker != (5, 7)


def test_speaker_after_its_cue_speaks_the_message_before_it() -> None:
    # „Wir gewinnen“, sagte Müller, und Schulz meinte, es werde schwer.
    words = [
        "„",
        "Wir",
        "gewinnen",
        "“",
        ",",
        "sagte",
        "Müller",
        ",",
        "und",
        "Schulz",
        "meinte",
        ",",
        "es",
        "werde",
        "schwer",
        ".",
    ]
    msg = labels("B-DIR I-DIR I-DIR I-DIR O O O O O O O O B-IND I-IND I-IND O")
    roles = labels("O O O O FRM B-CUE B-SPK O O B-SPK B-CUE FRM O O O O")
    first, second = assemble(words, msg, roles, [0], [])
    assert first.speaker == (6, 7)
    assert second.speaker == (9, 10)


def test_a_source_preposition_does_not_point_back() -> None:
    # „Ja“, und laut Polizei sei alles ruhig. — ``laut`` introduces what follows
    words = ["„", "Ja", "“", ",", "und", "laut", "Polizei", "sei", "alles", "ruhig", "."]
    msg = labels("B-DIR I-DIR I-DIR O O O O B-IND I-IND I-IND O")
    roles = labels("O O O O O B-CUE B-SPK O O O O")
    first, second = assemble(words, msg, roles, [0], [])
    assert second.speaker == (6, 7)


def test_speaker_between_two_messages_speaks_both() -> None:
    # „Bald“, so Finanzvorstand Pötsch, werde VW ein Auto bauen.
    words = [
        "„",
        "Bald",
        "“",
        ",",
        "so",
        "Finanzvorstand",
        "Pötsch",
        ",",
        "werde",
        "VW",
        "ein",
        "Auto",
        "bauen",
        ".",
    ]
    msg = labels("B-DIR I-DIR I-DIR O O O O O B-IND I-IND I-IND I-IND I-IND O")
    roles = labels("O O O FRM B-CUE B-SPK I-SPK FRM O O O O O O")
    names = [Chunk("PER", 6, 7)]
    first, second = assemble(words, msg, roles, [0], [], names)
    assert first.speaker == (5, 7)
    assert second.speaker == (5, 7) and not second.inherited


def test_speaker_of_the_next_sentence_is_not_shared() -> None:
    words = ["Es", "sei", "kalt", ".", "Die", "Polizei", "meldete", "nichts", "."]
    msg = labels("B-IFI I-IFI I-IFI I-IFI O O O O O")
    roles = labels("O O O O B-SPK I-SPK B-CUE O O")
    (quote,) = assemble(words, msg, roles, [0, 4], [])
    assert quote.speaker != (4, 6)


def test_indirect_quote_keeps_no_speaker_inherited_from_an_earlier_sentence() -> None:
    # Er sagte, es sei gut. Am Abend regnete es. Die Lage sei ernst, hieß es.
    words = ["Er", "sagte", ",", "es", "sei", "gut", ".", "Am", "Abend", "regnete", "es", "."]
    words += ["Die", "Lage", "sei", "ernst", ",", "hieß", "es", "."]
    msg = labels("O O O B-IND I-IND I-IND O O O O O O B-IND I-IND I-IND I-IND O O O O")
    roles = labels("B-SPK B-CUE FRM O O O O O O O O O O O O O FRM B-CUE I-CUE O")
    first, second = assemble(words, msg, roles, [0, 7, 12], [])
    assert first.speaker == (0, 1)
    assert second.speaker is None and second.cue == [(17, 19)]


def test_far_inherited_speaker_still_keeps_an_indirect_quote_without_cue() -> None:
    words = ["Er", "sagte", ",", "es", "sei", "gut", ".", "Am", "Abend", "regnete", "es", "."]
    words += ["Die", "Lage", "sei", "ernst", "."]
    msg = labels("O O O B-IND I-IND I-IND O O O O O O B-IND I-IND I-IND I-IND O")
    roles = labels("B-SPK B-CUE FRM O O O O O O O O O O O O O O")
    quotes = assemble(words, msg, roles, [0, 7, 12], [])
    assert len(quotes) == 2 and quotes[1].speaker is None


def test_direct_quote_inherits_from_further_back() -> None:
    words = ["Er", "sagte", ",", "es", "sei", "gut", ".", "Am", "Abend", "regnete", "es", "."]
    words += ["„", "Wir", "hoffen", "“", "."]
    msg = labels("O O O B-IND I-IND I-IND O O O O O O B-DIR I-DIR I-DIR I-DIR O")
    roles = labels("B-SPK B-CUE FRM O O O O O O O O O O O O O O")
    quotes = assemble(words, msg, roles, [0, 7, 12], [])
    assert quotes[1].speaker == (0, 1) and quotes[1].inherited


def test_speaker_ends_before_the_circumstance_of_the_speech_act() -> None:
    # „Es wird schlimm“, sagte er gegenüber dem Radio.
    words = ["„", "Es", "wird", "schlimm", "“", ",", "sagte", "er", "gegenüber", "dem", "Radio", "."]
    msg = labels("B-DIR I-DIR I-DIR I-DIR I-DIR O O O O O O O")
    roles = labels("O O O O O FRM B-CUE B-SPK I-SPK I-SPK I-SPK O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (7, 8)


def test_speaker_name_ends_before_a_preposition_but_a_role_noun_does_not() -> None:
    # „Gut“, sagte Oliver Zille bei der Vorstellung. / „Gut“, sagte ein Sprecher in Berlin.
    words = ["„", "Gut", "“", ",", "sagte", "Oliver", "Zille", "bei", "der", "Vorstellung", "."]
    msg = labels("B-DIR I-DIR I-DIR O O O O O O O O")
    roles = labels("O O O FRM B-CUE B-SPK I-SPK I-SPK I-SPK I-SPK O")
    (quote,) = assemble(words, msg, roles, [0], [], [Chunk("PER", 5, 7)])
    assert quote.speaker == (5, 7)
    words = ["„", "Gut", "“", ",", "sagte", "ein", "Sprecher", "in", "Berlin", "."]
    msg = labels("B-DIR I-DIR I-DIR O O O O O O O")
    roles = labels("O O O FRM B-CUE B-SPK I-SPK I-SPK I-SPK O")
    (quote,) = assemble(words, msg, roles, [0], [], [Chunk("LOC", 8, 9)])
    assert quote.speaker == (5, 9)


def test_speaker_takes_the_parenthesis_after_it() -> None:
    # Renate Schmidt (SPD) sagte, sie sei zufrieden.
    words = ["Renate", "Schmidt", "(", "SPD", ")", "sagte", ",", "sie", "sei", "zufrieden", "."]
    msg = labels("O O O O O O O B-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK O O O B-CUE FRM O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (0, 5)


def test_circumstance_phrase_is_no_speaker() -> None:
    # Mit Verweis auf Quellen berichtete die Zeitung, der Angriff sei geplant gewesen.
    words = [
        "Mit",
        "Verweis",
        "auf",
        "Quellen",
        "berichtete",
        "die",
        "Zeitung",
        ",",
        "der",
        "Angriff",
        "sei",
        "geplant",
        ".",
    ]
    msg = labels("O O O O O O O O B-IND I-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK I-SPK I-SPK B-CUE B-SPK I-SPK FRM O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (5, 7)


def test_speaker_loses_a_leading_fuer() -> None:
    # Für Senator Lemke ist das „ein gutes Beispiel“.
    words = ["Für", "Senator", "Lemke", "ist", "das", "„", "ein", "gutes", "Beispiel", "“", "."]
    msg = labels("O O O O O B-DIR I-DIR I-DIR I-DIR I-DIR O")
    roles = labels("B-SPK I-SPK I-SPK B-CUE O O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (1, 3)


def test_demnach_before_a_message_is_its_speaker_when_nothing_else_is() -> None:
    # Der Bericht liegt vor. Demnach sei die Lage ernst.
    words = ["Der", "Bericht", "liegt", "vor", ".", "Demnach", "sei", "die", "Lage", "ernst", "."]
    msg = labels("O O O O O O B-IND I-IND I-IND I-IND O")
    (quote,) = assemble(words, msg, ["O"] * 11, [0, 5], [])
    assert quote.speaker == (5, 6)


def test_demnach_yields_to_a_tagged_source_before_it() -> None:
    words = ["Der", "Bericht", "liegt", "vor", ".", "Demnach", "sei", "die", "Lage", "ernst", "."]
    msg = labels("O O O O O O B-IND I-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK O O O O O O O O O")
    (quote,) = assemble(words, msg, roles, [0, 5], [])
    assert quote.speaker == (0, 2) and quote.inherited


def test_person_named_in_the_sentence_takes_the_role_before_the_name() -> None:
    # „Schnell und entschieden“, versprach der israelische Premier Benjamin Netanyahu.
    words = ["„", "Schnell", "“", "versprach", "der", "israelische", "Premier", "Benjamin", "Netanyahu", "."]
    msg = labels("B-DIR I-DIR I-DIR O O O O O O O")
    roles = labels("O O O B-CUE O O O O O O")
    names = [Chunk("ROL", 6, 7), Chunk("PER", 7, 9)]
    (quote,) = assemble(words, msg, roles, [0], [], names)
    assert quote.speaker == (4, 9)


def test_person_named_in_the_sentence_takes_the_role_apposition() -> None:
    # Karin Broszat, die Vorsitzende des Verbands, nannte das „Trickserei“.
    words = [
        "Karin",
        "Broszat",
        ",",
        "die",
        "Vorsitzende",
        "des",
        "Verbands",
        ",",
        "nannte",
        "das",
        "„",
        "Trickserei",
        "“",
        ".",
    ]
    msg = labels("O O O O O O O O O O B-DIR I-DIR I-DIR O")
    roles = labels("O O O O O O O O B-CUE O O O O O")
    names = [Chunk("PER", 0, 2), Chunk("ROL", 4, 7)]
    (quote,) = assemble(words, msg, roles, [0], [], names)
    assert quote.speaker == (0, 7)


def test_a_role_is_never_a_speaker_of_its_own() -> None:
    words = ["„", "Schnell", "“", "versprach", "der", "Premier", "."]
    msg = labels("B-DIR I-DIR I-DIR O O O O")
    (quote,) = assemble(words, msg, labels("O O O B-CUE O O O"), [0], [], [Chunk("ROL", 5, 6)])
    assert quote.speaker is None


def test_genitive_after_a_source_noun_moves_from_the_message_to_the_speaker() -> None:
    # Nach Einschätzung politischer Beobachter war der Zusammenstoß provoziert.
    words = [
        "Nach",
        "Einschätzung",
        "politischer",
        "Beobachter",
        "war",
        "der",
        "Zusammenstoß",
        "provoziert",
        ".",
    ]
    msg = labels("O O B-IND I-IND I-IND I-IND I-IND I-IND O")
    roles = labels("B-CUE B-SPK O O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (1, 4)
    assert quote.spans == [(4, 8)]


def test_chained_genitives_after_a_source_noun() -> None:
    # laut Angaben des Leiters der griechischen Sektion könnte es dauern
    words = [
        "laut",
        "Angaben",
        "des",
        "Leiters",
        "der",
        "griechischen",
        "Sektion",
        "könnte",
        "es",
        "lange",
        "dauern",
    ]
    msg = labels("O O B-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND")
    roles = labels("B-CUE B-SPK O O O O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (1, 7) and quote.spans == [(7, 11)]


def test_a_message_after_a_source_noun_keeps_what_is_no_genitive() -> None:
    # nach israelischen Angaben unter anderem der Planung gedient
    words = ["nach", "israelischen", "Angaben", "unter", "anderem", "der", "Planung", "gedient", "habe"]
    msg = labels("O O O B-IND I-IND I-IND I-IND I-IND I-IND")
    roles = labels("B-CUE B-SPK I-SPK O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.spans == [(3, 9)] and quote.speaker == (1, 3)


def test_subject_speaks_before_a_nearer_phrase_in_the_dative() -> None:
    # Maier begründete den Schritt mit einer „neuen Lage“ nach dem Rücktritt von Anna Roth .
    words = sentence(
        "Maier begründete den Schritt mit einer „ neuen Lage “ nach dem Rücktritt von Anna Roth ."
    )
    msg = labels("O O O O O O B-DIR I-DIR I-DIR I-DIR O O O O O O O")
    roles = labels("B-SPK B-CUE FRM FRM B-CUE FRM O O O O FRM B-SPK I-SPK I-SPK I-SPK I-SPK O")
    names = [Chunk("PER", 0, 1), Chunk("PER", 14, 16)]
    (quote,) = assemble(words, msg, roles, [0], [], names)
    assert quote.speaker == (0, 1)


def test_phrase_after_a_preposition_yields_to_the_subject() -> None:
    # Ein Kritiker schrieb dazu im Magazin Stern : „ … “
    words = sentence("Ein Kritiker schrieb dazu im Magazin Stern : „ Das ist ein Skandal . “")
    msg = labels("O O O O O O O O B-DIR I-DIR I-DIR I-DIR I-DIR I-DIR I-DIR")
    roles = labels("B-SPK I-SPK B-CUE FRM B-SPK I-SPK I-SPK FRM O O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (0, 2)


def test_a_named_person_speaks_before_a_nearer_common_noun() -> None:
    # Jonas hatte die Bitte mit den Worten abgelehnt : „ Nein . “
    words = sentence("Jonas hatte die Bitte mit den Worten abgelehnt : „ Das mache ich nicht . “")
    msg = labels("O O O O O O O O O B-DIR I-DIR I-DIR I-DIR I-DIR I-DIR I-DIR")
    roles = labels("B-SPK B-CUE B-SPK I-SPK B-CUE I-CUE I-CUE I-CUE FRM O O O O O O O")
    names = [Chunk("PER", 0, 1)]
    (quote,) = assemble(words, msg, roles, [0], [], names)
    assert quote.speaker == (0, 1)


def test_a_lone_oblique_speaker_chunk_is_still_taken() -> None:
    # the preference only orders several chunks; a single one stays the speaker
    words = sentence("Laut dem Sprecher : „ Wir kommen morgen . “")
    msg = labels("O O O O B-DIR I-DIR I-DIR I-DIR I-DIR I-DIR")
    roles = labels("B-CUE B-SPK I-SPK FRM O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (1, 3)


def test_subject_pronoun_speaks_a_direct_quote_the_tagger_left_without_speaker() -> None:
    words = sentence("Neben Aldrin und Collins meldete er sich mit den Worten : „ Wir sind gelandet . “")
    msg = labels("O O O O O O O O O O O B-DIR I-DIR I-DIR I-DIR I-DIR I-DIR")
    roles = labels("FRM FRM FRM FRM B-CUE FRM I-CUE I-CUE I-CUE I-CUE FRM O O O O O O")
    names = [Chunk("PER", 1, 2), Chunk("PER", 3, 4)]
    (quote,) = assemble(words, msg, roles, [0], [], names)
    assert quote.speaker == (5, 6)


def test_pronoun_after_a_preposition_or_polite_sie_is_no_speaker() -> None:
    words = sentence("Berg sagte über sie und Sie : „ Nein . “")
    msg = labels("O O O O O O O B-DIR I-DIR I-DIR I-DIR")
    roles = labels("O B-CUE FRM FRM FRM FRM FRM O O O O")
    names = [Chunk("PER", 0, 1)]
    (quote,) = assemble(words, msg, roles, [0], [], names)
    assert quote.speaker == (0, 1)


def test_a_quoted_word_someone_called_something_is_direct() -> None:
    for text in (
        "Die Ministerin nannte den Plan einen „ Taschenspielertrick “ .",
        "Er bezeichnete das Urteil als „ skandalös “ .",
        "Das Urteil sei als „ skandalös “ zu werten , hieß es .",  # lower-case after ``als``
    ):
        words = sentence(text)
        start = words.index("„")
        forced = force_direct(["O"] * len(words), [Quoted(start, start + 3, 0)], words, [0])
        assert forced[start : start + 3] == ["B-DIR", "I-DIR", "I-DIR"]


def test_a_quoted_name_or_term_is_not_an_epithet() -> None:
    for text in (
        "Dies nennt man einen „ Aktiensplit “ .",  # impersonal: a term
        "Sie flogen einen so genannten „ Rosinenbomber “ .",
        "Das Schiff lief als „ Titanic “ aus .",  # capitalised, no naming verb
        "Sie kaufte einen „ Käfer “ .",
    ):
        words = sentence(text)
        start = words.index("„")
        assert force_direct(["O"] * len(words), [Quoted(start, start + 3, 0)], words, [0]) == ["O"] * len(
            words
        )


def test_a_lone_object_chunk_yields_to_the_person_of_the_sentence() -> None:
    words = sentence("Experte Weber nannte den Bericht eine „ Zeitungsente “ .")
    msg = labels("O O O O O O B-DIR I-DIR I-DIR O")
    roles = labels("O O B-CUE B-SPK I-SPK FRM O O O O")
    names = [Chunk("PER", 1, 2)]
    (quote,) = assemble(words, msg, roles, [0], [], names)
    assert quote.speaker == (1, 2)


def test_oblique_phrases_but_not_sources() -> None:
    words = sentence("Laut dem Bericht sprach im Radio den Hörern Weber zufolge dem Chef")
    assert not oblique(words, Chunk("SPK", 1, 3))  # ``laut dem Bericht``: a source
    assert oblique(words, Chunk("SPK", 5, 6))  # ``im Radio``: after a preposition
    assert oblique(words, Chunk("SPK", 6, 8))  # ``den Hörern``
    assert not oblique(words, Chunk("SPK", 8, 9))  # ``Weber zufolge``


def test_a_quote_cited_by_a_medium_is_annotated_once_per_source() -> None:
    words = sentence("Die Ministerin wird vom Sender mit den Worten zitiert : „ Wir bleiben . “")
    msg = labels("O O O O O O O O O O B-DIR I-DIR I-DIR I-DIR I-DIR")
    roles = labels("B-SPK I-SPK B-CUE B-SPK I-SPK B-CUE I-CUE I-CUE I-CUE FRM O O O O O")
    first, second = assemble(words, msg, roles, [0], [])
    assert (first.speaker, second.speaker) == ((0, 2), (3, 5))
    assert first.spans == second.spans


def test_a_speaker_phrase_with_its_medium_splits_when_cited() -> None:
    words = sentence("„ Wir bleiben “ , wie Weber von Radio Eins zitiert wird .")
    msg = labels("B-DIR I-DIR I-DIR I-DIR O O O O O O O O O")
    roles = labels("O O O O FRM B-CUE B-SPK I-SPK I-SPK I-SPK B-CUE I-CUE O")
    first, second = assemble(words, msg, roles, [0], [])
    assert (first.speaker, second.speaker) == ((6, 7), (7, 10))


def test_a_cited_quote_with_no_medium_named_is_doubled_with_the_person() -> None:
    words = sentence("In der Mitteilung wird Weber wie folgt zitiert : „ Wir bleiben . “")
    msg = labels("O O O O O O O O O B-DIR I-DIR I-DIR I-DIR I-DIR")
    roles = labels("FRM FRM FRM FRM B-SPK FRM FRM B-CUE FRM O O O O O")
    first, second = assemble(words, msg, roles, [0], [])
    assert first.speaker == second.speaker == (4, 5)
    assert first.spans == second.spans


def test_a_long_quotation_outlives_its_unattributed_paraphrase() -> None:
    words = sentence(
        "Der Gipfel galt als das „ größte Ereignis der ganzen Präsidentschaft in diesem Jahr “ ."
    )
    msg = labels(
        "B-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND I-IND O"
    )
    roles = ["O"] * len(words)
    (quote,) = assemble(words, msg, roles, [0], pair_marks(words, [True] * len(words), [False] * len(words)))
    assert quote.type == "DIR" and quote.spans == [(5, 15)]


def test_a_quote_without_citing_is_not_doubled() -> None:
    words = sentence("„ Wir bleiben “ , sagte Weber von Radio Eins .")
    msg = labels("B-DIR I-DIR I-DIR I-DIR O O O O O O O")
    roles = labels("O O O O FRM B-CUE B-SPK I-SPK I-SPK I-SPK O")
    assert len(assemble(words, msg, roles, [0], [])) == 1


def test_free_indirect_report_takes_the_person_of_the_sentence_before() -> None:
    # Am Montag lobte Weber die Helfer in Bonn. Die Lage sei unter Kontrolle.
    words = ["Am", "Montag", "lobte", "Weber", "die", "Helfer", "in", "Bonn", "."]
    words += ["Die", "Lage", "sei", "unter", "Kontrolle", "."]
    msg = labels("O O O O O O O O O B-IFI I-IFI I-IFI I-IFI I-IFI I-IFI")
    names = [Chunk("PER", 3, 4), Chunk("ORG", 7, 8)]
    (quote,) = assemble(words, msg, ["O"] * len(words), [0, 9], [], names)
    assert quote.speaker == (3, 4) and quote.inherited


def test_free_indirect_report_takes_no_organisation_or_name_after_a_preposition() -> None:
    # Am Montag sammelte man Geld für Weber in Bonn. Die Lage sei unter Kontrolle.
    words = ["Am", "Montag", "sammelte", "man", "das", "Geld", "für", "Weber", "in", "Bonn", "."]
    words += ["Die", "Lage", "sei", "unter", "Kontrolle", "."]
    msg = labels("O O O O O O O O O O O B-IFI I-IFI I-IFI I-IFI I-IFI I-IFI")
    names = [Chunk("PER", 7, 8), Chunk("ORG", 9, 10)]
    (quote,) = assemble(words, msg, ["O"] * len(words), [0, 11], [], names)
    assert quote.speaker is None


def test_free_indirect_report_takes_a_subject_pronoun_of_the_sentence_before() -> None:
    # Dann wies sie den Vorwurf zurück. Es gebe keine Belege.
    words = ["Dann", "wies", "sie", "den", "Vorwurf", "zurück", ".", "Es", "gebe", "keine", "Belege", "."]
    msg = labels("O O O O O O O B-IFI I-IFI I-IFI I-IFI I-IFI")
    (quote,) = assemble(words, msg, ["O"] * len(words), [0, 7], [])
    assert quote.speaker == (2, 3)


def test_the_phrase_after_gegenueber_is_the_addressee() -> None:
    # Die Lage sei ernst , sagte er gegenüber der „ Netzeitung “ .
    words = [
        "Die",
        "Lage",
        "sei",
        "ernst",
        ",",
        "sagte",
        "er",
        "gegenüber",
        "der",
        "„",
        "Netzeitung",
        "“",
        ".",
    ]
    msg = labels("B-IND I-IND I-IND I-IND O O O O O O O O O")
    roles = labels("O O O O O B-CUE B-SPK FRM FRM FRM FRM FRM O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (6, 7)
    assert quote.addressee == (8, 12)


def test_gegenueber_inside_the_message_names_no_addressee() -> None:
    # Er sagte , man sei gegenüber der Stadt misstrauisch .
    words = ["Er", "sagte", ",", "man", "sei", "gegenüber", "der", "Stadt", "misstrauisch", "."]
    msg = labels("O O O B-IND I-IND I-IND I-IND I-IND I-IND O")
    roles = labels("B-SPK B-CUE O O O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.addressee is None


def test_a_web_address_can_be_a_speaker() -> None:
    # Laut ndr.de blieben einige Teilnehmer vor Ort .
    words = ["Laut", "ndr.de", "blieben", "einige", "Teilnehmer", "vor", "Ort", "."]
    msg = labels("O O B-IND I-IND I-IND I-IND I-IND O")
    roles = labels("B-CUE B-SPK O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (1, 2)
    assert can_speak(words, Chunk("SPK", 1, 2)) and not can_speak(["www", "."], Chunk("SPK", 0, 1))


def test_the_accused_of_a_passive_accusation_is_the_addressee() -> None:
    # Dem Minister wird vorgeworfen , er habe gelogen .
    words = ["Dem", "Minister", "wird", "vorgeworfen", ",", "er", "habe", "gelogen", "."]
    msg = labels("O O O O O B-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK B-CUE I-CUE O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker is None and quote.addressee == (0, 2)


def test_the_accuser_after_von_stays_the_speaker() -> None:
    # Ihm wird von der Polizei vorgeworfen , er habe gelogen .
    words = ["Ihm", "wird", "von", "der", "Polizei", "vorgeworfen", ",", "er", "habe", "gelogen", "."]
    msg = labels("O O O O O O O B-IND I-IND I-IND O")
    roles = labels("B-ADR B-CUE O B-SPK I-SPK B-CUE O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker is not None and quote.speaker[1] == 5 and quote.addressee == (0, 1)


def test_the_object_of_auffordern_is_the_addressee() -> None:
    # Der Polizeichef forderte die Bürger auf , zu Hause zu bleiben .
    words = [
        "Der",
        "Polizeichef",
        "forderte",
        "die",
        "Bürger",
        "auf",
        ",",
        "zu",
        "Hause",
        "zu",
        "bleiben",
        ".",
    ]
    msg = labels("O O O O O O O B-IND I-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK B-CUE O O I-CUE O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (0, 2) and quote.addressee == (3, 5)


def test_forderte_without_its_particle_names_no_addressee() -> None:
    # Der Polizeichef forderte die Bürger , zu Hause zu bleiben .
    words = ["Der", "Polizeichef", "forderte", "die", "Bürger", ",", "zu", "Hause", "zu", "bleiben", "."]
    msg = labels("O O O O O O B-IND I-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK B-CUE O O O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.addressee is None


def test_a_parenthesis_after_the_speaker_moves_from_the_message_to_the_speaker() -> None:
    # Nach Angaben des Senders ( SWR ) laufen die Ermittlungen noch .
    words = [
        "Nach",
        "Angaben",
        "des",
        "Senders",
        "(",
        "SWR",
        ")",
        "laufen",
        "die",
        "Ermittlungen",
        "noch",
        ".",
    ]
    msg = labels("O O O O B-IND I-IND I-IND I-IND I-IND I-IND I-IND O")
    roles = labels("B-CUE B-SPK I-SPK I-SPK O O O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.spans == [(7, 11)]
    assert quote.speaker == (1, 7)


def test_the_text_after_heisst_es_is_the_speaker() -> None:
    # „ Wir danken “ , heißt es in einer Erklärung des Vereins .
    words = ["„", "Wir", "danken", "“", ",", "heißt", "es", "in", "einer", "Erklärung", "des", "Vereins", "."]
    msg = labels("B-DIR I-DIR I-DIR I-DIR O O O O O O O O O")
    roles = labels("O O O O FRM B-CUE I-CUE FRM FRM FRM FRM FRM O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (8, 12)


def test_the_place_before_heisst_es_is_the_speaker() -> None:
    # Im Abschlussbericht heißt es , die Lage sei ernst .
    words = ["Im", "Abschlussbericht", "heißt", "es", ",", "die", "Lage", "sei", "ernst", "."]
    msg = labels("O O O O O B-IND I-IND I-IND I-IND O")
    roles = labels("O O B-CUE I-CUE O O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.speaker == (0, 2)
