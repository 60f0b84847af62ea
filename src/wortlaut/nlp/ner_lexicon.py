"""Small hand-written German word lists the NER features and rules rely on.

GeoNames gives official names (``Bundesrepublik``, ``Vereinigten Staaten von Amerika``); news use
short names (``Deutschland``, ``USA``) and adjectives (``russischen`` → Russland). These tables
bridge that gap; they are written for this project and kept short on purpose: a word belongs here
only when news use it often and it means one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: German short names and abbreviations → ISO country code (beyond GeoNames' German names).
COUNTRY_SHORT: dict[str, str] = {
    "Deutschland": "DE",
    "BRD": "DE",
    "USA": "US",
    "US": "US",
    "Amerika": "US",
    "Vereinigte Staaten": "US",
    "Großbritannien": "GB",
    "Großbritanniens": "GB",
    "England": "GB",
    "Schottland": "GB",
    "Vereinigtes Königreich": "GB",
    "Russland": "RU",
    "Ukraine": "UA",
    "Belarus": "BY",
    "Weißrussland": "BY",
    "Frankreich": "FR",
    "Italien": "IT",
    "Spanien": "ES",
    "Polen": "PL",
    "Rumänien": "RO",
    "Österreich": "AT",
    "Schweiz": "CH",
    "China": "CN",
    "Japan": "JP",
    "Indien": "IN",
    "Türkei": "TR",
    "Iran": "IR",
    "Irak": "IQ",
    "Israel": "IL",
    "Syrien": "SY",
    "Afghanistan": "AF",
    "Niederlande": "NL",
    "Holland": "NL",
    "Belgien": "BE",
    "Griechenland": "GR",
    "Ungarn": "HU",
    "Tschechien": "CZ",
    "Slowakei": "SK",
    "Schweden": "SE",
    "Finnland": "FI",
    "Norwegen": "NO",
    "Dänemark": "DK",
    "Estland": "EE",
    "Lettland": "LV",
    "Litauen": "LT",
    "Moldau": "MD",
    "Georgien": "GE",
    "Kanada": "CA",
    "Mexiko": "MX",
    "Brasilien": "BR",
    "Argentinien": "AR",
    "Ägypten": "EG",
    "Saudi-Arabien": "SA",
    "Südafrika": "ZA",
    "Nordkorea": "KP",
    "Südkorea": "KR",
    "Australien": "AU",
    "Portugal": "PT",
    "Irland": "IE",
    "Kroatien": "HR",
    "Serbien": "RS",
    "Bulgarien": "BG",
    "Slowenien": "SI",
    "Kosovo": "XK",
    "Libyen": "LY",
    "Libanon": "LB",
    "Jemen": "YE",
    "Katar": "QA",
    "Pakistan": "PK",
    "Taiwan": "TW",
    "Vietnam": "VN",
    "Kuba": "CU",
    "Venezuela": "VE",
    "Kasachstan": "KZ",
    "Armenien": "AM",
    "Aserbaidschan": "AZ",
    "Luxemburg": "LU",
    "Tunesien": "TN",
    "Marokko": "MA",
    "Algerien": "DZ",
    "Nigeria": "NG",
    "Kenia": "KE",
    "Äthiopien": "ET",
    "Sudan": "SD",
    "Mali": "ML",
    "Jordanien": "JO",
    "Indonesien": "ID",
    "Thailand": "TH",
    "Chile": "CL",
    "Kolumbien": "CO",
    "Peru": "PE",
    "Neuseeland": "NZ",
    "Island": "IS",
    "Zypern": "CY",
    "Malta": "MT",
}

#: Continents and regions GeoNames lists outside ``cities15000`` (id, name). Not countries.
REGIONS: dict[str, tuple[int, str]] = {
    "Europa": (6255148, "Europe"),
    "Afrika": (6255146, "Africa"),
    "Asien": (6255147, "Asia"),
    "Nordamerika": (6255149, "North America"),
    "Südamerika": (6255150, "South America"),
    "Ozeanien": (6255151, "Oceania"),
    "Antarktis": (6255152, "Antarctica"),
}

#: Adjective stems (lower case, before the inflection ending) → the place they derive from.
ADJECTIVE_PLACES: dict[str, str] = {
    "deutsch": "Deutschland",
    "us-amerikanisch": "USA",
    "amerikanisch": "USA",
    "britisch": "Großbritannien",
    "englisch": "England",
    "russisch": "Russland",
    "ukrainisch": "Ukraine",
    "belarusisch": "Belarus",
    "weißrussisch": "Belarus",
    "französisch": "Frankreich",
    "italienisch": "Italien",
    "spanisch": "Spanien",
    "polnisch": "Polen",
    "rumänisch": "Rumänien",
    "österreichisch": "Österreich",
    "schweizerisch": "Schweiz",
    "chinesisch": "China",
    "japanisch": "Japan",
    "indisch": "Indien",
    "türkisch": "Türkei",
    "iranisch": "Iran",
    "irakisch": "Irak",
    "israelisch": "Israel",
    "syrisch": "Syrien",
    "afghanisch": "Afghanistan",
    "niederländisch": "Niederlande",
    "belgisch": "Belgien",
    "griechisch": "Griechenland",
    "ungarisch": "Ungarn",
    "tschechisch": "Tschechien",
    "slowakisch": "Slowakei",
    "schwedisch": "Schweden",
    "finnisch": "Finnland",
    "norwegisch": "Norwegen",
    "dänisch": "Dänemark",
    "estnisch": "Estland",
    "lettisch": "Lettland",
    "litauisch": "Litauen",
    "georgisch": "Georgien",
    "kanadisch": "Kanada",
    "mexikanisch": "Mexiko",
    "brasilianisch": "Brasilien",
    "ägyptisch": "Ägypten",
    "saudi-arabisch": "Saudi-Arabien",
    "nordkoreanisch": "Nordkorea",
    "südkoreanisch": "Südkorea",
    "australisch": "Australien",
    "portugiesisch": "Portugal",
    "irisch": "Irland",
    "kroatisch": "Kroatien",
    "serbisch": "Serbien",
    "bulgarisch": "Bulgarien",
    "europäisch": "Europa",
    "afrikanisch": "Afrika",
    "asiatisch": "Asien",
    "moldauisch": "Moldau",
    "libysch": "Libyen",
    "libanesisch": "Libanon",
    "palästinensisch": "Palästina",
    "taiwanisch": "Taiwan",
    "kubanisch": "Kuba",
    "venezolanisch": "Venezuela",
    "kasachisch": "Kasachstan",
    "armenisch": "Armenien",
    "aserbaidschanisch": "Aserbaidschan",
    "bayerisch": "Bayern",
    "sächsisch": "Sachsen",
    "berliner": "Berlin",
    "moskauer": "Moskau",
    "brüsseler": "Brüssel",
    "wiener": "Wien",
    "münchner": "München",
    "hamburger": "Hamburg",
    "kiewer": "Kiew",
    "pariser": "Paris",
    "londoner": "London",
    "washingtoner": "Washington",
}

#: Role nouns (lower case, masculine base form) that news put before or beside a person's name.
ROLE_STEMS: tuple[str, ...] = (
    "präsident",
    "kanzler",
    "minister",
    "sekretär",
    "botschafter",
    "sprecher",
    "vorsitzende",
    "chef",
    "direktor",
    "leiter",
    "korrespondent",
    "abgeordnete",
    "bürgermeister",
    "senator",
    "gouverneur",
    "general",
    "admiral",
    "könig",
    "königin",
    "papst",
    "premier",
    "kommissar",
    "beauftragte",
    "richter",
    "anwalt",
    "trainer",
    "experte",
    "analyst",
    "berater",
    "regierungschef",
    "staatschef",
    "parteichef",
    "oberbefehlshaber",
    "kommandeur",
    "diplomat",
    "politiker",
    "vizepräsident",
    "ministerpräsident",
    "außenminister",
    "staatssekretär",
    "generalsekretär",
    "ceo",
    "gründer",
    "manager",
    "professor",
    "autor",
    "journalist",
    "reporter",
    "moderator",
    "bischof",
    "kardinal",
    "oberbürgermeister",
    "landrat",
    "fraktionschef",
    "fraktionsvorsitzende",
    "pressesprecher",
    "regierungssprecher",
    "sprecherin",
    "oppositionsführer",
    "anführer",
    "führer",
    "außenbeauftragte",
    "militärsprecher",
    "ombudsmann",
    "vize",
    "chefin",
    "ökonom",
    "forscher",
)

#: Last words of organisation names (lower case) that mark a capitalised phrase as ORG.
ORG_SUFFIXES: tuple[str, ...] = (
    "partei",
    "bank",
    "verband",
    "verein",
    "union",
    "ministerium",
    "gmbh",
    "ag",
    "gruppe",
    "konzern",
    "institut",
    "universität",
    "stiftung",
    "gewerkschaft",
    "agentur",
    "amt",
    "rat",
    "gericht",
    "kommission",
    "zeitung",
    "fraktion",
    "allianz",
    "club",
    "bund",
    "werke",
    "rundfunk",
    "polizei",
)

#: Words after an acronym-hyphen that name a branch of that organisation (``ARD-Studio Brüssel``
#: is the ARD), so the mention's canonical name is the acronym.
BRANCH_WORDS: frozenset[str] = frozenset(
    {"studio", "hauptstadtstudio", "auslandsstudio", "büro", "korrespondentenbüro", "redaktion", "zentrale"}
)

#: Title words that may stand inside a person span and are not part of the canonical name.
NAME_TITLES: frozenset[str] = frozenset(
    {"dr.", "prof.", "herr", "frau", "sir", "lord", "dame", "graf", "gräfin", "von", "st."}
)


_ROLE_RE = re.compile(
    r"(" + "|".join(sorted(map(re.escape, ROLE_STEMS), key=len, reverse=True)) + r")(innen|in|en|n|s|es)?$"
)
_ADJ_RE = re.compile(
    r"^(" + "|".join(sorted(map(re.escape, ADJECTIVE_PLACES), key=len, reverse=True)) + r")(en|em|er|es|e)?$"
)


@lru_cache(maxsize=200_000)
def role_stem(word: str) -> str | None:
    """The role stem a word ends in (``NATO-Generalsekretär`` → ``sekretär``), or None."""
    last = word.lower().rsplit("-", 1)[-1]
    m = _ROLE_RE.search(last)
    if m is None or m.start() > 14:
        return None
    return m.group(1)


@lru_cache(maxsize=200_000)
def adjective_place(word: str) -> str | None:
    """The place an adjective derives from (``russischen`` → ``Russland``), or None."""
    m = _ADJ_RE.match(word.lower())
    return ADJECTIVE_PLACES[m.group(1)] if m else None
