"""The query language: parsed into a tree, rendered safely for FTS5 and for tsquery."""

import pytest

from app.derived.search_store import NAME_MARK
from app.errors import InvalidParameter
from app.queries import search_postgres, search_sqlite
from app.queries.search_syntax import AllOf, AnyOf, Terms, fold, parse


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("Ceasefire", Terms(("ceasefire",))),
        ("ceasefire talks", AllOf((Terms(("ceasefire",)), Terms(("talks",))))),
        ("ceasefire AND talks", AllOf((Terms(("ceasefire",)), Terms(("talks",))))),
        ('"Fair  Peace"', Terms(("fair", "peace"))),
        ("“fair peace”", Terms(("fair", "peace"))),
        ("zelensk*", Terms(("zelensk",), prefix=True)),
        ("U.S.", Terms(("u", "s"))),
        ("a OR b", AnyOf((Terms(("a",)), Terms(("b",))))),
        ("putin NOT trump", AllOf((Terms(("putin",)),), (Terms(("trump",)),))),
        ("putin -trump", AllOf((Terms(("putin",)),), (Terms(("trump",)),))),
        ("Zelenskyy’s", Terms(("zelenskyy", "s"))),
        ("Mérz", Terms(("merz",))),
        ("putin — trump", AllOf((Terms(("putin",)), Terms(("trump",))))),
        ("(a OR b) c", AllOf((AnyOf((Terms(("a",)), Terms(("b",)))), Terms(("c",))))),
        ("and or not", AllOf((Terms(("and",)), Terms(("or",)), Terms(("not",))))),
    ],
)
def test_queries_parse_as_users_expect(query: str, tree: object) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("(putin", "never closed"),
        ("putin)", "unbalanced"),
        ('"fair peace', "never closed"),
        ("NOT putin", "NOT only excludes"),
        ("-putin", "NOT only excludes"),
        ("putin OR", "OR needs"),
        ("OR putin", "OR needs"),
        ("putin AND", "AND needs"),
        ("putin NOT", "NOT needs"),
        ("*", "a * must follow"),
        ("z*", "at least 2"),
        ("— …", "no words"),
        ("", "no words"),
        ("()", "no words"),
        ("x" * 501, "at most 500"),
        (" ".join(["w"] * 33), "at most 32"),
        ("(" * 17 + "a" + ")" * 17, "nest at most 16 deep"),
        ("(" * 246 + "ab" + ")" * 246, "nest at most 16 deep"),
    ],
)
def test_malformed_queries_say_what_is_wrong(query: str, reason: str) -> None:
    with pytest.raises(InvalidParameter) as raised:
        parse(query)
    assert reason in raised.value.detail
    assert raised.value.detail.startswith("q: ")


def test_parentheses_nest_up_to_the_bound() -> None:
    assert parse("(" * 16 + "a OR b" + ")" * 16) == AnyOf((Terms(("a",)), Terms(("b",))))
    assert parse("(a (b (c)))") == AllOf((Terms(("a",)), AllOf((Terms(("b",)), Terms(("c",))))))


def test_fts5_and_tsquery_renderings() -> None:
    tree = parse('(a OR "b c") dd* NOT e')
    name = NAME_MARK
    names = "name_words"
    assert search_sqlite.expression(tree) == (
        f'(((({{title body topics}} : "a" OR {names} : "a{name}") OR '
        f'({{title body topics}} : "b c" OR {names} : "b{name} c{name}")) AND '
        f'({{title body topics}} : "dd"* OR {names} : "dd"*)) NOT '
        f'(({{title body topics}} : "e" OR {names} : "e{name}")))'
    )
    stems = "{title body names topics} : "
    assert search_sqlite.by_stems(tree) == (
        f'((({stems}"a" OR {stems}"b c") AND {stems}"dd"*) NOT ({stems}"e"))'
    )
    assert search_sqlite.exactly(tree) == '((("a" OR "b c") AND "dd"*) NOT ("e"))'
    assert search_sqlite.as_written(tree) == '"a" OR "b c" OR "dd"*'


def test_a_tsquery_has_each_word_by_its_stems_and_as_written() -> None:
    # The stems as PostgreSQL gives them (`prepared` reads them): "guarantees" is 'guarante'.
    stems = {"a": "'a'", "b": "'b'", "c": "'c'", "dd": "'dd'", "guarantees": "'guarante'"}
    tree = search_postgres.with_stems(parse('(a OR "b c") dd* NOT guarantees'), stems)
    assert search_postgres.tsquery(tree) == (
        "((((('a':AC) | ('a':BD)) | (('b':AC <-> 'c':AC) | ('b':BD <-> 'c':BD))) & "
        "(('dd':*AC) | ('dd':*BD))) & !((('guarante':AC) | ('guarantees':BD))))"
    )


def test_fts5_syntax_in_user_text_is_only_words() -> None:
    rendered = search_sqlite.exactly(parse('NEAR(a b) col:c "d" ^e'))
    assert rendered == '("near" AND ("a" AND "b") AND "col c" AND "d" AND "e")'


def test_folding_removes_case_and_accents() -> None:
    assert fold("António ZELENSKYY Ærø") == "antonio zelenskyy ærø"
