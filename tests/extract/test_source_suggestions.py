"""Suggestions for a stored source, as an endpoint would answer them: read article by article at
each article's date, knowing the dataset's actors; each record body a valid seed quote."""

from sqlalchemy import create_engine

from app.loader.records import QuoteRecord
from app.loader.verify import find_excerpt
from app.queries.suggestions import source_suggestions


def test_a_stored_sources_suggestions(mini_db: str) -> None:
    engine = create_engine(mini_db)
    try:
        with engine.connect() as connection:
            found = source_suggestions(connection, "chinadaily-2025-08-14")
            text = connection.exec_driver_sql(
                "SELECT text FROM sources WHERE id = 'chinadaily-2025-08-14'"
            ).scalar_one()
            assert source_suggestions(connection, "no-such-source") is None
    finally:
        engine.dispose()
    assert found is not None and found.publisher == "China Daily"
    by_text = {q.parts[0].text: q for q in found.quotes}
    fadeev = next(q for text, q in by_text.items() if text.startswith("We consider"))
    assert fadeev.speaker is not None and fadeev.speaker.actor == "alexey-fadeev"
    assert fadeev.article == "all-accumulated-issues"
    tuesday = by_text["the inherent right of Ukraine to choose its own destiny"]
    assert tuesday.said_on.date == "2025-08-12"
    for quote in found.quotes:
        assert find_excerpt(text, quote.excerpt.text, quote.excerpt.start) == (
            quote.excerpt.start,
            "",
        )
        if quote.record is not None:
            QuoteRecord.model_validate(quote.record)
    assert {m.id for m in found.mentions} >= {"alexey-fadeev", "volodymyr-zelensky", "donald-trump"}
