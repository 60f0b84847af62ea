"""Build ``src/wortlaut/models/amounts/plural_nouns.tsv`` from the UD German treebanks.

Why: the amounts component reports the counted noun in its nominative plural
(``30 Mitgliedsländern`` → ``Mitgliedsländer``). German adds ``-n`` in the dative plural, but a
plural may also end in ``-en`` in every case (``Soldaten``), so ``Tagen`` → ``Tage`` and
``Soldaten`` → ``Soldaten`` cannot be told apart by rule. The UD lemmas and case features tell
them apart for the words they contain; the table records, per lower-cased plural form, whether
its nominative drops a final ``n`` (``n``) or stays as it is (``=``).

Usage::

    .venv/bin/python training/build_amounts_nouns.py /work/shared/data/ud \
        src/wortlaut/models/amounts/plural_nouns.tsv
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path


def read_plural_nouns(folder: Path) -> dict[str, dict[str, set[str]]]:
    """lemma → case → plural forms, for every NOUN token with Number=Plur (plus ``Fem``: forms
    tagged feminine)."""
    table: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in sorted(folder.glob("*.conllu")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line or line[0] == "#" or line == "\n":
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 6 or cols[3] != "NOUN" or "Number=Plur" not in cols[5]:
                    continue
                feats = dict(f.split("=", 1) for f in cols[5].split("|") if "=" in f)
                table[cols[2]][feats.get("Case", "?")].add(cols[1])
                if feats.get("Gender") == "Fem":
                    table[cols[2]]["Fem"].add(cols[1])
    return table


def derive(table: dict[str, dict[str, set[str]]]) -> dict[str, str]:
    """Lower-cased plural form → ``n`` (drop a final n for the nominative) or ``=`` (keep)."""
    out: dict[str, str] = {}
    for cases in table.values():
        others = set().union(*(forms for case, forms in cases.items() if case not in ("Dat", "Fem")))
        feminine = bool(cases.get("Fem"))
        for form in cases.get("Dat", set()):
            if form in others:
                out[form.lower()] = "="
            elif form.endswith("n") and form[:-1] in others:
                out[form.lower()] = "n"
            elif form.endswith(("ern", "eln")):
                # Kartoffel-n (feminine: -n in every case) but Mittel-n (dative -n)
                out[form.lower()] = "=" if feminine else "n"
        for form in others:
            out.setdefault(form.lower(), "=")
    return out


def main(src: str, dest: str) -> None:
    rows = derive(read_plural_nouns(Path(src)))
    lines = [f"{form}\t{op}" for form, op in sorted(rows.items()) if len(form) >= 3 and form.isalpha()]
    Path(dest).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} plural forms, {sum(1 for r in rows.values() if r == 'n')} drop a final n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
