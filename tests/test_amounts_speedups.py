"""Speed-ups in the amounts component that must not change what it finds."""

from __future__ import annotations

import json
from importlib import resources

from wortlaut.nlp.amounts import CORE, _scan

EXTRA = [
    "Zwischen zwei und drei Dutzend Gäste kamen, zig Helfer, Aberhunderte Schaulustige.",
    "Eineinhalb Stunden, anderthalb Tage, sechzehn Wochen, siebzig Jahre, zwölf Monate.",
    "Mehrere Hunderttausend Menschen, einige Tausend Soldaten, etliche Millionen Euro.",
    "Wenige Dutzend, viele Hundert, Zehntausende, ein paar Tausend, Milliarden Dollar.",
    "Elf Freunde, neunzig Minuten, fünf Fünftel, acht Achtel, vierzig Räuber, Zehn Gebote.",
    "Sie sagte mit Nachdruck, an dem Abend sei für alle genug da gewesen.",
]


def _texts() -> list[str]:
    raw = (
        resources.files("wortlaut").joinpath("eval/data/amounts_sentences.jsonl").read_text(encoding="utf-8")
    )
    return [json.loads(line)["text"] for line in raw.splitlines() if line.strip()] + EXTRA


def test_trying_the_number_regex_only_at_triggers_finds_what_a_full_scan_finds() -> None:
    texts = _texts()
    assert len(texts) > 500
    found = 0
    for text in texts:
        expected = [m.span() for m in CORE.finditer(text)]
        assert [m.span() for m in _scan(text, 0, len(text))] == expected, text
        found += len(expected)
    assert found > 500
