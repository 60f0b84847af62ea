"""Linking an article's entities to canonical entities across the whole corpus.

The store calls :func:`link` for every entity of an article it ingests, with a lookup into the
entities it already knows. Merging is conservative: a mention joins a known entity only when the
evidence is unambiguous, and the reason is returned so that ``wortlaut entity show`` can explain
every merge.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from ..contract import Entity


@dataclass(frozen=True)
class KnownEntity:
    """A canonical entity the store already holds."""

    id: str
    label: str
    name: str
    key: str


#: lookup(label, index_token) -> known entities of that label indexed under that token
Lookup = Callable[[str, str], list[KnownEntity]]


def fold(name: str) -> str:
    """Lower case, no accents, single spaces: the form keys are built from."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("ß", "ss").split())


def entity_key(label: str, name: str) -> str:
    """The corpus key of a canonical name: ``PER:jens stoltenberg``."""
    return f"{label}:{fold(name)}"


def index_tokens(label: str, name: str) -> list[str]:
    """Tokens under which an entity is indexed for lookups (its folded full name and last word)."""
    folded = fold(name)
    tokens = [folded]
    last = folded.split(" ")[-1] if folded else ""
    if last and last != folded:
        tokens.append(last)
    return tokens


@dataclass(frozen=True)
class Link:
    """The outcome of linking: a known entity's id (or None: a new entity) and why."""

    entity_id: str | None
    key: str
    name: str
    reason: str


def link(entity: Entity, lookup: Lookup) -> Link:
    """Decide which known entity ``entity`` is, if any."""
    key = entity.key or entity_key(entity.label, entity.name)
    for known in lookup(entity.label, fold(entity.name)):
        if known.key == key:
            return Link(known.id, key, known.name, f"same name '{entity.name}'")
    return Link(None, key, entity.name, f"first seen as '{entity.name}'")
