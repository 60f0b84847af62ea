"""``wortlaut eval ner PATH``: exact-span precision/recall/F1 of names on GermEval-2014-style TSV.

Two figures, both on *outer* spans with exact boundaries (see docs/entities.md):

- ``main`` (the headline): labels PER, LOC, ORG, MISC (GermEval OTH). Gold ``deriv``/``part`` spans
  (``russischen``, ``NATO-Generalsekretär``) are not word-level names in Wortlaut, so they are
  taken out of the gold, and a predicted span that coincides with one of them is not counted as
  an error either.
- ``germeval``: GermEval's official outer metric, where ``LOCderiv``, ``ORGpart`` … are labels of
  their own. Wortlaut's ``derived`` mentions become ``LOCderiv`` and a token holding a ``part``
  mention becomes ``<label>part``.

Each sentence is run through the entity component as its own document (GermEval sentences come
from unrelated articles). ``--part odd``/``even`` restricts to every other sentence: the shipped
model was trained on the even sentences of the dev file (see the model card), so its honest
figure on that file is the one on the odd ones.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.ner_data import TaggedSentence, bio_spans, main_label, read_germeval
from ..nlp.pipeline import build_pipeline

MAIN_LABELS = ("PER", "LOC", "ORG", "MISC")
Span = tuple[int, int, str]


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: set[Span], pred: set[Span], ignore: set[tuple[int, int]] | None = None) -> None:
        ignore = ignore or set()
        for p in pred:
            if p in gold:
                self.tp[p[2]] += 1
            elif (p[0], p[1]) not in ignore:
                self.fp[p[2]] += 1
        for g in gold - pred:
            self.fn[g[2]] += 1

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}

    def table(self, labels: list[str]) -> dict[str, dict[str, float]]:
        out = {lab: self.prf(self.tp[lab], self.fp[lab], self.fn[lab]) for lab in labels}
        out["overall"] = self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        return out


def sentence_doc(nlp: Language, words: list[str]) -> Doc:
    starts: list[bool | int | None] = [False] * len(words)
    if starts:
        starts[0] = True
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    return doc


def run_entities(nlp: Language, words: list[str], timer: dict[str, float]) -> Doc:
    """Run the pipeline up to and including the entity component on one pre-tokenised sentence."""
    doc = sentence_doc(nlp, words)
    for name, proc in nlp.pipeline:
        if name == "sentencizer":
            continue
        t0 = time.perf_counter()
        doc = proc(doc)
        timer[name] = timer.get(name, 0.0) + time.perf_counter() - t0
        if name == "wortlaut_entities_v1":
            break
    return doc


def predicted(doc: Doc) -> tuple[set[Span], set[Span]]:
    """(main spans, GermEval-label spans) the component produced, in token positions."""
    main = {(e.start, e.end, e.label_) for e in doc.ents}
    official = {(s, e, "OTH" if lab == "MISC" else lab) for s, e, lab in main}
    tok_at = {t.idx: t.i for t in doc}
    for ent in doc._.wl_entities or []:
        label = "OTH" if ent.label == "MISC" else ent.label
        for m in ent.mentions:
            if m.kind == "word":
                continue
            tok = doc.char_span(m.start, m.end, alignment_mode="expand")
            if tok is None:
                continue
            i = tok_at.get(tok[0].idx, tok.start)
            official.add((i, i + 1, label + ("deriv" if m.kind == "derived" else "part")))
    return main, official


def evaluate(path: Path, model: str | None = None, part: str = "all") -> dict[str, Any]:
    sentences: list[TaggedSentence] = read_germeval(path)
    if part in ("odd", "even"):
        keep = 1 if part == "odd" else 0
        sentences = [s for i, s in enumerate(sentences) if i % 2 == keep]
    nlp = build_pipeline(model)
    main_scores, official_scores = Scores(), Scores()
    run_entities(nlp, ["Jens", "Stoltenberg", "reiste", "nach", "Moskau", "."], {})  # load models first
    timer: dict[str, float] = {}
    words = 0
    t0 = time.perf_counter()
    for sent in sentences:
        gold_all = {(s, e, lab) for s, e, lab in bio_spans(sent.tags)}
        gold_main = set()
        ignore = set()
        for s, e, lab in gold_all:
            mapped = main_label(lab)
            if mapped:
                gold_main.add((s, e, mapped))
            else:
                ignore.add((s, e))
        doc = run_entities(nlp, sent.words, timer)
        pred_main, pred_official = predicted(doc)
        main_scores.add(gold_main, pred_main, ignore)
        official_scores.add(gold_all, pred_official)
        words += len(sent.words)
    total = time.perf_counter() - t0
    official_labels = sorted(set(official_scores.tp) | set(official_scores.fn))
    ner_time = timer.get("wortlaut_entities_v1", 0.0)
    return {
        "file": str(path),
        "part": part,
        "model": model or "wortlaut (packaged CRF + rules)",
        "sentences": len(sentences),
        "words": words,
        "main": main_scores.table(list(MAIN_LABELS)),
        "germeval": official_scores.table(official_labels),
        "speed": {
            "entities_component_words_per_s": round(words / ner_time) if ner_time else None,
            "end_to_end_words_per_s": round(words / total) if total else None,
        },
    }


def _print_table(title: str, table: dict[str, dict[str, float]]) -> None:
    click.echo(title)
    click.echo(f"  {'label':<10} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for lab, s in table.items():
        click.echo(
            f"  {lab:<10} {s['precision']:7.3f} {s['recall']:7.3f} {s['f1']:7.3f} {int(s['support']):6d}"
        )


def main(path: Path, model: str | None = None, as_json: bool = False, part: str = "all") -> dict[str, Any]:
    """Evaluate and print; returns the figures."""
    result = evaluate(path, model=model, part=part)
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return result
    click.echo(
        f"{result['file']} ({result['part']} sentences: {result['sentences']}, words: {result['words']})"
    )
    click.echo(f"model: {result['model']}")
    _print_table("exact outer spans, PER/LOC/ORG/MISC (deriv/part neither gold nor error):", result["main"])
    _print_table("exact outer spans, GermEval labels (deriv/part as their own labels):", result["germeval"])
    sp = result["speed"]
    click.echo(
        f"speed: entity component {sp['entities_component_words_per_s']} words/s, "
        f"end to end {sp['end_to_end_words_per_s']} words/s (one sentence per document; "
        "bench/component.py entities measures whole articles)"
    )
    return result
