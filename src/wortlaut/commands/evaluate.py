"""``wortlaut eval``: the evaluations that measure extraction quality (see docs/evaluation.md)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import clean_errors


@click.group("eval")
def eval_group() -> None:
    """Measure extraction quality on annotated data."""


@eval_group.command("quotes")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, default=None, help="Evaluate only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@clean_errors
def eval_quotes(path: Path, limit: int | None, as_json: bool) -> None:
    """Quotation attribution on a quotes-wikinews-de JSONL file (message/roles/joint F1)."""
    from ..eval import quotes

    quotes.main(path, limit=limit, as_json=as_json)


@eval_group.command("ner")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--model", default=None, help="An installed spaCy pipeline to evaluate instead.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--part",
    type=click.Choice(["all", "odd", "even"]),
    default="all",
    help="Every other sentence only (the packaged model trained on GermEval dev's even sentences).",
)
@clean_errors
def eval_ner(path: Path, model: str | None, as_json: bool, part: str) -> None:
    """Named entities on a GermEval-2014-style TSV file (exact outer spans, P/R/F1 per label)."""
    from ..eval import ner

    ner.main(path, model=model, as_json=as_json, part=part)


@eval_group.command("amounts")
@click.argument("path", type=click.Path(exists=True, path_type=Path), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@clean_errors
def eval_amounts(path: Path | None, as_json: bool) -> None:
    """Amounts on the project's own test sentences (or PATH); lists every failure."""
    from ..eval import amounts

    amounts.main(path, as_json=as_json)


def register(main: click.Group) -> None:
    main.add_command(eval_group)
