"""The quality gate: the evaluations' headline scores may not drop below recorded baselines.

``baselines.json`` (package data beside the evaluation sets) records, per evaluation, the scores
reached when a change was last accepted. ``wortlaut eval gate`` runs the evaluations whose data
is present, compares, and fails when a score drops by more than ``TOLERANCE``. ``--update``
records the new scores; lowering a baseline needs ``--allow-lower`` as well, so a regression is
always a deliberate, visible decision.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

#: Scores may wobble this much (rounding, tie-breaks) without failing the gate.
TOLERANCE = 0.002

BASELINES = Path(str(resources.files("wortlaut").joinpath("eval/data/baselines.json")))
SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass
class Check:
    evaluation: str
    score: str
    baseline: float | None
    measured: float

    @property
    def dropped(self) -> bool:
        return self.baseline is not None and self.measured < self.baseline - TOLERANCE


def quotes_scores(data: Path) -> dict[str, float]:
    from . import quotes

    fig = quotes.evaluate(data / "quotes-wikinews-de" / "dev.jsonl")
    return {
        "message_f1": fig["message"]["f1"],
        "roles_f1": fig["roles"]["f1"],
        "joint_f1": fig["joint"]["f1"],
        "form_accuracy": fig["form_accuracy"],
    }


def ner_scores(data: Path) -> dict[str, float]:
    from . import ner

    fig = ner.evaluate(data / "ner" / "germeval2014-dev.tsv", part="odd")
    return {f"{label}_f1": fig["main"][label]["f1"] for label in ("overall", "PER", "LOC", "ORG", "MISC")}


def amounts_scores(_: Path) -> dict[str, float]:
    from . import amounts

    counts = amounts.evaluate(amounts.load(amounts.default_path())).counts["all"]
    return {
        "precision": counts.tp / (counts.tp + counts.fp),
        "recall": counts.tp / (counts.tp + counts.fn),
    }


#: evaluation name -> (data it needs under ../shared/data, or None; scorer)
EVALUATIONS: dict[str, tuple[str | None, Callable[[Path], dict[str, float]]]] = {
    "quotes_dev": ("quotes-wikinews-de/dev.jsonl", quotes_scores),
    "ner_germeval_odd": ("ner/germeval2014-dev.tsv", ner_scores),
    "amounts_sentences": (None, amounts_scores),
}


def load_baselines(path: Path = BASELINES) -> dict[str, dict[str, float]]:
    return dict(json.loads(path.read_text("utf-8"))) if path.exists() else {}


def run(
    data: Path = SHARED_DATA, baselines: dict[str, dict[str, float]] | None = None
) -> tuple[list[Check], list[str]]:
    """Every check that could run, and the evaluations skipped for lack of data (with why)."""
    baselines = load_baselines() if baselines is None else baselines
    checks: list[Check] = []
    skipped: list[str] = []
    for name, (needs, scorer) in EVALUATIONS.items():
        if needs and not (data / needs).exists():
            skipped.append(f"{name}: {data / needs} is absent")
            continue
        recorded = baselines.get(name, {})
        for score, value in scorer(data).items():
            checks.append(Check(name, score, recorded.get(score), round(value, 4)))
    return checks, skipped


def updated_baselines(
    checks: list[Check], baselines: dict[str, dict[str, float]], allow_lower: bool
) -> dict[str, dict[str, float]]:
    """The baselines with the measured scores; raises ValueError on a drop unless allowed."""
    drops = [c for c in checks if c.dropped]
    if drops and not allow_lower:
        names = ", ".join(f"{c.evaluation}.{c.score}" for c in drops)
        raise ValueError(f"refusing to lower baselines ({names}) without --allow-lower")
    new = {k: dict(v) for k, v in baselines.items()}
    for c in checks:
        new.setdefault(c.evaluation, {})[c.score] = c.measured
    return new


def render(checks: list[Check], skipped: list[str]) -> str:
    lines = [f"{'evaluation':<20}{'score':<16}{'baseline':>9}{'now':>9}"]
    for c in checks:
        base = "-" if c.baseline is None else f"{c.baseline:.4f}"
        flag = "  DROPPED" if c.dropped else ""
        lines.append(f"{c.evaluation:<20}{c.score:<16}{base:>9}{c.measured:>9.4f}{flag}")
    lines += [f"skipped {s}" for s in skipped]
    return "\n".join(lines)


def main(
    data: Path = SHARED_DATA, update: bool = False, allow_lower: bool = False, as_json: bool = False
) -> bool:
    """Print the comparison; with ``update`` record the scores. True when nothing dropped."""
    baselines = load_baselines()
    checks, skipped = run(data, baselines)
    if as_json:
        print(json.dumps({"checks": [vars(c) | {"dropped": c.dropped} for c in checks], "skipped": skipped}))
    else:
        print(render(checks, skipped))
    if update:
        new = updated_baselines(checks, baselines, allow_lower)
        BASELINES.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"baselines written to {BASELINES}")
        return True
    return not any(c.dropped for c in checks)
