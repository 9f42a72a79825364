// @ts-check
// A source's reading view (/explore/sources/ID): the whole stored text, its articles as articles,
// every cited passage marked and linked to the record that cites it; publisher, date, address.

import { actors, listAll, record, sourceText, sourceTextPath, API_BASE } from "./api.js";
import { el, formatDate, timeElement } from "./dom.js";
import { panelSection } from "./panel.js";
import { pageHref, recordHref } from "./router.js";

/** @typedef {import("./types.js").SourceRead} SourceRead */
/** @typedef {import("./types.js").ArticleRead} ArticleRead */
/** @typedef {import("./types.js").CitationRead} CitationRead */
/** @typedef {import("./types.js").QuoteRead} QuoteRead */
/** @typedef {import("./types.js").EventRead} EventRead */
/** @typedef {import("./types.js").PositionRead} PositionRead */
/** @typedef {{start: number, end: number, href: string, label: string}} Passage */

/**
 * Fill `body` with a source's reading view.
 * @param {HTMLElement} body
 * @param {string} id
 * @param {(title: string) => void} titled
 */
export function sourcePage(body, id, titled) {
  body.replaceChildren(
    panelSection("text", "The text", "the source", "The source holds no text.", async () => {
      const [source, text, passages] = await Promise.all([
        /** @type {Promise<SourceRead>} */ (record("sources", id)),
        sourceText(id),
        citedPassages(id),
      ]);
      titled(source.title);
      return [sourceFacts(source), ...readingView(source, Array.from(text), passages)];
    }),
  );
}

/**
 * Mark the passage [start, end) as the one the address names, and bring it into view.
 * @param {number} start
 * @param {number} end
 */
export function showPassage(start, end) {
  const marks = [...document.querySelectorAll("#page-body mark.passage")].filter(
    (mark) =>
      Number(mark.getAttribute("data-start")) >= start &&
      Number(mark.getAttribute("data-end")) <= end,
  );
  for (const mark of document.querySelectorAll("#page-body mark.current"))
    mark.classList.remove("current");
  for (const mark of marks) mark.classList.add("current");
  marks[0]?.scrollIntoView({ block: "center" });
  marks[0]?.querySelector("a")?.focus({ preventScroll: true });
}

/**
 * Every passage of the source that a record cites, and where each leads.
 * @param {string} id
 * @returns {Promise<Passage[]>}
 */
async function citedPassages(id) {
  const [quotes, events, positions, actorList] = await Promise.all([
    /** @type {Promise<QuoteRead[]>} */ (listAll("v1/quotes", { source: id })),
    /** @type {Promise<EventRead[]>} */ (listAll("v1/events")),
    /** @type {Promise<PositionRead[]>} */ (listAll("v1/positions")),
    actors(),
  ]);
  /**
   * @param {CitationRead[]} citations
   * @param {string} href
   * @param {string} label
   */
  const from = (citations, href, label) =>
    citations
      .filter((c) => c.source_id === id)
      .map((c) => ({ start: c.start, end: c.end, href, label }));
  return [
    ...quotes.flatMap((q) =>
      from(q.citations, recordHref("quote", q.id), `Quote of ${q.speaker.name}`),
    ),
    ...events.flatMap((e) => from(e.citations, recordHref("event", e.id), `Event: ${e.title}`)),
    ...positions.flatMap((p) =>
      from(
        p.citations,
        recordHref("position", p.id),
        `Position of ${p.actor.name} on ${p.topic.name}`,
      ),
    ),
    ...[...actorList.values()].flatMap((a) => [
      ...from(a.citations, pageHref("actors", a.id), `About ${a.name}`),
      ...a.affiliations.flatMap((f) =>
        from(f.citations, pageHref("actors", a.id), `${a.name}, ${f.role}`),
      ),
    ]),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** @param {SourceRead} source */
function sourceFacts(source) {
  const raw = new URL(sourceTextPath(source.id), API_BASE).href;
  const published = source.published_at
    ? source.published_at.replace("T", " ").slice(0, 16)
    : formatDate(source.published_on, "day");
  const where = source.url
    ? el("a", { href: source.url, rel: "noreferrer" }, source.url)
    : "not recorded";
  return el(
    "dl",
    { class: "facts" },
    el("dt", {}, "Publisher"),
    el("dd", {}, [...new Set([source.publisher, source.byline].filter(Boolean))].join(" · ")),
    el("dt", {}, "Published"),
    el("dd", {}, published),
    el("dt", {}, "Address"),
    el("dd", {}, where),
    el("dt", {}, "Stored text"),
    el(
      "dd",
      {},
      el("a", { href: raw }, "plain text"),
      ` (${source.length} characters, ${source.articles.length} article${source.articles.length === 1 ? "" : "s"})`,
    ),
  );
}

/**
 * The text cut into its articles and the page's other text, passages marked.
 * @param {SourceRead} source
 * @param {string[]} codePoints
 * @param {Passage[]} passages
 * @returns {Node[]}
 */
function readingView(source, codePoints, passages) {
  const nodes = [];
  let at = 0;
  for (const article of source.articles) {
    if (article.start > at) nodes.push(otherText(codePoints, at, article.start, passages));
    nodes.push(articleView(article, codePoints, passages));
    at = article.end;
  }
  if (at < codePoints.length) nodes.push(otherText(codePoints, at, codePoints.length, passages));
  return nodes;
}

/**
 * @param {ArticleRead} article
 * @param {string[]} codePoints
 * @param {Passage[]} passages
 */
function articleView(article, codePoints, passages) {
  const inside = passages.filter((p) => p.start >= article.start && p.end <= article.end);
  const titleId = `article-${article.id}`;
  const cited = inside.length
    ? el(
        "details",
        { class: "cited-here" },
        el("summary", {}, `Cited here: ${inside.length} passage${inside.length === 1 ? "" : "s"}`),
        el("ol", {}, ...inside.map((p) => el("li", {}, el("a", { href: p.href }, p.label)))),
      )
    : null;
  return el(
    "article",
    { class: "source-article", "aria-labelledby": titleId, "data-article": article.id },
    el("h3", { id: titleId }, article.title),
    el("p", { class: "meta" }, timeElement(article.published_on, "day")),
    cited,
    el("div", { class: "source-text" }, markedText(codePoints, article.start, article.end, inside)),
  );
}

/**
 * Text of the page outside its articles (menus, sidebars): shown, but folded away.
 * @param {string[]} codePoints
 * @param {number} from
 * @param {number} to
 * @param {Passage[]} passages
 */
function otherText(codePoints, from, to, passages) {
  const text = el("div", { class: "source-text" }, markedText(codePoints, from, to, passages));
  return el("details", { class: "page-text" }, el("summary", {}, "Other text of the page"), text);
}

/**
 * The code points [from, to), each stretch covered by passages in a <mark> linked to the first.
 * @param {string[]} codePoints
 * @param {number} from
 * @param {number} to
 * @param {Passage[]} passages
 */
function markedText(codePoints, from, to, passages) {
  const cuts = new Set([from, to]);
  for (const p of passages) {
    if (p.start > from && p.start < to) cuts.add(p.start);
    if (p.end > from && p.end < to) cuts.add(p.end);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const [start, end] = [/** @type {number} */ (edges[i]), /** @type {number} */ (edges[i + 1])];
    const text = codePoints.slice(start, end).join("");
    const covering = passages.filter((p) => p.start <= start && p.end >= end);
    const first = covering[0];
    if (!first) {
      fragment.append(text);
      continue;
    }
    const title = covering.map((p) => p.label).join("; ");
    const attributes = {
      class: "passage",
      "data-start": String(start),
      "data-end": String(end),
      title,
    };
    // Blanks between two passages are marked, but not links: a link needs words.
    fragment.append(
      el("mark", attributes, text.trim() ? el("a", { href: first.href }, text) : text),
    );
  }
  return fragment;
}
