"""Reading stored contract JSON back into :mod:`wortlaut.contract` objects.

The store keeps each version's extraction as contract-v1 JSON (what ``wortlaut extract``
writes), so it stays readable by other tools; this module turns it back into dataclasses for
:meth:`~wortlaut.store.base.Store.get_article`. Unknown keys are ignored: the contract grows by
adding fields.
"""

from __future__ import annotations

from typing import Any

from ..contract import (
    Amount,
    Entity,
    Extraction,
    Mention,
    Quote,
    Role,
    RoleMention,
    Spans,
    Speaker,
    TimeExpression,
)


def _spans(value: Any) -> Spans:
    return [(int(s), int(e)) for s, e in value or []]


def _role(data: dict[str, Any] | None) -> Role | None:
    if not data:
        return None
    return Role(spans=_spans(data.get("spans")), text=data.get("text") or "")


def _speaker(data: dict[str, Any] | None) -> Speaker | None:
    if not data:
        return None
    return Speaker(
        spans=_spans(data.get("spans")),
        text=data.get("text") or "",
        entity=data.get("entity"),
        name=data.get("name"),
    )


def quote_from_dict(data: dict[str, Any]) -> Quote:
    return Quote(
        type=data["type"],
        spans=_spans(data.get("spans")),
        text=data.get("text") or "",
        speaker=_speaker(data.get("speaker")),
        cue=_role(data.get("cue")),
        addressee=_role(data.get("addressee")),
        frame=_role(data.get("frame")),
        medium=data.get("medium"),
        confidence=data.get("confidence"),
    )


def entity_from_dict(data: dict[str, Any]) -> Entity:
    return Entity(
        id=data["id"],
        label=data["label"],
        name=data["name"],
        key=data.get("key"),
        mentions=[
            Mention(int(m["start"]), int(m["end"]), m.get("text") or "", m.get("kind") or "word")
            for m in data.get("mentions") or []
        ],
        roles=[RoleMention(r["title"], int(r["start"]), int(r["end"])) for r in data.get("roles") or []],
        geo=data.get("geo"),
    )


def amount_from_dict(data: dict[str, Any]) -> Amount:
    value = data.get("value")
    return Amount(
        start=int(data["start"]),
        end=int(data["end"]),
        text=data.get("text") or "",
        value=float(value) if value is not None else None,
        unit=data.get("unit"),
        counted=data.get("counted"),
        approximate=bool(data.get("approximate")),
        low=data.get("low"),
        high=data.get("high"),
        actor=data.get("actor"),
        origin=data.get("origin"),
        destination=data.get("destination"),
        location=data.get("location"),
    )


def time_from_dict(data: dict[str, Any]) -> TimeExpression:
    return TimeExpression(
        start=int(data["start"]),
        end=int(data["end"]),
        text=data.get("text") or "",
        value=data.get("value"),
        begin=data.get("begin"),
        end_value=data.get("end_value"),
    )


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """An :class:`Extraction` from its contract-v1 JSON object."""
    return Extraction(
        id=data["id"],
        text=data["text"],
        article=dict(data.get("article") or {}),
        quotes=[quote_from_dict(q) for q in data.get("quotes") or []],
        entities=[entity_from_dict(e) for e in data.get("entities") or []],
        amounts=[amount_from_dict(a) for a in data.get("amounts") or []],
        times=[time_from_dict(t) for t in data.get("times") or []],
    )
