"""The amounts component: values, units, counted nouns, approximation, roles, zones, negatives."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from wortlaut.article import ZoneSpan
from wortlaut.contract import Amount, Entity, Mention
from wortlaut.nlp import amounts  # noqa: F401  (registers the factory)
from wortlaut.nlp.lemma_nouns import base_form


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("wortlaut_amounts_v1")
    return pipeline


def run(
    nlp: Language,
    text: str,
    entities: list[Entity] | None = None,
    zones: list[ZoneSpan] | None = None,
    date: str | None = "2022-03-16",
) -> list[Amount]:
    doc = nlp.make_doc(text)
    doc._.wl_entities = entities or []
    doc._.wl_zones = zones or []
    doc._.wl_article_date = date
    return list(nlp(doc)._.wl_amounts)


def one(nlp: Language, text: str) -> Amount:
    found = run(nlp, text)
    assert len(found) == 1, [a.text for a in found]
    return found[0]


def entity(text: str, name: str, ent_id: str, label: str = "LOC") -> Entity:
    """An entity with one mention per occurrence of ``name`` in ``text``."""
    mentions, start = [], text.find(name)
    while start >= 0:
        mentions.append(Mention(start, start + len(name), name))
        start = text.find(name, start + 1)
    return Entity(id=ent_id, label=label, name=name, mentions=mentions)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "counted", "approximate"),
    [
        ("Frankreich verlegt etwa 3000 Soldaten.", "etwa 3000 Soldaten", 3000, None, "Soldaten", True),
        ("Aus 30 Mitgliedsländern kamen sie.", "30 Mitgliedsländern", 30, None, "Mitgliedsländer", False),
        (
            "Es waren dreißig NATO-Mitgliedsländer.",
            "dreißig NATO-Mitgliedsländer",
            30,
            None,
            "NATO-Mitgliedsländer",
            False,
        ),
        (
            "Sie trainieren zigtausende ukrainische Soldaten.",
            "zigtausende ukrainische Soldaten",
            None,
            None,
            "Soldaten",
            True,
        ),
        ("Der Bund gibt 3,5 Millionen Euro.", "3,5 Millionen Euro", 3_500_000, "Euro", None, False),
        ("Das kostet 1,2 Mrd. Euro.", "1,2 Mrd. Euro", 1_200_000_000, "Euro", None, False),
        ("Die Inflation liegt bei knapp 8 Prozent.", "knapp 8 Prozent", 8, "Prozent", None, True),
        ("Der Stau ist 60 Kilometer lang.", "60 Kilometer", 60, "km", None, False),
        ("Es wurden 38 Grad gemessen.", "38 Grad", 38, "Grad", None, False),
        ("Das Schiff lädt 40.000 Tonnen Weizen.", "40.000 Tonnen Weizen", 40000, "t", "Weizen", False),
        ("Ein Dutzend Kameras hängt dort.", "Ein Dutzend Kameras", 12, None, "Kameras", False),
        ("Hunderttausend Menschen kamen.", "Hunderttausend Menschen", 100000, None, "Menschen", False),
        ("Mehr als 500 Menschen flohen.", "Mehr als 500 Menschen", 500, None, "Menschen", True),
        ("Es frieren minus 12 Grad.", "minus 12 Grad", -12, "Grad", None, False),
    ],
)
def test_amount_has_span_value_unit_counted_noun_and_approximation(
    nlp: Language,
    text: str,
    span: str,
    value: float | None,
    unit: str | None,
    counted: str | None,
    approximate: bool,
) -> None:
    a = one(nlp, text)
    assert (a.text, a.value, a.unit, a.counted, a.approximate) == (span, value, unit, counted, approximate)
    assert text[a.start : a.end] == a.text


def test_ranges_carry_low_and_high_and_no_single_value(nlp: Language) -> None:
    a = one(nlp, "Zwischen 3000 und 5000 Soldaten sollen kommen.")
    assert (a.value, a.low, a.high, a.counted) == (None, 3000, 5000, "Soldaten")
    b = one(nlp, "Das kostet zwei bis drei Milliarden Euro.")
    assert (b.low, b.high, b.unit) == (2e9, 3e9, "Euro")
    c = one(nlp, "Ein Ticket kostet 20-30 Euro.")
    assert (c.low, c.high) == (20, 30)


def test_vague_amounts_have_no_value_and_are_approximate(nlp: Language) -> None:
    a = one(nlp, "Schon jetzt sind mehrere Hunderttausend NATO-Soldaten bereit.")
    assert (a.text, a.value, a.counted, a.approximate, a.qualifier) == (
        "mehrere Hunderttausend NATO-Soldaten",
        None,
        "NATO-Soldaten",
        True,
        "vague",
    )


def test_qualifier_says_how_the_value_is_approximate(nlp: Language) -> None:
    assert one(nlp, "Mindestens 48 Tote.").qualifier == "at_least"
    assert one(nlp, "Bis zu 40.000 Zuschauer.").qualifier == "at_most"
    assert one(nlp, "Es kamen 300 Gäste.").qualifier is None


def test_shares_take_the_genitive_noun_as_counted(nlp: Language) -> None:
    a = one(nlp, "Zwei Drittel der Befragten lehnen ab.")
    assert (a.value, a.unit, a.counted) == (pytest.approx(0.6667), "Anteil", "Befragten")
    b = one(nlp, "Rund 30 Prozent der Wähler zögern.")
    assert (b.text, b.counted) == ("Rund 30 Prozent der Wähler", "Wähler")


@pytest.mark.parametrize(
    "text",
    [
        "Das Treffen fand am 16.03.2022 statt.",
        "Der Artikel wurde um 03:36 Uhr aktualisiert.",
        "Seit 2014 ist die Krim besetzt.",
        "Die Rakete Shenzhou 6 startete.",
        "Apollo 11 landete auf dem Mond.",
        "Nach Artikel 5 des NATO-Vertrags.",
        "Das regelt § 5 des Gesetzes.",
        "Die Bayern gewannen 2:1 gegen Dortmund.",
        "Der Gipfel der G7 tagt.",
        "Die Zahl der Covid-19-Fälle steigt.",
        "Die Hotline: Tel. 0800 1234567.",
        "Erreichbar unter +49 30 4664 4664.",
        "Am 3. Tag gab es eine Einigung.",
        "Der 20-Jährige wurde festgenommen.",
        "Die beiden Minister trafen sich.",
        "Artikel-ID 20220316 wurde gelöscht.",
        "Die Hotline ist unter 0800 33 02 100 erreichbar.",
        "Das Modell iPhone 15 verkauft sich gut.",
        "Das Tor fiel in der Nachspielzeit (90./Elfmeter).",
        "Milena Jesenská (1896-1944) schrieb Briefe.",
    ],
)
def test_dates_times_years_ids_phones_names_and_scores_are_not_amounts(nlp: Language, text: str) -> None:
    assert run(nlp, text) == []


def test_year_like_number_counting_soldiers_is_an_amount(nlp: Language) -> None:
    a = one(nlp, "2000 Soldaten sollen verlegt werden.")
    assert (a.value, a.counted) == (2000, "Soldaten")


def test_times_are_reported_next_to_amounts(nlp: Language) -> None:
    doc = nlp.make_doc("Am Donnerstag verlegte das Militär seit 2014 erstmals 800 Fallschirmjäger.")
    doc._.wl_article_date = "2022-03-16"
    doc = nlp(doc)
    assert [(t.text, t.value, t.begin) for t in doc._.wl_times] == [
        ("Am Donnerstag", "2022-03-17", None),
        ("seit 2014", None, "2014"),
    ]
    assert [a.text for a in doc._.wl_amounts] == ["800 Fallschirmjäger"]


def test_actor_and_destination_come_from_the_clause(nlp: Language) -> None:
    text = "Frankreich verlegt etwa 3000 Soldaten nach Rumänien."
    ents = [entity(text, "Frankreich", "E1"), entity(text, "Rumänien", "E2")]
    a = run(nlp, text, ents)[0]
    assert (a.actor, a.origin, a.destination, a.location) == ("E1", None, "E2", None)


def test_origin_and_location_come_from_prepositions(nlp: Language) -> None:
    text = "Allein aus den USA sind inzwischen 100.000 Soldaten in Europa."
    ents = [entity(text, "USA", "E1"), entity(text, "Europa", "E2")]
    a = run(nlp, text, ents)[0]
    assert (a.actor, a.origin, a.destination, a.location) == (None, "E1", None, "E2")


def test_in_with_accusative_is_a_destination(nlp: Language) -> None:
    text = "Die USA schicken 2000 Soldaten in die Slowakei."
    ents = [entity(text, "USA", "E1"), entity(text, "Slowakei", "E2")]
    a = run(nlp, text, ents)[0]
    assert (a.actor, a.destination) == ("E1", "E2")


def test_roles_stay_in_the_amount_s_clause(nlp: Language) -> None:
    text = "Polen schickt 300 Soldaten nach Litauen, Deutschland 500 Soldaten nach Estland."
    ents = [entity(text, n, f"E{i}") for i, n in enumerate(["Polen", "Litauen", "Deutschland", "Estland"])]
    first, second = run(nlp, text, ents)
    assert (first.actor, first.destination) == ("E0", "E1")
    assert (second.actor, second.destination) == ("E2", "E3")


def test_names_in_another_sentence_are_not_linked(nlp: Language) -> None:
    text = "Das Treffen war in Brüssel. Es kamen 300 Gäste."
    a = run(nlp, text, [entity(text, "Brüssel", "E1")])[0]
    assert (a.actor, a.location) == (None, None)


def test_only_prose_zones_are_read(nlp: Language) -> None:
    text = "Stand 300 Leser\nEs kamen 300 Gäste."
    zones = [ZoneSpan(0, 15, "header"), ZoneSpan(16, len(text), "body")]
    assert [a.text for a in run(nlp, text, zones=zones)] == ["300 Gäste"]


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("Mitgliedsländern", "Mitgliedsländer"),
        ("NATO-Soldaten", "NATO-Soldaten"),
        ("Soldaten", "Soldaten"),
        ("Jahren", "Jahre"),
        ("Kindern", "Kinder"),
        ("Flüchtlingen", "Flüchtlinge"),
        ("Kartoffeln", "Kartoffeln"),
        ("Menschen", "Menschen"),
    ],
)
def test_counted_noun_is_given_in_its_nominative_plural(word: str, base: str) -> None:
    assert base_form(word) == base


def test_evaluation_set_meets_the_issue_targets() -> None:
    from wortlaut.eval.amounts import default_path, evaluate, load

    report = evaluate(load(default_path()))
    assert report.sentences >= 200
    assert {"dev", "heldout", "heldout5", "roles"} <= set(report.counts)
    roles = report.roles.figures()
    assert roles["gold"] >= 30 and roles["precision"] >= 0.9 and roles["recall"] >= 0.9, roles
    for split, counts in report.counts.items():
        figures = counts.figures()
        assert figures["precision"] >= 0.95 and figures["recall"] >= 0.95, (split, figures)


def test_n_of_m_keeps_the_number_word_that_counts_with_the_next(nlp: Language) -> None:
    found = run(nlp, "Drei von vier Befragten sind skeptisch.")
    assert [(a.text, a.value, a.counted) for a in found] == [
        ("Drei", 3, None),
        ("vier Befragten", 4, "Befragten"),
    ]


def test_sentence_opening_preposition_is_not_a_name(nlp: Language) -> None:
    found = run(nlp, "In 12 von 16 Ländern gibt es Ferien.")
    assert [a.text for a in found] == ["12", "16 Ländern"]


def test_a_broken_test_set_line_is_reported_with_file_and_line(tmp_path: Path) -> None:
    from wortlaut.errors import MalformedRecordError
    from wortlaut.eval.amounts import load

    path = tmp_path / "set.jsonl"
    path.write_text(
        '{"text": "Es kamen 300 Gäste.", "amounts": [{"text": "300 Gäste", "value": 300}]}\n'
        '{"text": "Es kamen 300 Gäste.", "amounts": [{"text": "400 Gäste", "value": 400}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(MalformedRecordError, match=r"set\.jsonl:2"):
        load(path)


def test_eval_command_prints_figures_and_failures(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wortlaut.cli import main

    path = tmp_path / "set.jsonl"
    path.write_text(
        '{"id": "a", "text": "Es kamen 300 Gäste.", "amounts": [{"text": "300 Gäste", "value": 300,'
        ' "counted": "Gäste"}]}\n'
        '{"id": "b", "text": "Apollo 11 landete.", "amounts": [{"text": "11", "value": 11}]}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "amounts", str(path)])
    assert result.exit_code == 0, result.output
    assert "all" in result.output and "0.500" in result.output
    assert "[b] missed" in result.output
