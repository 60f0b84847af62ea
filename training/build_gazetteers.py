"""Build the compact gazetteers that ship inside the package, from ``../shared/data/gazetteers``.

Writes (derived data, a few MB at most, rebuilt by running this script):

- ``src/wortlaut/models/geo/places.tsv.gz``: GeoNames places with population >= 15,000
  (``cities15000``): id, name, country code, lat, lon, population, feature code, and the names a
  German text may use for it (the main name, its ASCII form, and Latin-script alternate names of
  larger places). CC BY 4.0, GeoNames.
- ``src/wortlaut/models/geo/countries.tsv``: ISO code, GeoNames id, German name, English name,
  capital, population, continent, plus German alternate names. CC BY 4.0, GeoNames.
- ``src/wortlaut/models/ner/names.tsv.gz``: word lists used as NER features: first names
  (GermaNER, Apache 2.0; Berlin first names, CC BY 3.0 DE), surnames (GermaNER, Apache 2.0),
  locations (GermaNER Wikipedia list, Apache 2.0, plus the GeoNames names above).

Usage::

    .venv/bin/python training/build_gazetteers.py [--data ../shared/data/gazetteers]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gazetteers"
GEO_OUT = ROOT / "src" / "wortlaut" / "models" / "geo"
NER_OUT = ROOT / "src" / "wortlaut" / "models" / "ner"

#: Alternate names are kept for places at least this large (smaller ones keep name + ASCII name).
ALT_NAME_MIN_POPULATION = 80_000
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žƀ-ɏ' .\-]+$")


def latin_name(name: str) -> bool:
    """Whether a name can appear in German text as written (Latin script, no digits)."""
    return bool(_LATIN.match(name)) and 2 <= len(name) <= 40 and name[0].isupper()


def build_places(data: Path) -> list[str]:
    rows: list[str] = []
    with zipfile.ZipFile(data / "cities15000.zip") as zf:
        member = next(n for n in zf.namelist() if n.endswith(".txt"))
        with zf.open(member) as fh:
            for line in io.TextIOWrapper(fh, encoding="utf-8"):
                f = line.rstrip("\n").split("\t")
                gid, name, ascii_name, alts = f[0], f[1], f[2], f[3]
                lat, lon, fcode, cc, pop = f[4], f[5], f[7], f[8], int(f[14] or 0)
                names = {name, ascii_name}
                if pop >= ALT_NAME_MIN_POPULATION:
                    names.update(a for a in alts.split(",") if latin_name(a))
                names = {n for n in names if latin_name(n)}
                rows.append("\t".join([gid, name, cc, lat, lon, str(pop), fcode, "|".join(sorted(names))]))
    return rows


def build_countries(data: Path) -> list[str]:
    translations = json.loads((data / "country_translations.json").read_text("utf-8"))
    rows = []
    for line in (data / "countryInfo.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        iso, name_en, capital, pop, continent, gid = f[0], f[4], f[5], f[7], f[8], f[16]
        tr = translations.get(gid, {})
        name_de = tr.get("de") or name_en
        alts = {name_en, name_de} | {v for k, v in tr.items() if k in ("en", "de") and latin_name(v)}
        rows.append("\t".join([iso, gid, name_de, name_en, capital, pop, continent, "|".join(sorted(alts))]))
    return rows


def read_first_names(data: Path) -> set[str]:
    names = set()
    for line in (data / "vornameList.txt").read_text("utf-8").splitlines():
        word = line.split("\t")[0].strip()
        if word and word[0].isupper():
            names.add(word)
    with open(data / "vornamen_berlin_aggregated.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if int(row["count"]) >= 5 and row["name"][:1].isupper():
                names.add(row["name"])
    return names


def read_surnames(data: Path) -> set[str]:
    words = (data / "inDBnachnamen.txt").read_text("utf-8").split()
    return {w for w in words if len(w) >= 3 and w[0].isupper()}


def read_locations(data: Path, places: list[str], countries: list[str]) -> set[str]:
    locs = set()
    for line in (data / "location_wiki.list").read_text("utf-8").splitlines():
        name = line.split("\t")[0].strip()
        if name:
            locs.add(name)
    for row in places:
        f = row.split("\t")
        if int(f[5]) >= 50_000:
            locs.update(n for n in f[7].split("|") if " " not in n)
    for row in countries:
        locs.update(row.split("\t")[7].split("|"))
    return locs


def write_gz(path: Path, lines: list[str]) -> None:
    """Gzip with a fixed timestamp, so that rebuilding from the same data gives the same bytes."""
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    GEO_OUT.mkdir(parents=True, exist_ok=True)
    NER_OUT.mkdir(parents=True, exist_ok=True)
    places = build_places(args.data)
    countries = build_countries(args.data)
    write_gz(GEO_OUT / "places.tsv.gz", places)
    (GEO_OUT / "countries.tsv").write_text("\n".join(countries) + "\n", "utf-8")
    first = read_first_names(args.data)
    sur = read_surnames(args.data)
    locs = read_locations(args.data, places, countries)
    lines = [f"first\t{w}" for w in sorted(first)]
    lines += [f"sur\t{w}" for w in sorted(sur)]
    lines += [f"loc\t{w}" for w in sorted(locs)]
    write_gz(NER_OUT / "names.tsv.gz", lines)
    print(
        f"places {len(places)}, countries {len(countries)}, first {len(first)}, sur {len(sur)}, loc {len(locs)}"
    )
    for path in (GEO_OUT / "places.tsv.gz", GEO_OUT / "countries.tsv", NER_OUT / "names.tsv.gz"):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
