"""The quote list query strings the document lane reads itself: the plain ones.

Plain means: only `speaker`, `said_from`, `said_to`, `limit`, `cursor` and `facet=speaker` (with
a date and no speaker: the stored running counts answer it), each at most once, written without
escapes, each value of the form the stack accepts (a slug id, a date as
YYYY-MM-DD, a page size within its bounds, a cursor's characters). Anything else, valid or not,
is the stack's: it checks, explains and answers every other request.
"""

import datetime as dt
import re

from app.api.deps import LIMIT_DEFAULT, LIMIT_MAX
from app.queries.document_lists import PlainList

# No percent-escapes, '+' or ';': the raw string is then the decoded one.
PLAIN_QUERY = re.compile(r"[A-Za-z0-9._~=&-]+")
VALUES = {
    "speaker": re.compile(r"[A-Za-z0-9._~-]{1,200}"),
    "said_from": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "said_to": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "limit": re.compile(r"[1-9][0-9]{0,2}"),
    "cursor": re.compile(r"[A-Za-z0-9_-]{1,1000}"),
    "facet": re.compile(r"speaker"),
}


def plain_list(query_string: bytes) -> PlainList | None:
    """The request in `query_string` if it is plain (see above); None otherwise."""
    given = _pairs(query_string)
    if given is None:
        return None
    try:
        said_from, said_to = (_date(given.get(name)) for name in ("said_from", "said_to"))
    except ValueError:
        return None
    limit = int(given.get("limit", LIMIT_DEFAULT))
    if limit > LIMIT_MAX:
        return None
    speaker, facet = given.get("speaker"), "facet" in given
    if facet and (speaker is not None or (said_from is None and said_to is None)):
        return None  # a speaker facet the running counts do not answer
    return PlainList(limit, speaker, said_from, said_to, given.get("cursor"), facet)


def _pairs(query_string: bytes) -> dict[str, str] | None:
    """The parameters, if each is a known one given once with a well-formed value."""
    given: dict[str, str] = {}
    if not query_string:
        return given
    text = query_string.decode("latin-1")
    if not PLAIN_QUERY.fullmatch(text):
        return None
    for pair in text.split("&"):
        name, _, value = pair.partition("=")
        form = VALUES.get(name)
        if form is None or name in given or not form.fullmatch(value):
            return None
        given[name] = value
    return given


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)
