"""The CLI reference in docs/ is generated from the code and must stay current."""

from __future__ import annotations

from pathlib import Path

from wortlaut.commands.reference import render_reference

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_in_docs_matches_the_commands() -> None:
    assert REFERENCE.read_text("utf-8") == render_reference(), (
        "docs/cli.md is out of date: run `python -m wortlaut.commands.reference > docs/cli.md`"
    )


def test_every_command_appears_in_the_reference() -> None:
    text = render_reference()
    for command in ("ingest", "extract", "search", "show", "export", "stats", "demo", "serve", "eval quotes"):
        assert f"## `{command}`" in text
