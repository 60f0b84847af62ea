"""CLI commands: ``ingest``, ``extract`` and ``demo`` (thin wrappers over :mod:`wortlaut.ingest`
and :mod:`wortlaut.demo`)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..readers import ReadOptions
from ..readers.base import DEFAULT_MAX_CHARS


def _reader_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options every reading command shares."""
    options = [
        click.option(
            "--max-chars",
            type=click.IntRange(min=1),
            default=DEFAULT_MAX_CHARS,
            show_default=True,
            help="Refuse articles longer than this many characters.",
        ),
        click.option(
            "--any-language", is_flag=True, help="Keep articles that are not German (default: skip them)."
        ),
        click.option(
            "--no-fetch", is_flag=True, help="Do not follow feed item links; keep the feed's teaser text."
        ),
        click.option(
            "--timeout", type=float, default=10.0, show_default=True, help="Seconds to wait for a web page."
        ),
        click.option("--source", help="Source name for inputs that name none (default: directory name)."),
        click.option("--model", help="An installed spaCy pipeline to use instead of the packaged default."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _options(
    max_chars: int, any_language: bool, no_fetch: bool, timeout: float, source: str | None
) -> ReadOptions:
    return ReadOptions(
        max_chars=max_chars,
        require_german=not any_language,
        fetch_links=not no_fetch,
        timeout_s=timeout,
        source=source,
    )


def register(main: click.Group) -> None:
    from ..cli import _db, clean_errors

    @main.command()
    @click.argument("paths", nargs=-1, required=True)
    @click.option("--no-extract", is_flag=True, help="Only read and store; extract later.")
    @click.option(
        "--extract-stored",
        is_flag=True,
        help="Also extract articles the store already holds (fills in those stored with --no-extract).",
    )
    @click.option(
        "--batch-size",
        type=click.IntRange(min=1),
        default=64,
        show_default=True,
        help="Articles per transaction.",
    )
    @_reader_options
    @click.pass_context
    @clean_errors
    def ingest(
        ctx: click.Context,
        paths: tuple[str, ...],
        no_extract: bool,
        extract_stored: bool,
        batch_size: int,
        max_chars: int,
        any_language: bool,
        no_fetch: bool,
        timeout: float,
        source: str | None,
        model: str | None,
        quiet: bool,
    ) -> None:
        """Read PATHS (files, directories, feed URLs) into the store.

        Formats: seed-style or plain .txt, .jsonl/.json, .html, RSS/Atom feeds, .warc(.gz),
        Wikinews .xml.bz2 dumps. Re-running is safe: stored versions are skipped; changed
        articles become new versions. Exits 1 when any article failed."""
        from ..ingest import ingest as run_ingest
        from ..store import open_store

        store = open_store(_db(ctx))
        try:
            summary = run_ingest(
                paths,
                store,
                extract=not no_extract,
                model=model,
                options=_options(max_chars, any_language, no_fetch, timeout, source),
                batch_size=batch_size,
                progress=not quiet,
                extract_stored=extract_stored,
            )
            click.echo(f"store: {store.path}")
        except KeyboardInterrupt:
            click.echo(
                "interrupted: the batches stored so far are kept; run the same command again to complete the rest",
                err=True,
            )
            sys.exit(130)
        finally:
            store.close()
        click.echo(summary.render())
        if not summary.ok:
            sys.exit(1)

    @main.command()
    @click.argument("inputs", nargs=-1, required=True)
    @click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
        required=True,
        help="Where to write JSON Lines (contract v1, one object per article); '-' for stdout.",
    )
    @_reader_options
    @clean_errors
    def extract(
        inputs: tuple[str, ...],
        output: Path,
        max_chars: int,
        any_language: bool,
        no_fetch: bool,
        timeout: float,
        source: str | None,
        model: str | None,
        quiet: bool,
    ) -> None:
        """Extract quotations, entities and amounts from INPUTS into JSON Lines (no store).

        Failures are reported on stderr and the rest goes on; exits 1 when any article failed."""
        from ..ingest import extract_to

        to_stdout = str(output) == "-"
        handle = sys.stdout if to_stdout else output.open("w", encoding="utf-8")
        try:

            def write(obj: dict[str, Any]) -> None:
                handle.write(json.dumps(obj, ensure_ascii=False) + "\n")

            summary = extract_to(
                inputs,
                write,
                model=model,
                options=_options(max_chars, any_language, no_fetch, timeout, source),
                progress=not quiet,
            )
        finally:
            if to_stdout:
                handle.flush()
            else:
                handle.close()
        click.echo(summary.render(), err=True)
        if not summary.ok:
            sys.exit(1)

    @main.command()
    @click.option(
        "--db",
        "demo_db",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Where to build the demo store (default: demo.db next to the default store).",
    )
    @click.pass_context
    @clean_errors
    def demo(ctx: click.Context, demo_db: Path | None) -> None:
        """Build a demo store from the package's sample articles and show what it holds.

        The demo store is rebuilt fresh each time. It never replaces a store that holds other
        articles. 'wortlaut --db PATH demo' works too; $WORTLAUT_DB is not used as the demo
        store (it is your real one)."""
        from click.core import ParameterSource

        from ..demo import demo_db_path, run_demo

        path = demo_db
        from_command_line = ctx.parent is not None and (
            ctx.parent.get_parameter_source("db") == ParameterSource.COMMANDLINE
        )
        if path is None and from_command_line:
            path = _db(ctx)
        click.echo(run_demo(path or demo_db_path()))
