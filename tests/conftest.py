"""Shared test helpers. Tests write their own fixtures; ``../shared`` is optional."""

from __future__ import annotations

from pathlib import Path

import pytest

#: ``../shared`` beside the checkout: data, seed and schema (present in the workspace and in CI).
SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ``../shared``; the calling test is skipped, with the reason, when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared exists only in the project's workspace and CI")
    return path


@pytest.fixture
def seed_paths() -> tuple[Path, Path]:
    """The reference article and its gold annotation."""
    return (
        shared_path("seed", "000_f9ffb56e64ea0352.txt"),
        shared_path("seed", "000_f9ffb56e64ea0352.gold.json"),
    )
