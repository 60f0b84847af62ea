"""``wortlaut eval amounts``: precision and recall of amounts on annotated sentences.

The default test set (``eval/data/amounts_sentences.jsonl``) is the project's own: German news-style
sentences written for it, one JSON object a line::

    {"id": "d001", "split": "dev", "date": "2022-03-16", "text": "…",
     "amounts": [{"text": "etwa 3000 Soldaten", "value": 3000, "low": null, "high": null,
                  "unit": null, "counted": "Soldaten", "approximate": true}]}

``text`` of an amount is located in the sentence (its first occurrence, or at ``start`` when
given). An amount is *correct* when span, value, low, high, unit, counted and approximate all
match; *span-only* figures count matching spans. Figures are reported per ``split`` and for all
sentences together: ``dev`` was looked at while the rules were written; ``heldout`` …
``heldout5`` were written afterwards, one batch at a time (docs/amounts.md gives each batch's
first-run figures, measured before any change it prompted; ``heldout5`` was never tuned on).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import click
import spacy
from spacy.language import Language

from ..contract import Amount, Entity, Mention
from ..errors import MalformedRecordError

_FIELDS = ("value", "low", "high", "unit", "counted", "approximate")


_ROLES = ("actor", "origin", "destination", "location")


@dataclass
class Sentence:
    id: str
    split: str
    text: str
    date: str | None
    gold: list[dict[str, Any]]
    #: names the entity component would have found: ``[["Frankreich", "LOC"], …]``; gold amounts
    #: may then carry ``"roles": {"actor": "Frankreich", "destination": "Rumänien", …}``
    entities: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    span_tp: int = 0
    span_fp: int = 0
    span_fn: int = 0

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        return {
            "precision": ratio(self.tp, self.tp + self.fp),
            "recall": ratio(self.tp, self.tp + self.fn),
            "span_precision": ratio(self.span_tp, self.span_tp + self.span_fp),
            "span_recall": ratio(self.span_tp, self.span_tp + self.span_fn),
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
        }


@dataclass
class RoleCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return {"precision": round(p, 4), "recall": round(r, 4), "gold": self.tp + self.fn}


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=dict)
    roles: RoleCounts = field(default_factory=RoleCounts)
    failures: list[dict[str, Any]] = field(default_factory=list)
    sentences: int = 0


def default_path() -> Path:
    return Path(str(resources.files("wortlaut").joinpath("eval/data/amounts_sentences.jsonl")))


def load(path: Path) -> list[Sentence]:
    """Read the test set; a broken line raises an error naming file and line."""
    out: list[Sentence] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
                sent = Sentence(
                    id=str(rec.get("id", lineno)),
                    split=str(rec.get("split", "all")),
                    text=rec["text"],
                    date=rec.get("date"),
                    gold=list(rec.get("amounts", [])),
                    entities=[(str(n), str(label)) for n, label in rec.get("entities", [])],
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise MalformedRecordError(
                    f"not an amounts test record: {exc}",
                    where=where,
                    hint='each line needs {"text": …, "amounts": [{"text": …, "value": …}, …]}',
                ) from exc
            for g in sent.gold:
                if "text" not in g or sent.text.find(g["text"]) < 0:
                    raise MalformedRecordError(
                        f"amount {g.get('text')!r} does not occur in the sentence", where=where
                    )
            out.append(sent)
    return out


def _span(sent: Sentence, gold: dict[str, Any]) -> tuple[int, int]:
    start = int(gold["start"]) if "start" in gold else sent.text.find(gold["text"])
    return start, start + len(gold["text"])


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) <= 1e-3 * max(1.0, abs(float(b)))
    return bool(a == b)


def _as_record(a: Amount) -> dict[str, Any]:  # the fields compared, without roles
    d = a.to_dict()
    return {k: d[k] for k in ("text", *_FIELDS)}


def pipeline() -> Language:
    """Sentences and the amounts component: the part of the pipeline this evaluation measures."""
    from ..nlp import amounts  # noqa: F401  (registers the factory)

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("wortlaut_amounts_v1")
    return nlp


def _entities(sent: Sentence) -> list[Entity]:
    """The sentence's named entities as the entity component would give them: every whole-word
    occurrence of each name is a mention."""
    out: list[Entity] = []
    for i, (name, label) in enumerate(sent.entities):
        mentions = [
            Mention(m.start(), m.end(), name)
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sent.text)
        ]
        out.append(Entity(id=f"E{i}", label=label, name=name, mentions=mentions))  # type: ignore[arg-type]
    return out


def _score_roles(
    report: Report, sent: Sentence, gold: dict[str, Any], got: Amount, names: dict[str, str]
) -> None:
    if "roles" not in gold:
        return
    for role in _ROLES:
        want = gold["roles"].get(role)
        have_id = getattr(got, role)
        have = names.get(have_id) if have_id else None
        if have == want:
            report.roles.tp += have is not None
            continue
        if have is not None:
            report.roles.fp += 1
        if want is not None:
            report.roles.fn += 1
        report.failures.append(
            {
                "id": sent.id,
                "split": sent.split,
                "kind": f"role {role}",
                "gold": {"text": gold["text"], role: want},
                "got": {"text": got.text, role: have},
            }
        )


def evaluate(sentences: list[Sentence], nlp: Language | None = None) -> Report:
    nlp = nlp or pipeline()
    report = Report(sentences=len(sentences))
    for sent in sentences:
        doc = nlp.make_doc(sent.text)
        doc._.wl_article_date = sent.date
        entities = _entities(sent)
        doc._.wl_entities = entities
        names = {e.id: e.name for e in entities}
        doc = nlp(doc)
        predicted = {(a.start, a.end): a for a in doc._.wl_amounts}
        gold = {_span(sent, g): g for g in sent.gold}
        for key in ("all", sent.split):
            counts = report.counts.setdefault(key, Counts())
            for span, g in gold.items():
                p = predicted.get(span)
                if p is None:
                    counts.fn += 1
                    counts.span_fn += 1
                    continue
                counts.span_tp += 1
                rec = _as_record(p)
                if all(_same(rec[f], g.get(f)) for f in _FIELDS):
                    counts.tp += 1
                else:
                    counts.fp += 1
                    counts.fn += 1
            for span in predicted:
                if span not in gold:
                    counts.fp += 1
                    counts.span_fp += 1
        for span, g in gold.items():
            p = predicted.get(span)
            if p is not None:
                _score_roles(report, sent, g, p, names)
            if p is None:
                report.failures.append({"id": sent.id, "split": sent.split, "kind": "missed", "gold": g})
            elif not all(_same(_as_record(p)[f], g.get(f)) for f in _FIELDS):
                report.failures.append(
                    {"id": sent.id, "split": sent.split, "kind": "wrong", "gold": g, "got": _as_record(p)}
                )
        for span, p in predicted.items():
            if span not in gold:
                report.failures.append(
                    {"id": sent.id, "split": sent.split, "kind": "extra", "got": _as_record(p)}
                )
    return report


def _show(rec: dict[str, Any]) -> str:
    return json.dumps(rec, ensure_ascii=False)


def main(path: Path | None = None, as_json: bool = False) -> Report:
    """Evaluate and print the figures and every failure."""
    source = path or default_path()
    report = evaluate(load(source))
    figures: dict[str, dict[str, float]] = {k: c.figures() for k, c in sorted(report.counts.items())}
    role_figures = report.roles.figures()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "path": str(source),
                    "sentences": report.sentences,
                    "figures": figures,
                    "roles": role_figures,
                    "failures": report.failures,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return report
    click.echo(f"amounts: {report.sentences} sentences from {source}")
    click.echo(f"{'split':10} {'gold':>5} {'pred':>5} {'P':>7} {'R':>7} {'span P':>7} {'span R':>7}")
    for key, f in figures.items():
        click.echo(
            f"{key:10} {f['gold']:>5} {f['predicted']:>5} {f['precision']:>7.3f} {f['recall']:>7.3f}"
            f" {f['span_precision']:>7.3f} {f['span_recall']:>7.3f}"
        )
    click.echo(
        f"\nroles (actor/origin/destination/location of amounts with gold roles):"
        f" P {role_figures['precision']:.3f} R {role_figures['recall']:.3f} ({role_figures['gold']:.0f} gold)"
    )
    click.echo(f"\nfailures: {len(report.failures)}")
    for fail in report.failures:
        line = f"  [{fail['id']}] {fail['kind']}:"
        if "gold" in fail:
            line += f" gold {_show(fail['gold'])}"
        if "got" in fail:
            line += f" got {_show(fail['got'])}"
        click.echo(line)
    return report
