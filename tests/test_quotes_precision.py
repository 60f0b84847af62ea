"""Indirect quotes, sixth round: clauses after a comma that report nothing, and `dass`/`ob`
clauses after governing words the lexicons never saw."""

from __future__ import annotations

from wortlaut.nlp.quote_open_clauses import (
    find_open_complements,
    find_speech_main_clauses,
    open_governor_cues,
)
from wortlaut.nlp.quote_precision import drop_non_reports, no_report_before

SUBJ = frozenset({"habe", "sei", "werde"})


def toks(text: str) -> list[str]:
    return text.split()


def clause_labels(words: list[str]) -> list[str]:
    """Indirect labels from the first comma's next word to the word before the full stop."""
    start = words.index(",") + 1
    return ["O"] * start + ["B-IND"] + ["I-IND"] * (len(words) - start - 2) + ["O"]


def dropped(text: str) -> bool:
    words = toks(text)
    msg = clause_labels(words)
    n = drop_non_reports(words, msg, [0], SUBJ)
    assert n in (0, 1)
    assert (set(msg) == {"O"}) == (n == 1)
    return n == 1


def test_impersonal_predicates_govern_no_quotation() -> None:
    assert dropped("Nun steht fest und ist klar , dass der Zug nicht mehr fährt .")
    assert dropped("Dazu kommt hinzu , dass die Preise weiter steigen werden .")
    assert dropped("Fraglich bleibt aber , ob die Brücke rechtzeitig fertig wird .")


def test_verbs_of_trying_and_managing_govern_no_quotation() -> None:
    assert dropped("Die Feuerwehr versuchte stundenlang , den Brand im Keller zu löschen .")
    assert dropped("Der Mannschaft war es nicht gelungen , den Rückstand noch aufzuholen .")
    assert dropped("Der Minister hatte sich geweigert , die Akten an den Ausschuss herauszugeben .")


def test_degree_clauses_are_no_quotation_but_a_sentence_adverb_so_is_no_degree() -> None:
    assert dropped("Der Sturm war so stark , dass mehrere Bäume auf die Gleise fielen .")
    assert not dropped("So erklärte die Sprecherin , dass die Schule morgen geschlossen bleibt .")


def test_a_refusal_to_confirm_is_no_quotation_but_a_denial_is() -> None:
    assert dropped("Die Behörde wollte am Abend nicht bestätigen , dass es Verletzte gab .")
    assert not dropped("Die Behörde bestritt am Abend , dass es Verletzte gab .")


def test_speech_verbs_and_subjunctive_governors_keep_their_clause() -> None:
    assert not dropped("Der Bürgermeister sagte am Montag , dass die Brücke gesperrt bleibt .")
    assert not dropped("Die Ärztin bestritt , dass sie von den Fehlern gewusst hat .")
    # a subjunctive before the comma marks the whole as reported: left to the other rules
    assert not dropped("Er habe so lange gewartet , dass der Zug schon abgefahren war .")


def test_a_clause_without_dass_ob_or_infinitive_is_left_alone() -> None:
    words = toks("Jetzt ist klar , der Vertrag wird am Montag unterschrieben .")
    assert not no_report_before(words, words.index(",") + 1, 0, len(words), SUBJ)


def test_only_indirect_runs_are_cleared_and_others_keep_their_labels() -> None:
    words = toks("Jetzt ist klar , dass es sich um den Jungen handelt . Er sagte , dass er bleibe .")
    second = words.index(".") + 1
    msg = ["O"] * len(words)
    msg[4:11] = ["B-IND"] + ["I-IND"] * 6
    msg[second + 3 : second + 6] = ["B-IND", "I-IND", "I-IND"]
    assert drop_non_reports(words, msg, [0, second], SUBJ) == 1
    assert set(msg[:second]) == {"O"} and msg[second + 3] == "B-IND"


def open_clause(text: str) -> list[tuple[int, int]]:
    words = toks(text)
    msg = ["O"] * len(words)
    return find_open_complements(words, msg, [0], [0] * len(words), frozenset({"sagte"}), SUBJ, frozenset())


def test_a_dass_clause_after_an_unknown_reporting_verb_is_an_indirect_message() -> None:
    words = toks("Die Gewerkschaft bezweifelt aber , dass die Löhne im nächsten Jahr steigen .")
    assert open_clause(" ".join(words)) == [(words.index("dass"), len(words) - 1)]
    assert open_clause("Der Verband fragte die Mitglieder , ob sie dem neuen Vertrag zustimmen wollen .")


def test_open_clauses_need_a_governing_stretch_that_reports() -> None:
    # a pronominal adverb, a copula, a known governor (the other rule's) or an impersonal predicate
    assert not open_clause("Der Regen führte dazu , dass das Spiel abgebrochen werden musste .")
    assert not open_clause("Wichtig für alle Beteiligten ist , dass niemand verletzt wurde .")
    assert not open_clause("Der Trainer sagte am Abend , dass die Mannschaft gut gespielt hat .")
    assert not open_clause("Fraglich bleibt dagegen , ob der Termin gehalten werden kann .")


def test_open_clauses_only_in_sentences_nothing_is_labelled_in() -> None:
    words = toks("Die Gewerkschaft bezweifelt aber , dass die Löhne im nächsten Jahr steigen .")
    msg = ["O"] * len(words)
    msg[0] = "B-REP"
    found = find_open_complements(words, msg, [0], [0] * len(words), frozenset(), SUBJ, frozenset())
    assert found == []


def test_the_unknown_governor_becomes_the_cue_when_the_role_tagger_found_none() -> None:
    words = toks("Die Gewerkschaft bezweifelt aber , dass die Löhne steigen .")
    clause = (words.index("dass"), len(words) - 1)
    roles = ["O"] * len(words)
    open_governor_cues(words, roles, [0], [clause])
    assert roles[words.index("bezweifelt")] == "B-CUE" and roles.count("B-CUE") == 1
    tagged = ["O"] * len(words)
    tagged[0] = "B-CUE"
    open_governor_cues(words, tagged, [0], [clause])
    assert tagged.count("B-CUE") == 1


def speech_clause(text: str) -> list[tuple[int, int]]:
    words = toks(text)
    return find_speech_main_clauses(words, ["O"] * len(words), [0], [0] * len(words), SUBJ)


def test_a_main_clause_after_a_verb_of_saying_is_reported_without_a_known_subjunctive() -> None:
    words = toks("Der Trainer sagte nach dem Spiel , er freue sich über den Sieg .")
    assert speech_clause(" ".join(words)) == [(words.index("er"), len(words) - 1)]
    assert speech_clause("Die Zeitung schreibt , Verstöße könnten künftig teuer werden .")
    # an article that may be a relative pronoun (``, die …``) is left alone
    assert not speech_clause("Die Zeitung schreibt , die Firma plane einen Umzug nach Berlin .")


def test_no_main_clause_after_a_verb_of_saying_is_taken_from_other_clauses() -> None:
    # a relative clause, a conjunction, a clause after a preposition + relative pronoun
    assert not speech_clause("Er sagte nichts zu dem Vertrag , der gestern unterschrieben wurde .")
    assert not speech_clause("Sie meldete sich bei der Polizei , und die Beamten kamen sofort .")
    assert not speech_clause("Der Verband teilte eine Liste mit , mit der Mitglieder rechnen können .")
    # no verb of saying before the comma; a ``Wie`` sentence belongs to its own rule
    assert not speech_clause("Der Zug hielt in Hamburg , die Fahrgäste stiegen in Busse um .")
    assert not speech_clause("Wie die Zeitung berichtet , plant die Firma einen Umzug nach Berlin .")


def test_a_quoted_name_before_the_comma_does_not_stop_the_main_clause_rule() -> None:
    words = toks("Die „ Zeit “ meldet , die Firma habe einen Umzug nach Berlin geplant .")
    quoted = [1 if 1 <= i <= 3 else 0 for i in range(len(words))]
    found = find_speech_main_clauses(words, ["O"] * len(words), [0], quoted, SUBJ)
    assert found == []  # ``die`` after a comma may open a relative clause: left alone
    words = toks("Die „ Zeit “ meldet , Verstöße könnten künftig teuer werden .")
    quoted = [1 if 1 <= i <= 3 else 0 for i in range(len(words))]
    assert find_speech_main_clauses(words, ["O"] * len(words), [0], quoted, SUBJ) == [(6, len(words) - 1)]
    quoted_after = [1 if i >= 6 else 0 for i in range(len(words))]
    assert find_speech_main_clauses(words, ["O"] * len(words), [0], quoted_after, SUBJ) == []
