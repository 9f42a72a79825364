"""An id that names no record is a 422 that names the parameter and suggests the nearest ids by
name and alias, never an empty page."""

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.errors import InvalidParameter
from app.queries.known_ids import check_ids, vocabulary


def test_the_nearest_ids_come_from_names_and_aliases() -> None:
    actors = vocabulary(
        [
            ("vladimir-putin", "Vladimir Putin"),
            ("vladimir-putin", "Putin"),
            ("volodymyr-zelensky", "Volodymyr Zelensky"),
            ("donald-trump", "Donald Trump"),
        ]
    )
    assert actors.nearest("putin")[0] == "vladimir-putin"
    assert actors.nearest("vladimir-puttin")[0] == "vladimir-putin"
    assert actors.nearest("Zelenskyy")[0] == "volodymyr-zelensky"
    assert actors.nearest("qqqq") == []


def test_check_ids_names_each_unknown_id_with_suggestions(mini_db: str) -> None:
    engine = create_engine(mini_db)
    try:
        with Session(engine) as session:
            check_ids(session, {"speaker": ("actors", ["vladimir-putin"])})
            with pytest.raises(InvalidParameter) as refused:
                check_ids(
                    session,
                    {
                        "speaker": ("actors", ["putin", "vladimir-putin"]),
                        "topic": ("topics", ["ceasfire"]),
                    },
                )
    finally:
        engine.dispose()
    errors = refused.value.extra["errors"]
    assert [error["location"] for error in errors] == ["query.speaker", "query.topic"]
    assert "no actor has the id 'putin'; did you mean 'vladimir-putin'" in errors[0]["message"]
    assert "did you mean 'ceasefire'" in errors[1]["message"]
