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
        if not taken[i] and w not in COMMON_WORDS and _place_word(w, lists)
    ]
    return extra


def name_pair_spans(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
    taken = occupied(spans, len(words))
    extra: list[Span] = []
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if taken[i] or taken[i + 1] or a in COMMON_WORDS:
            continue
        surname = b[:1].isupper() and (b in lists.sur or b.rstrip("s") in lists.sur)
        if a in lists.first and surname and b not in lists.loc and b not in COMMON_WORDS:
            extra.append((i, i + 2, "PER"))
            taken[i] = taken[i + 1] = True
    return extra


def event_spans(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
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


def acronym_spans(words: list[str], spans: list[Span], lists: NameLists) -> list[Span]:
    """An untagged upper-case abbreviation of 2–6 letters (``EADS``, ``NHK``) is an organisation,
    unless it is a known non-name (``DVD``, ``AG``) or the sentence is written in capitals."""
    caps = sum(1 for w in words if w.isupper() and len(w) > 1)
    if caps * 2 > len(words):
        return []
    taken = occupied(spans, len(words))
    return [
        (i, i + 1, "ORG")
        for i, w in enumerate(words)
        if not taken[i]
        and 2 <= len(w) <= 6
        and w.isalpha()
        and w.isupper()
        and w not in NON_NAME_ACRONYMS
        and w not in COUNTRY_SHORT
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
    """Currencies, stock indices, web addresses, languages and ``Zweiten Weltkrieg`` are MISC
    (GermEval: OTH); these replace whatever the tagger said about the same words."""
    found: list[Span] = []
    for i, w in enumerate(words):
        if w in MISC_WORDS or w.endswith("-Dollar") or _web_address(w) or (i > 0 and w in LANGUAGES):
            found.append((i, i + 1, "MISC"))
        elif w.startswith("Weltkrieg") and i > 0 and words[i - 1] in _WAR_ORDINALS:
            found.append((i - 1, i + 1, "MISC"))
    if not found:
        return spans
    hit = occupied(found, len(words))
    kept = [s for s in spans if not any(hit[i] for i in range(s[0], s[1]))]
    return sorted(kept + found)
