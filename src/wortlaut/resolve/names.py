"""Canonical names within one article: which mentions are the same entity, and what it is called.

News introduce a person once in full (``Jens Stoltenberg``) and then use the surname, a title
with the surname, or an inflected form (``Putins``). The rules here, in order:

- A mention's *form* drops a genitive ending when the bare form is known (seen elsewhere in the
  article, or in the name lists), leading titles (``Dr.``, ``Herr``) and, for an organisation
  branch (``ARD-Studio Brüssel``), everything but the organisation's acronym.
- Persons: a full name (two or more words) starts a cluster; a single word joins the cluster whose
  last word it is — the nearest one before it when two share a surname (``Smith`` after
  ``Julianne Smith``); a single word with no full name stays its own entity.
- Everything else: the same form (case- and accent-folded) is the same entity.
- A single-word mention the tagger labelled ORG/LOC/MISC that equals a person's surname joins the
  person: the tagger's label is less reliable than the article's own introduction of the name.
- The canonical name is the longest form in the cluster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from ..nlp.ner_lexicon import BRANCH_WORDS, NAME_TITLES
from .corpus import fold


@dataclass
class RawMention:
    """A word-level mention as the tagger (or a rule) found it."""

    start: int
    end: int
    text: str
    label: str
    words: list[str]
    form: str = ""  # the mention's name after normalisation (set by :func:`normalise_forms`)


@dataclass
class Cluster:
    label: str
    mentions: list[RawMention] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The longest form (most words, then most characters); ties go to the first seen."""
        best = self.mentions[0].form
        for m in self.mentions[1:]:
            if (len(m.form.split()), len(m.form)) > (len(best.split()), len(best)):
                best = m.form
        return best


def strip_titles(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) - 1 and words[i].lower() in NAME_TITLES:
        i += 1
    return words[i:]


def branch_acronym(words: list[str]) -> str | None:
    """``ARD-Studio Brüssel`` → ``ARD``: a branch of an organisation is linked to the organisation."""
    head, sep, tail = words[0].partition("-")
    if sep and head.isupper() and len(head) >= 2 and tail.lower() in BRANCH_WORDS:
        return head
    return None


def genitive_base(word: str, known: Collection[str]) -> str:
    """``Putins`` → ``Putin`` when ``Putin`` is known; ``Merz'`` → ``Merz``; else ``word``."""
    if word.endswith("'") and word[:-1] in known:
        return word[:-1]
    for ending in ("s", "es"):
        if word.endswith(ending) and len(word) > len(ending) + 2 and word[: -len(ending)] in known:
            return word[: -len(ending)]
    return word


def normalise_forms(
    mentions: list[RawMention],
    lexicon: set[str],
    surnames: Collection[str] = frozenset(),
    first_names: Collection[str] = frozenset(),
) -> None:
    """Set each mention's ``form``. ``lexicon`` holds place names that count as known bases;
    ``surnames`` are known bases for persons' last words unless the word is a first name itself
    (``Putins`` → ``Putin``, but ``Jens`` and ``Hans`` stay)."""
    known = set(lexicon)
    for m in mentions:
        known.add(m.words[-1] if m.label == "PER" else " ".join(m.words))
    for m in mentions:
        words = strip_titles(m.words) if m.label == "PER" else list(m.words)
        acronym = branch_acronym(words) if m.label == "ORG" else None
        if acronym:
            m.form = acronym
            continue
        last = words[-1]
        base = genitive_base(last, known)
        if base == last and m.label == "PER" and last not in first_names:
            base = genitive_base(last, surnames)
        words[-1] = base
        m.form = " ".join(words)


def cluster_mentions(mentions: list[RawMention]) -> list[Cluster]:
    """Group an article's mentions (in text order) into entities (in order of first mention)."""
    clusters: list[Cluster] = []
    by_form: dict[tuple[str, str], Cluster] = {}
    surname_owner: dict[str, list[Cluster]] = {}
    for m in mentions:
        if m.label == "PER" and len(m.form.split()) >= 2:
            key = ("PER", fold(m.form))
            c = by_form.get(key)
            if c is None:
                c = by_form[key] = Cluster("PER")
                clusters.append(c)
                surname_owner.setdefault(fold(m.form.split()[-1]), []).append(c)
            c.mentions.append(m)
    # Earlier full names take precedence: a later mention joins the nearest full name before it.
    first_pos = {id(c): c.mentions[0].start for c in clusters}
    for m in mentions:
        if m.label == "PER" and len(m.form.split()) >= 2:
            continue
        single = len(m.form.split()) == 1
        owners = surname_owner.get(fold(m.form), []) if single else []
        if owners:
            before = [c for c in owners if first_pos[id(c)] <= m.start]
            owner = max(before, key=lambda c: first_pos[id(c)]) if before else owners[0]
            owner.mentions.append(m)
            continue
        key = (m.label, fold(m.form))
        c = by_form.get(key)
        if c is None:
            c = by_form[key] = Cluster(m.label)
            clusters.append(c)
        c.mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda x: x.start)
    clusters = _merge_label_variants(clusters)
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


def _merge_label_variants(clusters: list[Cluster]) -> list[Cluster]:
    """One form tagged with two labels in one article (``NATO`` as ORG and LOC) is one entity,
    labelled by majority (ties: the label of the first mention)."""
    groups: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.label == "PER" and len(c.name.split()) >= 2:
            groups.setdefault(f"#{id(c)}", []).append(c)
        else:
            groups.setdefault(fold(c.name), []).append(c)
    merged: list[Cluster] = []
    for group in groups.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        votes = Counter(c.label for c in group for _ in c.mentions)
        first = min(group, key=lambda c: c.mentions[0].start)
        top = max(votes.values())
        label = first.label if votes[first.label] == top else votes.most_common(1)[0][0]
        mentions = sorted((m for c in group for m in c.mentions), key=lambda x: x.start)
        merged.append(Cluster(label, mentions))
    return merged
