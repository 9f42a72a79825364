// @ts-check
// The search box: GET /v1/search, each hit linked to its record or page, matched words marked.
// The words and the kind of record live in the address (`?q=ceasefire&type=quote`).

import { search } from "./api.js";
import { copyCitationButtonFor } from "./cite.js";
import { el } from "./dom.js";
import { loadPanel, setStatus } from "./panel.js";
import { go, homeHref, pageHref, recordHref } from "./router.js";

/** @typedef {import("./types.js").SearchHit} SearchHit */
/** @typedef {import("./types.js").SearchPage} SearchPage */

const MAX_HITS = 50;
const PAGES = { actor: "actors", topic: "topics", source: "sources" };

const form = /** @type {HTMLFormElement} */ (document.getElementById("search-form"));
const input = /** @type {HTMLInputElement} */ (document.getElementById("search-input"));
const type = /** @type {HTMLSelectElement} */ (document.getElementById("search-type"));
const status = /** @type {HTMLElement} */ (document.getElementById("search-status"));
const results = /** @type {HTMLOListElement} */ (document.getElementById("search-results"));
let shown = "";

/** A search puts its words and kind in the address, which draws the results. */
export function setUpSearch() {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) {
      setStatus(status, "empty", "Type a word to search.");
      results.replaceChildren();
    }
    go(homeHref({ q, type: type.value }));
  });
}

/**
 * Show the search the address asks for (nothing new if it is the one shown).
 * @param {URLSearchParams} params
 */
export function showSearch(params) {
  const q = params.get("q") ?? "";
  const kind = params.get("type") ?? "";
  if (`${q}\n${kind}` === shown) return Promise.resolve();
  shown = `${q}\n${kind}`;
  input.value = q;
  type.value = [...type.options].some((option) => option.value === kind) ? kind : "";
  if (!q) {
    if (status.dataset.state !== "empty") setStatus(status, "ready", "");
    results.replaceChildren();
    return Promise.resolve();
  }
  return loadPanel({
    status,
    target: results,
    what: "the search results",
    load: () => search(q, MAX_HITS, kind),
    draw: (page) => {
      results.replaceChildren(...page.items.map(hitItem));
      return page.items.length > 0;
    },
    empty: "No results.",
  }).then(() => {
    if (status.dataset.state === "ready") status.textContent = resultCount(results.children.length);
  });
}

/** @param {number} count */
function resultCount(count) {
  if (count === MAX_HITS) return `The best ${count} results.`;
  return `${count} result${count === 1 ? "" : "s"}.`;
}

/** @param {SearchHit} hit */
function hitItem(hit) {
  return el(
    "li",
    { "data-kind": hit.type },
    el("span", { class: "kind" }, hit.type),
    el("a", { href: hitLink(hit) }, hit.type === "quote" ? `“${hit.title}”` : hit.title),
    el("p", { class: "meta snippet" }, snippetNodes(hit.snippet)),
    hit.type === "quote" ? copyCitationButtonFor(hit.id) : null,
  );
}

/**
 * Where a hit opens: an actor, topic or source on its page, any other record in the dialog.
 * @param {SearchHit} hit
 */
function hitLink(hit) {
  if (hit.type === "actor" || hit.type === "topic" || hit.type === "source") {
    return pageHref(/** @type {"actors" | "topics" | "sources"} */ (PAGES[hit.type]), hit.id);
  }
  return recordHref(hit.type, hit.id);
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
