// @ts-check
// A citation shown in its source: the excerpt, a little text around it, the quoted words marked.

import { sourceText } from "./api.js";
import { passageHref } from "./cite.js";
import { el, markRange } from "./dom.js";

/** @typedef {import("./types.js").CitationRead} CitationRead */
/** @typedef {import("./types.js").SourceRead} SourceRead */

// Code points of source text shown on each side of an excerpt.
const CONTEXT = 160;

/**
 * A <figure> for `citation`, fetched from the source's text; `quoted` (if found) is marked, or
 * the part of it the citation holds where it reports a quote in part (`citation.words`).
 * @param {CitationRead} citation
 * @param {SourceRead | undefined} source
 * @param {string} [quoted]  words to mark inside the excerpt
 * @returns {Promise<HTMLElement>}
 */
export async function citationFigure(citation, source, quoted) {
  if (quoted !== undefined && citation.words) quoted = citation.words;
  // The article's own title and date: a page may hold several articles of different days.
  const caption = el(
    "figcaption",
    {},
    `${citation.publisher}, ${citation.published_on}: `,
    el("a", { href: passageHref(citation) }, el("cite", {}, citation.article.title)),
  );
  const paragraph = el("p", { class: "excerpt" });
  try {
    paragraph.append(...(await excerptInContext(citation, source, quoted)));
  } catch (error) {
    paragraph.append(el("span", { class: "cited" }, excerptWithQuote(citation.excerpt, quoted)));
    console.warn(`source text of ${citation.source_id} unavailable:`, error);
  }
  const where = {
    class: "citation",
    "data-source": citation.source_id,
    "data-article": citation.article.id,
  };
  return el("figure", where, caption, paragraph);
}

/**
 * The excerpt and its surroundings, sliced from the source's stored text.
 *
 * Citation offsets count Unicode code points; JavaScript strings count UTF-16 code units, so the
 * fetched text is split into code points (Array.from) before the offsets are applied.
 * @param {CitationRead} citation
 * @param {SourceRead | undefined} source
 * @param {string | undefined} quoted
 * @returns {Promise<Node[]>}
 */
async function excerptInContext(citation, source, quoted) {
  const from = Math.max(0, citation.start - CONTEXT);
  const to = Math.min(source ? source.length : citation.end, citation.end + CONTEXT);
  const codePoints = Array.from(await sourceText(citation.source_id, from, to));
  const excerptStart = citation.start - from;
  const excerptEnd = citation.end - from;
  const excerpt = codePoints.slice(excerptStart, excerptEnd).join("");
  if (excerpt !== citation.excerpt) throw new Error("the stored text does not match the excerpt");
  const before = codePoints.slice(0, excerptStart).join("");
  const after = codePoints.slice(excerptEnd).join("");
  return [
    el("span", { class: "context" }, from > 0 ? `… ${wholeWordsAfter(before)}` : before),
    el("span", { class: "cited" }, excerptWithQuote(excerpt, quoted)),
    el(
      "span",
      { class: "context" },
      source && to < source.length ? `${wholeWordsBefore(after)} …` : after,
    ),
  ];
}

/** @param {string} text  context cut at its start: drop the partial first word */
function wholeWordsAfter(text) {
  return text.replace(/^\S*\s+/u, "");
}

/** @param {string} text  context cut at its end: drop the partial last word */
function wholeWordsBefore(text) {
  return text.replace(/\s+\S*$/u, "");
}

/**
 * @param {string} excerpt
 * @param {string | undefined} quoted
 * @returns {DocumentFragment | string}
 */
function excerptWithQuote(excerpt, quoted) {
  const at = quoted ? excerpt.indexOf(quoted) : -1;
  if (!quoted || at < 0) return excerpt;
  return markRange(excerpt, at, at + quoted.length);
}
