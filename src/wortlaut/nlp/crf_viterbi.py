"""Tagging every sentence of a document at once with the name tagger's CRF weights.

Why: the name tagger's features are views of single words (`ner_features.WordViews`:
the word as itself, as the previous or next word, as the word two before or after), so each
word type's contribution to the label scores can be summed once and kept, and a document's
scores become a few array additions. Viterbi then runs over all of its sentences together,
one step per position of the longest sentence, instead of one crfsuite call per sentence that
converts every feature string. The tags are crfsuite's own: ``tests/test_crf_viterbi.py`` checks
this on real text, and the tagger falls back to crfsuite when a model file cannot be read.
"""

from __future__ import annotations

import threading

import numpy as np

from .crf_file import CrfWeights
from .ner_features import FeatureCache

#: the five views of a word, in the order of the rows of its score block
_OWN, _PREV, _NEXT, _FAR_PREV, _FAR_NEXT = range(5)


class ViewDecoder:
    """Label scores per word type, cached, and a batched Viterbi over a document's sentences."""

    def __init__(self, weights: CrfWeights, features: FeatureCache, max_words: int = 100_000) -> None:
        # one all-zero attribute row at the end stands for features the model does not know
        state = np.vstack([weights.state, np.zeros((1, weights.state.shape[1]))])
        self.weights = CrfWeights(weights.labels, weights.attributes, state, weights.transitions)
        self.features = features
        self.labels = weights.labels
        n_labels = len(weights.labels)
        self._bos = self._score(("BOS",))
        self._eos = self._score(("EOS",))
        self.max_words = max_words
        self._rows: dict[str, int] = {}
        self._table = np.zeros((1024, 5, n_labels))
        self._lock = threading.Lock()

    def _score(self, attributes: tuple[str, ...]) -> np.ndarray:
        index = self.weights.attributes
        ids = [index[a] for a in attributes if a in index]
        return self.weights.state[ids].sum(axis=0)

    def _add_rows(self, words: list[str]) -> None:
        """Score blocks for words not seen before, summed in one vectorised pass (a new word
        type costs little more than building its features)."""
        first = len(self._rows)
        needed = first + len(words)
        if needed > len(self._table):
            size = max(needed, min(2 * len(self._table), self.max_words))
            grown = np.zeros((size, *self._table.shape[1:]))
            grown[:first] = self._table[:first]
            self._table = grown
        attrs: list[str] = []
        sizes: list[int] = []
        view = self.features.view
        for row, word in enumerate(words, first):
            own, prev, nxt, far_prev, far_next = view(word)
            attrs += own + prev + nxt + far_prev + far_next
            sizes += (len(own), len(prev), len(nxt), len(far_prev), len(far_next))
            self._rows[word] = row
        index = self.weights.attributes
        unknown = len(self.weights.state) - 1  # the all-zero row added by __init__
        try:
            ids = list(map(index.__getitem__, attrs))  # the cache keeps only known features
        except KeyError:
            ids = [index.get(a, unknown) for a in attrs]
        blocks = np.zeros((len(sizes), self._table.shape[2]))
        lengths = np.array(sizes)
        filled = lengths > 0
        if ids:
            starts = (np.cumsum(lengths) - lengths)[filled]
            blocks[filled] = np.add.reduceat(self.weights.state[ids], starts, axis=0)
        self._table[first:needed] = blocks.reshape(len(words), 5, -1)

    def emissions(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Label scores of every word (all sentences end to end) and each sentence's length."""
        with self._lock:  # the table may grow (and be replaced) while rows are added
            words = [w for s in sentences for w in s]
            known = self._rows
            missing = [w for w in dict.fromkeys(words) if w not in known]
            if missing and len(known) + len(missing) > self.max_words:
                known.clear()  # start over: every word of this document gets a fresh row
                missing = list(dict.fromkeys(words))
            if missing:
                self._add_rows(missing)
            m = self._table[[known[w] for w in words]]
        lengths = np.fromiter((len(s) for s in sentences), dtype=np.intp, count=len(sentences))
        sent = np.repeat(np.arange(len(sentences)), lengths)
        e = m[:, _OWN].copy()
        same = (sent[1:] == sent[:-1])[:, None]
        e[1:] += m[:-1, _PREV] * same
        e[:-1] += m[1:, _NEXT] * same
        same = (sent[2:] == sent[:-2])[:, None]
        e[2:] += m[:-2, _FAR_PREV] * same
        e[:-2] += m[2:, _FAR_NEXT] * same
        ends = np.cumsum(lengths)
        e[ends - lengths] += self._bos
        e[ends - 1] += self._eos
        return e, lengths

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """The best label sequence of every sentence (empty sentences give empty lists)."""
        kept = [s for s in sentences if s]
        if not kept:
            return [[] for _ in sentences]
        e, lengths = self.emissions(kept)
        paths = viterbi(e, lengths, self.weights.transitions)
        labels = self.labels
        tagged = iter([[labels[k] for k in p] for p in paths])
        return [next(tagged) if s else [] for s in sentences]


def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> list[list[int]]:
    """Best label ids per sentence; ``emissions`` holds the sentences' rows end to end.

    Sentences are sorted longest first, so that at every position the sentences still running
    are a prefix of the batch: each step works on that prefix, without masks."""
    n_sent = len(lengths)
    order = np.argsort(-lengths, kind="stable")
    sorted_lengths = lengths[order]
    longest = int(sorted_lengths[0])
    n_labels = transitions.shape[0]
    starts = np.cumsum(lengths) - lengths
    padded = np.zeros((longest, n_sent, n_labels))
    rank = np.empty(n_sent, dtype=np.intp)
    rank[order] = np.arange(n_sent)
    sent = np.repeat(np.arange(n_sent), lengths)
    pos = np.arange(len(emissions)) - np.repeat(starts, lengths)
    padded[pos, rank[sent]] = emissions
    # running[t]: how many (sorted) sentences are longer than t
    running = np.searchsorted(-sorted_lengths, -np.arange(longest), side="left")
    score = padded[0].copy()
    back = np.zeros((longest, n_sent, n_labels), dtype=np.intp)
    # the step's buffers are allocated once; numpy writes into them (``out=``): the same
    # arithmetic as fresh arrays per step, with fewer allocations in this per-position loop
    cand_buf = np.empty((n_sent, n_labels, n_labels))
    best_buf = np.empty((n_sent, n_labels))
    for t in range(1, longest):
        k = running[t]
        cand = np.add(score[:k, :, None], transitions, out=cand_buf[:k])
        cand.argmax(axis=1, out=back[t, :k])
        np.add(cand.max(axis=1, out=best_buf[:k]), padded[t, :k], out=score[:k])
    current = score.argmax(axis=1)
    path = np.zeros((longest, n_sent), dtype=np.intp)
    rows = np.arange(n_sent)
    for t in range(longest - 1, 0, -1):
        k = running[t]
        path[t, :k] = current[:k]
        current[:k] = back[t, rows[:k], current[:k]]
    path[0] = current
    columns = path.T.tolist()
    out: list[list[int]] = [[] for _ in range(n_sent)]
    for j in range(n_sent):
        out[order[j]] = columns[j][: sorted_lengths[j]]
    return out
