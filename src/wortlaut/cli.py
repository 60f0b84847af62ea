"""The ``wortlaut`` command line: thin wrappers over importable functions.

Every command turns a :class:`~wortlaut.errors.WortlautError` into a clean message on stderr and a
non-zero exit status; the work itself lives in the library modules named in each command.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import WortlautError

F = TypeVar("F", bound=Callable[..., Any])


def clean_errors(func: F) -> F:
    """Report library errors as one line on stderr with exit status 1, not as a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except WortlautError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group()
@click.version_option(__version__, prog_name="wortlaut")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="WORTLAUT_DB",
    help="The store (SQLite file). Default: $WORTLAUT_DB or ~/.local/share/wortlaut/wortlaut.db.",
)
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """Wortlaut: who said what, about whom, where, when and with which numbers."""
    ctx.obj = {"db": db}


def _db(ctx: click.Context) -> Path | None:
    return ctx.obj.get("db") if ctx.obj else None


from .commands import register  # noqa: E402

register(main)
