"""The base form of a counted noun: its nominative plural (``Mitgliedsländern`` → ``Mitgliedsländer``).

Why a base form and not the dictionary lemma: a search for ``--counted Soldaten`` should find
``3000 Soldaten`` and ``mit 3000 Soldaten`` alike, and the plural is how the counted thing is
named after a number. German marks the dative plural with ``-n``; whether a final ``-en`` is
that ending (``Tagen`` → ``Tage``) or part of the plural (``Soldaten``) is looked up in a table
derived from the UD German treebanks (``models/amounts/plural_nouns.tsv``, see its card), for
compounds through their longest known final part; an unknown ``-en`` form whose form without
the ``n`` is a known plural drops it (``Anträgen`` → ``Anträge``); unknown words ending in ``-ern``, ``-eln``,
``-lingen``, ``-nissen`` drop the ``n``, others stay as written.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_MIN_SUFFIX = 5
#: Endings of unknown words whose final n is the dative plural ending (Flüchtlinge-n, Ergebnisse-n).
_DATIVE_ENDINGS = ("ern", "eln", "lingen", "nissen", "salen")


def _words(text: str) -> list[str]:
    return text.split()


#: Frequent news nouns missing from the UD table, written by hand. Final parts whose dative
#: plural adds ``n`` to an ``-e`` plural (``mit 40 Fahrzeugen``) …
_HAND_DROP = _words(
    "jahrhunderten jahrzehnten jahrtausenden fahrzeugen flugzeugen werkzeugen schiffen booten punkten fällen flügen zügen stücken geschäften "
    "projekten objekten produkten kreisen betrieben gebieten gesetzen geräten bussen anschlägen "
    "angriffen verträgen versuchen besuchen gästen märkten plätzen sätzen stoffen"
)
#: … and feminine ``-el``/``-er`` nouns whose plural ends in ``-n`` in every case (``Kartoffeln``).
_HAND_KEEP = _words(
    "kartoffeln regeln inseln schwestern mauern steuern ampeln kugeln formeln klauseln wurzeln "
    "zwiebeln nadeln tafeln staffeln trommeln muscheln federn feiern adern eltern"
)


@lru_cache(maxsize=1)
def plural_table() -> dict[str, str]:
    """Lower-cased plural form → ``n`` (drop the final n) or ``=`` (keep)."""
    text = resources.files("wortlaut").joinpath("models/amounts/plural_nouns.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        form, _, op = line.partition("\t")
        if form and op in ("n", "="):
            table[form] = op
    table.update({w: "n" for w in _HAND_DROP})
    table.update({w: "=" for w in _HAND_KEEP})
    return table


def _operation(word: str) -> str | None:
    """The table's verdict for ``word`` or its longest known final part."""
    table = plural_table()
    low = word.lower()
    for i in range(0, len(low) - _MIN_SUFFIX + 1):
        op = table.get(low[i:])
        if op is not None:
            return op
    return None


@lru_cache(maxsize=8192)
def base_form(word: str) -> str:
    """Nominative plural of a noun written after a number; hyphen compounds keep their head."""
    head_start = word.rfind("-") + 1
    head = word[head_start:]
    if len(head) < 3 or not head[:1].isalpha():
        return word
    op = _operation(head)
    if op is None and head.endswith("en") and _operation(head[:-1]) == "=":
        op = "n"  # Anträgen: the table knows the plural Anträge
    if op is None:
        op = "n" if head.endswith(_DATIVE_ENDINGS) else "="
    if op == "n" and head.endswith("n"):
        return word[:-1]
    return word
