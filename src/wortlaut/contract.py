"""Extraction contract v1 as Python objects.

These dataclasses are what the spaCy components produce and what ``wortlaut extract`` writes.
``Extraction.to_dict`` yields JSON that validates against ``schema/extraction-v1.schema.json``;
fields beyond the schema's required ones are additions (the contract grows by adding fields,
never by changing one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from .errors import ContractError

Spans = list[tuple[int, int]]
QuoteType = Literal["direct", "indirect", "free_indirect", "indirect_free_indirect", "reported"]
QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "free_indirect", "indirect_free_indirect", "reported")
EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
MentionKind = Literal["word", "part", "derived"]


def join_spans(text: str, spans: Spans) -> str:
    """The text of several spans as the gold annotation writes it: joined by ' … '."""
    return " … ".join(text[s:e] for s, e in spans)


def _spans_json(spans: Spans) -> list[list[int]]:
    return [[int(s), int(e)] for s, e in spans]


@dataclass
class Role:
    """A role of a quotation (cue, addressee, frame): where it is written and what it says."""

    spans: Spans
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"spans": _spans_json(self.spans), "text": self.text}


@dataclass
class Speaker(Role):
    """The mention that names or refers to a speaker, and the entity it resolves to."""

    entity: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "entity": self.entity, "name": self.name}


@dataclass
class Quote:
    type: QuoteType
    spans: Spans
    text: str
    speaker: Speaker | None = None
    cue: Role | None = None
    addressee: Role | None = None
    frame: Role | None = None
    medium: str | None = "speech"
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "medium": self.medium,
            "spans": _spans_json(self.spans),
            "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "frame": self.frame.to_dict() if self.frame else None,
            "confidence": self.confidence,
        }


@dataclass
class Mention:
    """Where an entity is named. ``kind`` is ``word`` for a name standing alone, ``part`` for a
    name inside a compound (``NATO`` in ``NATO-Generalsekretär``) and ``derived`` for a word
    derived from a name (``russischen`` from Russland)."""

    start: int
    end: int
    text: str
    kind: MentionKind = "word"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass
class RoleMention:
    """A role or title seen attached to a person (``NATO-Generalsekretär``) and where."""

    title: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "start": self.start, "end": self.end}


@dataclass
class Entity:
    """A person, organisation, place or other name, with all its mentions in one article.

    ``key`` identifies the same entity across articles (e.g. ``PER:jens stoltenberg``);
    ``geo`` holds the GeoNames record of a resolved place.
    """

    id: str
    label: EntityLabel
    name: str
    mentions: list[Mention] = field(default_factory=list)
    key: str | None = None
    roles: list[RoleMention] = field(default_factory=list)
    geo: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "name": self.name,
            "key": self.key,
            "mentions": [m.to_dict() for m in self.mentions],
            "roles": [r.to_dict() for r in self.roles],
            "geo": self.geo,
        }


@dataclass
class Amount:
    """A number with what it counts. ``value`` is None for vague amounts (``zigtausende``);
    ranges carry ``low`` and ``high``. The participants are ids of entities in the article."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    counted: str | None = None
    approximate: bool = False
    low: float | None = None
    high: float | None = None
    actor: str | None = None
    origin: str | None = None
    destination: str | None = None
    location: str | None = None
    #: how an approximate amount relates to its value: ``about``, ``more_than``, ``less_than``,
    #: ``at_least``, ``at_most``, ``vague`` (None when exact)
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        value: float | int | None = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "counted": self.counted,
            "approximate": self.approximate,
            "actor": self.actor,
            "origin": self.origin,
            "destination": self.destination,
            "location": self.location,
            "qualifier": self.qualifier,
        }


@dataclass
class TimeExpression:
    """A time expression normalised relative to the article's date.

    ``value`` is an ISO date (``2022-03-17``), month (``2022-03``) or year; intervals carry
    ``begin``/``end`` (either may be None for open intervals such as ``seit 2014``)."""

    start: int
    end: int
    text: str
    value: str | None
    begin: str | None = None
    end_value: str | None = None
    #: ``date``, ``month``, ``year``, ``week`` or ``interval``
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "begin": self.begin,
            "end_value": self.end_value,
            "kind": self.kind,
        }


@dataclass
class Extraction:
    """Everything found in one article: the contract-v1 object ``wortlaut extract`` writes."""

    id: str
    text: str
    article: dict[str, Any] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "article": self.article,
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "amounts": [a.to_dict() for a in self.amounts],
            "times": [t.to_dict() for t in self.times],
        }


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The extraction contract v1 JSON schema shipped with the package."""
    text = resources.files("wortlaut").joinpath("schema/extraction-v1.schema.json").read_text("utf-8")
    return dict(json.loads(text))


def validate(data: dict[str, Any]) -> None:
    """Raise :class:`ContractError` naming the first violation when ``data`` breaks contract v1."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        path = "/".join(str(p) for p in first.path) or "(top level)"
        raise ContractError(f"{first.message} at {path}", where=f"article {data.get('id')!r}")
