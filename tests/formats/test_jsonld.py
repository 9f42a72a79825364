"""JSON-LD: schema.org types, valid for a JSON-LD processor that may fetch nothing."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pyld import jsonld  # type: ignore[import-untyped]

SCHEMA = "https://schema.org/"


def offline_loader(url: str, options: dict[str, Any] | None = None) -> Any:
    raise AssertionError(f"the processor tried to fetch {url}")


OPTIONS = {"documentLoader": offline_loader}


def base(client: TestClient) -> str:
    """The public base URL the app writes its links under."""
    url: str = client.app.state.settings.public_base_url  # type: ignore[attr-defined]
    return url


def ld(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params, headers={"Accept": "application/ld+json"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/ld+json"
    body: dict[str, Any] = response.json()
    return body


def types_in(expanded: Any) -> set[str]:
    """Every @type anywhere in an expanded document."""
    found: set[str] = set()
    if isinstance(expanded, dict):
        found.update(expanded.get("@type", []))
        for key, value in expanded.items():
            if key != "@value":
                found |= types_in(value)
    elif isinstance(expanded, list):
        for item in expanded:
            found |= types_in(item)
    return found


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/v1/quotes", {"Quotation", "Person", "CreativeWork", "Event", "ItemList"}),
        ("/v1/events", {"Event", "Place", "DefinedTerm"}),
        ("/v1/actors", {"Person", "Country", "Organization", "OrganizationRole"}),
        ("/v1/sources", {"CreativeWork", "MediaObject", "Article"}),
        ("/v1/topics", {"DefinedTerm"}),
        ("/v1/positions", {"Claim"}),
        ("/v1/meta", {"Dataset"}),
    ],
)
def test_documents_expand_to_schema_org_types(
    client: TestClient, path: str, expected: set[str]
) -> None:
    expanded = jsonld.expand(ld(client, path), OPTIONS)
    assert {SCHEMA + name for name in expected} <= types_in(expanded)


def test_a_quotation_says_who_said_it_and_where_it_is_written(client: TestClient) -> None:
    document = ld(client, "/v1/quotes/fadeev-consultations-insignificant")
    expanded = jsonld.expand(document, OPTIONS)
    (quote,) = expanded
    assert quote["@id"] == f"{base(client)}/v1/quotes/fadeev-consultations-insignificant"
    assert quote["@type"] == [SCHEMA + "Quotation"]
    speaker = quote[SCHEMA + "spokenByCharacter"][0]
    assert speaker["@id"] == f"{base(client)}/v1/actors/alexey-fadeev"
    assert quote[SCHEMA + "creator"][0]["@id"] == speaker["@id"]
    assert quote[SCHEMA + "dateCreated"] == [{"@value": "2025-08-13"}]
    citation = quote[SCHEMA + "citation"][0]
    assert citation[SCHEMA + "text"][0]["@value"].startswith('"We consider')
    article = citation[SCHEMA + "isPartOf"][0]
    source_iri = f"{base(client)}/v1/sources/chinadaily-2025-08-14"
    assert article["@id"] == f"{source_iri}#all-accumulated-issues"
    assert article["@type"] == [SCHEMA + "Article"]
    assert article[SCHEMA + "datePublished"][0]["@value"] == "2025-08-14"
    assert article[SCHEMA + "isPartOf"][0]["@id"] == source_iri
    assert citation["urn:summitkb:vocab:start"][0]["@value"] >= 0


def test_a_source_has_its_articles_as_parts(client: TestClient) -> None:
    expanded = jsonld.expand(ld(client, "/v1/sources/chinadaily-2025-08-14"), OPTIONS)
    [article] = expanded[0][SCHEMA + "hasPart"]
    assert article["@type"] == [SCHEMA + "Article"]
    assert article[SCHEMA + "datePublished"][0]["@value"] == "2025-08-14T09:42:00"
    assert article["urn:summitkb:vocab:start"][0]["@value"] == 61
    assert article["urn:summitkb:vocab:end"][0]["@value"] == 4340


def test_compaction_with_the_embedded_context_round_trips(client: TestClient) -> None:
    document = ld(client, "/v1/events/anchorage-summit-2025")
    compacted = jsonld.compact(jsonld.expand(document, OPTIONS), document["@context"], OPTIONS)
    assert compacted["@type"] == "Event"
    assert compacted["name"] == "Trump–Putin summit in Anchorage"
    assert {a["@id"] for a in compacted["attendee"]} >= {
        f"{base(client)}/v1/actors/vladimir-putin",
        f"{base(client)}/v1/actors/donald-trump",
    }


def test_a_page_links_its_next_page(client: TestClient) -> None:
    document = ld(client, "/v1/quotes", limit=1)
    assert document["@type"] == "ItemList"
    assert document["numberOfItems"] == 1
    assert "cursor=" in document["skb:next"]["@id"]
    last = ld(client, "/v1/quotes", limit=500)
    assert "skb:next" not in last


def test_empty_lists_are_valid(client: TestClient) -> None:
    document = ld(client, "/v1/quotes", **{"from": "2000-01-01", "to": "2000-01-01"})
    expanded = jsonld.expand(document, OPTIONS)
    assert types_in(expanded) == {SCHEMA + "ItemList"}


def test_a_pyld_default_loader_is_never_needed(client: TestClient) -> None:
    document = ld(client, "/v1/actors/russia")
    assert isinstance(document["@context"], dict)  # embedded, not a URL
    assert jsonld.to_rdf(document, {**OPTIONS, "format": "application/n-quads"})


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/v1/search", {"q": "ceasefire"}, {"ItemList", "Claim", "DefinedTerm"}),
        ("/v1/timeline", {}, {"ItemList", "Event", "Quotation"}),
        ("/v1/stances", {}, {"ItemList", "Claim"}),
    ],
)
def test_views_across_resources_are_valid_too(
    client: TestClient, path: str, params: dict[str, str], expected: set[str]
) -> None:
    if path not in client.get("/openapi.json").json()["paths"]:
        pytest.skip(f"{path} is not served by this build")
    expanded = jsonld.expand(ld(client, path, **params), OPTIONS)
    assert {SCHEMA + name for name in expected} <= types_in(expanded)
