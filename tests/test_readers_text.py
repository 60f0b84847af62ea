"""Plain-text and seed-format reading: header, zones, bylines, encodings and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.article import Article
from wortlaut.errors import NotGermanError
from wortlaut.readers import ReadFailure, ReadOptions, read
from wortlaut.readers.seed import berlin_iso, split_title
from wortlaut.readers.text import is_boilerplate, is_section_title, parse_byline

BODY = (
    "Die Bürgermeisterin von Talheim stellte am Dienstag den neuen Haushalt vor. "
    "„Wir müssen sparen, aber wir investieren in Schulen“, sagte sie im Rathaus. "
    "Der Stadtrat soll im Mai über den Entwurf abstimmen."
)


def only(results: list) -> Article:
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def failure(results: list) -> ReadFailure:
    assert len(results) == 1, results
    assert isinstance(results[0], ReadFailure), results[0]
    return results[0]


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


SEED_STYLE = (
    "date 2024-07 Haushalt in Talheim Stadt will sparen Stand: 09.07.2024 14:05 Uhr\n\n"
    "Talheim legt einen Sparhaushalt vor. Schulen sollen trotzdem saniert werden.\n\n"
    "Von Erika Beispiel und Max Muster, Studio Talheim\n\n"
    f"{BODY}\n\n"
    "SWR Logo Erika Beispiel Studio Talheim\n\n"
    "Kritik aus dem Stadtrat\n\n"
    f"{BODY}\n"
)


def test_seed_header_gives_date_updated_topline_headline_and_summer_offset(tmp_path: Path) -> None:
    article = only(list(read(write(tmp_path, "talheim_01.txt", SEED_STYLE))))
    assert article.id == "talheim_01"
    assert article.date == "2024-07"
    assert article.updated == "2024-07-09T14:05:00+02:00"  # CEST in July
    assert (article.topline, article.headline) == ("Haushalt in Talheim", "Stadt will sparen")
    assert article.title == "Haushalt in Talheim Stadt will sparen"
    assert article.authors == ["Erika Beispiel", "Max Muster"]
    assert article.bureau == "Studio Talheim"
    assert [t for _, _, t in article.zone_text("section_title")] == ["Kritik aus dem Stadtrat"]
    assert [t for _, _, t in article.zone_text("boilerplate")] == ["SWR Logo Erika Beispiel Studio Talheim"]
    assert article.zone_text("lead")[0][2].startswith("Talheim legt")
    assert article.source == tmp_path.name


def test_berlin_offsets_follow_daylight_saving() -> None:
    assert berlin_iso(2022, 3, 16, 3, 36) == "2022-03-16T03:36:00+01:00"
    assert berlin_iso(2022, 3, 28, 3, 36) == "2022-03-28T03:36:00+02:00"


@pytest.mark.parametrize(
    ("title", "topline", "headline"),
    [
        (
            "NATO-Verteidigungsminister Aufrüstung statt Einmischung",
            "NATO-Verteidigungsminister",
            "Aufrüstung statt Einmischung",
        ),
        (
            "Krieg gegen die Ukraine Selenskyj fordert mehr Waffen",
            "Krieg gegen die Ukraine",
            "Selenskyj fordert mehr Waffen",
        ),
        ("Liveblog: Russland greift Kiew an", "Liveblog", "Russland greift Kiew an"),
        ("Nach der Flut Land verspricht Hilfe", "Nach der Flut", "Land verspricht Hilfe"),
        ("Regen", None, "Regen"),
    ],
)
def test_run_together_titles_split_into_topline_and_headline(
    title: str, topline: str | None, headline: str
) -> None:
    assert split_title(title) == (topline, headline)


def test_byline_shapes() -> None:
    assert parse_byline("Von Helga Schmidt, ARD-Studio Brüssel") == (["Helga Schmidt"], "ARD-Studio Brüssel")
    assert parse_byline("Von Anna Berg") == (["Anna Berg"], None)
    assert parse_byline("Von Montag an gilt die neue Regel.") is None
    assert parse_byline("Von den 1,2 Milliarden Euro fließt viel") is None


def test_boilerplate_and_section_title_shapes() -> None:
    assert is_boilerplate("WDR Logo Helga Schmidt ARD-Studio Brüssel")
    assert is_boilerplate("Mehr zum Thema")
    assert not is_boilerplate("Das Logo der Partei wurde am Montag vorgestellt.")
    assert not is_boilerplate("Streit um das neue Logo")
    assert is_section_title("Streit um das neue Logo")
    assert is_section_title("USA: Druck auf Moskau weiter erhöhen")
    assert not is_section_title("Die Deiche halten nicht mehr lange.")
    assert not is_section_title("Er sagte:")


def test_plain_text_without_header_keeps_text_and_finds_title_and_paragraphs(tmp_path: Path) -> None:
    text = f"Neuer Haushalt in Talheim\n\n{BODY}\n\n{BODY}\n"
    article = only(list(read(write(tmp_path, "plain.txt", text))))
    assert article.text == text
    assert article.title == "Neuer Haushalt in Talheim"
    assert article.topline is None and article.updated is None
    assert [z.zone for z in article.zones] == ["section_title", "body", "body"]
    assert article.source_format is not None and "plain text" in article.source_format


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    body = BODY if encoding == "cp1252" else BODY.replace("„", "»").replace("“", "«")
    text = (
        f"Haushalt – Talheim spart\n\n{body}\n"
        if encoding == "cp1252"
        else f"Haushalt in Talheim\n\n{body}\n"
    )
    article = only(list(read(write(tmp_path, f"{encoding}.txt", text, encoding))))
    assert article.text == text
    assert article.meta["encoding"] in (
        {"cp1252"} if encoding == "cp1252" else {"cp1252", "latin_1", "iso8859_15"}
    )


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    assert only(list(read(path))).text == BODY


def test_binary_file_fails_with_code_and_file_name(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    error = failure(list(read(path))).error
    assert error.code == "W102" and str(path) in str(error)


def test_unknown_binary_type_without_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob"
    path.write_bytes(bytes(range(256)) * 8)
    error = failure(list(read(path))).error
    assert error.code in ("W101", "W102") and "pass" in str(error)


def test_empty_text_fails(tmp_path: Path) -> None:
    error = failure(list(read(write(tmp_path, "empty.txt", "  \n\n ")))).error
    assert error.code == "W104" and "empty.txt" in str(error)


def test_oversized_text_fails_and_names_the_option(tmp_path: Path) -> None:
    error = failure(list(read(write(tmp_path, "big.txt", BODY * 5), ReadOptions(max_chars=100)))).error
    assert error.code == "W105" and "--max-chars" in str(error)


def test_non_german_text_is_skipped_with_reason_unless_allowed(tmp_path: Path) -> None:
    english = "The city council presented its budget on Tuesday. Schools will be renovated despite the cuts, the mayor said."
    path = write(tmp_path, "en.txt", english)
    result = failure(list(read(path)))
    assert result.skipped and result.error.code == "W106" and "'en'" in str(result.error)
    assert only(list(read(path, ReadOptions(require_german=False)))).language == "en"


def test_missing_file_fails_cleanly(tmp_path: Path) -> None:
    error = failure(list(read(tmp_path / "nope.txt"))).error
    assert "no such file" in str(error) and "nope.txt" in str(error)


def test_directory_reads_known_files_in_order_and_passes_over_others(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", BODY)
    write(tmp_path, "a.txt", BODY + " Mehr.")
    write(tmp_path, "notes.md", "# not an article")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.txt", BODY)
    ids = [r.id for r in read(tmp_path) if isinstance(r, Article)]
    assert ids == ["a", "b", "c"]


def test_language_fast_path_accepts_german_and_leaves_others_to_the_classifier() -> None:
    from wortlaut.readers.detect import check_german, clearly_german

    assert clearly_german(BODY * 2)
    dutch = (
        "De gemeenteraad van Amsterdam heeft dinsdag de nieuwe begroting gepresenteerd. De burgemeester "
        "sprak van een moeilijk jaar voor de stad en de bedrijven die er gevestigd zijn."
    )
    assert not clearly_german(dutch)
    with pytest.raises(NotGermanError, match="'nl'"):
        check_german(dutch, "x.txt")
