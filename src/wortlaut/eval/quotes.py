"""``wortlaut eval quotes PATH``: quotation attribution on quotes-wikinews-de JSONL.

Runs the whole pipeline (:func:`wortlaut.extract.extract`) on each article's ``originalText``
and scores against the gold annotations on the *dataset's* tokens (system character spans are
mapped to the gold tokens they overlap), so tokenisation differences cost nothing.

The metric (docs/quotes.md has the full definition):

- **pairing**: system and gold quotes are paired one-to-one by the token-overlap F1 of their
  messages, maximising the total (Hungarian assignment); a same type adds 0.001 (tie-breaker);
  pairs with no overlap are not pairs.
- **message / role P, R**: per pair, token precision and recall of the message and of each role
  (speaker, cue, addressee, frame). Precision of a role counts where the system has the role,
  recall where the gold has it. An unpaired gold quote counts recall 0 for its message and each
  role it has; an unpaired system quote counts precision 0 likewise. P and R are averaged over
  these counts (macro over pairs) and F1 is their harmonic mean.
- **roles F1**: pooled over the four roles' counts; the per-role F1s and their plain mean are
  printed too.
- **joint F1**: per pair, one set of (token, label) items for the message and all roles
  together; P and R of these sets averaged over pairs (unpaired quotes 0), F1 of the averages.
- **form accuracy**: share of pairs whose types agree.
- **medium accuracy**: share of pairs whose media (speech, writing, thought, speech_writing, …;
  the dataset's ``none`` is ``null``) agree.
- **recall per type**: share of gold quotes of a type paired with a system quote whose message
  F1 is at least 0.5 ("found").
- **speaker accuracy on direct quotes**: among found gold direct quotes with a gold speaker,
  the share whose system speaker overlaps the gold speaker or names the same person (the last
  word of the system speaker's resolved name occurs in the gold speaker text).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Article
from ..contract import Quote
from ..errors import InputError, MalformedRecordError, WortlautError
from ..nlp.quote_medium import MEDIUM_LABELS

TYPES = {
    "Direct": "direct",
    "Indirect": "indirect",
    "FreeIndirect": "free_indirect",
    "IndirectFreeIndirect": "indirect_free_indirect",
    "Reported": "reported",
}
ROLES = ("speaker", "cue", "addressee", "frame")
FOUND = 0.5


@dataclass
class Item:
    """A quote reduced to what the metric compares: token-id sets per part."""

    type: str
    message: frozenset[int]
    roles: dict[str, frozenset[int]]
    speaker_text: str = ""
    speaker_name: str | None = None
    medium: str | None = "speech"


@dataclass
class Tally:
    """Running sums of the averaged quantities."""

    p: dict[str, list[float]] = field(default_factory=dict)
    r: dict[str, list[float]] = field(default_factory=dict)
    pairs: int = 0
    same_type: int = 0
    same_medium: int = 0
    gold_by_type: Counter[str] = field(default_factory=Counter)
    found_by_type: Counter[str] = field(default_factory=Counter)
    direct_with_speaker: int = 0
    direct_speaker_ok: int = 0
    direct_gold_with_speaker: int = 0
    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)

    def add(self, key: str, p: float | None = None, r: float | None = None) -> None:
        if p is not None:
            self.p.setdefault(key, []).append(p)
        if r is not None:
            self.r.setdefault(key, []).append(r)


def hungarian(score: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs of a maximum-total assignment of a rectangular score matrix.

    The classic shortest-augmenting-path method with potentials, O(n²m); matrices here have a
    few dozen rows at most."""
    n = len(score)
    m = len(score[0]) if n else 0
    if n == 0 or m == 0:
        return []
    transpose = n > m
    if transpose:
        score = [list(col) for col in zip(*score, strict=True)]
        n, m = m, n
    big = max(max(row) for row in score)
    cost = [[big - v for v in row] for row in score]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j] != 0]
    return [(b, a) for a, b in pairs] if transpose else pairs


def f1(a: frozenset[int], b: frozenset[int]) -> float:
    inter = len(a & b)
    return 0.0 if inter == 0 else 2 * inter / (len(a) + len(b))


def pair(system: list[Item], gold: list[Item]) -> list[tuple[int, int]]:
    """(system index, gold index) pairs by message F1, same type as tie-breaker."""
    if not system or not gold:
        return []
    score = [[f1(s.message, g.message) + (0.001 if s.type == g.type else 0.0) for g in gold] for s in system]
    return [(i, j) for i, j in hungarian(score) if f1(system[i].message, gold[j].message) > 0]


def _labelled(item: Item) -> frozenset[tuple[int, str]]:
    out = {(t, "message") for t in item.message}
    for role, toks in item.roles.items():
        out.update((t, role) for t in toks)
    return frozenset(out)


def score_article(tally: Tally, system: list[Item], gold: list[Item]) -> None:
    pairs = pair(system, gold)
    paired_s = {i for i, _ in pairs}
    paired_g = {j for _, j in pairs}
    for g in gold:
        tally.gold_by_type[g.type] += 1
        if g.type == "direct" and g.roles["speaker"]:
            tally.direct_gold_with_speaker += 1
    for i, j in pairs:
        s, g = system[i], gold[j]
        tally.pairs += 1
        tally.same_type += s.type == g.type
        tally.same_medium += s.medium == g.medium
        inter = len(s.message & g.message)
        tally.add("message", inter / len(s.message) if s.message else None, inter / len(g.message))
        for role in ROLES:
            sr, gr = s.roles[role], g.roles[role]
            both = len(sr & gr)
            tally.add(role, both / len(sr) if sr else None, both / len(gr) if gr else None)
        sl, gl = _labelled(s), _labelled(g)
        both = len(sl & gl)
        tally.add("joint", both / len(sl) if sl else None, both / len(gl) if gl else None)
        if f1(s.message, g.message) >= FOUND:
            tally.found_by_type[g.type] += 1
            if g.type == "direct" and g.roles["speaker"]:
                tally.direct_with_speaker += 1
                tally.direct_speaker_ok += speaker_matches(s, g)
    for j, g in enumerate(gold):
        if j not in paired_g:
            tally.add("message", None, 0.0)
            tally.add("joint", None, 0.0)
            for role in ROLES:
                if g.roles[role]:
                    tally.add(role, None, 0.0)
    for i, s in enumerate(system):
        if i not in paired_s:
            tally.add("message", 0.0, None)
            tally.add("joint", 0.0, None)
            for role in ROLES:
                if s.roles[role]:
                    tally.add(role, 0.0, None)


def speaker_matches(s: Item, g: Item) -> bool:
    """Same speaker tokens, or the system's resolved person named in the gold speaker text."""
    if s.roles["speaker"] & g.roles["speaker"]:
        return True
    for name in (s.speaker_name, s.speaker_text):
        if name:
            last = name.split()[-1]
            if last[:1].isupper() and last in g.speaker_text:
                return True
    return False


def _prf(ps: list[float], rs: list[float]) -> dict[str, float]:
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def figures(t: Tally) -> dict[str, Any]:
    per_role = {role: _prf(t.p.get(role, []), t.r.get(role, [])) for role in ROLES}
    pooled_p = [x for role in ROLES for x in t.p.get(role, [])]
    pooled_r = [x for role in ROLES for x in t.r.get(role, [])]
    return {
        "articles": t.articles,
        "words": t.words,
        "words_per_second": t.words / t.seconds if t.seconds else None,
        "message": _prf(t.p.get("message", []), t.r.get("message", [])),
        "roles": _prf(pooled_p, pooled_r),
        "roles_macro_f1": sum(v["f1"] for v in per_role.values()) / len(ROLES),
        "per_role": per_role,
        "joint": _prf(t.p.get("joint", []), t.r.get("joint", [])),
        "form_accuracy": t.same_type / t.pairs if t.pairs else 0.0,
        "medium_accuracy": t.same_medium / t.pairs if t.pairs else 0.0,
        "recall_by_type": {k: t.found_by_type[k] / n for k, n in sorted(t.gold_by_type.items())},
        "gold_by_type": dict(sorted(t.gold_by_type.items())),
        "direct_speaker_accuracy": t.direct_speaker_ok / t.direct_with_speaker
        if t.direct_with_speaker
        else 0.0,
        "direct_speaker_accuracy_all": (
            t.direct_speaker_ok / t.direct_gold_with_speaker if t.direct_gold_with_speaker else 0.0
        ),
        "skipped": t.skipped,
    }


def token_index(tokens: list[dict[str, Any]]) -> tuple[list[int], list[int], list[int]]:
    starts = [int(t["charBegin"]) for t in tokens]
    ends = [int(t["charEnd"]) for t in tokens]
    ids = [int(t["id"]) for t in tokens]
    return starts, ends, ids


def tokens_of(
    spans: Sequence[Sequence[int]], index: tuple[list[int], list[int], list[int]]
) -> frozenset[int]:
    """Ids of the dataset tokens that overlap the character spans."""
    starts, ends, ids = index
    out: set[int] = set()
    for s, e in spans:
        for k in range(len(starts)):
            if starts[k] < e and s < ends[k]:
                out.add(ids[k])
    return frozenset(out)


def gold_items(doc: dict[str, Any]) -> list[Item]:
    items = []
    for a in doc["annotations"]:
        roles = {r: frozenset(int(t) for t in a[r]["tokenIds"]) for r in ROLES}
        items.append(
            Item(
                type=TYPES[a["type"]],
                message=frozenset(int(t) for t in a["quote"]["tokenIds"]),
                roles=roles,
                speaker_text=a["speaker"].get("text", ""),
                medium=MEDIUM_LABELS.get(a.get("medium", "none")),
            )
        )
    return items


def system_items(quotes: list[Quote], index: tuple[list[int], list[int], list[int]]) -> list[Item]:
    items = []
    for q in quotes:
        roles = {
            "speaker": tokens_of(q.speaker.spans, index) if q.speaker else frozenset(),
            "cue": tokens_of(q.cue.spans, index) if q.cue else frozenset(),
            "addressee": tokens_of(q.addressee.spans, index) if q.addressee else frozenset(),
            "frame": tokens_of(q.frame.spans, index) if q.frame else frozenset(),
        }
        message = tokens_of(q.spans, index)
        if message:
            items.append(
                Item(
                    type=q.type,
                    message=message,
                    roles=roles,
                    speaker_text=q.speaker.text if q.speaker else "",
                    speaker_name=q.speaker.name if q.speaker else None,
                    medium=q.medium,
                )
            )
    return items


def read(path: Path, limit: int | None = None) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, record or None, error) per line; a bad line does not stop the run."""
    with path.open(encoding="utf-8") as fh:
        count = 0
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if limit is not None and count >= limit:
                return
            count += 1
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict) or "originalText" not in rec or "annotations" not in rec:
                    raise ValueError(
                        "not a quotes-wikinews-de record (needs originalText, annotations, tokens)"
                    )
                yield lineno, rec, None
            except ValueError as exc:
                yield lineno, None, str(MalformedRecordError(str(exc), where=f"{path}:{lineno}"))


def evaluate(path: Path, limit: int | None = None) -> dict[str, Any]:
    """The figures for the articles in ``path`` (the first ``limit`` ones)."""
    from ..extract import extract
    from ..nlp.pipeline import shared_pipeline

    nlp = shared_pipeline()
    tally = Tally()
    for lineno, rec, error in read(path, limit):
        if rec is None:
            tally.skipped.append(error or f"{path}:{lineno}")
            continue
        try:
            index = token_index(rec["tokens"])
            gold = gold_items(rec)
        except (KeyError, TypeError, ValueError) as exc:
            tally.skipped.append(
                str(MalformedRecordError(f"bad annotation: {exc}", where=f"{path}:{lineno}"))
            )
            continue
        article = Article(id=str(rec.get("documentName", lineno)), text=rec["originalText"])
        t0 = time.perf_counter()
        try:
            extraction = extract(article, nlp)
        except WortlautError as exc:  # one bad article never stops the evaluation
            tally.skipped.append(f"{path}:{lineno}: {exc}")
            continue
        tally.seconds += time.perf_counter() - t0
        tally.articles += 1
        tally.words += len(rec["originalText"].split())
        score_article(tally, system_items(extraction.quotes, index), gold)
    if tally.articles == 0:
        raise InputError(
            "no article could be evaluated"
            + (f" (first problem: {tally.skipped[0]})" if tally.skipped else ""),
            where=str(path),
            hint="pass a quotes-wikinews-de JSONL file (one article with originalText, tokens, annotations per line)",
        )
    return figures(tally)


def render(fig: dict[str, Any]) -> str:
    lines = [f"articles: {fig['articles']}  words: {fig['words']}"]
    if fig["words_per_second"]:
        lines[0] += f"  pipeline speed: {fig['words_per_second']:.0f} words/s"
    for key in ("message", "roles", "joint"):
        v = fig[key]
        lines.append(f"{key + ' F1:':<14}{v['f1']:.3f}  (P {v['p']:.3f}, R {v['r']:.3f})")
    for role, v in fig["per_role"].items():
        lines.append(f"  {role + ' F1:':<14}{v['f1']:.3f}  (P {v['p']:.3f}, R {v['r']:.3f})")
    lines.append(f"  {'roles macro:':<14}{fig['roles_macro_f1']:.3f}")
    lines.append(f"{'form accuracy:':<14}{fig['form_accuracy']:.3f}")
    lines.append(f"{'medium accuracy:':<14}{fig['medium_accuracy']:.3f}")
    lines.append("recall by type (message F1 >= 0.5):")
    for k, v in fig["recall_by_type"].items():
        lines.append(f"  {k:<24}{v:.3f}  of {fig['gold_by_type'][k]}")
    lines.append(
        f"direct quotes, speaker correct: {fig['direct_speaker_accuracy']:.3f} of found, "
        f"{fig['direct_speaker_accuracy_all']:.3f} of all with a gold speaker"
    )
    for s in fig["skipped"]:
        lines.append(f"skipped: {s}")
    return "\n".join(lines)


def main(path: Path, limit: int | None = None, as_json: bool = False) -> None:
    fig = evaluate(Path(path), limit)
    sys.stdout.write((json.dumps(fig, indent=2) if as_json else render(fig)) + "\n")
