"""Content negotiation: `?format=` first, then the `Accept` header, else JSON."""

from dataclasses import dataclass

from app.errors import DomainError, InvalidParameter

JSON = "application/json"
CSV = "text/csv"
NDJSON = "application/x-ndjson"
JSONLD = "application/ld+json"

# `?format=` values and the media type each one names.
FORMATS = {"json": JSON, "csv": CSV, "ndjson": NDJSON, "jsonld": JSONLD}
# Spellings a client may send in `Accept`, and the media type each one means.
ACCEPTED = {
    JSON: JSON,
    CSV: CSV,
    NDJSON: NDJSON,
    "application/ndjson": NDJSON,
    "application/jsonl": NDJSON,
    JSONLD: JSONLD,
    "application/*": JSON,
    "text/*": CSV,
    "*/*": JSON,
}


class NotAcceptable(DomainError):
    status = 406


@dataclass(frozen=True)
class Offer:
    media_type: str
    quality: float
    order: int

    @property
    def rank(self) -> tuple[float, int, int]:
        """Higher quality first; then the more specific range; then the earlier one."""
        specificity = 0 if self.media_type == "*/*" else 1 if self.media_type.endswith("/*") else 2
        return (-self.quality, -specificity, self.order)


def parse_accept(header: str) -> list[Offer]:
    """The media ranges of an `Accept` header with their quality (q=0 ranges are dropped)."""
    offers = []
    for order, part in enumerate(header.split(",")):
        media_type, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media_type and quality > 0:
            offers.append(Offer(media_type.lower(), quality, order))
    return sorted(offers, key=lambda offer: offer.rank)


def from_accept(header: str | None) -> str | None:
    """The media type to answer with for `header`, or None if nothing we offer is acceptable."""
    if not header or not header.strip():
        return JSON
    for offer in parse_accept(header):
        if offer.media_type in ACCEPTED:
            return ACCEPTED[offer.media_type]
    return None


def negotiate(format_value: str | None, accept: str | None) -> str:
    """The media type of the answer; 422 for an unknown `format`, 406 for an unmet `Accept`."""
    if format_value is not None:
        if format_value not in FORMATS:
            raise InvalidParameter(
                f"query.format: must be one of {', '.join(FORMATS)}",
                errors=[
                    {"location": "query.format", "message": f"unknown format {format_value!r}"}
                ],
            )
        return FORMATS[format_value]
    chosen = from_accept(accept)
    if chosen is None:
        raise NotAcceptable(
            f"cannot answer with any of {accept!r}; available: {', '.join(FORMATS.values())}"
            " (or ?format=" + "|".join(FORMATS) + ")"
        )
    return chosen


def covers(accepted: str, media_type: str) -> bool:
    """Whether one media range of `Accept` covers `media_type`: by name, an alias or a range."""
    if accepted in ("*/*", media_type.split("/")[0] + "/*"):
        return True
    return "*" not in accepted and ACCEPTED.get(accepted) == media_type


def choose(header: str | None, offered: list[str]) -> str:
    """The one of `offered` (default first) that `Accept` prefers, for routes that answer in a
    few media types of their own; 406 if `Accept` admits none of them."""
    if not header or not header.strip():
        return offered[0]
    for offer in parse_accept(header):
        for media_type in offered:
            if covers(offer.media_type, media_type):
                return media_type
    raise NotAcceptable(f"cannot answer with any of {header!r}; this answers {', '.join(offered)}")


def require_admitted(header: str | None, media_type: str) -> None:
    """406 unless `Accept` admits `media_type` (for routes with a single media type)."""
    choose(header, [media_type])
