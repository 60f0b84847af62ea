"""Roles of the quotations found: cue, frame, addressee and speaker boundaries (seventh round)."""

from __future__ import annotations

from wortlaut.nlp.quote_assemble import assemble


def labels(spec: str) -> list[str]:
    """'O B-DIR I-DIR …' as a list."""
    return spec.split()


def test_direct_quote_after_attribution_shares_its_cue_and_frame() -> None:
    # „Gut“ , erklärte Zille bei der Vorstellung . „Wir freuen uns .“
    words = ["„", "Gut", "“", ",", "erklärte", "Zille", "bei", "der", "Vorstellung", "."]
    words += ["„", "Wir", "freuen", "uns", ".", "“"]
    msg = labels("B-DIR I-DIR I-DIR O O O O O O O B-DIR I-DIR I-DIR I-DIR I-DIR I-DIR")
    roles = labels("O O O FRM B-CUE B-SPK FRM FRM FRM FRM O O O O O O")
    first, second = assemble(words, msg, roles, [0, 10], [])
    assert second.speaker == (5, 6) and second.inherited
    assert second.cue == first.cue == [(4, 5)]
    assert second.frame == first.frame


def test_direct_quote_two_sentences_after_the_attribution_keeps_no_cue() -> None:
    words = ["„", "Gut", "“", ",", "erklärte", "Zille", ".", "Es", "regnete", "."]
    words += ["„", "Wir", "hoffen", "“", "."]
    msg = labels("B-DIR I-DIR I-DIR O O O O O O O B-DIR I-DIR I-DIR I-DIR O")
    roles = labels("O O O FRM B-CUE B-SPK FRM O O O O O O O O")
    quotes = assemble(words, msg, roles, [0, 7, 10], [])
    assert quotes[1].speaker == (5, 6) and quotes[1].cue == [] and quotes[1].frame == []


def test_cue_takes_the_particle_closing_its_clause() -> None:
    # Der Minister teilte den Reportern mit , es gebe Hoffnung .
    words = ["Der", "Minister", "teilte", "den", "Reportern", "mit", ",", "es", "gebe", "Hoffnung", "."]
    msg = labels("O O O O O O O B-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK B-CUE FRM FRM FRM FRM O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.cue == [(2, 3), (5, 6)]
    assert (5, 6) in quote.frame or any(a <= 5 < b for a, b in quote.frame)


def test_cue_takes_the_auxiliary_of_its_participle() -> None:
    # Der Minister hatte im Interview gefordert , die Steuern zu senken .
    words = [
        "Der",
        "Minister",
        "hatte",
        "im",
        "Interview",
        "gefordert",
        ",",
        "die",
        "Steuern",
        "zu",
        "senken",
        ".",
    ]
    msg = labels("O O O O O O O B-IND I-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK FRM FRM FRM B-CUE FRM O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.cue == [(2, 3), (5, 6)]


def test_preposition_inside_the_clause_is_no_particle() -> None:
    # Der Minister sagte mit Blick auf die Wahl , es gebe Hoffnung .
    words = [
        "Der",
        "Minister",
        "sagte",
        "mit",
        "Blick",
        "auf",
        "die",
        "Wahl",
        ",",
        "es",
        "gebe",
        "Hoffnung",
        ".",
    ]
    msg = labels("O O O O O O O O O B-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK B-CUE FRM FRM FRM FRM FRM FRM O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.cue == [(2, 3)]


def test_heisst_es_and_pronominal_adverbs_join_the_cue() -> None:
    # Im Bericht heißt es , die Lage sei ernst .
    words = ["Im", "Bericht", "heißt", "es", ",", "die", "Lage", "sei", "ernst", "."]
    msg = labels("O O O O O B-IND I-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK B-CUE FRM FRM O O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.cue == [(2, 4)]
    # Er geht davon aus , dass es regnet .
    words = ["Er", "geht", "davon", "aus", ",", "dass", "es", "regnet", "."]
    msg = labels("O O O O O B-IND I-IND I-IND O")
    roles = labels("B-SPK B-CUE FRM FRM FRM O O O O")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.cue == [(1, 4)]


def test_lone_demnach_cue_is_frame_and_speaker() -> None:
    # Die Polizei berichtete . Es regnete . Es blitzte . Demnach seien alle gerettet .
    words = [
        "Die",
        "Polizei",
        "sagte",
        ",",
        "es",
        "sei",
        "kalt",
        ".",
        "Es",
        "regnete",
        ".",
        "Es",
        "blitzte",
        ".",
    ]
    words += ["Demnach", "seien", "alle", "gerettet", "."]
    msg = labels("O O O O B-IND I-IND I-IND O O O O O O O O B-IND I-IND I-IND O")
    roles = labels("B-SPK I-SPK B-CUE FRM O O O O O O O O O O B-CUE O O O O")
    quotes = assemble(words, msg, roles, [0, 8, 11, 14], [])
    last = quotes[-1]
    assert last.cue == [(14, 15)] and last.frame == [(14, 15)]
    assert last.speaker == (14, 15)


def test_quote_with_cue_but_no_tagged_frame_takes_the_rest_of_its_sentence() -> None:
    # Er bezeichnete die Pläne als „ Wortbruch “ .
    words = ["Er", "bezeichnete", "die", "Pläne", "als", "„", "Wortbruch", "“", "."]
    msg = labels("O O O O O B-DIR I-DIR I-DIR O")
    roles = labels("B-SPK B-CUE O O O O O O O")
    (quote,) = [q for q in assemble(words, msg, roles, [0], []) if q.type == "DIR"]
    assert quote.frame == [(0, 5)]


def test_quote_whose_cue_is_in_another_sentence_gets_no_sentence_frame() -> None:
    words = ["„", "Gut", "“", ",", "erklärte", "Zille", ".", "Es", "regnete", "."]
    words += ["„", "Wir", "hoffen", "“", "."]
    msg = labels("B-DIR I-DIR I-DIR O O O O O O O B-DIR I-DIR I-DIR I-DIR O")
    roles = labels("O O O FRM B-CUE B-SPK FRM O O O O O O O O")
    quotes = assemble(words, msg, roles, [0, 7, 10], [])
    assert quotes[0].frame and quotes[1].frame == []


def test_cue_of_several_parts_drops_a_lone_source_preposition() -> None:
    from wortlaut.nlp.quote_assemble import without_stray_prepositions

    words = ["Er", "sagte", "laut", "Bericht", ",", "es", "sei", "gut", "."]
    assert without_stray_prepositions([(1, 2), (2, 3)], words) == [(1, 2)]
    assert without_stray_prepositions([(2, 3)], words) == [(2, 3)]


def test_quoted_words_in_a_continued_report_take_the_cue_of_its_source() -> None:
    from wortlaut.nlp.quote_assemble import DraftQuote, nested_attribution

    first = DraftQuote(type="IND", spans=[(4, 8)], speaker=(0, 1), cue=[(1, 2)], frame=[(0, 4)])
    report = DraftQuote(type="IFI", spans=[(9, 16)], speaker=(0, 1), inherited=True)
    words_in = DraftQuote(type="DIR", spans=[(11, 14)], speaker=(0, 1), inherited=True, nested=True)
    nested_attribution([first, report, words_in])
    assert words_in.cue == [(1, 2)] and words_in.frame == [(0, 4)]
    assert report.cue == []
    # a report with its own speaker keeps its quoted words without a borrowed cue
    own = DraftQuote(type="IFI", spans=[(9, 16)], speaker=(9, 10))
    words_own = DraftQuote(type="DIR", spans=[(11, 14)], speaker=(9, 10), nested=True)
    nested_attribution([first, own, words_own])
    assert words_own.cue == []


def test_trailing_attribution_frame_leaves_the_final_stop_out() -> None:
    # Es gebe Hoffnung , teilte der Minister mit .
    words = ["Es", "gebe", "Hoffnung", ",", "teilte", "der", "Minister", "mit", "."]
    msg = labels("B-IND I-IND I-IND O O O O O O")
    roles = labels("O O O FRM B-CUE B-SPK I-SPK FRM FRM")
    (quote,) = assemble(words, msg, roles, [0], [])
    assert quote.frame == [(3, 8)]
    assert quote.cue == [(4, 5), (7, 8)]


def test_speaker_takes_a_name_set_off_by_commas() -> None:
    from wortlaut.nlp.quote_assemble import with_name_apposition

    words = ["Nach", "Angaben", "der", "Sprecherin", ",", "Gisela", "Piltz", ",", "fehle", "es", "."]
    assert with_name_apposition((1, 4), words, {8, 9}) == (1, 7)
    # a lower-case apposition or a name inside the message stays out
    words = ["Celebi", ",", "die", "Anwältin", ",", "sagte", "."]
    assert with_name_apposition((0, 1), words, set()) == (0, 1)
    words = ["Der", "Sprecher", ",", "Gisela", "Piltz", ",", "sagte", "."]
    assert with_name_apposition((0, 2), words, {3, 4}) == (0, 2)


def test_source_ends_before_the_counted_subject_of_the_message() -> None:
    from wortlaut.nlp.quote_assemble import before_counted_subject

    words = ["Der", "Unfall", "kostete", "gemäß", "der", "Netzzeitung", "40", "Menschen", "das", "Leben", "."]
    assert before_counted_subject((4, 8), words) == (4, 6)
    words = ["Dies", "sei", "laut", "dem", "Artikel", "65", "Des", "Gesetzes", "verboten", "."]
    assert before_counted_subject((3, 8), words) == (3, 8)


def test_subject_before_a_naming_verb_not_its_object() -> None:
    from wortlaut.nlp.quote_assemble import DraftQuote, subject_not_object

    words = [
        "Die",
        "Ärztin",
        "Mara",
        "Lind",
        "nannte",
        "jedoch",
        "den",
        "neuen",
        "Plan",
        "als",
        "„",
        "völlig",
        "verfehlt",
        "“",
        ".",
    ]
    q = DraftQuote("DIR", [(10, 12)], cue=[(4, 5)])
    assert subject_not_object((6, 9), q, words, 0) == (0, 4)
    # a relative clause: its pronoun is the subject
    words = [
        "Der",
        "Bürgermeister",
        ",",
        "der",
        "den",
        "Beschluss",
        "als",
        "„",
        "Fehler",
        "“",
        "wertete",
        ",",
        "trat",
        "zurück",
        ".",
    ]
    q = DraftQuote("DIR", [(8, 9)], cue=[(10, 11)])
    assert subject_not_object((4, 6), q, words, 0) == (4, 6)  # the cue comes after the object
    # a passive agent before ``als`` stays
    words = ["Der", "Plan", "wird", "von", "den", "Bauern", "als", "„", "Unsinn", "“", "bezeichnet", "."]
    q = DraftQuote("DIR", [(8, 9)], cue=[(10, 11)])
    assert subject_not_object((4, 6), q, words, 0) == (4, 6)
    # a name after the verb may be its subject (fronted object): left alone
    words = ["Die", "Pläne", "bezeichnete", "Lind", "als", "„", "Unsinn", "“", "."]
    q = DraftQuote("DIR", [(6, 7)], cue=[(2, 3)])
    assert subject_not_object((3, 4), q, words, 0) == (3, 4)
    # an adverbial opening the clause is no subject
    words = ["Im", "Interview", "bezeichnete", "sie", "die", "Pläne", "als", "„", "Unsinn", "“", "."]
    q = DraftQuote("DIR", [(8, 9)], cue=[(2, 3)])
    assert subject_not_object((4, 6), q, words, 0) == (4, 6)


def test_subject_after_the_verb_not_the_fronted_phrase() -> None:
    from wortlaut.nlp.quote_assemble import DraftQuote, subject_after_cue

    words = [
        "Als",
        "Grund",
        "nannte",
        "die",
        "Stadtverwaltung",
        ",",
        "die",
        "Kosten",
        "seien",
        "zu",
        "hoch",
        ".",
    ]
    q = DraftQuote("IND", [(6, 11)])
    assert subject_after_cue((0, 2), q, words, set(range(6, 11)), 0) == (3, 5)
    words = ["Die", "Wähler", "forderte", "er", "auf", ",", "zur", "Wahl", "zu", "gehen", "."]
    q = DraftQuote("IND", [(6, 10)], cue=[(2, 3)])
    assert subject_after_cue((0, 2), q, words, set(range(6, 10)), 0) == (3, 4)
    # with adjectives and a genitive attribute
    words = ["Als", "Ursache", "nannte", "der", "neue", "Direktor", "der", "Behörde", "einen", "Defekt", "."]
    q = DraftQuote("IND", [(8, 10)], cue=[(2, 3)])
    assert subject_after_cue((0, 2), q, words, set(range(8, 10)), 0) == (3, 8)
    # a fronted subject followed by an object name stays the speaker
    words = ["Die", "Ministerin", "lobte", "Lind", "als", "„", "Vorbild", "“", "."]
    q = DraftQuote("DIR", [(6, 7)], cue=[(2, 3)])
    assert subject_after_cue((0, 2), q, words, {6}, 0) == (0, 2)
    # a source phrase with ``zufolge`` stays
    words = ["Den", "Angaben", "zufolge", "soll", "Lind", "geflohen", "sein", "."]
    q = DraftQuote("IND", [(4, 7)])
    assert subject_after_cue((0, 3), q, words, set(range(4, 7)), 0) == (0, 3)


def test_speaker_without_leading_verb_or_adverb() -> None:
    from wortlaut.nlp.quote_assemble import without_leading_verb

    words = ["Dazu", "sagte", "gestern", "ein", "Sprecher", "der", "Stadt", ",", "man", "prüfe", "das", "."]
    assert without_leading_verb((2, 7), words) == (3, 7)
    words = ["Zuvor", "hat", "Ministerin", "Lind", "erklärt", ",", "sie", "prüfe", "das", "."]
    assert without_leading_verb((1, 4), words) == (2, 4)
    # articles, adjectives and name particles stay
    words = ["Das", "sagte", "der", "neue", "Sprecher", "Ali", "al", "Huthi", "."]
    assert without_leading_verb((2, 5), words) == (2, 5)
    assert without_leading_verb((6, 8), words) == (6, 8)
    # a phrase running on (``als``) is left alone
    words = ["der", "sich", "medienwirksam", "als", "Gegner", "inszenierende", "Unternehmer"]
    assert without_leading_verb((2, 7), words) == (2, 7)
