"""Read GermEval 2023 SpkAtt (Bundestag debates) into the Wikinews quotation scheme.

Why a mapping and not the raw roles: the two corpora annotate different things. SpkAtt marks
every speech, thought or belief event with a ``Cue`` (``sagt``, ``fordern``, ``freue mich``,
``danke``), its ``Source``, ``Message``, ``Addr`` and further roles (``Topic``, ``Medium``,
``Evidence``, ``PTC``); it has no quote type and no frame, and its message is the argument of the
cue only (``Sie hat [von einer Schicksalsfrage] gesprochen``), where Wikinews marks such a
reported speech act as a whole sentence without cue. So only what maps cleanly is kept:

- a message in quotation marks → ``Direct`` (the marks included, as Wikinews does);
- a clausal message — starting with a subordinator (``dass``, ``ob``, ``wie`` …) or set off from
  its cue by a comma or colon (``Es wurde gesagt, Deutschland hat …``) → ``Indirect``;
- ``Source`` → speaker, ``Cue`` → cue, ``Addr`` → addressee; the frame, which SpkAtt lacks, is
  derived as Wikinews draws it: the rest of the sentence(s) holding the cue, outside the message.

Every other annotation (a nominal message, ``Was``, a cue without a message: ``Merkel hat
gesprochen``) has no safe counterpart; its sentences are returned as *drop* spans, so that the
trainer leaves them out rather than teach the tagger that they are no quotation. ``Topic``,
``Medium``, ``Evidence`` and ``PTC`` tokens stay unlabelled (frame where they fall in one).

Licence of the data: CC BY-SA 4.0 (umanlp/SpkAtt-2023); nothing of it is copied into the
repository.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wortlaut.nlp.quote_features import stem

#: ids of tokens: (sentence number, token number) as in SpkAtt's ``"3:12"``
TokenId = tuple[int, int]

NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "“", "%", "…"})
NO_SPACE_AFTER = frozenset({"„", "(", "»"})
OPENERS = frozenset({"„", "»", '"', "‚", "“"})
CLOSERS = frozenset({"“", "«", '"', "‘", "”"})
SUBORDINATORS = frozenset(
    {
        "dass",
        "daß",
        "ob",
        "wie",
        "was",
        "wer",
        "wen",
        "wem",
        "warum",
        "weshalb",
        "wieso",
        "wo",
        "wann",
        "inwieweit",
        "welche",
        "welcher",
        "welches",
    }
)


@dataclass
class Mapped:
    """One SpkAtt speech in the Wikinews format, plus the sentences to leave out of training."""

    doc: dict[str, Any]
    drop: list[tuple[int, int]] = field(default_factory=list)  # char spans of unmappable sentences


def parse_id(tid: str) -> TokenId:
    s, t = tid.split(":")
    return int(s), int(t)


def join_tokens(sentences: list[list[str]]) -> tuple[str, dict[TokenId, tuple[int, int]]]:
    """Plain text from SpkAtt's tokens with German spacing (none before ``,`` or a closing mark,
    none after an opening one) and each token's char span, so that spaCy's tokenizer and the
    quote-mark pairing see the text as it would be printed."""
    parts: list[str] = []
    offsets: dict[TokenId, tuple[int, int]] = {}
    pos = 0
    glue = True  # no space before the very first token
    straight_open = False
    for s, toks in enumerate(sentences):
        for t, tok in enumerate(toks):
            if tok == '"':
                straight_open = not straight_open
                no_before, no_after = not straight_open, straight_open
            else:
                no_before, no_after = tok in NO_SPACE_BEFORE, tok in NO_SPACE_AFTER
            if not glue and not no_before:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            offsets[s, t] = (pos, pos + len(tok))
            pos += len(tok)
            glue = no_after
        glue = False
    return "".join(parts), offsets


def message_type(
    ids: list[TokenId], cue: list[TokenId], sentences: list[list[str]]
) -> tuple[str | None, list[TokenId]]:
    """``("Direct", ids with marks)``, ``("Indirect", ids)`` or ``(None, ids)`` for a message."""
    ids = sorted(ids)
    (s0, t0), (s1, t1) = ids[0], ids[-1]
    first, last = sentences[s0][t0], sentences[s1][t1]
    before = sentences[s0][t0 - 1] if t0 > 0 else ""
    after = sentences[s1][t1 + 1] if t1 + 1 < len(sentences[s1]) else ""
    out = list(ids)
    if first in OPENERS or before in OPENERS:
        if first not in OPENERS:
            out.insert(0, (s0, t0 - 1))
        if last not in CLOSERS and after in CLOSERS:
            out.append((s1, t1 + 1))
        return "Direct", out
    if len(ids) < 3:
        return None, out
    if first.lower() in SUBORDINATORS:
        return "Indirect", out
    if cue and before in (",", ":") and min(cue) < ids[0]:
        return "Indirect", out
    if cue and after in (",", ":") and min(cue) > ids[-1]:
        return "Indirect", out
    return None, out


def span_list(ids: list[TokenId], offsets: dict[TokenId, tuple[int, int]]) -> list[dict[str, int]]:
    """Char spans of runs of consecutive tokens (one span per run)."""
    spans: list[dict[str, int]] = []
    prev: TokenId | None = None
    for tid in sorted(ids):
        b, e = offsets[tid]
        if prev is not None and prev[0] == tid[0] and prev[1] + 1 == tid[1]:
            spans[-1]["charEnd"] = e
        else:
            spans.append({"charBegin": b, "charEnd": e})
        prev = tid
    return spans


def role(ids: list[TokenId], offsets: dict[TokenId, tuple[int, int]]) -> dict[str, Any]:
    return {"spans": span_list(ids, offsets), "tokenIds": []}


def sentence_span(
    s: int, sentences: list[list[str]], offsets: dict[TokenId, tuple[int, int]]
) -> tuple[int, int]:
    return offsets[s, 0][0], offsets[s, len(sentences[s]) - 1][1]


FIRST_SECOND_PERSON = frozenset({"ich", "mir", "mich", "wir", "uns", "du", "dir", "dich", "ihr", "euch"})


def own_voice(source: list[TokenId], sentences: list[list[str]]) -> bool:
    """Whether the source is the speaker of the debate or the ones addressed (``ich``, ``wir``,
    a formal ``Sie`` inside a sentence): news reports third parties, not the writer's own views."""
    for s, t in source:
        tok = sentences[s][t]
        if tok.lower() in FIRST_SECOND_PERSON or (t > 0 and tok in ("Sie", "Ihnen", "Ihr")):
            return True
    return False


def map_speech(
    raw: dict[str, Any],
    name: str = "",
    cue_stems: frozenset[str] | None = None,
    third_person: bool = False,
) -> Mapped:
    """One SpkAtt file (standard format: ``Sentences`` and ``Annotations``) in the Wikinews scheme.

    With ``cue_stems`` (stems, :func:`quote_features.stem`, of the Wikinews cue lexicon) the
    mapping is strict: an indirect message counts only when a word of its cue has such a stem —
    SpkAtt's thought and belief cues (``glauben``, ``bedenkt``, ``bin sicher``) have no Wikinews
    counterpart — and a sentence with a quotation mark outside every direct message is left out
    (debates put scare quotes around words that Wikinews would annotate as quotes).
    With ``third_person``, quotes of the speaker's own voice (:func:`own_voice`) are left out too."""
    sentences = [s["Tokens"] for s in sorted(raw["Sentences"], key=lambda s: s["SentenceId"])]
    text, offsets = join_tokens(sentences)
    kept: list[tuple[str, list[TokenId], list[TokenId], dict[str, Any]]] = []
    drop_sents: set[int] = set()
    for a in raw.get("Annotations", []):
        msg = [parse_id(t) for t in a.get("Message", [])]
        cue = [parse_id(t) for t in a.get("Cue", [])]
        every = [parse_id(t) for v in a.values() if isinstance(v, list) for t in v]
        kind, msg = message_type(msg, cue, sentences) if msg else (None, msg)
        if kind == "Indirect" and cue_stems is not None and not speech_cue(cue, sentences, cue_stems):
            kind = None
        if third_person and own_voice([parse_id(t) for t in a.get("Source", [])], sentences):
            kind = None
        if kind is None:
            drop_sents.update(s for s, _ in every)
        else:
            kept.append((kind, msg, cue, a))
    if cue_stems is not None:
        in_direct = {t for kind, msg, _, _ in kept if kind == "Direct" for t in msg}
        drop_sents.update(
            s
            for s, toks in enumerate(sentences)
            for t, tok in enumerate(toks)
            if tok in OPENERS | CLOSERS and (s, t) not in in_direct
        )
    # the frame is what is left of the attributing sentence: no message of any quote in it
    in_msgs = {t for _, msg, _, _ in kept for t in msg}
    annotations: list[dict[str, Any]] = []
    for kind, msg, cue, a in kept:
        source = [parse_id(t) for t in a.get("Source", [])]
        frame_sents = {s for s, _ in cue} or {s for s, _ in source}
        frame = [(s, t) for s in frame_sents for t in range(len(sentences[s])) if (s, t) not in in_msgs]
        annotations.append(
            {
                "type": kind,
                "isNested": False,
                "quote": role(msg, offsets),
                "speaker": role(source, offsets),
                "cue": role(cue, offsets),
                "addressee": role([parse_id(t) for t in a.get("Addr", [])], offsets),
                "frame": role(frame, offsets),
            }
        )
    drop = [sentence_span(s, sentences, offsets) for s in sorted(drop_sents)]
    doc = {"documentName": name, "originalText": text, "annotations": annotations}
    return Mapped(doc, drop)


def speech_cue(cue: list[TokenId], sentences: list[list[str]], cue_stems: frozenset[str]) -> bool:
    """Whether a word of the cue has a stem of the (Wikinews) cue lexicon."""
    return any(stem(sentences[s][t].lower()) in cue_stems for s, t in cue)


def read_spkatt(
    folder: Path, cue_stems: frozenset[str] | None = None, third_person: bool = False
) -> list[Mapped]:
    """All speeches of a SpkAtt split folder (``train/task1``), in file-name order."""
    return [
        map_speech(json.loads(path.read_text(encoding="utf-8")), path.stem, cue_stems, third_person)
        for path in sorted(folder.glob("*.json"))
    ]
