"""The topic query language, parsed without any database and compiled to an FTS5 MATCH string.

Syntax (documented for the officer in docs/following.md and the topic dialog):
words separated by spaces must all occur; ``OR`` between terms; ``-term`` or ``NOT term``
excludes; ``"exact phrase"``; ``prefix*``; parentheses group. Matching is case- and
diacritic-insensitive because the index uses ``unicode61 remove_diacritics 2``.

Only ``QuerySyntaxError`` ever leaves ``parse``/``compile_query``, with the 0-based position of
the problem, so a typo is a message and never a crash. Terms are emitted as quoted FTS5 strings
holding only letters and digits, so no user text can inject FTS5 syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _


class QuerySyntaxError(UsageError):
    """A query that cannot be understood; ``position`` is the 0-based offset of the problem."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(
            _("Query error at character {n}: {problem}").format(n=position + 1, problem=message))
        self.problem = message
        self.position = position


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class And:
    include: tuple[Node, ...]
    exclude: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    options: tuple[Node, ...]


Node = Term | And | Or

_SPECIAL = '()"'


@dataclass(frozen=True)
class _Token:
    kind: str  # word, phrase, lparen, rparen, or, not, minus
    value: str
    pos: int
    prefix: bool = False


def _tokenize(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(query):
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch == "(":
            tokens.append(_Token("lparen", ch, i))
            i += 1
        elif ch == ")":
            tokens.append(_Token("rparen", ch, i))
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError(_("a quote is not closed"), i)
            prefix = end + 1 < len(query) and query[end + 1] == "*"
            tokens.append(_Token("phrase", query[i + 1:end], i, prefix))
            i = end + 2 if prefix else end + 1
        elif ch == "-" and i + 1 < len(query) and not query[i + 1].isspace():
            tokens.append(_Token("minus", ch, i))
            i += 1
        else:
            start = i
            while i < len(query) and not query[i].isspace() and query[i] not in _SPECIAL:
                i += 1
            word = query[start:i]
            if word == "OR":
                tokens.append(_Token("or", word, start))
            elif word == "NOT":
                tokens.append(_Token("not", word, start))
            elif word == "AND":
                continue  # explicit AND means the same as a space
            else:
                prefix = word.endswith("*")
                tokens.append(_Token("word", word.rstrip("*"), start, prefix))
    return tokens


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokenize(query)
        self.index = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise QuerySyntaxError(_("the query is empty"), 0)
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:
            raise QuerySyntaxError(_("a closing parenthesis has no opening one"), extra.pos)
        if node is None:
            raise QuerySyntaxError(_("the query has no words to search for"), 0)
        return node

    def parse_or(self) -> Node | None:
        start = self.peek()
        options = [self.parse_and(start.pos if start else len(self.query))]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            following = self.peek()
            if following is None or following.kind in ("or", "rparen"):
                raise QuerySyntaxError(_("OR needs a term on both sides"), token.pos)
            options.append(self.parse_and(following.pos))
        kept = tuple(option for option in options if option is not None)
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(kept)

    def parse_and(self, pos: int) -> Node | None:
        include: list[Node] = []
        exclude: list[Node] = []
        seen = False
        while (token := self.peek()) is not None and token.kind not in ("or", "rparen"):
            seen = True
            if token.kind in ("minus", "not"):
                self.take()
                following = self.peek()
                if following is None or following.kind in ("or", "rparen", "minus", "not"):
                    raise QuerySyntaxError(_("nothing follows the exclusion"), token.pos)
                node = self.parse_atom()
                if node is not None:
                    exclude.append(node)
            else:
                node = self.parse_atom()
                if node is not None:
                    include.append(node)
        if not seen:
            raise QuerySyntaxError(_("OR needs a term on both sides"), pos)
        if exclude and not include:
            raise QuerySyntaxError(
                _("an exclusion needs at least one word to search for next to it"), pos)
        if not include:
            return None
        if not exclude and len(include) == 1:
            return include[0]
        return And(tuple(include), tuple(exclude))

    def parse_atom(self) -> Node | None:
        token = self.take()
        if token.kind == "lparen":
            if (inner_start := self.peek()) is None:
                raise QuerySyntaxError(_("a parenthesis is not closed"), token.pos)
            if inner_start.kind == "rparen":
                raise QuerySyntaxError(_("the parentheses are empty"), token.pos)
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != "rparen":
                raise QuerySyntaxError(_("a parenthesis is not closed"), token.pos)
            self.take()
            return node
        if token.kind in ("word", "phrase"):
            text = _searchable(token.value)
            if not text:
                return None  # punctuation only: nothing the index could ever contain
            return Term(text, phrase=token.kind == "phrase", prefix=token.prefix)
        raise QuerySyntaxError(_("unexpected '{token}'").format(token=token.value), token.pos)


def _searchable(text: str) -> str:
    """Letters and digits only, so the quoted FTS5 string holds nothing but tokens."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


def parse(query: str) -> Node:
    """The query as a tree; raises ``QuerySyntaxError`` (with position) on a mistake."""
    return _Parser(query).parse()


def to_fts(node: Node) -> str:
    if isinstance(node, Term):
        return f'"{node.text}"' + ("*" if node.prefix else "")
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts(option) for option in node.options) + ")"
    positive = " AND ".join(to_fts(part) for part in node.include)
    if not node.exclude:
        return f"({positive})"
    negative = " OR ".join(to_fts(part) for part in node.exclude)
    return f"(({positive}) NOT ({negative}))"


def compile_query(query: str) -> str:
    """The FTS5 MATCH expression for ``query``."""
    return to_fts(parse(query))
