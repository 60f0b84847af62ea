"""Places to GeoNames: German names, inflected forms, disambiguation by context and population."""

from __future__ import annotations

from wortlaut.resolve import geo


def test_german_city_names_resolve_to_their_geonames_record() -> None:
    moskau = geo.resolve("Moskau")
    assert moskau is not None and (moskau.geonameid, moskau.country) == (524901, "RU")
    bruessel = geo.resolve("Brüssel")
    assert bruessel is not None and bruessel.country == "BE" and bruessel.population > 100_000
    assert bruessel.lat is not None and 50 < bruessel.lat < 51


def test_countries_by_german_short_name_and_genitive() -> None:
    for name, code in [("Rumänien", "RO"), ("Russlands", "RU"), ("USA", "US"), ("Deutschland", "DE")]:
        place = geo.resolve(name)
        assert place is not None and place.country == code and place.feature == "country", name
    usa = geo.resolve("USA")
    assert usa is not None and usa.name == "USA" and usa.to_dict()["coords"] == "capital"


def test_population_decides_without_context_and_context_decides_with_it() -> None:
    paris = geo.resolve("Paris")
    assert paris is not None and paris.country == "FR"
    texan = geo.resolve("Paris", context={"US"})
    assert texan is not None and texan.country == "US"


def test_context_countries_come_from_names_in_the_article() -> None:
    assert geo.country_codes(["Frankreich", "Moskau", "Russlands"]) == {"FR", "RU"}


def test_unknown_places_are_none_and_keep_their_name() -> None:
    assert geo.resolve("Nirgendwoheim") is None
    assert geo.normalise("Nirgendwoheim") == "Nirgendwoheim"
    assert geo.normalise("Russlands") == "Russland"


def test_continents_have_geonames_ids() -> None:
    europa = geo.resolve("Europa")
    assert europa is not None and europa.geonameid == 6255148 and europa.feature == "continent"
