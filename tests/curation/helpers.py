"""Bodies of writes over the mini seed: each cites its stored documents verbatim."""

from typing import Any

AFP = "afp-2025-08-15"
LEGITIMATE = (
    "Speaking about Ukraine, Putin said Russia was “sincerely interested in putting an end” to "
    "the conflict in Ukraine but called for Russia’s “legitimate concerns” to be taken into "
    "account."
)


def new_quote(**changes: Any) -> dict[str, Any]:
    """A quote of Putin's that the mini seed does not hold, citing the AFP article."""
    body: dict[str, Any] = {
        "id": "putin-sincerely-interested",
        "text": "sincerely interested in putting an end",
        "speaker": "vladimir-putin",
        "said_on": "2025-08-15",
        "fragment": True,
        "topics": ["ceasefire"],
        "citations": [{"source": AFP, "excerpt": LEGITIMATE}],
    }
    return {**body, **changes}


def new_position(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "putin-legitimate-concerns",
        "actor": "vladimir-putin",
        "topic": "ceasefire",
        "stance": "conditional",
        "statement": "Wants an end to the conflict if Russia's concerns are taken into account.",
        "held_on": "2025-08-15",
        "citations": [{"source": AFP, "excerpt": LEGITIMATE}],
    }
    return {**body, **changes}


def new_source(**changes: Any) -> dict[str, Any]:
    text = "Kremlin note\nThe Kremlin said on Monday that talks “will continue”.\r\n"
    body: dict[str, Any] = {
        "id": "kremlin-note-2025-08-18",
        "title": "Kremlin note",
        "publisher": "Example Wire",
        "published_at": "2025-08-18T10:30:00",
        "time_zone": "Europe/Moscow",
        "url": "https://example.org/kremlin-note",
        "language": "en",
        "rights": "© Example Wire",
        "text_access": "keys",
        "text": text,
        "articles": [
            {
                "id": "kremlin-note",
                "title": "Kremlin note",
                "published_on": "2025-08-18",
                "start": 0,
                "end": len(text),
            }
        ],
    }
    return {**body, **changes}
