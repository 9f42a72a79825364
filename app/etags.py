"""Strong entity tags of single records, and how they compare.

A record's strong ETag is a digest of its JSON answer. When that answer goes out gzipped, the
bytes are another representation, so its tag gets a suffix of its own (`"…-gzip"`, as Apache's
mod_deflate does); a client may send back either form and both name the same record state.
"""

import hashlib

GZIP_SUFFIX = "-gzip"


def strong_tag(body: bytes) -> str:
    """The strong ETag of an answer: a digest of its very bytes."""
    return f'"{hashlib.sha256(body).hexdigest()}"'


def coded(tag: str) -> str:
    """The tag of the gzip coding of the answer tagged `tag`."""
    return tag if tag.endswith(f'{GZIP_SUFFIX}"') else f'{tag[:-1]}{GZIP_SUFFIX}"'


def uncoded(tag: str) -> str:
    """The tag of the identity answer whose coding, or itself, is tagged `tag`."""
    return tag.removesuffix(f'{GZIP_SUFFIX}"') + '"' if tag.endswith(f'{GZIP_SUFFIX}"') else tag


def matches(if_match: str, tag: str) -> bool:
    """Whether an If-Match header names `tag` or its gzip coding (strong comparison: a weak tag
    never matches); `*` matches any current representation."""
    candidates = [candidate.strip() for candidate in if_match.split(",")]
    return "*" in candidates or any(uncoded(candidate) == tag for candidate in candidates)
