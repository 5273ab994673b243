"""The topic query language, parsed without any database and compiled to an FTS5 MATCH string.

Syntax (documented for the officer in docs/following.md and the topic dialog):
words separated by spaces must all occur; ``OR`` between terms; ``-term`` or ``NOT term``
excludes; ``"exact phrase"``; ``prefix*``; parentheses group. Matching is case- and
diacritic-insensitive because the index uses ``unicode61 remove_diacritics 2``.

An exclusion holds for its whole group, as in web search engines: ``zorg* OR jeugdzorg
-vacature`` is ``(zorg* OR jeugdzorg) -vacature``, not ``zorg* OR (jeugdzorg -vacature)``;
inside parentheses it holds for what they hold. Parentheses nest at most ``MAX_DEPTH`` deep,
so no query can exhaust this parser's stack or FTS5's.

Only ``QuerySyntaxError`` ever leaves ``parse``/``compile_query``, with the 0-based position of
the problem, so a typo is a message and never a crash. Terms are emitted as quoted FTS5 strings
holding only letters and digits, so no user text can inject FTS5 syntax.
"""

from __future__ import annotations

from collections.abc import Callable
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
#: How deep parentheses may nest: more than a search needs, and within what FTS5's parser
#: takes (its stack of 100 overflowed at 13 levels of ``a OR b (... ) -c``, measured).
MAX_DEPTH = 10


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
        self.depth = 0

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
        """A group: ``OR``-ed branches, minus every exclusion in any of them (see above)."""
        start = self.peek()
        first, excluded = self.parse_and(start.pos if start else len(self.query))
        options = [first]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            following = self.peek()
            if following is None or following.kind in ("or", "rparen"):
                raise QuerySyntaxError(_("OR needs a term on both sides"), token.pos)
            option, exclude = self.parse_and(following.pos)
            options.append(option)
            excluded.extend(exclude)
        kept = tuple(option for option in options if option is not None)
        if not kept:
            return None
        node = kept[0] if len(kept) == 1 else Or(kept)
        if not excluded:
            return node
        include = node.include if isinstance(node, And) and not node.exclude else (node,)
        return And(include, tuple(excluded))

    def parse_and(self, pos: int) -> tuple[Node | None, list[Node]]:
        """A branch: what it includes (``None``: nothing searchable) and what it excludes."""
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
            return None, []
        return (include[0] if len(include) == 1 else And(tuple(include), ())), exclude

    def parse_atom(self) -> Node | None:
        token = self.take()
        if token.kind == "lparen":
            if (inner_start := self.peek()) is None:
                raise QuerySyntaxError(_("a parenthesis is not closed"), token.pos)
            if inner_start.kind == "rparen":
                raise QuerySyntaxError(_("the parentheses are empty"), token.pos)
            if self.depth >= MAX_DEPTH:
                raise QuerySyntaxError(_("parentheses are nested more than {n} deep").format(
                    n=MAX_DEPTH), token.pos)
            self.depth += 1
            node = self.parse_or()
            self.depth -= 1
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


def without_terms(node: Node, drop: Callable[[Term], bool]) -> Node | None:
    """``node`` with the terms ``drop`` picks taken out, as if each could never match.

    An AVG erasure removes the person's name from every item, so a term that names them matches
    nothing any more; leaving it out keeps what the query matches. ``None``: nothing is left
    that could match. An option of an ``OR`` goes; a group (``AND``) that needs the term goes
    whole; an exclusion of it goes (it excluded nothing any more).
    """
    if isinstance(node, Term):
        return None if drop(node) else node
    if isinstance(node, Or):
        options = tuple(kept for option in node.options
                        if (kept := without_terms(option, drop)) is not None)
        if not options:
            return None
        return options[0] if len(options) == 1 else Or(options)
    include = tuple(without_terms(part, drop) for part in node.include)
    if any(part is None for part in include):
        return None
    exclude = tuple(kept for part in node.exclude
                    if (kept := without_terms(part, drop)) is not None)
    kept_include = tuple(part for part in include if part is not None)
    if not exclude and len(kept_include) == 1:
        return kept_include[0]
    return And(kept_include, exclude)


def to_query(node: Node) -> str:
    """``node`` written back in the query language; ``compile_query`` of it gives ``to_fts``
    of ``node`` (the officer's own spelling of what stays is not kept)."""
    return _written(node, nested=False)


def _written(node: Node, *, nested: bool) -> str:
    if isinstance(node, Term):
        words = node.text.split()
        text = node.text if len(words) == 1 and not node.phrase and words[0] not in (
            "OR", "NOT", "AND") else f'"{node.text}"'
        return text + ("*" if node.prefix else "")
    if isinstance(node, Or):
        text = " OR ".join(_written(option, nested=True) for option in node.options)
        return f"({text})" if nested else text
    parts = [_written(part, nested=True) for part in node.include]
    parts += ["-" + _written(part, nested=True) for part in node.exclude]
    text = " ".join(parts)
    return f"({text})" if nested else text
