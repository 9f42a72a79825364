"""Security headers for every response, with the Content-Security-Policy kept in one place."""

from starlette.datastructures import MutableHeaders

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


def secure(headers: MutableHeaders) -> None:
    """Add HEADERS and a Content-Security-Policy to a response's headers, where it lacks them."""
    for name, value in HEADERS.items():
        headers.setdefault(name, value)
    policy = content_security_policy(headers.get("content-type", ""))
    headers.setdefault("Content-Security-Policy", policy)
