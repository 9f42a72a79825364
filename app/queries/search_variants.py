"""The dataset's variant words in a query: a term that holds one is searched with each of the
others too ("Donbass" as "Donbass" OR "Donbas"; "full cease-fire" as "full cease fire" OR "full
ceasefire").

Expanded here, at search time, rather than in the index: a hit's snippet then marks the words
its text really has, and the index holds only what the records say.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import islice, product

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from app.queries.dataset_version import PerVersion
from app.queries.search_syntax import AllOf, AnyOf, Node, Terms, terms

# Words in a variant at most (the seed check holds them to it): a query is looked up by its runs
# of up to this many words.
MAX_WORDS = 4
# Spellings of one term searched at most (a phrase may hold several variant words).
MAX_ALTERNATIVES = 16
VARIANTS = text(
    "SELECT given.folded, other.folded FROM variant_words AS given "
    "JOIN variant_words AS other "
    "ON other.variant_id = given.variant_id AND other.folded <> given.folded "
    "ORDER BY given.folded, other.variant_id, other.ordinal"
)


def read_variants(connection: Connection) -> dict[str, tuple[str, ...]]:
    """Each variant word, and the other spellings of its variant in their order."""
    others: dict[str, list[str]] = defaultdict(list)
    for given, other in connection.execute(VARIANTS):
        others[given].append(other)
    return {given: tuple(spellings) for given, spellings in others.items()}


# The variant words of the dataset a session reads: few, and changed only with the dataset, so
# read once per version rather than by a statement per search.
variant_spellings: PerVersion[dict[str, tuple[str, ...]]] = PerVersion(read_variants)


def with_variants(session: Session, node: Node) -> Node:
    """`node` with each term that holds variant words searched in each of their spellings."""
    spans = {span for term in terms(node) if not term.prefix for span in _spans(term.words)}
    if not spans:
        return node
    known = variant_spellings(session)
    others = {span: known[span] for span in spans if span in known}
    return _rewritten(node, others) if others else node


def _spans(words: tuple[str, ...]) -> set[str]:
    """Every run of up to MAX_WORDS words of `words`, as a variant word is stored."""
    return {
        " ".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 1, min(len(words), start + MAX_WORDS) + 1)
    }


def _rewritten(node: Node, others: Mapping[str, Sequence[str]]) -> Node:
    if isinstance(node, Terms):
        return node if node.prefix else _spelled(node, others)
    if isinstance(node, AnyOf):
        return AnyOf(tuple(_rewritten(option, others) for option in node.options))
    return AllOf(
        tuple(_rewritten(part, others) for part in node.include),
        tuple(_rewritten(part, others) for part in node.exclude),
    )


def _spelled(term: Terms, others: Mapping[str, Sequence[str]]) -> Node:
    """The term in each spelling of its variant words (the longest run at each word)."""
    pieces: list[list[tuple[str, ...]]] = []
    at = 0
    while at < len(term.words):
        for end in range(min(len(term.words), at + MAX_WORDS), at, -1):
            run = " ".join(term.words[at:end])
            if run in others:
                pieces.append([tuple(spelling.split()) for spelling in [run, *others[run]]])
                at = end
                break
        else:
            pieces.append([(term.words[at],)])
            at += 1
    spellings = islice(product(*pieces), MAX_ALTERNATIVES)
    options = tuple(Terms(tuple(word for piece in pick for word in piece)) for pick in spellings)
    return options[0] if len(options) == 1 else AnyOf(options)
