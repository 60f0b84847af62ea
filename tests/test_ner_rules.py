"""The rules that correct the tagger, each on hand-made word lists (no model involved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.errors import ModelError
from wortlaut.nlp.ner_features import FeatureCache, NameLists, shape
from wortlaut.nlp.ner_lexicon import adjective_place, role_stem
from wortlaut.nlp.ner_roles import base_title
from wortlaut.nlp.ner_rules import (
    acronym_spans,
    club_spans,
    event_spans,
    gazetteer_spans,
    institution_spans,
    misc_spans,
    person_shapes,
    recurring_spans,
    repair_spans,
)
from wortlaut.nlp.ner_tagger import CrfTagger

LISTS = NameLists(
    first=frozenset({"Jens", "George", "Patrick"}),
    sur=frozenset({"Stoltenberg", "Bush", "Barth"}),
    loc=frozenset({"Brüssel", "Moskau"}),
    wordclass={},
)


def test_countries_and_their_genitive_are_places() -> None:
    words = ["Truppen", "Russlands", "stehen", "in", "der", "Ukraine"]
    assert gazetteer_spans(words, [], LISTS) == [(1, 2, "LOC"), (5, 6, "LOC")]


def test_place_war_compound_is_an_event() -> None:
    assert event_spans(["im", "Syrien-Krieg"], [], LISTS) == [(1, 2, "MISC")]
    assert event_spans(["im", "Krieg"], [], LISTS) == []


def test_derived_adjectives_and_acronym_compounds_are_not_word_names() -> None:
    words = ["Die", "US-amerikanische", "Botschafterin", "beim", "NATO-Einsatz"]
    assert repair_spans(words, [(1, 2, "LOC"), (4, 5, "ORG")]) == []


def test_branch_with_place_is_one_org_and_cuts_a_person_span() -> None:
    words = ["Logo", "Helga", "Schmidt", "ARD-Studio", "Brüssel"]
    assert repair_spans(words, [(1, 4, "PER"), (4, 5, "LOC")]) == [(1, 3, "PER"), (3, 5, "ORG")]


def test_person_shapes_follow_germeval() -> None:
    words = ["Sir", "George", "W.", "Bush", "und", "Patrick", "von", "Brunn"]
    spans = [(0, 3, "PER"), (3, 4, "LOC"), (5, 6, "PER"), (7, 8, "LOC")]
    assert sorted(person_shapes(words, spans, LISTS)) == [(1, 4, "PER"), (5, 8, "PER")]
    cue = [",", "so", "Barth", "."]
    assert person_shapes(cue, [], LISTS) == [(2, 3, "PER")]


def test_person_spans_stop_where_the_name_ends() -> None:
    lists = NameLists(first=frozenset({"Joseph"}), sur=frozenset(), loc=frozenset(), wordclass={"Gast": "N"})
    # the tagger ran the name on into a lower-case word, or ended it on a particle
    assert person_shapes(["mit", "Jesus", "am", "Kreuz"], [(1, 4, "PER")], lists) == [(1, 2, "PER")]
    assert person_shapes(["mit", "David", "von", "einer"], [(1, 3, "PER")], lists) == [(1, 2, "PER")]
    # a particle continues a name only into something that can be a name
    words = ["hatte", "Joseph", "von", "Scheffel", "zu", "Gast", "."]
    assert person_shapes(words, [(1, 4, "PER")], lists) == [(1, 4, "PER")]
    words = ["Reinhard", "Keller", "vom", "Mikrobiologischen", "Institut"]
    assert person_shapes(words, [(0, 2, "PER")], lists) == [(0, 2, "PER")]
    words = ["So", "erfuhr", "Ida", "vom", "Bankdirektor", "das"]
    assert person_shapes(words, [(2, 3, "PER")], lists) == [(2, 3, "PER")]


def test_currencies_indices_addresses_and_wars_are_misc() -> None:
    words = [
        "100",
        "Millionen",
        "Euro",
        "für",
        "den",
        "DAX",
        "seit",
        "dem",
        "Zweiten",
        "Weltkrieg",
        "auf",
        "www.tagesschau.de",
    ]
    assert misc_spans(words, [(2, 3, "ORG")]) == [
        (2, 3, "MISC"),
        (5, 6, "MISC"),
        (8, 10, "MISC"),
        (11, 12, "MISC"),
    ]
    assert misc_spans(["Deutsch", "lernen"], []) == []  # a sentence start may be the adjective


def test_named_wars_are_misc_but_not_after_a_determiner() -> None:
    words = ["Im", "Dreißigjährigen", "Krieg", "und", "im", "Kalten", "Krieg", "."]
    assert misc_spans(words, []) == [(1, 3, "MISC"), (5, 7, "MISC")]
    assert misc_spans(["Er", "führte", "einen", "Krieg"], []) == []
    assert misc_spans(["Er", "sah", "Diesen", "Krieg"], []) == []  # odd capital, still a determiner


def test_acronyms_are_organisations_unless_known_non_names() -> None:
    words = ["EADS", "verkauft", "DVD", "und", "USA", "."]
    assert acronym_spans(words, [], LISTS) == [(0, 1, "ORG")]
    shouting = ["DIE", "NATO", "WARNT", "heute"]
    assert acronym_spans(shouting, [], LISTS) == []


def test_club_names_are_one_organisation() -> None:
    words = [
        "des",
        "1.",
        "FC",
        "Nürnberg",
        "und",
        "der",
        "FC",
        "Schalke",
        "04",
        "gegen",
        "SG",
        "01",
        "Höchst",
    ]
    assert club_spans(words, [(3, 4, "LOC"), (7, 8, "ORG")]) == [
        (1, 4, "ORG"),
        (6, 9, "ORG"),
        (10, 13, "ORG"),
    ]
    words = ["FC", "Bayern", "Präsident", "Hoeneß", "und", "(", "SG", ")"]
    assert club_spans(words, [(3, 4, "PER")]) == [(0, 2, "ORG"), (3, 4, "PER")]  # a role ends the name
    assert club_spans(["Die", "Stadt"], [(0, 1, "LOC")]) == [(0, 1, "LOC")]


def test_a_town_after_an_institution_word_is_the_institution() -> None:
    words = ["an", "der", "Medizinischen", "Hochschule", "Hannover", "und", "der", "Universität", "Gießen"]
    assert institution_spans(words, [(4, 5, "LOC"), (8, 9, "LOC")]) == [(2, 5, "ORG"), (7, 9, "ORG")]
    assert institution_spans(["Franzis", "Verlag", ",", "München"], [(0, 1, "PER"), (3, 4, "LOC")]) == [
        (0, 2, "ORG"),
        (3, 4, "LOC"),
    ]
    assert institution_spans(
        ["für", "Mainz", "05", "und", "Mainz", "2005"], [(1, 2, "LOC"), (4, 5, "LOC")]
    ) == [
        (1, 3, "ORG"),
        (4, 5, "LOC"),
    ]
    assert institution_spans(["in", "der", "Stadt", "Gießen"], [(3, 4, "LOC")]) == [(3, 4, "LOC")]


def test_agencies_and_parties_are_organisations() -> None:
    words = ["Nürnberg", "(", "dpa", ")", "die", "Grünen", "und", "die", "Linke", "."]
    assert acronym_spans(words, [(0, 1, "LOC")], LISTS) == [(2, 3, "ORG"), (5, 6, "ORG"), (8, 9, "ORG")]
    assert acronym_spans(["Linke", "Hand"], [], LISTS) == []  # an adjective without the article
    assert acronym_spans(["die", "Grünen"], [(1, 2, "ORG")], LISTS) == []  # already tagged


def test_recurring_names_spread_through_the_article() -> None:
    sents = [
        ["NATO-Chef", "Jens", "Stoltenberg", "warnt", "in", "Brüssel"],
        ["Stoltenbergs", "Rede", "in", "Brüssel"],
        ["Die", "Rede", "war", "lang", "und", "die", "Rede", "langweilig"],
    ]
    spans: list[list[tuple[int, int, str]]] = [[(1, 3, "PER"), (5, 6, "LOC")], [], [(1, 2, "ORG")]]
    extra = recurring_spans(sents, spans)
    assert extra[1] == [(0, 1, "PER"), (3, 4, "LOC")]  # the surname's genitive; the place again
    assert extra[2] == []  # "Rede" tagged once, untagged twice: a stray tag does not spread


def test_lexicon_lookups() -> None:
    assert role_stem("NATO-Generalsekretär") == "generalsekretär"
    assert role_stem("Haus") is None
    assert adjective_place("russischen") == "Russland"
    assert adjective_place("US-amerikanische") == "USA"
    assert adjective_place("rasch") is None
    assert base_title("Präsidenten") == "Präsident"
    assert base_title("Botschafterin") == "Botschafterin"


def test_features_are_cached_per_word_and_carry_context() -> None:
    cache = FeatureCache(LISTS)
    feats = cache.sentence(["Jens", "Stoltenberg", "sagte"])
    assert "fn" in feats[0] and "+1sn" in feats[0] and "BOS" in feats[0]
    assert "-1fn" in feats[1] and "sn" in feats[1]
    assert "EOS" in feats[2] and "-2w=jens" in feats[2]
    assert len(cache.views) == 3
    assert shape("NATO-Chef") == "X-Xx" and shape("3000") == "d"


def test_cluster_features_and_clean_surname_flag() -> None:
    lists = NameLists(
        first=frozenset(),
        sur=frozenset({"Merkel", "Haus"}),
        loc=frozenset(),
        wordclass={"Haus": "N"},
        clusters={"Merkel": ("3", "17", "201"), "heute": ("5", "40", "99")},
    )
    cache = FeatureCache(lists)
    merkel, heute, unknown = cache.sentence(["Merkel", "Heute", "Xyzzy"])
    assert {"c0=3", "c1=17", "c2=201", "snc"} <= set(merkel)
    assert "clow" in heute and "c1=40" in heute and "-1snc" in heute  # lower-case form's cluster
    assert "cunk" in unknown and not any(f.startswith("c0=") for f in unknown)
    haus = cache.sentence(["Haus"])[0]
    assert "sn" in haus and "snc" not in haus  # a common noun in the surname list


def test_corpus_verdict_is_a_feature_of_the_word_and_its_neighbours() -> None:
    lists = NameLists(
        first=frozenset(), sur=frozenset(), loc=frozenset(), wordclass={}, corpus={"Bombardier": "ORG"}
    )
    bombardier, sagte = FeatureCache(lists).sentence(["Bombardier", "sagte"])
    assert "cgORG" in bombardier and "-1cgORG" in sagte


def test_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        CrfTagger(tmp_path / "nope.model")
    bad = tmp_path / "bad.model"
    bad.write_bytes(b"not a crfsuite model")
    with pytest.raises(ModelError, match="cannot open"):
        CrfTagger(bad)


def test_tagger_gives_the_same_answer_from_several_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from wortlaut.nlp.ner_tagger import shared_tagger

    tagger = shared_tagger(None)
    sentence = ["NATO-Generalsekretär", "Jens", "Stoltenberg", "reiste", "nach", "Moskau", "."]
    expected = tagger.tag(sentence)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: tagger.tag(sentence), range(200)))
    assert all(r == expected for r in results)
