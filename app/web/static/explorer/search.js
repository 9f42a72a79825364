// @ts-check
// The search box: GET /v1/search, each hit linked to its record, matched words highlighted.

import { search } from "./api.js";
import { el } from "./dom.js";

/** @typedef {import("./types.js").Dataset} Dataset */
/** @typedef {import("./types.js").SearchHit} SearchHit */

const MAX_HITS = 50;

/**
 * Wire the search form to the API.
 * @param {Dataset} data
 */
export function setUpSearch(data) {
  const form = /** @type {HTMLFormElement} */ (document.getElementById("search-form"));
  const input = /** @type {HTMLInputElement} */ (document.getElementById("search-input"));
  const status = /** @type {HTMLElement} */ (document.getElementById("search-status"));
  const results = /** @type {HTMLOListElement} */ (document.getElementById("search-results"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = input.value.trim();
    status.classList.remove("error");
    if (!q) {
      status.textContent = "Type a word to search.";
      results.replaceChildren();
      return;
    }
    status.textContent = "Searching…";
    try {
      const page = await search(q, MAX_HITS);
      status.textContent = resultCount(page.items.length, page.next !== null);
      results.replaceChildren(...page.items.map((hit) => hitItem(hit, data)));
    } catch (error) {
      status.textContent = String(error instanceof Error ? error.message : error);
      status.classList.add("error");
      results.replaceChildren();
    }
  });
}

/**
 * @param {number} count
 * @param {boolean} more
 */
function resultCount(count, more) {
  if (count === 0) return "No results.";
  if (more) return `The best ${count} results.`;
  return `${count} result${count === 1 ? "" : "s"}.`;
}

/**
 * @param {SearchHit} hit
 * @param {Dataset} data
 */
function hitItem(hit, data) {
  return el(
    "li",
    { "data-kind": hit.type },
    el("span", { class: "kind" }, hit.type),
    el("a", { href: hitLink(hit, data) }, hit.type === "quote" ? `“${hit.title}”` : hit.title),
    el("p", { class: "meta snippet" }, snippetNodes(hit.snippet)),
  );
}

/**
 * Where a hit opens in this page (every kind of record has a detail view).
 * @param {SearchHit} hit
 * @param {Dataset} data
 */
function hitLink(hit, data) {
  const position = hit.type === "position" ? data.positions.get(hit.id) : undefined;
  if (position) return `#stance/${position.actor.id}/${position.topic.id}`;
  return `#${hit.type}/${encodeURIComponent(hit.id)}`;
}

/**
 * The snippet's text with its <mark> tags kept and nothing else: the snippet is HTML-escaped text
 * with marks, so it is parsed into an inert document and only text and <mark> are copied over.
 * @param {string} snippet
 * @returns {DocumentFragment}
 */
export function snippetNodes(snippet) {
  const parsed = new DOMParser().parseFromString(snippet, "text/html");
  const fragment = document.createDocumentFragment();
  for (const node of parsed.body.childNodes) {
    const text = node.textContent ?? "";
    fragment.append(node.nodeName === "MARK" ? el("mark", {}, text) : text);
  }
  return fragment;
}
