"""Security headers for every response, with the Content-Security-Policy kept in one place."""

# API responses load nothing and may be framed by no one.
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# HTML pages (the docs, the explorer) load scripts and styles from this origin only: both start
# from static files, with no inline script or style; Swagger UI shows data: images.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self';"
    " img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none';"
    " base-uri 'self'; form-action 'none'"
)

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-site",
}


def content_security_policy(content_type: str) -> str:
    """The policy for a response of `content_type`: pages get PAGE_POLICY, the rest API_POLICY."""
    return PAGE_POLICY if content_type.startswith("text/html") else API_POLICY


# As raw headers, for an API answer and for a page.
RAW_HEADERS = {name.lower().encode(): value.encode() for name, value in HEADERS.items()}
RAW_SECURE = {
    policy: {**RAW_HEADERS, b"content-security-policy": policy.encode()}
    for policy in (API_POLICY, PAGE_POLICY)
}


def security_headers(content_type: bytes | None) -> dict[bytes, bytes]:
    """HEADERS and the Content-Security-Policy for an answer of `content_type`, as raw headers
    (each added where the answer lacks it)."""
    return RAW_SECURE[content_security_policy((content_type or b"").decode("latin-1"))]
