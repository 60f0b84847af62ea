"""Word features for the CRF name tagger, cached per word type.

Why cached: a news corpus repeats its words, so each distinct word's features (shape, affixes,
gazetteer membership) are built once per process and a token's feature list is the concatenation
of its own cached list and its neighbours' cached context views. That keeps the tagger well inside
the pipeline's speed budget (see ``bench/component.py entities``). Training and tagging use this same
module, so the features cannot drift apart.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .ner_lexicon import COUNTRY_SHORT, ORG_SUFFIXES, adjective_place, role_stem


@dataclass(frozen=True)
class NameLists:
    """Gazetteer word lists (built by ``training/build_gazetteers.py``)."""

    first: frozenset[str]
    sur: frozenset[str]
    loc: frozenset[str]
    wordclass: dict[str, str]  # capitalised word -> N (common noun), P (proper noun), L (also lower case)
    #: word -> its distributional cluster ids at three granularities (training/build_wordclusters.py)
    clusters: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    #: capitalised word -> the label a tagger gives it most often in unlabelled news
    #: (training/build_corpus_names.py)
    corpus: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def name_lists() -> NameLists:
    """The packaged first-name, surname and location lists."""
    raw = resources.files("wortlaut").joinpath("models/ner/names.tsv.gz").read_bytes()
    first: set[str] = set()
    sur: set[str] = set()
    loc: set[str] = set(COUNTRY_SHORT)
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        kind, _, word = line.partition("\t")
        if kind == "first":
            first.add(word)
        elif kind == "sur":
            sur.add(word)
        elif kind == "loc":
            loc.add(word)
    classes: dict[str, str] = {}
    raw = resources.files("wortlaut").joinpath("models/ner/wordclass.tsv.gz").read_bytes()
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, _, cls = line.partition("\t")
        classes[word] = cls
    clusters: dict[str, tuple[str, str, str]] = {}
    raw = resources.files("wortlaut").joinpath("models/ner/clusters.tsv.gz").read_bytes()
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, coarse, mid, fine = line.split("\t")
        clusters[word] = (coarse, mid, fine)
    corpus: dict[str, str] = {}
    path = resources.files("wortlaut").joinpath("models/ner/corpusnames.tsv.gz")
    if path.is_file():
        for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
            word, _, label = line.partition("\t")
            corpus[word] = label
    return NameLists(frozenset(first), frozenset(sur), frozenset(loc), classes, clusters, corpus)


def shape(word: str) -> str:
    """Collapsed character classes: ``Stoltenberg`` → ``Xx``, ``NATO-Chef`` → ``X-Xx``, ``3000`` → ``d``."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


def _cluster_features(word: str, lists: NameLists) -> list[str]:
    """The word's distributional clusters (``c0=``/``c1=``/``c2=``: 50/200/800 clusters); a word
    not in the table falls back to its lower-case or capitalised form (``clow``), and an unknown
    capitalised word says so (``cunk``): rare capitalised words are names more often."""
    c = lists.clusters.get(word)
    extra: list[str] = []
    if c is None:
        c = lists.clusters.get(word.lower()) or lists.clusters.get(word.capitalize())
        if c is not None:
            extra.append("clow")
    if c is None:
        return ["cunk"] if word[:1].isupper() else []
    return [*extra, "c0=" + c[0], "c1=" + c[1], "c2=" + c[2]]


def _gazetteer_flags(word: str, lists: NameLists) -> list[str]:
    flags = []
    if word in lists.first:
        flags.append("fn")
    if word in lists.sur:
        flags.append("sn")
    if word in lists.loc:
        flags.append("loc")
    cg = lists.corpus.get(word)
    if cg:
        flags.append("cg" + cg)
    if word.endswith("s") and len(word) > 3:
        stem = word[:-1]
        if stem in lists.first or stem in lists.sur:
            flags.append("gper")
        if stem in lists.loc:
            flags.append("gloc")
    return flags


#: A word's features as seen at its own position and from its neighbours' positions, in this
#: order: own, as the previous word of some token, as the next word, as the word two before
#: (empty or one feature), as the word two after. A plain tuple of tuples of strings, not a class:
#: the garbage collector stops tracking such tuples after a pass or two over them, so the ~70
#: cached views per article never pile up as long-lived objects that make full collections due
#: (docs/pipeline-speed.md). Read them by unpacking: ``own, prev, nxt, far_prev, far_next = v``.
WordViews = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def build_views(word: str, lists: NameLists, known: frozenset[str] | None = None) -> WordViews:
    """The feature views of ``word``; with ``known``, only the features a model knows (crfsuite
    ignores the others, so tags stay the same while the tagger does less)."""
    low = word.lower()
    sh = shape(word)
    # no bias feature and no "short word" flag: measured, dropping them costs nothing and saves time
    own = ["w=" + low, "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:], "p3=" + low[:3], "sh=" + sh]
    cap = word[:1].isupper()
    if cap:
        own.append("cap")
    if len(word) > 1 and word.isupper():
        own.append("allcap")
    gaz = _gazetteer_flags(word, lists)
    wc = lists.wordclass.get(word)
    if wc:
        gaz.append("wc" + wc)
    own.extend(gaz)
    clusters = _cluster_features(word, lists)
    own.extend(clusters)
    if word in lists.sur and wc in (None, "P"):
        # the surname list also holds common nouns (Haus, Bank, Morgen): this flag leaves them out
        gaz.append("snc")
        own.append("snc")
    role = role_stem(word) if cap else None
    if role:
        own.append("role")
    if adjective_place(word):
        own.append("adjloc")
    if cap and low.endswith(ORG_SUFFIXES):
        own.append("orgsfx")
    if "-" in word and len(word) > 2:
        head, _, tail = word.partition("-")
        own.append("hl=" + tail.lower()[-5:])
        if head.isupper():
            own.append("hcaps")
        if head in lists.loc:
            own.append("hloc")
        if head in lists.sur or head in lists.first:
            own.append("hper")
    prev = ["-1w=" + low, "-1sh=" + sh]
    nxt = ["+1w=" + low, "+1sh=" + sh]
    for g in gaz:
        prev.append("-1" + g)
        nxt.append("+1" + g)
    if role:
        prev.append("-1role")
        nxt.append("+1role")
    far_prev: tuple[str, ...] = ("-2w=" + low,)
    far_next: tuple[str, ...] = ("+2w=" + low,)
    if known is not None:
        keep = known.__contains__  # filter() with a C predicate: no Python frame per feature
        own, prev, nxt = list(filter(keep, own)), list(filter(keep, prev)), list(filter(keep, nxt))
        far_prev, far_next = tuple(filter(keep, far_prev)), tuple(filter(keep, far_next))
    return (tuple(own), tuple(prev), tuple(nxt), far_prev, far_next)


class FeatureCache:
    """Per-word-type feature views, built on first sight and kept for the process.

    With ``known`` (the model's attributes, :func:`wortlaut.nlp.ner_tagger.model_attributes`)
    each view keeps only features the model knows: the tags are the same, the tagger does less.
    Training passes none (it must see every feature).
    """

    def __init__(
        self, lists: NameLists | None = None, max_size: int = 500_000, known: frozenset[str] | None = None
    ) -> None:
        self.lists = lists or name_lists()
        self.views: dict[str, WordViews] = {}
        self.max_size = max_size
        self.known = known

    def view(self, word: str) -> WordViews:
        v = self.views.get(word)
        if v is None:
            if len(self.views) >= self.max_size:
                self.views.clear()
            v = self.views[word] = build_views(word, self.lists, self.known)
        return v

    def sentence(self, words: list[str]) -> list[tuple[str, ...]]:
        """Feature tuples for every word of one sentence (tuples concatenate in C: fast)."""
        views = [self.view(w) for w in words]
        n = len(views)
        if n == 1:
            return [views[0][0] + _BOS_EOS]
        # indices as in WordViews: 0 own, 1 prev, 2 next, 3 far_prev, 4 far_next
        out: list[tuple[str, ...]] = [views[0][0] + _BOS + views[1][2] + (views[2][4] if n > 2 else ())]
        for i in range(1, n - 1):
            out.append(
                views[i][0]
                + views[i - 1][1]
                + views[i + 1][2]
                + (views[i - 2][3] if i > 1 else ())
                + (views[i + 2][4] if i < n - 2 else ())
            )
        out.append(views[n - 1][0] + views[n - 2][1] + (views[n - 3][3] if n > 2 else ()) + _EOS)
        return out


_BOS: tuple[str, ...] = ("BOS",)
_EOS: tuple[str, ...] = ("EOS",)
_BOS_EOS: tuple[str, ...] = ("BOS", "EOS")
