"""API keys: stored as hashes, found by token, refused once revoked; on both databases."""

import pytest
from sqlalchemy import create_engine, select

from app.db.models import ApiKey
from app.domain import KeyScope
from app.keys import NameTaken, NoSuchKey, create_key, find_key, list_keys, revoke_key


def test_a_key_is_found_by_its_token_and_stored_only_as_a_hash(empty_db: str) -> None:
    engine = create_engine(empty_db)
    with engine.begin() as connection:
        token = create_key(connection, "newsroom", KeyScope.WRITE)
    with engine.connect() as connection:
        holder = find_key(connection, token)
        stored = connection.execute(select(ApiKey.token_hash)).scalars().all()
        assert find_key(connection, token + "x") is None
    assert holder is not None and (holder.name, holder.scope) == ("newsroom", KeyScope.WRITE)
    assert len(token) > 40 and stored and token not in stored[0]
    engine.dispose()


def test_a_revoked_key_is_refused_and_stays_listed(empty_db: str) -> None:
    engine = create_engine(empty_db)
    with engine.begin() as connection:
        token = create_key(connection, "desk", KeyScope.ADMIN)
        revoke_key(connection, "desk")
    with engine.begin() as connection:
        assert find_key(connection, token) is None
        [listed] = list_keys(connection)
        assert listed.name == "desk" and listed.revoked_at is not None
        with pytest.raises(NoSuchKey):
            revoke_key(connection, "desk")
    engine.dispose()


def test_names_are_unique_and_scopes_nest(empty_db: str) -> None:
    engine = create_engine(empty_db)
    with engine.begin() as connection:
        token = create_key(connection, "desk", KeyScope.WRITE)
        with pytest.raises(NameTaken):
            create_key(connection, "desk", KeyScope.ADMIN)
        holder = find_key(connection, token)
    assert holder is not None and holder.may(KeyScope.WRITE) and not holder.may(KeyScope.ADMIN)
    engine.dispose()
