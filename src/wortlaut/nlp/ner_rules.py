"""Rules that correct and complete the tagger's word spans, where rules do better than the model.

All work on one sentence's words (tokens without whitespace) and word spans
``(start, end, label)`` over them, or on the whole article's words for what the article teaches:

- :func:`gazetteer_spans`: country and continent names (``Rumänien``, ``Russlands``) are LOC.
- :func:`name_pair_spans`: a known first name followed by a capitalised known surname is PER.
- :func:`event_spans`: ``Syrien-Krieg`` — a place joined to a war/crisis word — names an event
  (MISC, as GermEval marks such compounds OTH).
- :func:`misc_spans`: currencies (``Euro``), indices (``DAX``), web addresses, languages and the
  world wars are MISC, as GermEval marks them OTH.
- :func:`acronym_spans`: an untagged upper-case abbreviation (``EADS``) is an organisation.
- :func:`recurring_spans`: a name the article has already introduced is the same kind of name
  wherever it recurs (``Jens Stoltenberg`` … ``Stoltenberg``), EMM-style.
"""

from __future__ import annotations

from collections import Counter

from .ner_features import NameLists
from .ner_lexicon import BRANCH_WORDS, COUNTRY_SHORT, REGIONS, adjective_place, role_stem

Span = tuple[int, int, str]

EVENT_WORDS: frozenset[str] = frozenset(
    {"krieg", "konflikt", "krise", "gipfel", "abkommen", "vertrag", "wahl", "invasion", "feldzug"}
)
#: Capitalised words that gazetteers list as names but that German prose uses as common words.
COMMON_WORDS: frozenset[str] = frozenset(
    {
        "Die",
        "Der",
        "Das",
        "Mit",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "Union",
        "Staaten",
        "Land",
        "Stadt",
        "Frage",
        "Bild",
        "Mal",
        "Sie",
        "Er",
        "Es",
        "Wir",
        "Ich",
        "Ihr",
        "Im",
        "Am",
        "In",
        "An",
        "Auf",
    }
)


def occupied(spans: list[Span], n: int) -> list[bool]:
    taken = [False] * n
    for s, e, _ in spans:
        for i in range(s, e):
            taken[i] = True
    return taken


def _place_word(word: str, lists: NameLists) -> bool:
    if word in COUNTRY_SHORT or word in REGIONS:
        return True
    return word.endswith("s") and (word[:-1] in COUNTRY_SHORT or word[:-1] in REGIONS)


def gazetteer_spans(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
    taken = occupied(spans, len(words))
    extra = [
        (i, i + 1, "LOC")
        for i, w in enumerate(words)
        if not taken[i] and w[:1].isupper() and w not in COMMON_WORDS and _place_word(w, lists)
    ]
    return extra


def name_pair_spans(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
    taken = occupied(spans, len(words))
    extra: list[Span] = []
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if a not in lists.first or taken[i] or taken[i + 1] or a in COMMON_WORDS:
            continue  # the first-name test first: it rules out almost every word
        surname = b[:1].isupper() and (b in lists.sur or b.rstrip("s") in lists.sur)
        if surname and b not in lists.loc and b not in COMMON_WORDS:
            extra.append((i, i + 2, "PER"))
            taken[i] = taken[i + 1] = True
    return extra


def event_spans(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
    if "-" not in "".join(words):
        return []  # most sentences have no hyphen: one C-level scan instead of a split per word
    taken = occupied(spans, len(words))
    extra: list[Span] = []
    for i, w in enumerate(words):
        head, sep, tail = w.partition("-")
        if not sep or not tail or tail.lower() not in EVENT_WORDS:
            continue
        if head in COUNTRY_SHORT or head in lists.loc or head in REGIONS:
            if taken[i]:
                spans[:] = [s for s in spans if not (s[0] <= i < s[1])]
            extra.append((i, i + 1, "MISC"))
    return extra


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


def recurring_spans(sentences: list[list[str]], spans: list[list[Span]]) -> list[list[Span]]:
    """Extra spans: untagged occurrences of names the article tagged elsewhere.

    A surname of a multi-word person and an acronym (``NATO``) are always propagated; any other
    tagged form only when the article tags it at least as often as it leaves it untagged (one
    stray tag on a common word must not spread through the article).
    """
    label_of: dict[str, Counter[str]] = {}
    tagged = Counter[str]()
    surnames: set[str] = set()
    for words, sent_spans in zip(sentences, spans, strict=True):
        for s, e, lab in sent_spans:
            form = " ".join(words[s:e])
            votes = label_of.get(form)
            if votes is None:
                votes = label_of[form] = Counter()  # not setdefault: that builds a Counter per span
            votes[lab] += 1
            tagged[form] += 1
            if lab == "PER" and e - s >= 2 and words[e - 1][:1].isupper():
                surnames.add(words[e - 1])
    single_forms = {f for f in label_of if " " not in f}
    untagged = Counter[str]()
    for words, sent_spans in zip(sentences, spans, strict=True):
        taken = occupied(sent_spans, len(words))
        for i, w in enumerate(words):
            if not taken[i] and w in single_forms:
                untagged[w] += 1
    extra: list[list[Span]] = []
    for words, sent_spans in zip(sentences, spans, strict=True):
        taken = occupied(sent_spans, len(words))
        add: list[Span] = []
        for i, w in enumerate(words):
            if taken[i] or not w[:1].isupper() or w in COMMON_WORDS:
                continue
            base = w[:-1] if w.endswith("s") and w[:-1] in surnames else w
            if base in surnames:
                add.append((i, i + 1, "PER"))
            elif w in single_forms and (tagged[w] >= untagged[w] or _acronym(w)):
                add.append((i, i + 1, label_of[w].most_common(1)[0][0]))
        extra.append(add)
    return extra


def _is_branch(word: str) -> bool:
    head, sep, tail = word.partition("-")
    return bool(sep) and head.isupper() and len(head) >= 2 and tail.lower() in BRANCH_WORDS


def _is_part_compound(word: str) -> bool:
    """``NATO-Einsatz``, ``US-Hersteller``: a name inside a compound that is not itself a name."""
    head, sep, tail = word.partition("-")
    if not sep or not tail or "-" in tail:
        return False
    if tail.lower() in BRANCH_WORDS or tail.lower() in EVENT_WORDS:
        return False
    return head.isupper() and len(head) >= 2 and tail[:1].isupper() and tail[1:2].islower()


def repair_spans(words: list[str], spans: list[Span]) -> list[Span]:
    """Fix what the tagger gets wrong in ways GermEval's conventions make clear:

    - a derived adjective (``US-amerikanische``) or an acronym compound (``NATO-Einsatz``) is not a
      word-level name (it becomes a ``derived``/``part`` mention later);
    - a person span running into an organisation branch (``Helga Schmidt ARD-Studio``) is cut;
    - a branch followed by its place (``ARD-Studio`` ``Brüssel``) is one ORG span.
    """
    out: list[Span] = []
    taken = occupied(spans, len(words))
    for s, e, lab in sorted(spans):
        if lab == "LOC" and e - s == 1 and s > 0 and not taken[s - 1] and _is_branch(words[s - 1]):
            s -= 1  # the tagger left the branch untagged: ``ARD-Studio`` + ``Brüssel``, merged below
            out.append((s, s + 1, "ORG"))
            s += 1
        if e - s == 1 and (
            adjective_place(words[s]) and words[s][:1].islower() or _is_part_compound(words[s])
        ):
            continue
        if e - s == 1 and words[s].lower().startswith("us-") and adjective_place(words[s]):
            continue
        cut = next((i for i in range(s + 1, e) if _is_branch(words[i])), None)
        if lab == "PER" and cut is not None:
            out.append((s, cut, "PER"))
            s, lab = cut, "ORG"
        out.append((s, e, lab))
    merged: list[Span] = []
    for span in out:
        s, e, lab = span
        if merged:
            ps, pe, plab = merged[-1]
            if pe == s and _is_branch(words[ps]) and pe - ps == 1 and lab == "LOC" and e - s == 1:
                merged[-1] = (ps, e, "ORG")
                continue
        if lab == "ORG" and e - s == 1 and _is_branch(words[s]) and merged and merged[-1][1] > s:
            continue
        merged.append(span)
    return merged


#: Words after which a capitalised word is the speaker (``…, so Stoltenberg``), hence a name.
SPEAKER_CUES: frozenset[str] = frozenset({"so", "sagte", "erklärte", "betonte", "meinte", "laut"})


def person_fixes(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
    """Relabel a single-word LOC/ORG span that is a known surname and no known place when a
    speech cue precedes it (``so Stoltenberg``). Without the cue the tagger is trusted: many
    places are also surnames (measured: relabelling all of them costs 1.5 points F1)."""
    out: list[Span] = []
    for s, e, lab in spans:
        if e - s == 1 and lab in ("LOC", "ORG"):
            w = words[s]
            base = w[:-1] if w.endswith("s") and w[:-1] in lists.sur else w
            surname = base in lists.sur and w not in lists.loc and w not in COUNTRY_SHORT
            cue = s > 0 and words[s - 1].lower() in SPEAKER_CUES
            if surname and cue:
                lab = "PER"
        out.append((s, e, lab))
    return out


def logo_spans(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
    """``WDR Logo`` in broadcasters' boilerplate: an acronym before ``Logo`` is an organisation."""
    if "Logo" not in words:
        return []
    taken = occupied(spans, len(words))
    return [
        (i, i + 1, "ORG")
        for i in range(len(words) - 1)
        if words[i + 1] == "Logo" and not taken[i] and _acronym(words[i])
    ]


#: Words that stand before a person's name but are not part of it in GermEval (``Sir George Carew``).
LEADING_TITLES: frozenset[str] = frozenset(
    {"Sir", "Lord", "Dr.", "Prof.", "Herr", "Frau", "Dame", "Papst", "König"}
)
#: Particles inside German and Dutch family names (``Patrick von Brunn``).
NAME_PARTICLES: frozenset[str] = frozenset({"von", "van", "de", "der", "zu", "vom", "di", "da", "del"})
_CLOSERS: frozenset[str] = frozenset({".", ",", ";", ":", "!", "?", ")", '"', "“", "‘", "«", "»"})


def _person_end(words: list[str], s: int, e: int) -> int:
    """Where a person span really ends: before the first lower-case word that is no name particle
    (``Jesus am Kreuz`` → ``Jesus``), and without a trailing particle (``David von`` → ``David``).
    The tagger runs names on into the words after them; GermEval never does."""
    for i in range(s + 1, e):
        w = words[i]
        if w[:1].islower() and w not in NAME_PARTICLES:
            e = i
            break
    while e - s > 1 and words[e - 1] in NAME_PARTICLES:
        e -= 1
    return e


#: Adjective endings: ``vom Mikrobiologischen Institut`` is no ``von Brunn``.
_ADJECTIVE_ENDINGS: tuple[str, ...] = ("ischen", "ische", "ischer", "ischem", "lichen", "liche", "licher")


def _may_follow_particle(word: str, lists: NameLists) -> bool:
    """Whether ``word`` after ``von``/``zu`` … can continue a person's name: capitalised, not a
    common noun (``zu Gast``), not a role (``vom Bankdirektor``) and not an adjective."""
    if not word[:1].isupper() or lists.wordclass.get(word) in ("N", "L"):
        return False
    return role_stem(word) is None and not word.endswith(_ADJECTIVE_ENDINGS)


def person_shapes(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
    """Person spans shaped as GermEval draws them, and speakers after cues:

    - a leading title is not part of the name (``Sir George Carew`` → ``George Carew``);
    - a name goes on through a particle (``Patrick von Brunn``) and after an initial
      (``George W.`` + ``Bush``);
    - ``…, so Barth.``: a capitalised word between a speech cue and punctuation is a person.
    """
    out: list[Span] = []
    taken = occupied(spans, len(words))
    ordered = sorted(spans)
    k = 0
    while k < len(ordered):
        s, e, lab = ordered[k]
        if lab == "PER":
            if e - s > 1 and words[s] in LEADING_TITLES:
                s += 1
            e = _person_end(words, s, e)
            while (
                e + 1 < len(words)
                and words[e] in NAME_PARTICLES
                and _may_follow_particle(words[e + 1], lists)
            ):
                nxt = e + 2
                if any(t[0] == e + 1 for t in ordered[k + 1 :]):
                    ordered = [t for t in ordered if t[0] != e + 1]
                elif taken[e + 1]:
                    break
                e = nxt
            if words[e - 1].endswith(".") and len(words[e - 1]) == 2 and k + 1 < len(ordered):
                ns, ne, _ = ordered[k + 1]
                if ns == e and ne - ns == 1:
                    e = ne
                    ordered.pop(k + 1)
        out.append((s, e, lab))
        k += 1
    taken = occupied(out, len(words))
    for i in range(1, len(words) - 1):
        w = words[i]
        if taken[i] or not w[:1].isupper() or w in COMMON_WORDS or w in lists.loc:
            continue
        if (
            words[i - 1].lower() in SPEAKER_CUES
            and (i < 2 or words[i - 2] in _CLOSERS)
            and words[i + 1] in _CLOSERS
        ):
            out.append((i, i + 1, "PER"))
    return out


#: Upper-case abbreviations that are not names (units, technology, legal forms, numerals).
NON_NAME_ACRONYMS: frozenset[str] = frozenset(
    [
        "AG",
        "GMBH",
        "KG",
        "OHG",
        "SE",
        "CO",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XII",
        "XX",
        "OK",
        "DVD",
        "CD",
        "PC",
        "TV",
        "SMS",
        "GPS",
        "USB",
        "PDF",
        "CEO",
        "CFO",
        "CTO",
        "COO",
        "DNA",
        "RNA",
        "HIV",
        "AIDS",
        "SUV",
        "LKW",
        "PKW",
        "KFZ",
        "EUR",
        "USD",
        "CHF",
        "MB",
        "GB",
        "KB",
        "TB",
        "MHZ",
        "GHZ",
        "KM",
        "KW",
        "KWH",
        "PS",
        "NR",
        "PR",
        "IT",
        "AI",
        "KI",
        "ID",
        "UV",
        "WC",
        "DJ",
        "MP",
        "FAQ",
        "HTML",
        "URL",
        "WWW",
        "HD",
        "LED",
        "LCD",
        "DSL",
        "ATM",
        "VIP",
        "BIP",
        "MWST",
        "ABS",
        "ESP",
        "SUVS",
        "PKWS",
        "LKWS",
        "CDS",
        "DVDS",
        "PCS",
        "ICE",
        "IC",
        "RE",
        "TGV",
        "A",
        "B",
        "C",
        "D",
        "E",
        "F",
        "G",
        "H",
        "I",
        "J",
        "K",
        "L",
        "M",
        "N",
        "O",
        "P",
        "Q",
        "R",
        "S",
        "T",
        "U",
        "V",
        "W",
        "X",
        "Y",
        "Z",
    ]
)


#: Organisations news name in lower case or as ordinary words, which neither the acronym test
#: nor the tagger's word shape catch: news agencies in a dateline (``Nürnberg ( dpa )``) and
#: parties (``die Grünen``). GermEval marks them ORG.
KNOWN_ORGS: frozenset[str] = frozenset(
    {"dpa", "dpa-AFX", "ddp", "dapd", "epd", "kna", "afp", "apa", "sid", "AFX",
     "Grünen", "Bündnisgrünen", "Linkspartei"}
)  # fmt: skip
#: Party names that are also adjectives (``die linke Hand``): ORG only after an article.
_PARTY_AFTER_ARTICLE: frozenset[str] = frozenset({"Linke", "Linken"})
_ARTICLES: frozenset[str] = frozenset({"die", "der", "den"})


def acronym_spans(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
    """An untagged upper-case abbreviation of 2–6 letters (``EADS``, ``NHK``) is an organisation,
    unless it is a known non-name (``DVD``, ``AG``) or the sentence is written in capitals; so is
    an untagged :data:`KNOWN_ORGS` word (``dpa``, ``Grünen``), and ``Linke(n)`` after an article.
    Measured with the cross-check model on the even GermEval sentences, the lexicon adds about
    half a point (news datelines and parties)."""
    caps = sum(1 for w in words if w.isupper() and len(w) > 1)
    shouting = caps * 2 > len(words)
    taken = occupied(spans, len(words))
    return [
        (i, i + 1, "ORG")
        for i, w in enumerate(words)
        if not taken[i]
        and (
            (
                not shouting
                and 2 <= len(w) <= 6
                and w.isalpha()
                and w.isupper()
                and w not in NON_NAME_ACRONYMS
                and w not in COUNTRY_SHORT
            )
            or w in KNOWN_ORGS
            or (w in _PARTY_AFTER_ARTICLE and i > 0 and words[i - 1] in _ARTICLES)
        )
    ]


#: Currencies and stock indices: GermEval marks them OTH (``100 Millionen Euro``, ``der DAX``).
MISC_WORDS: frozenset[str] = frozenset(
    {
        "Euro", "Dollar", "US-Dollar", "D-Mark", "Franken", "Pfund", "Yen", "Rubel", "Yuan", "Renminbi",
        "Lira", "Zloty", "Forint", "Rupien", "EUR", "USD", "CHF", "GBP", "JPY",
        "DAX", "TecDax", "TecDAX", "MDAX", "SDAX", "Nikkei", "ATX", "SMI", "Eurostoxx", "Nasdaq",
    }
)  # fmt: skip
#: Language names (capitalised nouns: ``auf Englisch``); OTH in GermEval, not at a sentence start.
LANGUAGES: frozenset[str] = frozenset(
    {"Englisch", "Deutsch", "Französisch", "Spanisch", "Italienisch", "Russisch", "Ukrainisch", "Chinesisch",
     "Arabisch", "Latein", "Japanisch", "Türkisch", "Polnisch", "Niederländisch", "Griechisch", "Hebräisch"}
)  # fmt: skip
_WAR_ORDINALS: frozenset[str] = frozenset(
    {"Ersten", "Zweiten", "ersten", "zweiten", "Erste", "Zweite", "Dritten"}
)


_WAR_WORDS: frozenset[str] = frozenset({"Krieg", "Krieges", "Kriegs", "Kriege"})


def _named_war(words: list[str], i: int) -> bool:
    """``Zweiten Weltkrieg``, ``Dreißigjährigen Krieg``: word ``i`` and the one before it."""
    w = words[i]
    if w.startswith("Weltkrieg"):
        return i > 0 and words[i - 1] in _WAR_ORDINALS
    return w in _WAR_WORDS and i > 1 and _war_adjective(words[i - 1])


def _war_adjective(word: str) -> bool:
    """A capitalised adjective inside a sentence before ``Krieg`` names a war (``im Dreißigjährigen
    Krieg``, ``Kalten Krieg``); the caller skips the sentence's first word."""
    return word[:1].isupper() and word.endswith(("en", "er", "e")) and word.lower() not in _DETERMINERS


_DETERMINERS: frozenset[str] = frozenset(
    {"den", "der", "dem", "des", "die", "einen", "einem", "einer", "diesen", "diesem", "dieser", "jeden",
     "jedem", "keinen", "keinem", "ihren", "ihrem", "seinen", "seinem", "unseren", "unserem"}
)  # fmt: skip


def _web_address(word: str) -> bool:
    if "." not in word and ":" not in word:
        return False  # the common case, checked first: this runs for every word
    low = word.lower()
    return low.startswith(("www.", "http://", "https://")) or (
        "." in low
        and low.rsplit(".", 1)[-1] in ("de", "com", "org", "net", "at", "ch", "eu")
        and len(low) > 4
    )


def misc_spans(words: list[str], spans: list[Span]) -> list[Span]:
    """Currencies, stock indices, web addresses, languages, ``Zweiten Weltkrieg`` and
    ``Dreißigjährigen Krieg`` are MISC
    (GermEval: OTH); these replace whatever the tagger said about the same words."""
    found: list[Span] = []
    for i, w in enumerate(words):
        if (
            w in MISC_WORDS
            or w.endswith("-Dollar")
            or (("." in w or ":" in w) and _web_address(w))
            or (i > 0 and w in LANGUAGES)
        ):
            found.append((i, i + 1, "MISC"))
        elif (w in _WAR_WORDS or w.startswith("Weltkrieg")) and _named_war(words, i):
            found.append((i - 1, i + 1, "MISC"))
    if not found:
        return spans
    hit = occupied(found, len(words))
    kept = [s for s in spans if not any(hit[i] for i in range(s[0], s[1]))]
    return sorted(kept + found)


#: Abbreviations that open a sports club's name (``FC Schalke 04``, ``1. FC Nürnberg``).
CLUB_PREFIXES: frozenset[str] = frozenset(
    {"FC", "SC", "SV", "VfB", "VfL", "TSV", "TuS", "SG", "SK", "AS", "AC", "SSV", "BSC", "FSV", "SpVgg"}
)  # fmt: skip
_CLUB_MAX_WORDS = 4


def _club_word(word: str) -> bool:
    """A word that continues a club name: capitalised (``Carl``, ``Odenhausen/Lahn``) or a
    founding year (``04``, ``1860``) — not a role (``FC Bayern Präsident …``)."""
    if word.isdigit():
        return len(word) in (2, 4)
    return word[:1].isupper() and word[-1:].isalpha() and not role_stem(word)


def club_spans(words: list[str], spans: list[Span]) -> list[Span]:
    """A club abbreviation followed by capitalised words is one ORG span (``FC Carl Zeiss Jena``,
    ``SG 01 Höchst``, with a leading ``1.``), replacing what the tagger made of its parts (it
    tends to tag the town alone as LOC: ``VfL Osnabrück`` → ``Osnabrück``). Measured with the
    cross-check model on the even GermEval sentences: the club names there are all this shape."""
    if CLUB_PREFIXES.isdisjoint(words):
        return spans
    found: list[Span] = []
    n = len(words)
    for i, w in enumerate(words):
        if w not in CLUB_PREFIXES:
            continue
        end = i + 1
        while end < n and end - i <= _CLUB_MAX_WORDS and _club_word(words[end]):
            end += 1
        if not any(words[k][:1].isupper() for k in range(i + 1, end)):
            continue  # ( SG ) or a year alone: not a club name
        start = i - 1 if i > 0 and words[i - 1] == "1." else i
        found.append((start, end, "ORG"))
    if not found:
        return spans
    hit = occupied(found, n)
    kept = [s for s in spans if not any(hit[i] for i in range(s[0], s[1]))]
    return sorted(kept + found)


#: Last parts of words that name an institution (lower case): ``Universität Gießen`` and
#: ``Maximilianmuseum Augsburg`` are organisations, although the tagger sees the town.
INSTITUTION_ENDINGS: tuple[str, ...] = (
    "universität", "hochschule", "museum", "theater", "gymnasium", "klinik", "klinikum", "akademie",
    "institut", "bibliothek", "oper", "verlag",
)  # fmt: skip
INSTITUTION_ABBREVIATIONS: frozenset[str] = frozenset({"TU", "TH", "FH", "Uni", "LMU", "ETH"})


def _institution(word: str) -> bool:
    return word in INSTITUTION_ABBREVIATIONS or (
        word[:1].isupper() and word.lower().endswith(INSTITUTION_ENDINGS)
    )


def _institution_after(word: str, label: str) -> bool:
    """``Franzis`` + ``Verlag``; ``Mainz`` + ``05`` (a club's founding year)."""
    if word in ("Verlag", "Verlags"):
        return label in ("LOC", "PER")
    return label == "LOC" and len(word) == 2 and word.isdigit()


def institution_spans(words: list[str], spans: list[Span]) -> list[Span]:
    """A place or person right after an institution word is part of the institution's name, an
    ORG (``Universität Gießen``, ``Medizinischen Hochschule Hannover``, ``TH Zürich``, ``Verlag
    Paul Haupt``); so is a place before a verlag (``Franzis Verlag``) and a town with a club's
    two-digit founding year (``Mainz 05``). Chosen on the even GermEval sentences with the
    cross-check model, where the tagger had tagged the town alone."""
    out: list[Span] = []
    for s, e, lab in spans:
        if lab in ("LOC", "PER", "ORG") and s > 0 and _institution(words[s - 1]):
            s -= 1
            if s > 1 and words[s - 1][:1].isupper() and words[s - 1].endswith(("en", "e")):
                s -= 1  # Medizinischen Hochschule, Freie Universität (not at the sentence start)
            lab = "ORG"
        elif e < len(words) and _institution_after(words[e], lab):
            e += 1
            lab = "ORG"
        out.append((s, e, lab))
    if len(out) > 1:  # a widened span may now overlap the one before it: keep the wider
        out.sort()
        kept: list[Span] = []
        for sp in out:
            if kept and sp[0] < kept[-1][1]:
                if sp[1] - sp[0] > kept[-1][1] - kept[-1][0]:
                    kept[-1] = sp
                continue
            kept.append(sp)
        out = kept
    return out
