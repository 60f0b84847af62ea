"""From token labels to quotations: chunks, split quotes, roles, inherited speakers, nested quotes.

The taggers label tokens; a quotation is more than that. This module decides, by rule, how the
labelled tokens group:

- a message is a run of tokens with one type; a run that restarts (``B-``) is a new message;
- two messages of one type separated only by attribution (speaker/cue/frame tokens and
  punctuation) are one split quote with two spans (``"…", so Smith, "…"``);
- a speaker, cue or addressee chunk belongs to the nearest message of its sentence;
- a message whose sentence names no speaker inherits the speaker of the quote before it (free
  indirect speech and a direct quote after an attributed one continue their speaker);
- quoted words inside a paraphrase become nested direct quotes of the same speaker, as the
  dataset annotates them.

Everything here works on token indices; :mod:`wortlaut.nlp.quotes` turns them into characters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container, Sequence
from dataclasses import dataclass, field

from .quote_marks import Quoted
from .quote_sources import CUE_FORMS, HEARSAY_MODALS, PREPOSITION_CUES, SOURCE_NOUNS, SOURCE_SUFFIXES

TYPE_NAMES = {
    "DIR": "direct",
    "IND": "indirect",
    "FI": "free_indirect",
    "IFI": "indirect_free_indirect",
    "REP": "reported",
}
#: sentences back that a speaker is carried over to a quote without one
INHERIT_SENTENCES = 3
#: sentences back that an inherited speaker is kept as the speaker, by type (others: as above).
#: Measured with taggers trained without the articles (train split, 400 held-out articles): a
#: speaker inherited from further back was right for 1 in 10 of the indirect quotes, which name
#: their speaker in their own sentence, and for 1 in 8 free indirect ones; direct quotes keep it,
#: since the person (not the mention) is what counts for them.
KEEP_INHERITED = {"IND": 0, "IFI": 1, "FI": 1, "REP": 1}
PUNCT = frozenset(",:;-–—()„“”»«‚‘’\"'")
MAX_SPLIT_GAP = 14
SOURCE_CUES = PREPOSITION_CUES | {"zufolge"}


@dataclass
class Chunk:
    label: str
    start: int
    end: int  # exclusive


@dataclass
class DraftQuote:
    """A quotation in token indices, before characters and entities are attached."""

    type: str
    spans: list[tuple[int, int]]
    speaker: tuple[int, int] | None = None
    cue: list[tuple[int, int]] = field(default_factory=list)
    addressee: tuple[int, int] | None = None
    frame: list[tuple[int, int]] = field(default_factory=list)
    inherited: bool = False
    nested: bool = False
    #: inherited from too far back to be trusted as the speaker (it still attributes the quote)
    far: bool = False

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def chunks(labels: Sequence[str]) -> list[Chunk]:
    """BIO runs (``B-X``/``I-X``) as chunks; an ``I-`` after a different label starts a chunk too."""
    out: list[Chunk] = []
    cur: Chunk | None = None
    for i, lab in enumerate(labels):
        if lab == "O" or lab == "FRM":
            cur = None
            continue
        kind = lab[2:]
        if cur is None or lab.startswith("B-") or cur.label != kind:
            cur = Chunk(kind, i, i + 1)
            out.append(cur)
        else:
            cur.end = i + 1
    return out


def _is_attribution_gap(words: Sequence[str], roles: Sequence[str], start: int, end: int) -> bool:
    if end - start > MAX_SPLIT_GAP or end <= start:
        return False
    has_role = False
    for i in range(start, end):
        if roles[i] in ("B-SPK", "I-SPK", "B-CUE", "I-CUE"):
            has_role = True
        elif roles[i] == "O" and words[i] not in PUNCT:
            return False
        if words[i] in (".", "!", "?"):
            return False
    return has_role


#: words that open a genitive attribute of a source noun (``Angaben des ZDF``, ``Ansicht von ai``)
GENITIVE_OPENERS = frozenset({"des", "der", "eines", "einer", "von", "vom"})
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def genitive_end(words: Sequence[str], i: int) -> int:
    """The end of the genitive attribute starting at ``i`` (``des ZDF``, ``politischer
    Beobachter``, ``der griechischen Sektion``), or ``i`` when none starts there."""
    n = len(words)
    if i < n and words[i] in GENITIVE_OPENERS:
        j = i + 1
        while j < n and _is_adjective(words[j]):
            j += 1
    elif i < n and _is_adjective(words[i]) and words[i].endswith("er"):
        j = i + 1  # without an article the genitive shows in the adjective: ``politischer``
    else:
        return i
    if j >= n or not words[j][:1].isupper():
        return i
    while j < n and words[j][:1].isupper():
        j += 1
    return j


#: lower-case words with an adjective ending that are no adjectives
NOT_ADJECTIVES = frozenset(
    {"unter", "über", "hinter", "aber", "oder", "immer", "wieder", "weiter", "bereits", "anderem"}
)


def _is_adjective(w: str) -> bool:
    return (
        len(w) >= 4
        and w.isalpha()
        and w[:1].islower()
        and w.endswith(ADJECTIVE_ENDINGS)
        and w not in NOT_ADJECTIVES
        and w not in DETERMINERS
        and w not in PREPOSITIONS
    )


def source_attributes(words: Sequence[str], msg: list[str], roles: list[str]) -> None:
    """Give a source noun back the genitive attribute the message tagger took as the start of the
    message (``laut Angaben | des ZDF sollen …``, ``Nach Einschätzung | politischer Beobachter
    war …``): the attribute belongs to the speaker, as the dataset marks it."""
    n = len(words)
    for i in range(n - 1):
        if roles[i] not in ("B-SPK", "I-SPK") or roles[i + 1] == "I-SPK" or msg[i + 1] == "O":
            continue
        w = words[i]
        if w not in SOURCE_NOUNS and not w.lower().endswith(SOURCE_SUFFIXES):
            continue
        end = i + 1
        for _ in range(3):  # ``des Leiters der griechischen Sektion``
            nxt = genitive_end(words, end)
            if nxt == end:
                break
            end = nxt
        if (
            end == i + 1
            or end + MIN_REST > n
            or any(msg[k][2:] != msg[i + 1][2:] for k in range(i + 1, end + MIN_REST))
        ):
            continue
        kind = msg[i + 1][2:]
        for k in range(i + 1, end):
            msg[k], roles[k] = "O", "I-SPK"
        msg[end] = "B-" + kind


def speaker_parenthesis(words: Sequence[str], msg: list[str], roles: list[str]) -> None:
    """Give a speaker back the parenthesis the message tagger took as the start of the message
    (``Nach Angaben des Südwestrundfunk | ( SWR ) laufen …``): the dataset marks it as part of
    the speaker, as it does a parenthesis after any speaker (:func:`with_parenthesis`)."""
    n = len(words)
    for i in _positions(words, "(", 1):
        i -= 1
        if roles[i] not in ("B-SPK", "I-SPK") or msg[i + 1] == "O":
            continue
        close = next((k for k in range(i + 2, min(n, i + 1 + MAX_PARENTHESIS)) if words[k] == ")"), None)
        if close is None or close + 1 + MIN_REST > n:
            continue
        kind = msg[i + 1][2:]
        if any(msg[k][2:] != kind for k in range(i + 1, close + 1 + MIN_REST)):
            continue
        for k in range(i + 1, close + 1):
            msg[k], roles[k] = "O", "I-SPK"
        msg[close + 1] = "B-" + kind


def _positions(words: Sequence[str], word: str, start: int = 0) -> list[int]:
    """Indices of ``word`` from ``start`` on (``list.index`` runs in C: cheaper than a loop)."""
    out: list[int] = []
    seq = words if isinstance(words, list) else list(words)
    k = start - 1
    while True:
        try:
            k = seq.index(word, k + 1)
        except ValueError:
            return out
        out.append(k)


#: message tokens that must remain after an attribute moves to the speaker
MIN_REST = 3


def group_messages(
    words: Sequence[str], msg: Sequence[str], roles: Sequence[str], sent_of: Sequence[int]
) -> list[DraftQuote]:
    """Message chunks as quotes, split quotes (same sentence, attribution between) merged."""
    quotes: list[DraftQuote] = []
    for c in chunks(msg):
        prev = quotes[-1] if quotes else None
        if (
            prev is not None
            and prev.type == c.label
            and sent_of[prev.end - 1] == sent_of[c.start]
            and _is_attribution_gap(words, roles, prev.end, c.start)
        ):
            prev.spans.append((c.start, c.end))
        else:
            quotes.append(DraftQuote(type=c.label, spans=[(c.start, c.end)]))
    return quotes


def _distance(q: DraftQuote, c: Chunk) -> int:
    best = 1 << 30
    for s, e in q.spans:
        if c.end <= s:
            d = s - c.end
        elif c.start >= e:
            d = c.start - e
        else:
            d = 0
        best = min(best, d)
    return best


GENITIVE_ARTICLES = frozenset({"der", "des"})


def extend_genitive(words: Sequence[str], end: int, q: DraftQuote) -> int:
    """The end of a speaker phrase with its genitive attributes (``der Korrespondent`` + ``der
    nationalen ukrainischen Nachrichtenagentur``), as the dataset marks speakers; never into the
    message."""
    n = len(words)
    while end < n and words[end] in GENITIVE_ARTICLES:
        j = end + 1
        while j < n and words[j][:1].islower() and words[j].isalpha():
            j += 1
        if j >= n or not words[j][:1].isupper() or any(a <= j < b for a, b in q.spans):
            break
        end = j + 1
    return end


OBJECT_PRONOUNS = frozenset({"ihn", "ihm", "ihnen", "sich", "uns", "mich", "mir"})
NAME_PARTICLES = frozenset({"der", "den", "de", "van", "von", "zu"})


#: words that end a speaker phrase: what follows is the circumstance of the speech act (``er
#: gegenüber Deutschlandradio``, ``Müntefering nach dem Treffen``); never inside a gold speaker
#: of the train split, after one 90 times
SPEAKER_ENDS = frozenset({"gegenüber", "nach", "während", "bereits", "jedoch", "allerdings"})
#: prepositions that end a speaker phrase after a name or pronoun (``Nasrallah im Fernsehen``,
#: ``Zille bei der Vorstellung``), not after a noun (``Sprecher der UN in Birma``)
CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"in", "im", "bei", "beim", "zur", "zum", "vor", "am", "auf", "mit", "über"}
)
CUT_PRONOUNS = frozenset({"er", "sie", "es", "ich", "wir", "man"})


def cut_speaker(words: Sequence[str], start: int, end: int, person_ends: Container[int] = ()) -> int:
    """The end of a speaker phrase before the circumstance the tagger took along."""
    for i in range(start + 1, end):
        w = words[i]
        if w in SPEAKER_ENDS:
            return i
        if w in CIRCUMSTANCE_PREPOSITIONS and _ends_name(words, start, i, person_ends):
            return i
    return end


def _ends_name(words: Sequence[str], start: int, i: int, person_ends: Container[int]) -> bool:
    """Whether the phrase before ``i`` is a pronoun or ends in a person's name."""
    return i in person_ends or (i - 1 == start and words[start].lower() in CUT_PRONOUNS)


#: longest parenthesis (tokens, marks included) a speaker takes along: ``(SPD)``, ``(USGS)``
MAX_PARENTHESIS = 6


def with_parenthesis(words: Sequence[str], start: int, end: int, q: DraftQuote) -> tuple[int, int]:
    """A speaker phrase with the parenthesis right after it (``Renate Schmidt (SPD)``): the
    dataset includes it in 70 of 71 such speakers of the train split."""
    if end < len(words) and words[end] == "(":
        for j in range(end + 1, min(len(words), end + MAX_PARENTHESIS)):
            if any(a <= j < b for a, b in q.spans):
                break
            if words[j] == ")":
                return start, j + 1
    return start, end


def trim_speaker(words: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """A tagged speaker phrase without the verb the tagger took along: a speaker ends in a noun
    (``Politische Beobachter`` + ``wiesen``) and does not start with an object pronoun
    (``charakterisierte ihn`` + ``der Funktionär``); ``der Leyen`` takes its ``Von``."""
    if any(w[:1].isupper() for w in words[start:end]):
        while end - start > 1 and words[end - 1].isalpha() and words[end - 1].islower():
            end -= 1
    for k in range(start, min(end - 1, start + 2)):
        if words[k].lower() in OBJECT_PRONOUNS:
            start = k + 1
            break
    if end - start > 1 and words[start].lower() in DROP_FIRST and words[start + 1][:1].isupper():
        start += 1
    if (
        start > 0
        and words[start] in NAME_PARTICLES
        and words[start - 1] in ("Von", "von")
        and start + 1 < end
        and words[start + 1][:1].isupper()
    ):
        start -= 1
    return start, end


def attach_roles(
    words: Sequence[str],
    quotes: list[DraftQuote],
    roles: Sequence[str],
    sent_of: Sequence[int],
    sent_bounds: Sequence[tuple[int, int]],
    names: Sequence[Chunk] = (),
    chooser: speaker_choice.SpeakerChooser | None = None,
) -> list[Chunk]:
    """Give each quote the role chunks of its sentences; returns the speaker chunks left over."""
    person_ends = {c.end for c in names if c.label == "PER"}
    persons = {(c.start, c.end) for c in names if c.label == "PER"}
    inside_direct: set[int] = set()
    for q in quotes:
        if q.type == "DIR":
            for a, b in q.spans:
                inside_direct.update(range(a, b))
    # the words of a direct quote are the speaker's, never the attribution
    role_chunks = [c for c in chunks(roles) if c.start not in inside_direct]
    by_sentence: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        for s in {sent_of[a] for a, b in q.spans} | {sent_of[b - 1] for a, b in q.spans}:
            by_sentence.setdefault(s, []).append(qi)
    assigned: dict[int, list[Chunk]] = {}
    leftover: list[Chunk] = []
    spoken = [c for c in role_chunks if c.label == "SPK" and can_speak(words, c)]
    for c in role_chunks:
        candidates = by_sentence.get(sent_of[c.start], [])
        if not candidates:
            if c.label == "SPK":
                leftover.append(c)
            continue
        if c.label == "SPK" and len(candidates) > 1:
            candidates = speaker_side(words, roles, c, quotes, candidates)
        qi = min(candidates, key=lambda k: (_distance(quotes[k], c), k))
        assigned.setdefault(qi, []).append(c)
    for qi, q in enumerate(quotes):
        mine = assigned.get(qi, [])
        speakers = [c for c in mine if c.label == "SPK" and can_speak(words, c)]
        if not speakers:
            sents = {sent_of[a] for a, _ in q.spans}
            speakers = [c for c in spoken if sent_of[c.start] in sents and adjacent(words, roles, q, c)]
        if speakers:
            best = min(
                speakers,
                key=lambda c: (oblique(words, c), not _names_person(words, c, person_ends), _distance(q, c)),
            )
            q.speaker = tagged_speaker(words, best, q, names, persons, person_ends)
            if oblique(words, best) and q.type in OBLIQUE_YIELDS:
                named = name_in_sentence(q, names, sent_of, words)
                if (
                    named is not None
                    and not best.start <= named[0] < best.end
                    and (named in persons or words[named[0]] in SUBJECT_PRONOUNS)
                ):
                    q.speaker = with_parenthesis(words, *with_role(words, named, names, q), q)
            if speaker_choice.applies(chooser, q):
                previous = _previous_speaker_word(words, quotes, qi)
                cands = speaker_choice.candidates_of(words, q, speakers, names, sent_of)
                picked = speaker_choice.choose(
                    chooser, words, roles, sent_of, q, cands, q.speaker, person_ends, previous
                )
                if picked is not None and not (q.speaker[0] <= picked.start < q.speaker[1]):
                    q.speaker = realise(words, picked, q, names, persons, person_ends)
        q.cue = [(c.start, c.end) for c in mine if c.label == "CUE"]
        addressees = [c for c in mine if c.label == "ADR"]
        if addressees:
            best = min(addressees, key=lambda c: _distance(q, c))
            q.addressee = (best.start, best.end)
        q.frame = _frame(q, roles, sent_of, sent_bounds, mine, words)
    return leftover


def tagged_speaker(
    words: Sequence[str],
    c: Chunk,
    q: DraftQuote,
    names: Sequence[Chunk],
    persons: Container[tuple[int, int]],
    person_ends: Container[int],
) -> tuple[int, int]:
    """The speaker phrase of a tagged speaker chunk: trimmed, with its genitive attribute, without
    the circumstance, with the role of a person's name and the parenthesis after it."""
    start, end = trim_speaker(words, c.start, extend_genitive(words, c.end, q))
    end = cut_speaker(words, start, end, person_ends)
    if (start, end) in persons:
        start, end = with_role(words, (start, end), names, q)
    return with_parenthesis(words, start, end, q)


def realise(
    words: Sequence[str],
    c: speaker_choice.Candidate,
    q: DraftQuote,
    names: Sequence[Chunk],
    persons: Container[tuple[int, int]],
    person_ends: Container[int],
) -> tuple[int, int]:
    """The speaker phrase of a chosen candidate, shaped as the rules shape its kind."""
    if c.kind == "SPK":
        return tagged_speaker(words, Chunk("SPK", c.start, c.end), q, names, persons, person_ends)
    if c.kind in ("PRON", "NP"):
        return with_parenthesis(words, c.start, c.end, q)
    return with_parenthesis(words, *with_role(words, (c.start, c.end), names, q), q)


def _previous_speaker_word(words: Sequence[str], quotes: Sequence[DraftQuote], qi: int) -> str | None:
    """The last word of the speaker of the nearest quote before ``qi`` that has one."""
    for k in range(qi - 1, -1, -1):
        sp = quotes[k].speaker
        if sp is not None:
            return words[sp[1] - 1]
    return None


#: first words of a phrase in the dative, accusative or genitive: no subject, so no speaker when
#: the sentence offers another (``Stoiber begründete … mit einer „…“ nach dem Abgang von …``)
OBLIQUE_FIRST = frozenset({"dem", "den", "einem", "einen", "des", "im", "am", "vom", "beim", "zum", "zur"})


#: types whose oblique speaker chunk yields to a person or subject pronoun of the sentence (held out:
#: the same for indirect and reported ones)
OBLIQUE_YIELDS = frozenset({"DIR"})


def oblique(words: Sequence[str], c: Chunk) -> bool:
    """Whether a speaker chunk is an object or the complement of a preposition (``im
    Nachrichtenmagazin DER SPIEGEL``, ``den iranischen Präsidenten``, ``Auf den Kurznachrichtendienst
    Twitter``): of several chunks for one quote, the others speak first."""
    if (
        c.start > 0
        and words[c.start - 1].lower() in ("laut", "gemäß")
        or (c.end < len(words) and words[c.end] == "zufolge")
    ):
        return False  # ``laut dem Bericht``: a source
    if words[c.start].lower() in OBLIQUE_FIRST:
        return True
    j = c.start - 1
    if j >= 0 and words[j].lower() in DETERMINERS:
        j -= 1
    return j >= 0 and words[j].lower() in PREPOSITIONS


def _names_person(words: Sequence[str], c: Chunk, person_ends: Container[int]) -> bool:
    """Whether a speaker chunk names a person: a person's name ends inside it, or it is ``er``/``sie``."""
    return any(e in person_ends for e in range(c.start + 1, c.end + 1)) or words[c.start].lower() in (
        "er",
        "sie",
    )


#: tokens between a speaker and its cue (``Verteidiger X immer wieder betont hatte``)
CUE_GAP = 3


def _cue_after(words: Sequence[str], roles: Sequence[str], c: Chunk) -> bool:
    for i in range(c.end, min(len(roles), c.end + CUE_GAP + 1)):
        if roles[i] in ("B-CUE", "I-CUE"):
            return True
        if words[i] in PUNCT or roles[i] in ("B-SPK", "I-SPK"):
            return False
    return False


def _cue_before(words: Sequence[str], roles: Sequence[str], c: Chunk) -> int | None:
    """Start of a speech-verb cue right before the speaker (``…, sagte Löw``), if any; source
    prepositions (``laut Polizei``) introduce what follows them and do not count."""
    i = c.start - 1
    if i < 0 or roles[i] not in ("B-CUE", "I-CUE") or words[i].lower() in SOURCE_CUES:
        return None
    while i > 0 and roles[i] == "I-CUE":
        i -= 1
    return i


def speaker_side(
    words: Sequence[str], roles: Sequence[str], c: Chunk, quotes: list[DraftQuote], candidates: list[int]
) -> list[int]:
    """The quotes of a sentence with several that a speaker chunk can belong to, by word order: a
    speaker before its cue (``Löw bezeichnete … als „übertrieben“``) speaks the message after the
    cue, a speaker after its cue (``„…“, sagte Löw``) the message before it. Nearness alone gives
    ``„überzogen“, Bundestrainer Löw bezeichnete …`` to the quote before. Without a cue next to
    the speaker, or with no quote on that side, all candidates stay."""
    around = [k for k in candidates if quotes[k].start <= c.start < quotes[k].end]
    if around:  # a reported message contains its speaker
        return around
    if _cue_after(words, roles, c):
        side = [k for k in candidates if quotes[k].start >= c.end]
    else:
        cue = _cue_before(words, roles, c)
        if cue is None:
            return candidates
        # ``„…“, sagte X`` (not ``In der Fraktion sagte X „…“``)
        side = [k for k in candidates if _only_punct(words, quotes[k].end, cue)]
    return side or candidates


def adjacent(words: Sequence[str], roles: Sequence[str], q: DraftQuote, c: Chunk) -> bool:
    """Whether only punctuation separates a speaker chunk from the quote: the speaker between two
    messages of one sentence (``„…“, so Pötsch, wird VW …``) speaks both, as the dataset marks;
    a speaker before its own cue (``„…“, Löw nannte …``) starts a new clause and does not."""
    return any(
        (c.end < a and _only_punct(words, c.end, a))
        or (b < c.start and _only_punct(words, b, c.start) and not _cue_after(words, roles, c))
        for a, b in q.spans
    )


def _only_punct(words: Sequence[str], start: int, end: int) -> bool:
    return 0 <= end - start <= 2 and all(words[i] in PUNCT for i in range(start, end))


SPEAKER_PRONOUNS = frozenset(
    {
        "er",
        "sie",
        "es",
        "ich",
        "wir",
        "man",
        "ihr",
        "du",
        "dieser",
        "diese",
        "jener",
        "der",
        "die",
        "beide",
        "alle",
    }
)


#: first words of a tagged phrase that is a circumstance, not a speaker (``mit Verweis auf …``,
#: ``bei Twitter``); ``aus Paris`` and ``zu Guttenberg`` can be speakers
NOT_SPEAKER_START = frozenset({"mit", "bei", "beim", "dass", "durch", "gegen", "um", "ohne"})
#: first words a speaker phrase loses: ``Für Bildungssenator Lemke``, ``Als Hongkongs Chief …``
DROP_FIRST = frozenset({"für", "als"})


def can_speak(words: Sequence[str], c: Chunk) -> bool:
    """Whether a tagged speaker chunk can name a speaker: it has a capitalised word, a pronoun or
    an adjective derived from a place (``russischen``); a lone verb, article or comma cannot."""
    toks = [w for w in words[c.start : c.end] if any(ch.isalnum() for ch in w)]
    if not toks or toks[0].lower() in NOT_SPEAKER_START:
        return False
    if len(toks) == 1:
        w = toks[0]
        low = w.lower()
        return (
            is_domain(w)
            or low in SPEAKER_PRONOUNS
            or (w[:1].isupper() and low not in DETERMINERS)
            or low.endswith(("ische", "ischen", "ischer", "isches"))
        )
    return any(w[:1].isupper() or w.lower() in SPEAKER_PRONOUNS for w in toks)


#: endings of web addresses that name a source (``laut ndr.de``, ``bildblog.de``)
DOMAIN_ENDINGS = (".de", ".com", ".net", ".org", ".at", ".ch", ".eu", ".info")


def is_domain(w: str) -> bool:
    """Whether a lower-case word is a web address (``ndr.de``): a medium, and so a speaker."""
    return (
        w.endswith(DOMAIN_ENDINGS)
        and len(w) > 4
        and w[: w.rindex(".")].replace("-", "").replace(".", "").isalnum()
    )


def _frame(
    q: DraftQuote,
    roles: Sequence[str],
    sent_of: Sequence[int],
    sent_bounds: Sequence[tuple[int, int]],
    mine: list[Chunk],
    words: Sequence[str] = (),
) -> list[tuple[int, int]]:
    """Frame: the labelled attribution tokens of the quote's sentences outside its message; a
    source phrase (``nach Angaben der Polizei``) is its own frame."""
    sents = sorted({sent_of[a] for a, _ in q.spans} | {sent_of[b - 1] for _, b in q.spans})
    inside: set[int] = set()
    for a, b in q.spans:
        inside.update(range(a, b))
    own: set[int] = set()
    for c in mine:
        own.update(range(c.start, c.end))
    tokens = []
    for s in sents:
        lo, hi = sent_bounds[s]
        for i in range(lo, hi):
            if i in inside:
                continue
            if roles[i] == "FRM" or i in own:
                tokens.append(i)
    if not any(roles[i] == "FRM" for i in tokens) and not _source_cue(q, words):
        return []
    return _runs(tokens)


def _source_cue(q: DraftQuote, words: Sequence[str]) -> bool:
    return (
        bool(words)
        and len(q.cue) == 1
        and q.cue[0][1] - q.cue[0][0] == 1
        and (words[q.cue[0][0]].lower() in SOURCE_CUES)
    )


def _runs(tokens: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in tokens:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


#: types kept only with a cue or a speaker: an unattributed "indirect" message is mostly a
#: plain statement the tagger took for one (dev: 11 of 15 such quotes were wrong)
NEED_ATTRIBUTION = frozenset({"IND"})
#: words that are never a cue by themselves: auxiliaries the role tagger sometimes takes for
#: one (``Die Firma hatte …``), and ``nach`` left over beside them
AUXILIARY_CUES = frozenset(
    {"hat", "hatte", "hatten", "haben", "war", "waren", "wird", "werden", "wurde", "wurden", "ist"}
    | {"sind", "sei", "nach"}
)


def attributed(q: DraftQuote, words: Sequence[str]) -> bool:
    """Whether a quote has a cue or a speaker, a cue of auxiliaries only (``hatte``, ``wurde
    nach``) counting as none and sinking the quote: with held-out taggers 17 of 20 indirect
    quotes with such a cue were not annotated, and 1 of the 1,498 indirect cues of the train
    split is one (``ist``)."""
    if q.cue:
        cue_words = [words[i].lower() for s, e in q.cue for i in range(s, e)]
        if cue_words == ["nach"]:
            return _source_speaker(q, words)
        return not all(w in AUXILIARY_CUES for w in cue_words)
    return q.speaker is not None


def _source_speaker(q: DraftQuote, words: Sequence[str]) -> bool:
    """Whether the speaker of a quote cued by ``nach`` alone is headed by a source noun
    (``Angaben``, ``Polizeiberichten``): ``nach`` is mostly an ordinary preposition (``nach
    Moskau``, ``nach einer Verletzung``). In the train split 209 of the 254 indirect quotes cued
    by ``nach`` have such a head; with held-out taggers, 8 of the 10 without one were wrong."""
    if q.speaker is None:
        return False
    head = next((w for w in words[q.speaker[0] : q.speaker[1]] if w[:1].isupper()), "")
    return head in SOURCE_NOUNS or head.lower().endswith(SOURCE_SUFFIXES)


#: types whose speaker is normally named in their own sentence
OWN_SENTENCE_TYPES = frozenset({"DIR", "IND", "REP"})


#: a name right after one of these (and an article) is a circumstance, not a speaker
PREPOSITIONS: frozenset[str] = frozenset(
    [
        "bei",
        "mit",
        "in",
        "an",
        "auf",
        "für",
        "aus",
        "zu",
        "gegen",
        "über",
        "unter",
        "im",
        "am",
        "beim",
        "vom",
        "zum",
        "zur",
        "ins",
        "durch",
        "um",
        "vor",
        "hinter",
        "neben",
    ]
)
DETERMINERS = frozenset(
    ["der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"]
)


def _after_preposition(words: Sequence[str], i: int) -> bool:
    j = i - 1
    if j >= 0 and words[j].lower() in DETERMINERS:
        j -= 1
    return j >= 0 and words[j].lower() in PREPOSITIONS


def _attributes_cue_noun(q: DraftQuote, c: Chunk, words: Sequence[str]) -> bool:
    """A derived adjective speaks only as the attribute of the noun introducing the message:
    ``der russische Vorwurf, es gebe …`` (the noun is a cue, or stands right before the comma)."""
    if any(c.end == cue_start for cue_start, _ in q.cue):
        return True
    return c.end + 2 == q.start and words[c.end][:1].isupper() and words[c.end + 1] == ","


def name_in_sentence(
    q: DraftQuote, names: Sequence[Chunk], sent_of: Sequence[int], words: Sequence[str]
) -> tuple[int, int] | None:
    """A person (else organisation) named in the quote's own sentence, outside its message — or,
    for a reported speech act, as the subject at the start of it: the taggers' misses that the
    entity component catches."""
    if q.type not in OWN_SENTENCE_TYPES:
        return None
    sents = {sent_of[a] for a, _ in q.spans} | {sent_of[b - 1] for _, b in q.spans}
    candidates = []
    for c in names:
        if c.label == "ROL" or sent_of[c.start] not in sents:
            continue
        if c.label != "DER" and _after_preposition(words, c.start):
            continue
        if c.label == "DER" and not _attributes_cue_noun(q, c, words):
            continue
        inside = any(a <= c.start and c.end <= b for a, b in q.spans)
        if inside and not (q.type == "REP" and c.start - q.start <= 4):
            continue
        rank = {"PER": 0, "ORG": 1}.get(c.label, 2)
        candidates.append((rank, _distance(q, c) if not inside else 0, c))
    candidates.extend((PRONOUN_RANK, _distance(q, c), c) for c in subject_pronouns(q, sent_of, words))
    if not candidates:
        return None
    best = min(candidates, key=lambda x: (x[0], x[1]))[2]
    return best.start, best.end


#: rank of a subject pronoun among the names of a sentence (persons 0, organisations 1)
PRONOUN_RANK = 0
SUBJECT_PRONOUNS = frozenset({"er", "Er", "sie", "Sie"})


def sentence_range(q: DraftQuote, sent_of: Sequence[int], sents: Container[int]) -> tuple[int, int]:
    """First and end token of the sentences ``sents`` around the quote (they hold its spans)."""
    lo, hi = q.start, q.end
    while lo > 0 and sent_of[lo - 1] in sents:
        lo -= 1
    while hi < len(sent_of) and sent_of[hi] in sents:
        hi += 1
    return lo, hi


def subject_pronouns(q: DraftQuote, sent_of: Sequence[int], words: Sequence[str]) -> list[Chunk]:
    """``er``/``sie`` in the quote's sentence outside its message and not after a preposition:
    the subject the role tagger missed (``…, lenkte er die Fähre … und meldete sich mit den
    Worten: „…“``)."""
    if q.type != "DIR" or not words:
        return []
    sents = {sent_of[a] for a, _ in q.spans} | {sent_of[b - 1] for _, b in q.spans}
    lo, hi = sentence_range(q, sent_of, sents)
    out = []
    for i in range(lo, hi):
        if words[i] not in SUBJECT_PRONOUNS or any(a <= i < b for a, b in q.spans):
            continue
        if words[i][0] == "S" and i > lo:
            continue  # ``Sie`` inside a sentence addresses someone
        if i > 0 and words[i - 1].lower() in PREPOSITIONS:
            continue
        out.append(Chunk("PRON", i, i + 1))
    return out


#: adverbs that point back to a source (``Demnach sei …`` after ``Die Polizei veröffentlichte
#: einen Bericht.``); right before a message the dataset marks them as its speaker (20 of 25 in
#: the train split; the rest as cue or frame)
SOURCE_ADVERBS = frozenset({"Demnach", "demnach", "Danach", "danach"})


def source_adverb(q: DraftQuote, words: Sequence[str]) -> tuple[int, int] | None:
    """``Demnach`` right before the message, as its speaker when no other speaker was found (the
    dataset prefers the source the adverb points to, when the taggers marked it); later quotes
    do not inherit it."""
    i = q.start - 1
    if i >= 0 and words[i] in SOURCE_ADVERBS:
        return i, i + 1
    return None


def adverb_after_far(q: DraftQuote, words: Sequence[str]) -> tuple[int, int] | None:
    """A quote whose speaker, inherited from too far back, was dropped takes the ``Demnach``
    right before its message as its speaker, as a quote with no speaker at all does
    (:func:`source_adverb`; train: 20 of 25 such adverbs before a message are its speaker)."""
    return source_adverb(q, words)


def adverb_cue(q: DraftQuote, words: Sequence[str]) -> bool:
    """Whether the quote's cue is a lone ``Demnach``/``Danach``: the dataset makes it the frame
    too (train: all 25 such cues are in their quote's frame)."""
    return len(q.cue) == 1 and q.cue[0][1] - q.cue[0][0] == 1 and words[q.cue[0][0]] in SOURCE_ADVERBS


#: adjectives and articles before a role noun (``der damalige``, ``die sozialdemokratische``)
ROLE_LEFT = 3


def with_role(
    words: Sequence[str], span: tuple[int, int], names: Sequence[Chunk], q: DraftQuote
) -> tuple[int, int]:
    """A person's name with the role the entity component saw next to it, as the dataset marks
    speakers: ``der israelische Premierminister Benjamin Netanyahu``, ``die Landesvorsitzende des
    Verbands, Karin Broszat``, ``Peter Hahn, der Hauptgeschäftsführer des Brauer-Bundes``."""
    start, end = span
    for c in names:
        if c.label != "ROL" or any(a < c.end and c.start < b for a, b in q.spans):
            continue
        if c.end == start or (c.end + 1 == start and words[c.end] == ","):
            start = _role_article(words, c.start, q)
        elif (
            c.start - end in (1, 2)
            and words[end] == ","
            and (c.start == end + 1 or words[end + 1].lower() in DETERMINERS)
        ):
            end = c.end
    return start, end


def _role_article(words: Sequence[str], i: int, q: DraftQuote) -> int:
    """``i`` moved left over the adjectives and the article of the role noun at ``i``."""
    for _ in range(ROLE_LEFT):
        j = i - 1
        if j < 0 or any(a <= j < b for a, b in q.spans):
            break
        w = words[j]
        if w.lower() in DETERMINERS:
            return j
        if not (w.isalpha() and w[:1].islower() and w.endswith(("e", "en", "er", "es", "em"))):
            break
        i = j
    return i


def addressee_after_gegenueber(
    words: Sequence[str], q: DraftQuote, sent_of: Sequence[int]
) -> tuple[int, int] | None:
    """The noun phrase after ``gegenüber`` in the quote's sentence, outside its message, as its
    addressee (``sagte er gegenüber der „Netzeitung“``): in the train split, where ``gegenüber``
    is part of a quote's attribution, the phrase after it is the addressee in 34 of 39 cases."""
    sents = {sent_of[a] for a, _ in q.spans}
    lo, hi = sentence_range(q, sent_of, sents)
    for i in range(lo, hi - 1):
        if words[i] not in ("gegenüber", "Gegenüber") or _inside_message(q, i):
            continue
        j = i + 1
        if words[j].lower() in DETERMINERS:
            j += 1
        while j < hi and _is_adjective(words[j]):
            j += 1
        start = i + 1
        if j < hi and words[j] in ("„", "»", '"'):
            close = next((k for k in range(j + 1, min(hi, j + 8)) if words[k] in ("“", "«", '"')), None)
            if close is None or _inside_message(q, j):
                return None
            end = close + 1
        elif j < hi and words[j][:1].isupper() and not _inside_message(q, j):
            end = j
            while end < hi and words[end][:1].isupper() and not _inside_message(q, end):
                end += 1
        else:
            return None
        return start, extend_genitive(words, end, q)
    return None


#: prepositions that name the place of a text: ``heißt es in der Erklärung``, ``Auf der Homepage
#: heißt es``; the fused ones stay in the speaker phrase (``im Abschlussbericht``), as mostly marked
DOCUMENT_PREPOSITIONS = frozenset({"in", "auf", "bei", "aus", "von"})
FUSED_DOCUMENT_PREPOSITIONS = frozenset({"im", "beim", "vom"})
#: adverbs between ``heißt es`` and the place (``heißt es weiter in …``)
HEISST_ADVERBS = frozenset({"weiter", "dazu", "wörtlich", "auch", "zudem", "ferner", "nun", "jedoch", "aber"})


def document_speaker(q: DraftQuote, words: Sequence[str], sent_of: Sequence[int]) -> tuple[int, int] | None:
    """The text a quote is read from, as its speaker: ``„…“, heißt es in einer Erklärung des
    Verbands``, ``Auf der Homepage heißt es: „…“``. The dataset marks the place after
    ``heißt es``/``hieß es`` as the speaker in 20 of the 22 train quotes with one next to it."""
    sents = {sent_of[a] for a, _ in q.spans}
    lo, hi = sentence_range(q, sent_of, sents)
    for v in range(lo, hi):
        if words[v] not in ("heißt", "hieß") or _inside_message(q, v):
            continue
        j = v + 1
        if j < hi and words[j] == "es":
            j += 1
        while j < hi and words[j] in HEISST_ADVERBS:
            j += 1
        if (
            j < hi
            and not _inside_message(q, j)
            and words[j].lower() in DOCUMENT_PREPOSITIONS | FUSED_DOCUMENT_PREPOSITIONS
        ):
            return _place_phrase(words, j, q, hi)
        for k in range(v - 1, max(lo - 1, v - 9), -1):
            if words[k] in PUNCT or words[k] == "." or _inside_message(q, k):
                break
            low = words[k].lower()
            if low in DOCUMENT_PREPOSITIONS | FUSED_DOCUMENT_PREPOSITIONS and (
                k == lo or words[k - 1] in PUNCT
            ):
                return _place_phrase(words, k, q, v)
    return None


def _place_phrase(words: Sequence[str], p: int, q: DraftQuote, hi: int) -> tuple[int, int] | None:
    """The noun phrase after the preposition at ``p`` (with it, when it is a fused one)."""
    j = p + 1
    if j < hi and words[j].lower() in DETERMINERS:
        j += 1
    while j < hi and (_is_adjective(words[j]) or words[j] in ("„", "“")):
        j += 1
    if j >= hi or not words[j][:1].isupper() or _inside_message(q, j):
        return None
    while j < hi and (words[j][:1].isupper() or words[j] in ("„", "“")) and not _inside_message(q, j):
        j += 1
    start = p if words[p].lower() in FUSED_DOCUMENT_PREPOSITIONS else p + 1
    end = extend_genitive(words, j, q)
    while end < hi and words[end][:1].isupper() and not _inside_message(q, end):
        end += 1  # the name after a role: ``vom Abgeordneten des … Föderationsrates Viktor Oserow``
    return start, end


#: finite forms of verbs whose object is the one addressed, with their particle (``forderte die
#: SPD auf``, ``warf der Regierung vor``, ``bat den Präsidenten``; ``None``: no particle)
ADDRESSING_VERBS: dict[str, str | None] = {
    **dict.fromkeys(["forderte", "forderten", "fordert", "fordern"], "auf"),
    **dict.fromkeys(["warf", "warfen", "wirft", "werfen"], "vor"),
    **dict.fromkeys(["bat", "baten", "bittet", "bitten"], None),
}
#: object pronouns that are an addressee (``forderte ihn auf``)
OBJECT_ADDRESSEES = frozenset({"ihn", "ihm", "ihnen", "sie", "uns", "Ihnen"})


def object_addressee(q: DraftQuote, words: Sequence[str], sent_of: Sequence[int]) -> tuple[int, int] | None:
    """The object of a verb of addressing in the quote's cue (``Williams forderte die Bürger auf,
    …``, ``Die Behörden werfen Luna vor, …``): the first noun phrase or object pronoun after the
    verb that is not the speaker, before the message."""
    if not q.cue:
        return None
    cue = [i for a, b in q.cue for i in range(a, b)]
    verb = next((i for i in cue if words[i] in ADDRESSING_VERBS), None)
    if verb is None:
        return None
    particle = ADDRESSING_VERBS[words[verb]]
    s = sent_of[verb]
    if particle is not None and not any(
        words[i] == particle and sent_of[i] == s and not _inside_message(q, i)
        for i in range(verb + 1, min(len(words), verb + 40))
    ):
        return None
    i = verb + 1
    n = len(words)
    while i < n and sent_of[i] == sent_of[verb] and not _inside_message(q, i):
        if q.speaker is not None and q.speaker[0] <= i < q.speaker[1]:
            i = q.speaker[1]
            continue
        w = words[i]
        if w in OBJECT_ADDRESSEES:
            return i, i + 1
        if w in PUNCT or w.lower() in PREPOSITIONS or w == particle:
            return None
        j = i
        if w.lower() in DETERMINERS:
            j += 1
            while j < n and _is_adjective(words[j]):
                j += 1
        if j < n and words[j][:1].isupper() and words[j][:1].isalpha() and not _inside_message(q, j):
            end = j
            while end < n and words[end][:1].isupper() and not _inside_message(q, end):
                end += 1
            return i, extend_genitive(words, end, q)
        i += 1
    return None


#: participles of accusing (``wird vorgeworfen``, ``wurde beschuldigt``)
ACCUSED = frozenset(
    {"vorgeworfen", "beschuldigt", "verdächtigt", "bezichtigt", "vorgehalten", "unterstellt", "angelastet"}
)
PASSIVE_AUXILIARIES = frozenset({"wird", "wurde", "werden", "wurden", "worden"})


def accused_not_speaker(q: DraftQuote, words: Sequence[str], sent_of: Sequence[int]) -> None:
    """In a passive accusation (``Klien wurde vorgeworfen, …``, ``Die Männer werden
    beschuldigt, …``) the person named is the accused, the addressee, and the accuser goes
    unnamed: 11 of the 15 such quotes of the train split have an addressee and no speaker. The
    speaker found moves to the addressee; one introduced by ``von`` stays (the accuser)."""
    if q.speaker is None or not q.cue:
        return
    cue_words = [words[i] for a, b in q.cue for i in range(a, b)]
    if not any(w in ACCUSED for w in cue_words):
        return
    s = sent_of[q.cue[0][0]]
    lo = q.cue[0][0]
    while lo > 0 and sent_of[lo - 1] == s:
        lo -= 1
    hi = q.cue[-1][1]
    while hi < len(words) and sent_of[hi] == s:
        hi += 1
    if not any(words[i] in PASSIVE_AUXILIARIES and not _inside_message(q, i) for i in range(lo, hi)):
        return
    a, _ = q.speaker
    if words[a].lower() in ("von", "vom") or (a > 0 and words[a - 1].lower() in ("von", "vom")):
        return
    if q.addressee is None and not q.inherited and sent_of[a] == s:
        q.addressee = q.speaker
    q.speaker, q.inherited = None, False


def inherit_speakers(
    quotes: list[DraftQuote],
    leftover: list[Chunk],
    sent_of: Sequence[int],
    names: Sequence[Chunk] = (),
    words: Sequence[str] = (),
    roles: Sequence[str] = (),
    chooser: speaker_choice.SpeakerChooser | None = None,
) -> None:
    """Quotes without a speaker take a name of their sentence, else the previous quote's speaker,
    else a nearby speaker mention before them."""
    last: DraftQuote | None = None
    persons = {(c.start, c.end) for c in names if c.label == "PER"}
    person_ends = {c.end for c in names if c.label == "PER"}
    for q in quotes:
        if q.speaker is None:
            q.speaker = name_in_sentence(q, names, sent_of, words)
            if q.speaker is not None:
                named = q.speaker
                q.speaker = with_parenthesis(words, *with_role(words, named, names, q), q)
                if roles and speaker_choice.applies(chooser, q):
                    previous = words[last.speaker[1] - 1] if last and last.speaker else None
                    cands = speaker_choice.candidates_of(words, q, (), names, sent_of)
                    picked = speaker_choice.choose(
                        chooser, words, roles, sent_of, q, cands, named, person_ends, previous
                    )
                    if picked is not None and not (named[0] <= picked.start < named[1]):
                        q.speaker = realise(words, picked, q, names, persons, person_ends)
        if q.speaker is None:
            s = sent_of[q.start]
            if (
                last is not None
                and last.speaker is not None
                and s - sent_of[last.end - 1] <= INHERIT_SENTENCES
            ):
                q.speaker = last.speaker
                q.inherited = True
                q.far = s - sent_of[last.end - 1] > KEEP_INHERITED.get(q.type, INHERIT_SENTENCES)
            else:
                before = [
                    c for c in leftover if c.end <= q.start and s - sent_of[c.start] <= INHERIT_SENTENCES - 1
                ]
                if before:
                    c = before[-1]
                    q.speaker = (c.start, c.end)
                    q.inherited = True
        if q.speaker is not None:
            last = q
    for q in quotes:
        if q.type in PREVIOUS_SUBJECT_TYPES and (q.speaker is None or q.far):
            subject = previous_subject(q, names, sent_of, words)
            if subject is not None:
                q.speaker = with_parenthesis(words, *with_role(words, subject, names, q), q)
                q.inherited, q.far = True, False
        if q.speaker is None:
            q.speaker = source_adverb(q, words)


#: how many sentences back the attribution of the quote before may lie for a direct quote to share it
SHARE_SENTENCES = 1


def share_attribution(quotes: Sequence[DraftQuote], sent_of: Sequence[int]) -> None:
    """A direct quote that took its speaker from the quote before it, whose attribution stands
    in the sentence right before (``„…“, erklärte Zille bei der Vorstellung. „Ich freue mich …“``),
    shares that quote's cue and frame as well: the dataset annotates the attribution for both.
    Train split: of the 13 gold direct quotes whose speaker is the previous quote's and stands in
    the sentence before, 12 have the same cue and frame (and none has no cue)."""
    for k, q in enumerate(quotes):
        if q.type != "DIR" or not q.inherited or q.far or q.cue or q.frame or q.speaker is None or k == 0:
            continue
        p = next((p for p in reversed(quotes[:k]) if not p.nested), None)
        if p is None or p.speaker != q.speaker or p.inherited or not p.cue:
            continue
        if 0 < sent_of[q.start] - sent_of[q.speaker[0]] <= SHARE_SENTENCES:
            q.cue, q.frame = list(p.cue), list(p.frame)


#: separable verb particles that close an attribution clause (``teilte … mit``, ``stellte … klar``)
CUE_PARTICLES = frozenset(
    {"an", "auf", "aus", "mit", "vor", "zu", "hinzu", "fest", "klar", "bekannt", "hervor", "ein", "hin"}
    | {"dar", "zurück", "ab", "entgegen", "heraus", "nach", "fort", "vorbei", "bei", "los", "offen"}
)
#: what follows a particle at the end of its clause
CLAUSE_ENDS = frozenset({",", ".", ":", ";", "!", "?", "–"})
#: finite auxiliaries of a perfect or passive cue (``hatte … gefordert``, ``wird … vorgeworfen``)
CUE_AUXILIARIES = frozenset(
    {"hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren", "wurde", "wurden", "wird", "werden"}
)
AUXILIARY_REACH = 9
#: pronominal adverbs that belong to the cue verb before them (``geht davon aus``, ``verwies
#: darauf``) and the impersonal ``heißt es``
ADJOINED_ADVERBS = frozenset({"davon", "darauf", "darüber"})
IMPERSONAL_CUES = frozenset({"heißt", "hieß", "heisst", "hiess"})


def _is_participle(w: str) -> bool:
    return w[:1].islower() and w.endswith(("t", "en")) and (w.startswith("ge") or "ge" in w[2:5])


def complete_cue(q: DraftQuote, words: Sequence[str], sent_of: Sequence[int]) -> None:
    """Add to a verb cue the parts the dataset counts with it: the separable particle closing
    its clause (``teilte … mit``, ``forderte die Bürger auf``, ``stellte … klar``) and the finite
    auxiliary of a participle (``hatte … gefordert``, ``wird … vorgeworfen``), both outside the
    message and in the cue's sentence; they join the frame too when the quote has one. Train
    split (gold cues): of 223 cues whose verb is followed in its clause by such a particle right
    before a clause end, 219 include the particle; of 107 cues with a participle and such an
    auxiliary before it in its clause (no punctuation between), all 107 include the
    auxiliary. A pronominal adverb right after a cue word (``davon``, ``darauf``, ``darüber``) is
    part of 30 of 31 such gold cues, the ``es`` of ``heißt es`` of all 29."""
    cue = {i for a, b in q.cue for i in range(a, b)}
    inside = {i for a, b in q.spans for i in range(a, b)}
    n = len(words)
    added: list[int] = []
    verb = next(
        (
            i
            for i in sorted(cue)
            if words[i][:1].islower() and words[i] not in CUE_PARTICLES and words[i].isalpha()
        ),
        None,
    )
    if verb is not None:
        s = sent_of[verb]
        for j in range(verb + 1, n - 1):
            if sent_of[j] != s or j in inside:
                break
            if words[j] in CUE_PARTICLES and words[j + 1] in CLAUSE_ENDS:
                if j not in cue:
                    added.append(j)
                break
    participle = next((i for i in sorted(cue) if _is_participle(words[i])), None)
    if participle is not None:
        s = sent_of[participle]
        for j in range(participle - 1, max(-1, participle - 1 - AUXILIARY_REACH), -1):
            if sent_of[j] != s or j in inside or words[j] in CLAUSE_ENDS:
                break
            if words[j] in CUE_AUXILIARIES:
                if j not in cue:
                    added.append(j)
                break
    for i in cue:
        j = i + 1
        joins = j < n and (words[j] in ADJOINED_ADVERBS or (words[j] == "es" and words[i] in IMPERSONAL_CUES))
        if joins and j not in cue and j not in inside and sent_of[j] == sent_of[i]:
            added.append(j)
    if not added:
        return
    q.cue = _runs(sorted(cue | set(added)))
    if q.frame:
        frame = {i for a, b in q.frame for i in range(a, b)}
        q.frame = _runs(sorted(frame | set(added)))


SENTENCE_ENDS = frozenset({".", "!", "?"})


APPOSITION_NAME = (2, 4)
APPOSITION_ENDS = frozenset({",", ")"})


def with_name_apposition(
    speaker: tuple[int, int], words: Sequence[str], messages: Container[int]
) -> tuple[int, int]:
    """A speaker phrase followed by a name set off by commas (``den Worten der Sprecherin der
    Fraktion, Gisela Piltz, …``) takes the name: train split, of the gold speakers next to
    ``, Name Name ,`` (two to four capitalised words), all 84 include it and none stops before
    it. Only names outside every message; a lower-case apposition (``Celebi, die Anwältin der
    Frau``) stays out (extending over those lost on held-out articles)."""
    a, b = speaker
    n = len(words)
    if b >= n or words[b] != "," or b + 1 in messages:
        return speaker
    j = b + 1
    while (
        j < n
        and j - b - 1 <= APPOSITION_NAME[1]
        and words[j][:1].isupper()
        and words[j].replace("-", "").replace(".", "").isalpha()
        and j not in messages
    ):
        j += 1
    if APPOSITION_NAME[0] <= j - b - 1 <= APPOSITION_NAME[1] and j < n and words[j] in APPOSITION_ENDS:
        return a, j
    return speaker


#: words after which a phrase before ``als`` is the agent of a passive, not an object
AGENT_MARKERS = frozenset({"von", "vom", "durch"})
#: lower-case determiners opening the object noun phrase of a naming verb (``die Handlungsweise``)
OBJECT_DETERMINERS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "diese", "diesen", "dieses"}
    | {"seine", "seinen", "ihre", "ihren", "deren", "dessen"}
)
#: at most this many words between the start of the clause and the cue verb
CLAUSE_SUBJECT_MAX = 12


def _clause_start(words: Sequence[str], i: int, lo: int) -> int:
    """The start of the clause holding ``i``: after the last comma or colon before it, else ``lo``."""
    for k in range(i - 1, lo - 1, -1):
        if words[k] in (",", ":", ";"):
            return k + 1
    return lo


def subject_not_object(
    speaker: tuple[int, int], q: DraftQuote, words: Sequence[str], sent_start: int
) -> tuple[int, int]:
    """The subject before the cue instead of the object the tagger took for the speaker of a
    naming verb (``Milinkewitsch kritisierte | die Handlungsweise Kozulins … als „…“``,
    ``Medienvertreter … bezeichneten jedoch | das Auftreten der Polizei als „…“``): a speaker
    phrase opened by a lower-case determiner between a cue of the quote and the ``als`` opening
    the message is that verb's object. Train split (gold spans): of the 33 gold quotes whose
    message follows ``als``, the 4 with the speaker right before ``als`` are passive agents
    (``von Musikkennern``) or pronouns, which this leaves alone; in all 8 with a gold cue verb
    and a determiner-opened phrase between it and ``als`` whose clause starts with a subject
    candidate, the gold speaker is exactly the clause before the verb (``Der oberste Führer
    Irans, der … als „…“`` gives ``der``)."""
    a, b = speaker
    als = q.start - 2 if q.start >= 2 and words[q.start - 1] == "„" else q.start - 1
    if als < 0 or words[als] != "als" or b > als or words[a] not in OBJECT_DETERMINERS:
        return speaker
    if a > 0 and words[a - 1].lower() in AGENT_MARKERS:
        return speaker
    before = [s for s, _ in q.cue if s < a and s >= sent_start]
    if not before:
        return speaker
    verb = max(before)
    start = _clause_start(words, verb, sent_start)
    if not 0 < verb - start <= CLAUSE_SUBJECT_MAX:
        return speaker
    first = words[start]
    if not (first[:1].isupper() or first.lower() in CUT_PRONOUNS or first in ("der", "die", "das")):
        return speaker
    if first.lower() in SPEAKER_BLOCKING_OPENERS:
        return speaker
    return start, verb


#: clause openers that start an adverbial, not a subject (``Auf …``, ``Nach …``, ``Dabei``)
SPEAKER_BLOCKING_OPENERS = frozenset(
    {"auf", "in", "im", "nach", "bei", "beim", "mit", "am", "an", "zu", "zum", "zur", "für", "aus"}
    | {"von", "vom", "über", "unter", "vor", "seit", "dabei", "dazu", "damit", "so", "auch", "zudem"}
    | {"außerdem", "daraufhin", "dann", "bereits", "schon", "später", "zuvor", "wie", "als", "während"}
)


#: openers of a phrase that cannot be the subject: prepositions and accusative/dative forms
NOT_SUBJECT_OPENERS = frozenset(
    {"Als", "Aus", "Auf", "In", "Im", "Mit", "Bei", "Beim", "Für", "Über", "Unter", "Vor", "Am", "An", "Zu"}
    | {"Zum", "Zur", "Den", "Dem", "Einen", "Einem", "Ihren", "Ihrem", "Seinen", "Seinem", "Diesen"}
    | {"Diesem", "Deren", "Dessen"}
)
#: pronouns that are only ever nominative: after the finite cue they are its subject
NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir"})
#: articles that may open the subject after the verb
SUBJECT_ARTICLES = frozenset({"der", "die", "das"})


def _subject_after(words: Sequence[str], i: int, messages: Container[int]) -> tuple[int, int] | None:
    """The subject right after the finite verb at ``i - 1``: a nominative pronoun, or an
    optional article (with adjectives) and capitalised words (``die NASA``, ``Conze``, ``der
    deutsche Bundesinnenminister Thomas de``…) with a genitive attribute (``der Direktor der
    Behörde``), outside every message."""
    n = len(words)
    if i >= n or i in messages:
        return None
    if words[i] in NOMINATIVE_PRONOUNS:
        return i, i + 1
    j = i + 1 if words[i] in SUBJECT_ARTICLES else i
    if j > i:
        while j < n and _is_adjective(words[j]):
            j += 1
    k = j
    while k < n and k not in messages and words[k][:1].isupper() and words[k].replace("-", "").isalpha():
        k += 1
    if k == j or k - j > 4:
        return None
    g = genitive_end(words, k)
    return i, (g if not any(x in messages for x in range(k, g)) else k)


#: lower-case words after a fronted phrase that are no finite verb
NOT_VERBS = frozenset(
    {"und", "oder", "aber", "für", "von", "vom", "mit", "in", "im", "an", "am", "auf", "aus", "bei", "zu"}
    | {"zum", "zur", "über", "unter", "der", "die", "das", "des", "den", "dem", "ein", "eine", "sowie"}
)


def _finite_verb_like(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` may be the finite verb after a fronted phrase: a lower-case word
    that is no article, preposition or conjunction (the second position of a main clause)."""
    return i < len(words) and words[i].isalpha() and words[i].islower() and words[i] not in NOT_VERBS


def subject_after_cue(
    speaker: tuple[int, int], q: DraftQuote, words: Sequence[str], messages: Container[int], sent_start: int
) -> tuple[int, int]:
    """The subject after the cue verb instead of the fronted phrase the tagger took for the
    speaker when that phrase cannot be a subject (``Als Grund nannte | die NASA …``, ``Ihren
    Widersacher forderte | May auf, …``, ``Die Bürger forderte | er auf``): it opens with a
    preposition or a non-nominative determiner, or the word after the verb is ``er``/``ich``/
    ``wir``. A phrase holding ``zufolge``/``laut`` is a source and stays. Train split (gold
    spans): of the 282 gold speakers right after the verb that follows such a phrase at the
    start of the sentence, the subject found after the verb is the gold speaker exactly in 168,
    overlaps it in 25 and is not found in 89 (the tagged speaker stays); of the 2,694 gold
    speakers, 1 would itself be moved by this rule."""
    a, b = speaker
    if not any(s == b for s, _ in q.cue) and not (a == sent_start and _finite_verb_like(words, b)):
        return speaker
    if words[a] not in NOT_SUBJECT_OPENERS and (
        b + 1 >= len(words) or words[b + 1] not in NOMINATIVE_PRONOUNS
    ):
        return speaker
    if not CUE_FORMS.isdisjoint(words[a:b]):  # ``Den Angaben zufolge``: a source, the speaker
        return speaker
    found = _subject_after(words, b + 1, messages)
    return found if found is not None else speaker


#: lower-case words that may open a speaker phrase besides articles, adjectives and pronouns
SPEAKER_LEADS = frozenset(
    {"sein", "seine", "seiner", "seinen", "seines", "ihr", "ihre", "ihrer", "ihren", "ihres", "dieser"}
    | {"diese", "diesem", "diesen", "dieses", "einige", "einigen", "wonach", "demnach", "denen", "dessen"}
    | {"deren", "welche", "welcher", "welchem", "de", "von", "van", "vom", "aus", "im", "in", "innerhalb"}
    | {"man", "letztere", "beide", "beiden", "alle", "viele", "mehrere", "zwei", "drei", "dieser"}
    | {"sie", "es", "wir", "ich", "er", "du", "ihm", "ihn", "der", "die", "das", "den", "dem", "des"}
    | {"al", "el", "bin", "ibn", "da", "di", "del", "della", "dos", "le", "la", "ten", "ter"}
)


#: lower-case words that show the phrase runs on inside the speaker (``der sich selbst
#: medienwirksam als Gegner … inszenierende Medienunternehmer``): no trimming then
INSIDE_SPEAKER = frozenset({"als", "sich", "selbst", "und", "oder", "wie", "zu"})


def without_leading_verb(speaker: tuple[int, int], words: Sequence[str]) -> tuple[int, int]:
    """A speaker phrase without the lower-case words before its noun phrase that the tagger
    took along (``hat | Staatssekretär Berninger``, ``gestern | ein Sprecher``, ``besteht
    lediglich | der Vorwurf der Regierung``): a speaker opens with an article, a pronoun, an
    adjective, a possessive, a preposition or a name particle (``al``, ``bin``), never a verb
    or an adverb. Train split (gold spans): none of the 2,694 gold speakers is trimmed; of the
    1,132 preceded by a lower-case word, that word (outside the speaker) would be trimmed in
    545 (``hat``, ``gestern``, ``sagte``); the rest are words it keeps (``hatte`` looks like an
    adjective)."""
    a, b = speaker
    while b - a > 1:
        w = words[a]
        if not (w.isalpha() and w.islower()) or w in SPEAKER_LEADS or w in DETERMINERS:
            break
        if _is_adjective(w) or w in PREPOSITIONS:
            break
        if w in INSIDE_SPEAKER:
            return speaker
        a += 1
    return a, b


NUMBERED_NOUNS = frozenset(
    {"Artikel", "Nr.", "Jahr", "Jahre", "Paragraph", "Paragraf", "Absatz", "Januar", "Februar", "März"}
    | {"April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
)
NUMBER_SOURCES = frozenset({"laut", "nach", "gemäß"})


def before_counted_subject(speaker: tuple[int, int], words: Sequence[str]) -> tuple[int, int]:
    """A source after ``laut``/``nach``/``gemäß`` ends before a number and noun that open the
    message's subject (``gemäß der Netzzeitung | 40 Menschen das Leben``, ``nach
    Behördenangaben | 62 Personen``). Train split: 13 gold sources are followed right by a number;
    the 8 with a number inside have it after ``Artikel``, a month, ``Jahr``, ``Nr.`` or a
    preposition, which this leaves alone."""
    a, b = speaker
    if a == 0 or words[a - 1].lower() not in NUMBER_SOURCES:
        return speaker
    for i in range(a + 1, b - 1):
        w = words[i]
        if (
            w[:1].isdigit()
            and words[i - 1][:1].isupper()
            and words[i - 1] not in NUMBERED_NOUNS
            and words[i + 1][:1].isupper()
        ):
            return a, i
    return speaker


def without_final_stop(
    frame: list[tuple[int, int]], words: Sequence[str], sent_of: Sequence[int]
) -> list[tuple[int, int]]:
    """The frame of a trailing attribution (``…, teilte X mit.``) without the sentence's final
    full stop, which the role tagger often labels: train split, of the frames after their
    message that reach the end of the sentence, 111 of 138 indirect and 68 of 78 direct ones
    leave the final stop out."""
    a, b = frame[-1]
    last = b - 1
    final = words[last] in SENTENCE_ENDS and (last + 1 == len(words) or sent_of[last + 1] != sent_of[last])
    if not final:
        return frame
    return frame[:-1] + ([(a, last)] if last > a else [])


def sentence_frame(
    q: DraftQuote,
    words: Sequence[str],
    sent_of: Sequence[int],
    bounds: Sequence[tuple[int, int]],
    messages: Container[int],
) -> list[tuple[int, int]]:
    """The frame of a quote whose cue stands in its message's sentences: the rest of those
    sentences, outside every message, without the final full stop. Train split: every one of the
    1,709 direct and indirect quotes with the cue in the message's sentences has a frame, and this
    rest covers it with token precision 0.93 and recall 0.99 (averaged per quote). Used only where
    the role tagger left the frame empty: replacing its frames as well lost on the folds."""
    if not q.cue:
        return []
    first, last = sent_of[q.start], sent_of[q.end - 1]
    if any(not first <= sent_of[a] <= last or not first <= sent_of[b - 1] <= last for a, b in q.cue):
        return []
    lo, hi = bounds[first][0], bounds[last][1]
    tokens = [
        i
        for i in range(lo, hi)
        if i not in messages
        and not (words[i] in SENTENCE_ENDS and (i + 1 == hi or sent_of[i + 1] != sent_of[i]))
    ]
    return _runs(tokens)


def without_stray_prepositions(cue: list[tuple[int, int]], words: Sequence[str]) -> list[tuple[int, int]]:
    """A cue of several parts loses a lone source preposition among them (``sagte … laut``,
    ``bestätigte … nach Gesprächen``): the preposition introduces another source or is an
    ordinary preposition. Train split: of the 489 gold cues with a lone ``laut``/``nach``/
    ``gemäß``/``zufolge`` part, only 7 have another part."""
    kept = [(a, b) for a, b in cue if not (b - a == 1 and words[a].lower() in SOURCE_CUES)]
    return kept if kept else cue


#: types whose speaker, when their own sentence and the quotes before name none, is mostly the
#: subject of the sentence before (``Lammert würdigte die Bundeswehr … . Die Bundeswehr sei …``)
PREVIOUS_SUBJECT_TYPES = frozenset({"IFI", "FI"})
PREVIOUS_SUBJECT_LABELS = frozenset({"PER"})


def previous_subject(
    q: DraftQuote, names: Sequence[Chunk], sent_of: Sequence[int], words: Sequence[str]
) -> tuple[int, int] | None:
    """A person named in the sentence right before the quote, not after a preposition, or a
    subject pronoun there: the speaker of a free indirect report that continues what that
    sentence said someone did (``Zeller schlägt vor, … . Die Betreiber hätten …``)."""
    s = sent_of[q.start] - 1
    if s < 0:
        return None
    candidates: list[tuple[int, int, Chunk]] = []
    for c in names:
        if c.start >= q.start:
            break
        if (
            sent_of[c.start] != s
            or c.label not in PREVIOUS_SUBJECT_LABELS
            or _after_preposition(words, c.start)
        ):
            continue
        candidates.append((0, c.start, c))
    lo = q.start
    while lo > 0 and sent_of[lo - 1] >= s:
        lo -= 1
    for i in range(lo, q.start):
        if sent_of[i] != s or words[i] not in SUBJECT_PRONOUNS:
            continue
        if (words[i][0] == "S" and i > lo) or (i > 0 and words[i - 1].lower() in PREPOSITIONS):
            continue
        candidates.append((PRONOUN_RANK, i, Chunk("PRON", i, i + 1)))
    if not candidates:
        return None
    best = min(candidates, key=lambda x: (x[0], x[1]))[2]
    return best.start, best.end


def nested_direct(
    quotes: list[DraftQuote], quoted: list[Quoted], words: Sequence[str] = ()
) -> list[DraftQuote]:
    """Quoted words inside a paraphrase (indirect, reported, …): direct quotes with the same
    speaker, cue, addressee and frame (the train split's nested quotes share the cue and frame
    of their paraphrase in about 70% of cases, the speaker in 80%)."""
    out: list[DraftQuote] = []
    for q in quotes:
        if q.type == "DIR":
            continue
        for m in quoted:
            if m.end - m.start < 3 or (words and is_title(words, m)):
                continue
            if any(a <= m.start and m.end <= b for a, b in q.spans):
                out.append(
                    DraftQuote(
                        type="DIR",
                        spans=[(m.start, m.end)],
                        speaker=q.speaker,
                        cue=list(q.cue),
                        addressee=q.addressee,
                        frame=list(q.frame),
                        inherited=q.inherited,
                        nested=True,
                    )
                )
    return out


CONTINUATION_TYPES = frozenset({"IFI", "FI"})


def nested_attribution(quotes: Sequence[DraftQuote]) -> None:
    """Quoted words inside a continued report (``Stoiber begründete seinen Rückzug mit … .
    Damit seien „der Kurs … nicht mehr so klar“.``) take the cue and frame of the quote whose
    speaker the report inherited: the report itself has no cue, its quoted words do. Train
    split: of the 36 nested direct quotes inside an indirect/free indirect report without a cue,
    24 have a cue, all of it in an earlier sentence."""
    outer_of = [q for q in quotes if not q.nested]
    for q in quotes:
        if not q.nested or q.cue or not q.inherited:
            continue
        outer = next((o for o in outer_of if any(a <= q.start and q.end <= b for a, b in o.spans)), None)
        if outer is None or outer.type not in CONTINUATION_TYPES or outer.far or outer.cue:
            continue
        source = next(
            (
                p
                for p in reversed(outer_of)
                if p.end <= outer.start and p.speaker == outer.speaker and not p.inherited and p.cue
            ),
            None,
        )
        if source is not None:
            q.cue, q.frame = list(source.cue), list(source.frame)


def _has_words(words: Sequence[str], q: DraftQuote) -> bool:
    return any(ch.isalnum() for a, b in q.spans for i in range(a, b) for ch in words[i])


def freed_quotations(
    dropped: list[DraftQuote], quoted: list[Quoted], words: Sequence[str]
) -> list[DraftQuote]:
    """The quotations inside paraphrases that were dropped for want of attribution: a long quoted
    stretch stands as a direct quote of its own, as :func:`force_direct` would have made it had
    the tagger not taken it for part of a paraphrase (``bezeichnete den Gipfel als das „größte
    Ereignis …“``). Held-out folds: direct recall 0.970 → 0.974, message and joint F1 unchanged;
    short quoted phrases freed as well (:func:`is_wording`) cost precision."""
    out: list[DraftQuote] = []
    for q in dropped:
        for m in quoted:
            if m.depth != 0 or is_title(words, m) or not any(a <= m.start and m.end <= b for a, b in q.spans):
                continue
            if m.end - m.start - 2 >= LONG_QUOTE:
                out.append(DraftQuote(type="DIR", spans=[(m.start, m.end)]))
    return out


#: quoted stretches this long (inner tokens) are direct quotes in 95% of the train split
LONG_QUOTE = 7


def is_wording(words: Sequence[str], q: Quoted) -> bool:
    """A short quoted phrase with a lower-case word renders someone's wording (``„reine
    Spekulation“``); an all-capitalised one is mostly a name or title (``„Washington Post“``)."""
    inner = words[q.start + 1 : q.end - 1]
    return 2 <= len(inner) <= WORDING_MAX and any(w[:1].islower() for w in inner)


#: longest quoted phrase (tokens) that :func:`is_wording` judges; longer ones are the tagger's
WORDING_MAX = 6


def _paraphrase_goes_on(labels: Sequence[str], q: Quoted) -> bool:
    """Whether the message labelled inside a quoted stretch reaches beyond its marks: a paraphrase
    quoting words, not a quotation the tagger gave the wrong type."""
    before = q.start > 0 and labels[q.start - 1] != "O"
    after = q.end < len(labels) and labels[q.end].startswith("I-")
    return before or after


def force_direct(
    msg: Sequence[str],
    quoted: list[Quoted],
    words: Sequence[str] = (),
    sent_starts: Sequence[int] = (),
    vetoed: Container[int] = (),
) -> list[str]:
    """Message labels with quote marks trusted: a long quoted stretch is a direct quote, and a
    quoted stretch the tagger labelled direct in part is direct as a whole; so is a quoted word
    someone is said to have called something (:func:`is_epithet`). A stretch that is a title
    (:func:`is_title`) or that the learned judge vetoes (``vetoed``: start indices, see
    :mod:`quote_stretches`) is none."""
    out = list(msg)
    for q in quoted:
        if q.depth != 0:
            continue
        inner = range(q.start + 1, q.end - 1)
        labels = {out[i][2:] for i in inner if out[i] != "O"}
        long = q.end - q.start - 2 >= LONG_QUOTE
        if (
            labels - {"DIR"}
            and long
            and len([i for i in inner if out[i][2:] not in ("", "DIR")]) > len(inner) // 2
            and _paraphrase_goes_on(out, q)
        ):
            continue  # mostly a paraphrase around it: nested_direct takes care of it
        if q.start in vetoed or (words and is_title(words, q)):
            if all(out[i][2:] == "DIR" for i in range(q.start, q.end)) and not (
                q.end < len(out) and out[q.end] == "I-DIR"
            ):
                for i in range(q.start, q.end):
                    out[i] = "O"
            continue
        if (
            long
            or "DIR" in labels
            or (words and not labels and (is_wording(words, q) or is_epithet(words, q, sent_starts)))
        ):
            out[q.start] = "B-DIR"
            for i in range(q.start + 1, q.end):
                out[i] = "I-DIR"
            if q.end < len(out) and out[q.end].startswith("I-"):
                out[q.end] = "B-" + out[q.end][2:]
    return out


#: forms of the verbs that call something by a word: ``nannte den Bericht eine „Zeitungsente“``,
#: ``bezeichnete das als „Fest“``, ``warfen der Regierung „Wortbruch“ vor``, ``sprach von einem …``
NAMING_VERBS = frozenset(
    [
        "nannte",
        "nannten",
        "nennt",
        "nennen",
        "genannt",
        "bezeichnete",
        "bezeichneten",
        "bezeichnet",
        "bezeichnen",
        "warf",
        "warfen",
        "wirft",
        "werfen",
        "vorgeworfen",
        "vorwerfen",
        "sprach",
        "sprachen",
        "spricht",
        "sprechen",
    ]
)
INDEFINITE_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer"})
#: ``so genannte „Rosinenbomber“``: a name, not a quotation
SO_CALLED = frozenset({"genannte", "genannten", "genannter", "sogenannte", "sogenannten", "sogenannter"})


def is_epithet(words: Sequence[str], q: Quoted, sent_starts: Sequence[int] = ()) -> bool:
    """A single quoted word that someone called something: after ``als`` (lower-case, or with a
    naming verb in the sentence) or after an indefinite article with a naming verb, unless an
    impersonal ``man`` does the naming. In the train split 13 of 17 such words are direct quotes
    (of all capitalised single quoted words, 7%)."""
    if q.end - q.start != 3 or q.start == 0:
        return False
    word, before = words[q.start + 1], words[q.start - 1].lower()
    if not word[:1].isalpha() or before not in ("als", *INDEFINITE_ARTICLES):
        return False
    if q.start >= 2 and words[q.start - 2].lower() in SO_CALLED:
        return False
    if before == "als" and word[:1].islower():
        return True
    k = bisect_right(sent_starts, q.start) - 1
    lo = sent_starts[k] if k >= 0 else 0
    hi = sent_starts[k + 1] if k + 1 < len(sent_starts) else len(words)
    sentence = words[lo:hi]
    # ``Dies nennt man einen „Aktiensplit“``: a term, nobody's words
    return "man" not in sentence and any(w in NAMING_VERBS for w in sentence)


#: lower-case words that do not make a quoted phrase someone's wording: function words of names
#: and titles in other languages (``Department of Vertebrate Zoology``, ``Partij voor de Vrijheid``)
NAME_WORDS = frozenset(
    {"of", "for", "the", "and", "du", "de", "la", "le", "les", "pour", "un", "une", "voor"}
    | {"del", "di", "da", "y", "et", "on", "at", "to", "a", "an", "van"}
)


def is_title(words: Sequence[str], q: Quoted) -> bool:
    """A quoted phrase of 2–6 words whose words are all capitalised or function words of names:
    a title or name, not a quotation (239 of 243 all-capitalised such phrases in the train split
    are no direct quote, 51 of 63 with only name function words)."""
    inner = [w for w in words[q.start + 1 : q.end - 1] if any(ch.isalnum() for ch in w)]
    if not 2 <= len(inner) <= WORDING_MAX:
        return False
    return all(not w[:1].islower() or w in NAME_WORDS for w in inner)


#: ``wird von der „Netzeitung“ zitiert``: the person quoted and the medium quoting them
CITED = frozenset({"zitiert", "zitierte", "zitierten"})
MEDIUM_OPENERS = frozenset({"von", "vom", "im", "in"})


def cited_twice(
    quotes: list[DraftQuote],
    words: Sequence[str],
    roles: Sequence[str],
    sent_of: Sequence[int],
    bounds: Sequence[tuple[int, int]],
) -> list[DraftQuote]:
    """A direct quote that a medium is said to quote (``X wird von der „Netzeitung“ zitiert``)
    once more, with the medium as speaker: the dataset annotates such quotes twice, once per
    source (7 of the 13 direct quotes with ``zitiert`` in their frame in the train split). The
    medium is the other tagged speaker of the sentence, or the ``von …`` part of the speaker
    phrase (``Hoyzer von Spiegel-Online``), which then leaves the person as the first speaker;
    with no medium to name (``In der Mitteilung wird Musk wie folgt zitiert``) the person speaks
    both (held-out folds: 6 of the 7 direct quotes with ``zitiert`` are annotated twice, some
    with the person twice; direct recall 0.959 → 0.970)."""
    out: list[DraftQuote] = []
    for q in quotes:
        if q.type != "DIR" or q.speaker is None or q.inherited:
            continue
        s = sent_of[q.start]
        lo, hi = bounds[s][0], bounds[sent_of[q.end - 1]][1]
        if not any(words[i] in CITED and not _inside_message(q, i) for i in range(lo, hi)):
            continue
        a, b = q.speaker
        medium: tuple[int, int] | None = None
        for c in chunks(roles[lo:hi]):
            start, end = c.start + lo, c.end + lo
            if c.label == "SPK" and not (start < b and a < end) and not _inside_message(q, start):
                medium = (start, end)
                break
        if medium is None:
            cut = next((i for i in range(a + 1, b) if words[i] in MEDIUM_OPENERS), None)
            if cut is None:
                # no medium to name (``wird Musk wie folgt zitiert``): the second annotation
                # mostly repeats the person or names the page, so the person speaks both
                medium = (a, b)
            else:
                q.speaker, medium = (a, cut), (cut, b)
        out.append(
            DraftQuote(
                type="DIR",
                spans=list(q.spans),
                speaker=medium,
                cue=list(q.cue),
                addressee=q.addressee,
                frame=list(q.frame),
            )
        )
    return out


def _inside_message(q: DraftQuote, i: int) -> bool:
    return any(a <= i < b for a, b in q.spans)


def assemble(
    words: Sequence[str],
    msg: Sequence[str],
    roles: Sequence[str],
    sent_starts: Sequence[int],
    quoted: list[Quoted],
    names: Sequence[Chunk] = (),
    chooser: speaker_choice.SpeakerChooser | None = None,
) -> list[DraftQuote]:
    """All quotations of a document from its token labels, in reading order.

    ``names``: PER/ORG name mentions (token chunks labelled with the entity label), if known;
    ``chooser``: the learned speaker chooser (:mod:`speaker_choice`), if the model has one."""
    n = len(words)
    sent_of = [0] * n
    bounds: list[tuple[int, int]] = []
    for k, start in enumerate(sent_starts):
        end = sent_starts[k + 1] if k + 1 < len(sent_starts) else n
        bounds.append((start, end))
        for i in range(start, end):
            sent_of[i] = k
    msg, roles = list(msg), list(roles)
    source_attributes(words, msg, roles)
    speaker_parenthesis(words, msg, roles)
    # a run of punctuation alone (a full stop left over when a rule took the words before it)
    # says nothing
    quotes = [q for q in group_messages(words, msg, roles, sent_of) if _has_words(words, q)]
    leftover = attach_roles(words, quotes, roles, sent_of, bounds, names, chooser)
    vocabulary = set(words)
    gegenueber = "gegenüber" in vocabulary or "Gegenüber" in vocabulary
    heisst = "heißt" in vocabulary or "hieß" in vocabulary
    for q in quotes:
        if q.addressee is None and gegenueber:
            q.addressee = addressee_after_gegenueber(words, q, sent_of)
    inherit_speakers(quotes, leftover, sent_of, names, words, roles, chooser)
    for q in quotes:
        document = document_speaker(q, words, sent_of) if heisst else None
        if document is not None:
            q.speaker, q.inherited, q.far = document, False, False
        accused_not_speaker(q, words, sent_of)
        if q.addressee is None:
            q.addressee = object_addressee(q, words, sent_of)
    dropped = [q for q in quotes if q.type in NEED_ATTRIBUTION and not attributed(q, words)]
    quotes = [q for q in quotes if q.type not in NEED_ATTRIBUTION or attributed(q, words)]
    for q in quotes:
        if len(q.cue) > 1:
            q.cue = without_stray_prepositions(q.cue, words)
        if q.cue:
            complete_cue(q, words, sent_of)
    messages = {i for q in quotes for a, b in q.spans for i in range(a, b)}
    for q in quotes:
        if not q.frame:
            q.frame = sentence_frame(q, words, sent_of, bounds, messages)
        elif q.cue and q.cue[0][0] >= q.end:
            q.frame = without_final_stop(q.frame, words, sent_of)
    for q in quotes:
        if q.speaker is not None:
            q.speaker = with_name_apposition(q.speaker, words, messages)
            q.speaker = before_counted_subject(q.speaker, words)
            q.speaker = without_leading_verb(q.speaker, words)
            q.speaker = subject_not_object(q.speaker, q, words, bounds[sent_of[q.speaker[0]]][0])
            q.speaker = subject_after_cue(q.speaker, q, words, messages, bounds[sent_of[q.speaker[0]]][0])
    share_attribution(quotes, sent_of)
    quotes.extend(cited_twice(quotes, words, roles, sent_of, bounds))
    quotes.extend(nested_direct(quotes, quoted, words))
    nested_attribution(quotes)
    quotes.extend(freed_quotations(dropped, quoted, words))
    for q in quotes:
        if q.far:
            q.speaker, q.inherited = None, False
            q.speaker = adverb_after_far(q, words)
        if not q.frame and adverb_cue(q, words):
            q.frame = list(q.cue)
    quotes.sort(key=lambda q: (q.start, q.nested))
    return quotes


#: words that mark a message as reported even in the indicative: the hearsay modal and the
#: source prepositions but ``nach`` (mostly an ordinary preposition; see :func:`_reported`)
REPORT_MARKERS = HEARSAY_MODALS | (CUE_FORMS - {"nach", "Nach", "NACH"})


def _reported(words: Sequence[str], s: int, e: int, subjunctive: frozenset[str]) -> bool:
    """Whether ``words[s:e]`` holds a subjunctive form, a marker of :data:`REPORT_MARKERS` or
    ``nach`` before a source noun (``Nach einer Stellungnahme der Armee befand sich …``)."""
    part = words[s:e]
    if not subjunctive.isdisjoint(part) or not REPORT_MARKERS.isdisjoint(part):
        return True
    return any(
        words[i].lower() == "nach" and not SOURCE_NOUNS.isdisjoint(words[i + 1 : i + 3]) for i in range(s, e)
    )


def indicative_unattributed(q: DraftQuote, words: Sequence[str], subjunctive: frozenset[str]) -> bool:
    """Whether ``q`` is an indirect quote kept only by a speaker inherited from far back (no cue,
    the speaker dropped) whose message holds no subjunctive form: a plain statement of the
    article (``Die Veranstaltung wurde von Demonstranten begleitet.``) the tagger took for a
    report. Its nested direct quotes, already made, stay (dropping them too cost direct recall
    in the fourth round). In the train split only 43 of the 1,541 annotated indirect quotes
    have no cue, and 17 of those are indicative (:func:`_reported` false); on the held-out folds
    this drops 9 quotes, 7 of them not annotated (message F1 +0.001, precision +0.002)."""
    if q.type != "IND" or not q.far or q.cue or q.speaker is not None:
        return False
    return not any(_reported(words, s, e, subjunctive) for s, e in q.spans)


# at the end: the chooser reads this module's helpers when it is imported
from . import speaker_choice  # noqa: E402
