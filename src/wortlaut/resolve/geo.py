"""Places to GeoNames: a German place name (``Moskau``, ``Rumänien``, ``Brüssels``) to one record.

The gazetteer ships in ``models/geo`` (built by ``training/build_gazetteers.py`` from GeoNames,
CC BY 4.0). Resolution order, and why:

1. Countries and continents first: ``Georgien`` in German news is the country, not a town.
2. Cities by name; when several share it, a city in a country the same article names wins, then
   the larger population (``Paris`` is the French capital unless the article is about Texas).
3. Inflected forms: a name not found as written is retried without a genitive ``s``/``es``.

Countries carry their capital's coordinates (``coords: "capital"``): GeoNames' country table has
no centroid, and a pin on the capital lies inside the country.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..nlp.ner_lexicon import COUNTRY_SHORT, REGIONS


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str  # GeoNames feature code, or "country" / "continent"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "geonameid": self.geonameid,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "population": self.population,
            "feature": self.feature,
        }
        if self.feature == "country":
            data["coords"] = "capital"
        return data


# One city as a plain tuple of atoms, in ``Place``'s field order. The garbage collector stops
# tracking such tuples (and tuples of them) after a pass or two over them; ~85,000 ``Place``
# objects and ~80,000 lists, alive for the whole process, were otherwise walked by every full
# collection (~4 % of the pipeline's time, docs/pipeline-speed.md).
Row = tuple[int, str, str, float, float, int, str]


@dataclass
class Gazetteer:
    countries: dict[str, Place]  # name (as written) -> country
    by_code: dict[str, Place]  # ISO code -> country
    cities: dict[str, tuple[Row, ...]]  # name (as written) -> places of that name, file order


def _read(path: str) -> bytes:
    return resources.files("wortlaut").joinpath(path).read_bytes()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded on first use (about half a second)."""
    lists: dict[str, list[Row]] = {}
    capitals: dict[tuple[str, str], Row] = {}
    for line in gzip.decompress(_read("models/geo/places.tsv.gz")).decode("utf-8").splitlines():
        gid, name, cc, lat, lon, pop, fcode, names = line.split("\t")
        row: Row = (int(gid), name, cc, float(lat), float(lon), int(pop), fcode)
        for n in names.split("|"):
            lists.setdefault(n, []).append(row)
        if fcode == "PPLC":
            capitals[(cc, name)] = row
    cities = {n: tuple(rows) for n, rows in lists.items()}
    del lists
    countries: dict[str, Place] = {}
    by_code: dict[str, Place] = {}
    for line in _read("models/geo/countries.tsv").decode("utf-8").splitlines():
        iso, gid, name_de, name_en, capital, pop, _continent, alts = line.split("\t")
        cap = capitals.get((iso, capital)) or next((r for r in cities.get(capital, ()) if r[2] == iso), None)
        place = Place(
            int(gid),
            name_de,
            iso,
            cap[3] if cap else None,
            cap[4] if cap else None,
            int(pop or 0),
            "country",
        )
        by_code[iso] = place
        for n in {name_de, name_en, *alts.split("|")}:
            countries[n] = place
    short: dict[str, str] = {}
    for name, iso in COUNTRY_SHORT.items():
        short.setdefault(iso, name)  # the first short name listed is the display name
    for iso, name in short.items():
        if iso in by_code:
            p = by_code[iso]
            by_code[iso] = Place(p.geonameid, name, p.country, p.lat, p.lon, p.population, p.feature)
    for n, p in list(countries.items()):
        countries[n] = by_code.get(p.country or "", p)
    for name, iso in COUNTRY_SHORT.items():
        if iso in by_code:
            countries[name] = by_code[iso]
    for name, (region_id, en) in REGIONS.items():
        countries[name] = Place(region_id, name, None, None, None, 0, "continent")
        countries.setdefault(en, countries[name])
    return Gazetteer(countries, by_code, cities)


def _forms(name: str) -> list[str]:
    forms = [name]
    if name.endswith("es") and len(name) > 4:
        forms.append(name[:-2])
    if name.endswith("s") and len(name) > 3:
        forms.append(name[:-1])
    return forms


def country_codes(names: list[str]) -> set[str]:
    """ISO codes of the countries among ``names`` (the context for disambiguating cities)."""
    gaz = gazetteer()
    codes = set()
    for name in names:
        for form in _forms(name):
            place = gaz.countries.get(form)
            if place and place.country:
                codes.add(place.country)
                break
    return codes


def resolve(name: str, context: set[str] | frozenset[str] = frozenset()) -> Place | None:
    """The GeoNames place ``name`` most likely means, given ISO codes of countries in context."""
    gaz = gazetteer()
    for form in _forms(name):
        if form in gaz.countries:
            return gaz.countries[form]
        candidates = gaz.cities.get(form)
        if candidates:
            return Place(*max(candidates, key=lambda r: _score(r, context)))
    return None


def _score(row: Row, context: set[str] | frozenset[str]) -> float:
    score = math.log10(row[5] + 10)  # population
    if row[2] in context:  # country
        score += 3.0
    if row[6] == "PPLC":  # feature
        score += 1.0
    return score


def normalise(name: str) -> str:
    """The form of a place name that resolves (``Russlands`` → ``Russland``); ``name`` when none does."""
    gaz = gazetteer()
    for form in _forms(name):
        if form in gaz.countries or form in gaz.cities:
            return form
    return name
