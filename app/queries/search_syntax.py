"""The search query language, parsed into a tree that each database dialect renders safely.

    ceasefire talks        both words (AND is implied)
    "security guarantees"  the phrase (straight or typographic quotes)
    zelensk*               words starting with "zelensk" (at least two letters before the star)
    sanctions OR tariffs   either word; AND, OR and NOT are operators only in capitals
    putin NOT trump        excluding a word; `-trump` is the same
    (a OR b) c             parentheses group (nested at most 16 deep)

Matching ignores case and accents. User text never reaches the database as syntax: every word is
reduced to its letters and digits here, and the dialect modules quote what is left.
"""

import re
import unicodedata
from dataclasses import dataclass

from app.errors import InvalidParameter

MAX_QUERY_LENGTH = 500
MAX_TERMS = 32
# Each level of parentheses is a few frames of recursive descent: bounding it keeps any query
# far from Python's recursion limit.
MAX_NESTING = 16
MIN_PREFIX = 2
QUOTES = {'"': '"', "“": "”", "„": "“", "«": "»", "”": "”"}
TOKEN = re.compile(r"[^\W_]+")
SPECIAL = set("()") | set(QUOTES)


def fold(text: str) -> str:
    """Lower case without accents: the form both the index and the query are matched in."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def words(text: str) -> list[str]:
    """The searchable words of `text`, folded."""
    return TOKEN.findall(fold(text))


@dataclass(frozen=True)
class Terms:
    """Words that must follow each other (one word, a hyphenated word or a phrase)."""

    words: tuple[str, ...]
    prefix: bool = False
    # How the database in use stems each word, where it needs them given (PostgreSQL: a tsquery
    # of each word's lexemes, as its `summitkb_english` configuration makes them).
    stems: tuple[str, ...] = ()


@dataclass(frozen=True)
class AllOf:
    include: tuple["Node", ...]
    exclude: tuple["Node", ...] = ()


@dataclass(frozen=True)
class AnyOf:
    options: tuple["Node", ...]


Node = Terms | AllOf | AnyOf


def _bad(reason: str) -> InvalidParameter:
    return InvalidParameter(f"q: {reason}")


def tokenize(query: str) -> list[str]:
    """Split into words, phrases ('"..."'), parentheses and operators."""
    tokens: list[str] = []
    index = 0
    while index < len(query):
        char = query[index]
        if char.isspace():
            index += 1
        elif char in "()":
            tokens.append(char)
            index += 1
        elif char in QUOTES:
            end = query.find(QUOTES[char], index + 1)
            if end < 0:
                raise _bad(f"the quote opened at character {index + 1} is never closed")
            tokens.append('"' + query[index + 1 : end])
            index = end + 1
        else:
            end = index
            while end < len(query) and not query[end].isspace() and query[end] not in SPECIAL:
                end += 1
            tokens.append(query[index:end])
            index = end
    return tokens


class Parser:
    """Recursive descent over the tokens: or → and → unary → primary."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0
        self.terms = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse(self) -> Node:
        node = self.any_()
        if self.peek() is not None:
            raise _bad(f"unexpected {self.peek()!r}: is a parenthesis unbalanced?")
        if node is None:
            raise _bad("no words to search for (letters or digits)")
        return node

    def any_(self) -> Node | None:
        options = [self.all_()]
        while self.peek() == "OR":
            self.take()
            options.append(self.all_())
        kept = tuple(option for option in options if option is not None)
        if len(options) > 1 and len(kept) < len(options):
            raise _bad("OR needs a search term on each side")
        return kept[0] if len(kept) == 1 else (AnyOf(kept) if kept else None)

    def all_(self) -> Node | None:
        include: list[Node] = []
        exclude: list[Node] = []
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.take()
                if self.peek() in (None, "OR", ")", "AND"):
                    raise _bad("AND needs a search term on each side")
                continue
            negated, node = self.unary()
            if node is not None:
                (exclude if negated else include).append(node)
        if exclude and not include:
            raise _bad("NOT only excludes: add a word to search for, as in 'putin NOT trump'")
        if not include:
            return None
        if len(include) == 1 and not exclude:
            return include[0]
        return AllOf(tuple(include), tuple(exclude))

    def unary(self) -> tuple[bool, Node | None]:
        token = self.peek()
        if token == "NOT":
            self.take()
            if self.peek() in (None, "OR", ")", "AND", "NOT"):
                raise _bad("NOT needs a search term after it")
            return True, self.primary()
        if token is not None and token.startswith("-") and len(token) > 1:
            self.tokens[self.at] = token[1:]
            return True, self.primary()
        return False, self.primary()

    def primary(self) -> Node | None:
        token = self.take()
        if token == "(":
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise _bad(f"parentheses nest at most {MAX_NESTING} deep")
            node = self.any_()
            if self.peek() != ")":
                raise _bad("a parenthesis is opened but never closed")
            self.take()
            self.depth -= 1
            return node
        if token == ")":
            raise _bad("a parenthesis is closed but never opened")
        return self.terms_of(token)

    def terms_of(self, token: str) -> Terms | None:
        phrase = token.startswith('"')
        prefix = not phrase and token.endswith("*")
        found = words(token.lstrip('"').rstrip("*") if not phrase else token[1:])
        if not found:
            if prefix:
                raise _bad("a * must follow the start of a word, as in 'zelensk*'")
            return None
        if prefix and len(found[-1]) < MIN_PREFIX:
            raise _bad(f"a prefix needs at least {MIN_PREFIX} letters before the *")
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise _bad(f"at most {MAX_TERMS} search terms")
        return Terms(tuple(found), prefix)


def terms(node: Node) -> list[Terms]:
    """Every term of `node`, excluded ones too, in query order."""
    if isinstance(node, Terms):
        return [node]
    if isinstance(node, AnyOf):
        return [term for option in node.options for term in terms(option)]
    return [term for part in (*node.include, *node.exclude) for term in terms(part)]


def wanted(node: Node) -> list[Terms]:
    """The terms a match holds some of (those not excluded), in query order: what ranks it."""
    if isinstance(node, Terms):
        return [node]
    if isinstance(node, AnyOf):
        return [term for option in node.options for term in wanted(option)]
    return [term for part in node.include for term in wanted(part)]


def parse(query: str) -> Node:
    """The tree of `query`; a 422 problem that says what is wrong if it is malformed."""
    if len(query) > MAX_QUERY_LENGTH:
        raise _bad(f"at most {MAX_QUERY_LENGTH} characters")
    return Parser(tokenize(query)).parse()
