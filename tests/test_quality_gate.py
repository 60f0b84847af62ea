"""The quality gate: headline scores stay at or above their recorded baselines.

This runs the real evaluations (quotes on Wikinews dev, NER on GermEval dev's held-out half,
amounts on the project's sentences), about 10 s; those needing ``../shared`` skip without it.
"""

from __future__ import annotations

import pytest

from conftest import SHARED
from wortlaut.eval import gate


def test_no_headline_score_dropped_below_its_baseline() -> None:
    checks, skipped = gate.run(SHARED / "data")
    assert checks, "no evaluation could run"
    unrecorded = [f"{c.evaluation}.{c.score}" for c in checks if c.baseline is None]
    assert not unrecorded, f"no baseline recorded for {unrecorded}: run `wortlaut eval gate --update`"
    dropped = [f"{c.evaluation}.{c.score}: {c.baseline} -> {c.measured}" for c in checks if c.dropped]
    assert not dropped, f"scores dropped below their baselines: {dropped}"
    if skipped:
        pytest.skip(f"only the amounts gate ran: {skipped}")


def test_lowering_a_baseline_needs_an_explicit_flag() -> None:
    checks = [gate.Check("quotes_dev", "message_f1", baseline=0.70, measured=0.65)]
    with pytest.raises(ValueError, match="allow-lower"):
        gate.updated_baselines(checks, {"quotes_dev": {"message_f1": 0.70}}, allow_lower=False)
    lowered = gate.updated_baselines(checks, {"quotes_dev": {"message_f1": 0.70}}, allow_lower=True)
    assert lowered["quotes_dev"]["message_f1"] == 0.65


def test_small_wobble_within_tolerance_is_not_a_drop() -> None:
    assert not gate.Check("x", "f1", baseline=0.7000, measured=0.6990).dropped
    assert gate.Check("x", "f1", baseline=0.7000, measured=0.6900).dropped
