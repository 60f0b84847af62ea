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
from functools import lru_cache

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


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Lower case, no accents, single spaces: the form keys are built from. Cached: the same
    names recur within and across articles, and clustering folds every mention."""
    if name.isascii():
        return " ".join(name.lower().split())
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


def _words(name: str) -> list[str]:
    return fold(name).split(" ")


def _first_names_compatible(a: list[str], b: list[str]) -> bool:
    """``jens`` and ``jens``, or an initial ``j.`` and ``jens``: the same first name."""
    if not a or not b:
        return True
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    if len(x) == 1 or len(y) == 1:
        return x[:1] == y[:1]
    return x == y


def _link_person(entity: Entity, key: str, lookup: Lookup) -> Link | None:
    """Surname-based links for persons; None when nothing unambiguous is found."""
    words = _words(entity.name)
    surname = words[-1]
    known = [k for k in lookup("PER", surname) if _words(k.name)[-1] == surname]
    full = [k for k in known if len(_words(k.name)) >= 2]
    bare = [k for k in known if len(_words(k.name)) == 1]
    if len(words) == 1:
        if len(full) == 1:
            k = full[0]
            return Link(
                k.id, k.key, k.name, f"'{entity.name}' is the surname of only one known person, {k.name}"
            )
        if len(full) > 1:
            names = ", ".join(sorted(k.name for k in full))
            return Link(
                None,
                key,
                entity.name,
                f"'{entity.name}' kept apart: the surname of several known persons ({names})",
            )
        return None
    # A full name: an initial matches a written-out first name when only one such person is known.
    compatible = [k for k in full if _first_names_compatible(words[:-1], _words(k.name)[:-1])]
    if len(compatible) == 1 and len(words) == len(_words(compatible[0].name)):
        k = compatible[0]
        if k.key != key:
            return Link(
                k.id,
                k.key,
                k.name,
                f"'{entity.name}' matches the only known {k.name} (initial of the first name)",
            )
    if not full and len(bare) == 1:
        k = bare[0]
        return Link(
            k.id, k.key, k.name, f"full name '{entity.name}' of the only known person called '{k.name}'"
        )
    return None


def variant_reason(name: str, text: str) -> str:
    """Why an article calls ``name`` also ``text``, in words (the in-article merge rules)."""
    words, said = name.split(), text.split()
    last = said[-1] if said else ""
    base = last[:-1] if last.endswith(("s", "'")) else last
    if base and base != last and base in (name, words[-1]):
        return f"'{text}' is a genitive of {name}"
    if len(said) == 1 and len(words) > 1 and said[0] == words[-1]:
        return f"'{text}' is the surname of {name}, named in full in the same article"
    if said and "-" in said[0] and said[0].split("-")[0] == name:
        return f"'{text}' is a branch of {name}"
    return f"'{text}' has the same form as {name}"


def _article_variants(entity: Entity) -> str:
    seen: list[str] = []
    for m in entity.mentions:
        if m.kind == "word" and m.text != entity.name and m.text not in seen:
            seen.append(m.text)
    if not seen:
        return ""
    return "; in the article " + "; ".join(variant_reason(entity.name, t) for t in seen)


def link(entity: Entity, lookup: Lookup) -> Link:
    """Decide which known entity ``entity`` is, if any, and say why in words (the reason also
    names the article's own variants, e.g. a surname standing for the full name)."""
    found = _link(entity, lookup)
    variants = _article_variants(entity)
    if not variants:
        return found
    return Link(found.entity_id, found.key, found.name, found.reason + variants)


def _link(entity: Entity, lookup: Lookup) -> Link:
    """Decide which known entity ``entity`` is, if any, and say why in words.

    - the same canonical name and label (folded: case, accents, ß) is the same entity;
    - persons: a surname alone (``Stoltenberg``) joins the one known person with that surname
      and a full name; with two or more (``Julianne Smith``, ``John Smith``) it stays apart;
      ``J. Stoltenberg`` joins the one known ``Jens Stoltenberg``; a full name joins a known bare
      surname when it is the only person known by that surname;
    - everything else starts a new entity.
    """
    key = entity.key or entity_key(entity.label, entity.name)
    folded = fold(entity.name)
    for known in lookup(entity.label, folded):
        if known.key == key:
            return Link(known.id, key, known.name, f"same name '{entity.name}'")
    if entity.label == "PER" and folded:
        found = _link_person(entity, key, lookup)
        if found is not None:
            return found
        if " " not in folded and folded.endswith("s") and len(folded) > 3:
            base = Entity(entity.id, entity.label, entity.name[:-1], key=entity_key("PER", entity.name[:-1]))
            found = _link_person(base, key, lookup)
            if found is not None and found.entity_id is not None:
                return Link(
                    found.entity_id,
                    found.key,
                    found.name,
                    f"'{entity.name}' is the genitive of {found.reason}",
                )
    return Link(None, key, entity.name, f"first seen as '{entity.name}'")
