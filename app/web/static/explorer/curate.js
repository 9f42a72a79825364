// @ts-check
// The curation page (/explore/curate): a curator with a write key pastes an article, which is
// stored as a new source (POST /v1/sources); its suggested quotes are then shown on
// /explore/curate/SOURCE_ID (suggestions.js), to accept, edit or reject one by one.

import { el } from "./dom.js";
import { keepKey, keyed, savedKey } from "./keyed.js";
import { go, ROOT } from "./router.js";
import { suggestionsSection } from "./suggestions.js";

/**
 * Fill `body` with the curation page: the key, then the article form or a source's suggestions.
 * @param {HTMLElement} body
 * @param {string} sourceId  "" for a new article
 * @param {(title: string) => void} titled
 */
export function curatePage(body, sourceId, titled) {
  titled(sourceId ? `Suggested quotes from ${sourceId}` : "Add an article");
  body.replaceChildren(keySection(), sourceId ? suggestionsSection(sourceId) : articleForm());
}

/** The address of the suggestions for a stored source. */
export function curateHref(/** @type {string} */ sourceId) {
  return `${ROOT.href}/curate/${encodeURIComponent(sourceId)}`;
}

function keySection() {
  const input = el("input", {
    id: "write-key",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
  });
  input.value = savedKey();
  input.addEventListener("change", () => keepKey(input.value.trim()));
  const form = el(
    "form",
    { id: "key-form", "aria-labelledby": "key-title" },
    el("label", { for: "write-key" }, "A write key (summitkb keys create --scope write)"),
    input,
  );
  form.addEventListener("submit", (event) => event.preventDefault());
  return el(
    "section",
    { id: "key", "aria-labelledby": "key-title" },
    el("h2", { id: "key-title" }, "Your key"),
    form,
    el("p", { class: "hint" }, "Kept in this tab only, and sent only to this API."),
  );
}

const FIELDS = /** @type {const} */ ([
  ["title", "Title", "text", true],
  ["publisher", "Publisher", "text", true],
  ["published", "Published on", "date", true],
  ["url", "Address (URL)", "url", false],
]);

function articleForm() {
  const status = el("p", { class: "status", role: "status", id: "article-status" });
  const text = el("textarea", { id: "article-text", name: "text", rows: "14", required: "" });
  const form = el(
    "form",
    { id: "article-form", class: "curate-form", "aria-labelledby": "article-heading" },
    ...FIELDS.map(([name, label, type, required]) => {
      const input = el("input", { id: `article-${name}`, name, type });
      if (required) input.required = true;
      return el("span", { class: "field" }, el("label", { for: `article-${name}` }, label), input);
    }),
    el("label", { for: "article-text" }, "The article's text, as published"),
    text,
    el("button", { type: "submit" }, "Store it and suggest quotes"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    status.textContent = "Storing the article…";
    try {
      const source = await keyed("POST", "v1/sources", sourceBody(values));
      go(curateHref(source.id));
    } catch (error) {
      status.textContent = `The article was not stored (${String(error instanceof Error ? error.message : error)}).`;
    }
  });
  return el(
    "section",
    { id: "article", "aria-labelledby": "article-heading" },
    el("h2", { id: "article-heading" }, "A new article"),
    form,
    status,
  );
}

/**
 * The new source: the whole text is one article (offsets count code points, as the API's do).
 * @param {Record<string, FormDataEntryValue>} values
 */
function sourceBody(values) {
  const [title, publisher, published, url] = ["title", "publisher", "published", "url"].map(
    (name) => String(values[name] ?? "").trim(),
  );
  const text = String(values.text ?? ""); // stored as written, to the last space
  const article = {
    id: slug(title ?? ""),
    title,
    published_on: published,
    start: 0,
    end: Array.from(text).length,
  };
  return {
    title,
    publisher,
    published_at: published,
    ...(url ? { url } : {}),
    text,
    articles: [article],
  };
}

/** An id from words, as the seed's ids are made: "Talks in Alaska" -> "talks-in-alaska". */
export function slug(/** @type {string} */ words) {
  const plain = words
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  return (
    plain
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "article"
  );
}
