// @ts-check
// How records show where they are written: links to each cited passage in its source's reading
// view, and a "Copy citation" button for quotes.

import { record } from "./api.js";
import { el, formatDate } from "./dom.js";
import { pageHref, ROOT } from "./router.js";

/** @typedef {import("./types.js").CitationRead} CitationRead */
/** @typedef {import("./types.js").QuoteRead} QuoteRead */

/**
 * A list of `citations`, each a link to its passage in the source's reading view.
 * @param {CitationRead[]} citations
 */
export function citationLinks(citations) {
  const items = citations.map((c) =>
    el(
      "li",
      {},
      el("a", { href: passageHref(c) }, `${c.publisher}, ${formatDate(c.published_on, "day")}`),
      ": ",
      el("cite", {}, c.article.title),
    ),
  );
  return el("ul", { class: "cites", "aria-label": "Sources" }, ...items);
}

/** @param {CitationRead} citation */
export function passageHref(citation) {
  return pageHref("sources", citation.source_id, `#passage/${citation.start}-${citation.end}`);
}

/**
 * The citation of a quote as one line of text: words, speaker, date, source, address.
 * @param {QuoteRead} quote
 */
export function citationText(quote) {
  const said = formatDate(quote.said_on, quote.said_precision);
  const sources = quote.citations.map(
    (c) => `${c.publisher}, “${c.article.title}”, ${formatDate(c.published_on, "day")}`,
  );
  const address = `${ROOT.href}#quote/${encodeURIComponent(quote.id)}`;
  return `“${quote.text}” — ${quote.speaker.name}, ${said}. ${sources.join("; ")}. ${address}`;
}

/**
 * A "Copy citation" button that puts citationText(quote) on the clipboard and says so.
 * @param {QuoteRead} quote
 */
export function copyCitationButton(quote) {
  return copyButton(quote.id, async () => citationText(quote));
}

/**
 * A "Copy citation" button for a quote known by its id alone (a timeline row, a search hit):
 * the quote is read when the button is pressed.
 * @param {string} quoteId
 */
export function copyCitationButtonFor(quoteId) {
  return copyButton(quoteId, async () =>
    citationText(/** @type {QuoteRead} */ (await record("quotes", quoteId))),
  );
}

/**
 * @param {string} quoteId
 * @param {() => Promise<string>} citation
 */
function copyButton(quoteId, citation) {
  const said = el("span", { class: "copy-status", role: "status" });
  const button = el(
    "button",
    { type: "button", class: "copy", "data-quote": quoteId },
    "Copy citation",
  );
  button.addEventListener("click", async () => {
    let text = "";
    try {
      text = await citation();
      await navigator.clipboard.writeText(text);
      said.textContent = "Copied.";
    } catch {
      // No clipboard (an insecure origin, a refused permission): show the text to copy by hand.
      said.textContent = text || "The quote could not be read: try again.";
    }
  });
  return el("span", { class: "copy-citation" }, button, said);
}
