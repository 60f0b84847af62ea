"""Train the quotation taggers shipped in ``src/wortlaut/models/quotes/``.

Reproduces the packaged model from ``../shared/data``:

    nice -n 10 .venv/bin/python training/train_quotes.py \
        --data ../shared/data/quotes-wikinews-de --ud ../shared/data/ud \
        --gazetteers ../shared/data/gazetteers --out src/wortlaut/models/quotes \
        --c1 0.05 --iterations 150

(``--limit 600`` trains on the first 600 train articles only, leaving 600–699 as a held-out
slice for tuning rules without looking at dev.)

``--extra-spkatt FOLDER`` adds GermEval 2023 SpkAtt speeches (Bundestag debates, CC BY-SA 4.0),
mapped to this scheme by ``training/spkatt_reader.py``, as extra sequences with corpus-prefixed
feature copies. Measured on held-out train articles and dev, it did not help (docs/quotes.md,
"GermEval 2023 SpkAtt debates"); the packaged model is trained without it.

Two linear-chain CRFs (python-crfsuite) over whole documents tokenised exactly as the component
tokenises them (spaCy's blank German tokenizer):

1. ``message.crfsuite`` tags message tokens with their type (BIO: B-DIR, I-IND, …);
2. ``roles.crfsuite`` tags speaker, cue and addressee (BIO) and frame tokens, given the message
   labels (gold labels while training, the first tagger's output at run time).

Lexicons are learned too: the cue lexicon from the cue spans of the train split, the
reported-speech verbs from its reported messages, the subjunctive lexicon from the ``Mood=Sub``
forms of the UD treebanks, and the cue-word -> medium table from the cue texts and medium labels
(``--medium-only`` relearns just that table in an existing ``lexicons.json``, leaving the CRFs
byte-identical:

    .venv/bin/python training/train_quotes.py --medium-only \
        --data ../shared/data/quotes-wikinews-de --out src/wortlaut/models/quotes
).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pycrfsuite
import spacy
from judges import tokenised

from wortlaut.nlp.quote_features import Lexicons, doc_features, role_features, stem
from wortlaut.nlp.quote_marks import QUOTE_CHARS, pair_marks
from wortlaut.nlp.quote_medium import MediumCue, learn_medium_cues, table_to_json
from wortlaut.nlp.quote_sources import MIN_MESSAGE, REPORTED_MIN, clause_after, governor_window

TYPE_CODES = {
    "Direct": "DIR",
    "Indirect": "IND",
    "FreeIndirect": "FI",
    "IndirectFreeIndirect": "IFI",
    "Reported": "REP",
}
ROLE_CODES = {"speaker": "SPK", "cue": "CUE", "addressee": "ADR"}


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def char_spans(role: dict[str, Any]) -> list[tuple[int, int]]:
    return [(int(s["charBegin"]), int(s["charEnd"])) for s in role.get("spans", [])]


def learn_cues(docs: list[dict[str, Any]], min_count: int = 2, min_ratio: float = 0.12) -> set[str]:
    """Lower-case words that are part of a cue often enough, relative to how often they occur."""
    in_cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for d in docs:
        cue_ids: set[int] = set()
        for a in d["annotations"]:
            cue_ids.update(a["cue"]["tokenIds"])
        for t in d["tokens"]:
            w = t["text"].lower()
            total[w] += 1
            if t["id"] in cue_ids:
                in_cue[w] += 1
    return {
        w
        for w, c in in_cue.items()
        if c >= min_count and c / total[w] >= min_ratio and any(ch.isalpha() for ch in w)
    }


def learn_reported(docs: list[dict[str, Any]], min_count: int = 3, min_ratio: float = 0.5) -> set[str]:
    """Stems (``quote_features.stem``) of lower-case words that make a sentence a reported speech
    act (``fordert``, ``sprach``): of the sentences with the stem, no quotation marks and no
    annotation of another type, at least ``min_ratio`` are (part of) a reported message. By
    stem, so that ``warnen`` counts when ``warnt`` and ``warnte`` were seen."""
    hit: Counter[str] = Counter()
    free: Counter[str] = Counter()
    for d in docs:
        types_of: dict[int, set[str]] = {}
        for a in d["annotations"]:
            for t in a["quote"]["tokenIds"]:
                types_of.setdefault(int(t), set()).add(a["type"])
        for s in d["sentences"]:
            types: set[str] = set().union(*(types_of.get(int(i), set()) for i in s["tokenIds"]))
            if types - {"Reported"} or any(len(t) == 1 and t in QUOTE_CHARS for t in s["tokens"]):
                continue
            for w in {stem(w) for w in s["tokens"] if w.isalpha() and w.islower()}:
                free[w] += 1
                hit[w] += "Reported" in types
    return {w for w, c in hit.items() if c >= min_count and c / free[w] >= min_ratio}


#: message types whose cue may govern a clause after a comma
GOVERNED_TYPES = frozenset({"Indirect", "IndirectFreeIndirect"})


def learn_governors(
    docs: list[dict[str, Any]], subjunctive: frozenset[str], min_count: int = 2, min_ratio: float = 0.5
) -> set[str]:
    """Stems (``quote_features.stem``) of words that govern a reported clause after a comma
    (``Er geht davon aus, dass …``, ``Die Firma hat versprochen, … zu …``): of the commas followed
    by a clause the rule of ``quote_sources.find_complements`` would take (``dass``/``ob``, an
    infinitive, a subjunctive), with the word in the stretch before the comma that the rule
    searches, at least ``min_ratio`` start an indirect message whose cue holds the word. Read on
    the dataset's own tokens and sentences."""
    hit: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for d in docs:
        words = [t["text"] for t in d["tokens"]]
        cue_at: dict[int, set[int]] = {}
        for a in d["annotations"]:
            if a["type"] in GOVERNED_TYPES and a["quote"]["tokenIds"]:
                cue_at[min(int(t) for t in a["quote"]["tokenIds"])] = {int(t) for t in a["cue"]["tokenIds"]}
        for s in d["sentences"]:
            ids = [int(i) for i in s["tokenIds"]]
            lo, hi = ids[0], ids[-1] + 1
            if hi - lo < REPORTED_MIN or words[hi - 1] == "?":
                continue
            for c in range(lo + 1, hi - MIN_MESSAGE):
                if words[c] != "," or clause_after(words, c, hi, subjunctive) is None:
                    continue
                cue = cue_at.get(c + 1, set())
                window = {stem(words[j].lower()): j in cue for j in range(governor_window(words, lo, c), c)}
                for w, in_cue in window.items():
                    if w.isalpha():
                        seen[w] += 1
                        hit[w] += in_cue
    return {w for w, c in hit.items() if c >= min_count and c / seen[w] >= min_ratio}


def learn_subjunctive(ud_dir: Path) -> set[str]:
    forms: set[str] = set()
    for path in sorted(ud_dir.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 5 and "Mood=Sub" in cols[5]:
                forms.add(cols[1].lower())
    return forms


def learn_genders(gazetteers: Path) -> dict[str, str]:
    """First name -> "m"/"f" where the lists agree on one sex (Berlin register counts first)."""
    votes: dict[str, Counter[str]] = {}
    berlin = gazetteers / "vornamen_berlin_aggregated.tsv"
    for line in berlin.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 3 or not cols[1].isdigit():
            continue
        name, count, sex = cols[0], int(cols[1]), cols[2]
        if count < 3:
            continue
        for s in sex.split(","):
            key = "m" if s.strip() == "m" else "f" if s.strip() == "w" else ""
            if key:
                votes.setdefault(name, Counter())[key] += count
    for line in (gazetteers / "vornameList.txt").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2] in ("Masc", "Fem"):
            votes.setdefault(cols[0], Counter())["m" if cols[2] == "Masc" else "f"] += 5
    genders: dict[str, str] = {}
    for name, c in votes.items():
        (best, top), *rest = c.most_common()
        if not rest or top >= 9 * rest[0][1]:
            genders[name] = best
    return genders


def overlaps(ts: int, te: int, spans: list[tuple[int, int]]) -> bool:
    return any(ts < e and s < te for s, e in spans)


def encode(
    doc: dict[str, Any], tokenizer: Any, lex: Lexicons
) -> tuple[list[list[str]], list[str], list[str], list[int]]:
    """Features and gold labels (message layer, role layer) for one article."""
    feats, msg, roles, starts, _ = encode_with_offsets(doc, tokenizer, lex)
    return feats, msg, roles, starts


def encode_with_offsets(
    doc: dict[str, Any], tokenizer: Any, lex: Lexicons
) -> tuple[list[list[str]], list[str], list[str], list[int], list[tuple[int, int]]]:
    """:func:`encode`, plus the char span of every token (to cut documents into pieces)."""
    view, offsets = tokenised(doc["originalText"], tokenizer)
    n = len(view.words)
    msg = ["O"] * n
    roles = ["O"] * n
    anns = sorted(doc["annotations"], key=lambda a: a["isNested"])
    for a in anns:
        code = TYPE_CODES[a["type"]]
        spans = char_spans(a["quote"])
        if a["isNested"]:
            continue
        for s, e in spans:
            first = True
            for i, (ts, te) in enumerate(offsets):
                if ts < e and s < te and msg[i] == "O":
                    msg[i] = ("B-" if first else "I-") + code
                    first = False
    priority = {"SPK": 3, "CUE": 4, "ADR": 2, "FRM": 1, "O": 0}
    for a in anns:
        for role, code in (*ROLE_CODES.items(), ("frame", "FRM")):
            for s, e in char_spans(a[role]):
                first = True
                for i, (ts, te) in enumerate(offsets):
                    if ts < e and s < te:
                        lab = code if code == "FRM" else ("B-" if first else "I-") + code
                        first = False
                        cur = roles[i] if roles[i] == "O" or roles[i] == "FRM" else roles[i][2:]
                        if priority[code] > priority[cur]:
                            roles[i] = lab
    quoted = pair_marks(view.words, view.spaces_before, view.breaks)
    feats = doc_features(view, quoted, lex)
    return feats, msg, roles, view.sent_starts, offsets


def kept_pieces(
    offsets: list[tuple[int, int]], sent_starts: list[int], drop: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of the runs of whole sentences that overlap no drop span."""
    n = len(offsets)
    bounds = [*[b for b in sent_starts if 0 <= b < n], n]
    pieces: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a >= b:
            continue
        if overlaps(offsets[a][0], offsets[b - 1][1], drop):
            continue
        if pieces and pieces[-1][1] == a:
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    return pieces


def prefixed(feats: list[list[str]], prefix: str) -> list[list[str]]:
    """Every feature twice: as itself and as a corpus-only copy (``SP:w=sagt``).

    Why (feature augmentation, Daumé III 2007, on the source side only): the copies can absorb
    what only the debates do, so that the shared weights — the only ones that fire at run time,
    where no copies are made — keep closer to the Wikinews conventions. Costs nothing when tagging.
    """
    return [[*tok, *(prefix + f for f in tok)] for tok in feats]


#: message features, message labels, role features, role labels of extra training sequences
Sequences = tuple[list[list[list[str]]], list[list[str]], list[list[list[str]]], list[list[str]]]


def encode_extra(mapped: list[Any], tokenizer: Any, lex: Lexicons, prefix: str) -> Sequences:
    """Message and role training sequences from mapped out-of-domain speeches
    (``spkatt_reader.Mapped``): the kept pieces of each, role features from the gold message
    labels, with prefixed copies when ``prefix`` is set."""
    mx: list[list[list[str]]] = []
    my: list[list[str]] = []
    rx: list[list[list[str]]] = []
    ry: list[list[str]] = []
    for m in mapped:
        f, msg, roles, starts, offsets = encode_with_offsets(m.doc, tokenizer, lex)
        rf = role_features(f, msg, starts)
        for a, b in kept_pieces(offsets, starts, m.drop):
            fx, rfx = f[a:b], rf[a:b]
            if prefix:
                fx, rfx = prefixed(fx, prefix), prefixed(rfx, prefix)
            mx.append(fx)
            my.append(msg[a:b])
            rx.append(rfx)
            ry.append(roles[a:b])
    return mx, my, rx, ry


def train(
    xs: list[list[list[str]]], ys: list[list[str]], out: Path, c1: float, c2: float, iters: int
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True})
    trainer.train(str(out))


def jackknife(xs: list[list[list[str]]], ms: list[list[str]], args: argparse.Namespace) -> list[list[str]]:
    """Message labels for every train article from a tagger that did not see it, so that the role
    tagger learns from labels as imperfect as the ones it gets at run time."""
    import tempfile

    out: list[list[str]] = [[] for _ in xs]
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            held = [i for i in range(len(xs)) if i % args.folds == k]
            rest = [i for i in range(len(xs)) if i % args.folds != k]
            path = Path(tmp) / f"fold{k}.crfsuite"
            train([xs[i] for i in rest], [ms[i] for i in rest], path, args.c1, args.c2, args.iterations)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            for i in held:
                out[i] = list(tagger.tag(xs[i]))
            tagger.close()
    return out


def learn_media(docs: list[dict[str, Any]]) -> dict[str, MediumCue]:
    """Cue word -> medium from the cue texts and medium labels of the annotations."""
    pairs = [
        (a["cue"].get("text", ""), a.get("medium", "none"))
        for d in docs
        for a in d["annotations"]
        if a.get("cue", {}).get("text")
    ]
    return learn_medium_cues(pairs)


def update_media(path: Path, media: dict[str, MediumCue]) -> None:
    """Replace only the ``medium_cues`` key of an existing ``lexicons.json`` (the other keys keep
    their order and bytes; the CRFs, trained on them, stay valid)."""
    lex = json.loads(path.read_text(encoding="utf-8"))
    lex["medium_cues"] = table_to_json(media)
    path.write_text(json.dumps(lex, ensure_ascii=False, indent=0), encoding="utf-8")


def update_governors(path: Path, docs: list[dict[str, Any]]) -> int:
    """Replace only the ``governors`` key of an existing ``lexicons.json``."""
    lex = json.loads(path.read_text(encoding="utf-8"))
    governors = learn_governors(docs, frozenset(lex["subjunctive"]))
    lex["governors"] = sorted(governors)
    path.write_text(json.dumps(lex, ensure_ascii=False, indent=0), encoding="utf-8")
    return len(governors)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--ud", type=Path, help="UD treebanks (subjunctive lexicon); not for --medium-only")
    ap.add_argument("--gazetteers", type=Path, help="first-name gazetteers; not for --medium-only")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--c1", type=float, default=0.15)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--folds", type=int, default=0, help="train the role tagger on held-out message labels")
    ap.add_argument(
        "--limit",
        type=int,
        default=None,
        help="train on the first N train articles only (the rest: held out)",
    )
    ap.add_argument(
        "--extra-spkatt",
        type=Path,
        help="also train on GermEval 2023 SpkAtt speeches (a task1 folder, e.g. .../spkatt-debates/train/task1)",
    )
    ap.add_argument("--spkatt-share", type=float, default=1.0, help="share of the SpkAtt speeches used")
    ap.add_argument(
        "--spkatt-prefix", default="SP:", help="prefix of the SpkAtt-only feature copies ('' for none)"
    )
    ap.add_argument(
        "--spkatt-strict",
        action="store_true",
        help="keep only SpkAtt indirect messages with a cue of the learned cue lexicon (by stem) "
        "and leave out sentences with quotation marks outside a direct message",
    )
    ap.add_argument(
        "--spkatt-third-person",
        action="store_true",
        help="leave out SpkAtt quotes whose source is the debater or the addressed (ich, wir, Sie)",
    )
    ap.add_argument(
        "--spkatt-layers",
        default="message,roles",
        help="which taggers get the SpkAtt sequences (comma-separated: message, roles)",
    )
    ap.add_argument(
        "--medium-only",
        action="store_true",
        help="only (re)learn the cue-word -> medium table in OUT/lexicons.json; the CRFs stay as they are",
    )
    ap.add_argument(
        "--governors-only",
        action="store_true",
        help="only (re)learn the clause-governor stems in OUT/lexicons.json (with its subjunctive "
        "lexicon); the CRFs stay as they are",
    )
    args = ap.parse_args()
    t0 = time.time()
    docs = load(args.data / "train.jsonl")[: args.limit]
    if args.governors_only:
        n = update_governors(args.out / "lexicons.json", docs)
        print(f"governors: {n} stems written to {args.out / 'lexicons.json'}", flush=True)
        return
    media = learn_media(docs)
    if args.medium_only:
        update_media(args.out / "lexicons.json", media)
        print(f"medium table: {len(media)} cue words written to {args.out / 'lexicons.json'}", flush=True)
        return
    if args.ud is None or args.gazetteers is None:
        ap.error("--ud and --gazetteers are required unless --medium-only")
    genders = learn_genders(args.gazetteers)
    subjunctive = frozenset(learn_subjunctive(args.ud))
    lex = Lexicons(
        cues=frozenset(learn_cues(docs)),
        subjunctive=subjunctive,
        first_names=frozenset(genders),
        reported=frozenset(learn_reported(docs)),
        governors=frozenset(learn_governors(docs, subjunctive)),
    )
    print(
        f"lexicons: {len(lex.cues)} cue words, {len(lex.subjunctive)} subjunctive forms, "
        f"{len(lex.reported)} reported-speech verbs, {len(lex.governors)} clause governors",
        flush=True,
    )
    tokenizer = spacy.blank("de").tokenizer
    xs, ms, rs, ss = [], [], [], []
    for d in docs:
        f, m, r, s = encode(d, tokenizer, lex)
        xs.append(f)
        ms.append(m)
        rs.append(r)
        ss.append(s)
    print(f"encoded {len(docs)} articles in {time.time() - t0:.0f}s", flush=True)
    extra: Sequences = ([], [], [], [])
    if args.extra_spkatt is not None:
        from spkatt_reader import read_spkatt

        cue_stems = frozenset(stem(c) for c in lex.cues) if args.spkatt_strict else None
        speeches = read_spkatt(args.extra_spkatt, cue_stems, args.spkatt_third_person)
        speeches = speeches[: round(len(speeches) * args.spkatt_share)]
        extra = encode_extra(speeches, tokenizer, lex, args.spkatt_prefix)
        print(
            f"SpkAtt: {len(speeches)} speeches, {len(extra[0])} pieces, "
            f"{sum(map(len, extra[1]))} tokens kept at {time.time() - t0:.0f}s",
            flush=True,
        )
    layers = set(args.spkatt_layers.split(","))
    ex_mx, ex_my = (extra[0], extra[1]) if "message" in layers else ([], [])
    ex_rx, ex_ry = (extra[2], extra[3]) if "roles" in layers else ([], [])
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "lexicons.json").write_text(
        json.dumps(
            {
                "cues": sorted(lex.cues),
                "subjunctive": sorted(lex.subjunctive),
                "reported": sorted(lex.reported),
                "governors": sorted(lex.governors),
                "medium_cues": table_to_json(media),
            },
            ensure_ascii=False,
            indent=0,
        ),
        encoding="utf-8",
    )
    (args.out / "genders.json").write_text(
        json.dumps(genders, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    print(f"{len(genders)} first names with a sex", flush=True)
    train(xs + ex_mx, ms + ex_my, args.out / "message.crfsuite", args.c1, args.c2, args.iterations)
    print(f"message tagger trained at {time.time() - t0:.0f}s", flush=True)
    msg_inputs = ms
    if args.folds > 1:
        msg_inputs = jackknife(xs, ms, args)
        print(f"held-out message labels for the role tagger at {time.time() - t0:.0f}s", flush=True)
    rx = [role_features(f, m, s) for f, m, s in zip(xs, msg_inputs, ss, strict=True)]
    train(rx + ex_rx, rs + ex_ry, args.out / "roles.crfsuite", args.c1, args.c2, args.iterations)
    print(f"role tagger trained at {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
