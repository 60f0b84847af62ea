"""Parsing the user's search syntax into an FTS5 expression over analyzed terms.

Syntax: words are ANDed; ``"…"`` is a phrase; ``word*`` a prefix; ``OR`` between two parts;
``-word`` / ``-"…"`` excludes; parentheses group. A word that the analyzer splits into several
tokens (``NATO-Generalsekretär``) is searched as a phrase. Every word goes through the same
analyzer as the index (:mod:`wortlaut.store.german`), and every term reaches FTS5 inside double
quotes, so no user input is ever read as FTS5 syntax. Malformed input raises
:class:`~wortlaut.errors.BadQueryError` with a message a user can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import BadQueryError
from .german import TOKEN_RE, analyze_prefix, analyze_token

#: One lexical item: a quoted phrase (optionally followed by *), a parenthesis, a minus sign
#: directly before something, or a run of other characters.
_LEX_RE = re.compile(
    r'\s+|(?P<phrase>"[^"]*"\*?)|(?P<open>\()|(?P<close>\))|(?P<minus>-(?=[^\s-]))|(?P<word>[^\s"()]+)|(?P<bad>")'
)

#: Limits that keep a query within what FTS5 and the parser handle (and a search fast).
MAX_QUERY_CHARS = 1000
MAX_DEPTH = 16

#: A term of a phrase: the analyzed term and whether it is a prefix (only the last may be).
PhraseTerm = tuple[str, bool]


@dataclass
class ParsedQuery:
    """A query ready for FTS5, plus what to highlight in the texts it finds."""

    fts: str
    terms: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    phrases: list[tuple[PhraseTerm, ...]] = field(default_factory=list)


class _Node:
    def fts(self) -> str:
        raise NotImplementedError


@dataclass
class _Phrase(_Node):
    terms: list[PhraseTerm]
    exact: list[str] = field(default_factory=list)  # exact terms a one-word prefix also matches

    def fts(self) -> str:
        words = " ".join(t for t, _ in self.terms)
        star = " *" if self.terms[-1][1] else ""
        parts = [f'"{words}"{star}'] + [f'"{term}"' for term in self.exact]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


@dataclass
class _And(_Node):
    include: list[_Node]
    exclude: list[_Node]

    def fts(self) -> str:
        pos = (
            self.include[0].fts()
            if len(self.include) == 1
            else "(" + " AND ".join(n.fts() for n in self.include) + ")"
        )
        if not self.exclude:
            return pos
        neg = " OR ".join(n.fts() for n in self.exclude)
        return f"({pos} NOT ({neg}))"


@dataclass
class _Or(_Node):
    parts: list[_Node]

    def fts(self) -> str:
        return "(" + " OR ".join(n.fts() for n in self.parts) + ")"


def _lex(text: str) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for m in _LEX_RE.finditer(text):
        kind = m.lastgroup
        if kind is None:
            continue
        if kind == "bad":
            raise BadQueryError(
                f"unbalanced quotation mark at position {m.start() + 1} in {text!r}",
                hint='close the phrase with a second ", or remove the "',
            )
        value = m.group()
        if kind == "word" and value in ("OR", "AND"):
            kind = value
        items.append((kind, value))
    return items


def _word_terms(word: str) -> list[PhraseTerm]:
    is_prefix = word.endswith("*")
    body = word.rstrip("*")
    if "*" in body:
        raise BadQueryError(f"'*' may only end a word, as in flug*: {word!r}")
    toks = TOKEN_RE.findall(body)
    if is_prefix and not toks:
        raise BadQueryError(f"'*' must follow at least one letter or digit: {word!r}")
    return [(analyze_token(t), is_prefix and i == len(toks) - 1) for i, t in enumerate(toks)]


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.items = _lex(text)
        self.pos = 0
        self.highlight = ParsedQuery(fts="")

    def peek(self) -> str | None:
        return self.items[self.pos][0] if self.pos < len(self.items) else None

    def take(self) -> tuple[str, str]:
        item = self.items[self.pos]
        self.pos += 1
        return item

    def parse(self) -> _Node | None:
        node = self.or_expr(negated=False)
        if self.peek() is not None:
            kind, value = self.take()
            raise BadQueryError(f"unexpected {value!r} in {self.text!r}", hint="check the parentheses")
        return node

    def or_expr(self, negated: bool) -> _Node | None:
        if self.peek() == "OR":
            raise BadQueryError(f"OR needs a word on both sides: {self.text!r}")
        parts = [self.and_expr(negated)]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, "OR", "close"):
                raise BadQueryError(f"OR needs a word on both sides: {self.text!r}")
            parts.append(self.and_expr(negated))
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else _Or(kept)

    def and_expr(self, negated: bool) -> _Node | None:
        include: list[_Node] = []
        exclude: list[_Node] = []
        seen_any = False
        while self.peek() not in (None, "OR", "close"):
            if self.peek() == "AND":
                self.take()
                continue
            minus = False
            if self.peek() == "minus":
                self.take()
                minus = True
            node = self.primary(negated or minus)
            seen_any = True
            if node is not None:
                (exclude if minus else include).append(node)
        if exclude and not include:
            raise BadQueryError(
                f"a query needs at least one word that is not excluded: {self.text!r}",
                hint="add a word to search for, e.g. 'nato -russland'",
            )
        if not seen_any or not include:
            return None
        return _And(include, exclude) if (exclude or len(include) > 1) else include[0]

    def primary(self, negated: bool) -> _Node | None:
        kind, value = self.take()
        if kind == "open":
            node = self.or_expr(negated)
            if self.peek() != "close":
                raise BadQueryError(f"unclosed parenthesis in {self.text!r}", hint="add a ')'")
            self.take()
            return node
        if kind == "close":
            raise BadQueryError(f"unexpected ')' in {self.text!r}", hint="check the parentheses")
        if kind == "phrase":
            is_prefix = value.endswith("*")
            inner = value.rstrip("*")[1:-1]
            toks = TOKEN_RE.findall(inner)
            terms = [(analyze_token(t), is_prefix and i == len(toks) - 1) for i, t in enumerate(toks)]
            return self._phrase(terms, toks, negated)
        terms = _word_terms(value)
        return self._phrase(terms, TOKEN_RE.findall(value.rstrip("*")), negated)

    def _phrase(self, terms: list[PhraseTerm], toks: list[str], negated: bool) -> _Node | None:
        if not terms:
            return None
        exact: list[str] = []
        if len(terms) == 1 and terms[0][1]:
            prefixes, exact = analyze_prefix(toks[0])
            terms = [(prefixes[0], True)]
        if not negated:
            hl = self.highlight
            if len(terms) > 1:
                hl.phrases.append(tuple(terms))
            elif terms[0][1]:
                hl.prefixes.add(terms[0][0])
                hl.terms.update(exact)
            else:
                hl.terms.add(terms[0][0])
        return _Phrase(terms, exact)


def max_depth(text: str) -> int:
    """How deeply parentheses outside phrases nest."""
    depth = deepest = 0
    in_phrase = False
    for ch in text:
        if ch == '"':
            in_phrase = not in_phrase
        elif not in_phrase and ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif not in_phrase and ch == ")":
            depth -= 1
    return deepest


def parse_query(text: str) -> ParsedQuery | None:
    """Parse ``text``; ``None`` when it is empty (list what is new). Raises BadQueryError."""
    if not text or not text.strip():
        return None
    if len(text) > MAX_QUERY_CHARS:
        raise BadQueryError(
            f"the query is {len(text)} characters long; at most {MAX_QUERY_CHARS} are allowed"
        )
    depth = max_depth(text)
    if depth > MAX_DEPTH:
        raise BadQueryError(f"the query nests parentheses {depth} deep; at most {MAX_DEPTH} are allowed")
    parser = _Parser(text)
    node = parser.parse()
    if node is None:
        raise BadQueryError(
            f"the query {text!r} has no word to search for",
            hint="use letters or digits, e.g. 'Flugverbotszone'",
        )
    parsed = parser.highlight
    parsed.fts = node.fts()
    return parsed


def any_of(terms: list[str]) -> str:
    """An FTS5 expression matching any of the (already analyzed) terms."""
    return " OR ".join(f'"{t}"' for t in terms)
