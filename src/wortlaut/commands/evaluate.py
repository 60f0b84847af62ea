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


@eval_group.command("gate")
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The evaluation data folder (default: ../shared/data beside the checkout).",
)
@click.option("--update", is_flag=True, help="Record the measured scores as the new baselines.")
@click.option("--allow-lower", is_flag=True, help="With --update: accept scores below the baselines.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@clean_errors
def eval_gate(data: Path | None, update: bool, allow_lower: bool, as_json: bool) -> None:
    """Fail (exit 1) when an evaluation's headline score dropped below its recorded baseline."""
    from ..eval import gate

    try:
        ok = gate.main(data or gate.SHARED_DATA, update=update, allow_lower=allow_lower, as_json=as_json)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if not ok:
        raise SystemExit(1)


def register(main: click.Group) -> None:
    main.add_command(eval_group)
