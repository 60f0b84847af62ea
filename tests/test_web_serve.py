"""``wortlaut serve``: safe defaults (loopback, read-only) and a token only from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wortlaut.cli import main


def test_serve_binds_loopback_by_default() -> None:
    serve = main.commands["serve"]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
    assert "--ingest-token" not in [o for p in serve.params for o in p.opts]  # never on the command line


@pytest.mark.parametrize("value", [None, "short"])
def test_serve_refuses_a_missing_or_weak_ingest_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("WL_TOKEN", raising=False)
    else:
        monkeypatch.setenv("WL_TOKEN", value)
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "w.db"), "serve", "--ingest-token-env", "WL_TOKEN"]
    )
    assert result.exit_code == 1
    assert "W400" in result.output and "WL_TOKEN" in result.output


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "nope.db"), "serve"])
    assert result.exit_code == 1 and "W202" in result.output
    assert not (tmp_path / "nope.db").exists()
