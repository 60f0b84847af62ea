"""CLI commands, one module per group of commands, each with a ``register(main)`` function."""

from __future__ import annotations

import click


def register(main: click.Group) -> None:
    from . import entity, evaluate, ingest, query, serve

    for module in (ingest, query, entity, evaluate, serve):
        module.register(main)
