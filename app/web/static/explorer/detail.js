// @ts-check
// The detail dialog: a quote, an event or a stance cell with its evidence, opened by the URL hash
// (#quote/ID, #event/ID, #stance/ACTOR/TOPIC, #actor/ID, #topic/ID, #source/ID) so that every
// piece of evidence has a link.

import { el, timeElement } from "./dom.js";
import { citationFigure } from "./excerpt.js";

/** @typedef {import("./types.js").Dataset} Dataset */
/** @typedef {import("./types.js").QuoteRead} QuoteRead */
/** @typedef {import("./types.js").EventRead} EventRead */
/** @typedef {import("./types.js").PositionRead} PositionRead */
/** @typedef {import("./types.js").CitationRead} CitationRead */
/** @typedef {import("./types.js").ActorRead} ActorRead */
/** @typedef {import("./types.js").TopicRead} TopicRead */
/** @typedef {import("./types.js").SourceRead} SourceRead */
/** @typedef {import("./types.js").ArticleRead} ArticleRead */

/**
 * Open the dialog whenever the hash names a record, and clear the hash when it closes.
 * @param {Dataset} data
 */
export function routeDetails(data) {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("detail"));
  /** @type {Element | null} */
  let opener = null;
  document.getElementById("detail-close")?.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    history.replaceState(null, "", location.pathname + location.search);
    if (opener instanceof HTMLElement) opener.focus();
  });
  const show = () => {
    const [kind, ...ids] = location.hash.slice(1).split("/").map(decodeURIComponent);
    const content = detailContent(data, kind, ids);
    if (!content) return;
    opener = document.activeElement;
    fillDialog(content.title, content.body);
    if (!dialog.open) dialog.showModal();
  };
  window.addEventListener("hashchange", show);
  show();
}

/**
 * @param {Dataset} data
 * @param {string} kind
 * @param {string[]} ids
 * @returns {{title: string, body: Promise<Node[]>} | null}
 */
function detailContent(data, kind, ids) {
  if (kind === "quote" && data.quotes.has(ids[0])) {
    const quote = /** @type {QuoteRead} */ (data.quotes.get(ids[0]));
    return { title: `${quote.speaker.name}`, body: quoteBody(data, quote) };
  }
  if (kind === "event" && data.events.has(ids[0])) {
    const event = /** @type {EventRead} */ (data.events.get(ids[0]));
    return { title: event.title, body: eventBody(data, event) };
  }
  if (kind === "stance" && ids.length === 2) {
    const cell = data.stances.find((c) => c.actor.id === ids[0] && c.topic.id === ids[1]);
    if (!cell) return null;
    const positions = [cell.current, ...cell.earlier]
      .map((record) => data.positions.get(record.position_id))
      .filter((position) => position !== undefined);
    const title = `${cell.actor.name} on ${cell.topic.name.toLowerCase()}`;
    return { title, body: stanceBody(data, positions) };
  }
  if (kind === "actor" && data.actors.has(ids[0])) {
    const actor = /** @type {ActorRead} */ (data.actors.get(ids[0]));
    return { title: actor.name, body: actorBody(data, actor) };
  }
  if (kind === "topic" && data.topics.has(ids[0])) {
    const topic = /** @type {TopicRead} */ (data.topics.get(ids[0]));
    return { title: topic.name, body: topicBody(data, topic) };
  }
  if (kind === "source" && data.sources.has(ids[0])) {
    const source = /** @type {SourceRead} */ (data.sources.get(ids[0]));
    return { title: source.title, body: Promise.resolve(sourceBody(source)) };
  }
  return null;
}

/**
 * @param {string} title
 * @param {Promise<Node[]>} body
 */
function fillDialog(title, body) {
  const heading = /** @type {HTMLElement} */ (document.getElementById("detail-title"));
  const container = /** @type {HTMLElement} */ (document.getElementById("detail-body"));
  heading.textContent = title;
  container.replaceChildren(el("p", { class: "status", role: "status" }, "Loading the sources…"));
  container.setAttribute("aria-busy", "true");
  body.then(
    (nodes) => container.replaceChildren(...nodes),
    (error) => container.replaceChildren(el("p", { class: "status error" }, String(error))),
  ).finally(() => container.removeAttribute("aria-busy"));
}

/**
 * @param {Dataset} data
 * @param {QuoteRead} quote
 * @returns {Promise<Node[]>}
 */
async function quoteBody(data, quote) {
  const meta = el("p", { class: "meta" }, timeElement(quote.said_on, quote.said_precision));
  if (quote.event) meta.append(" · at ", el("a", { href: `#event/${quote.event.id}` }, quote.event.title));
  return [
    el("blockquote", { class: "quote-text" }, `“${quote.text}”`),
    meta,
    el("h3", {}, quote.citations.length > 1 ? "In the sources" : "In the source"),
    ...(await citations(data, quote.citations, quote.text)),
  ];
}

/**
 * @param {Dataset} data
 * @param {EventRead} event
 * @returns {Promise<Node[]>}
 */
async function eventBody(data, event) {
  const facts = [event.kind, event.status, event.place].filter(Boolean).join(" · ");
  const people = event.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name));
  return [
    el("p", { class: "meta" }, timeElement(event.start_on, event.start_precision), ` · ${facts}`),
    event.description ? el("p", {}, event.description) : null,
    people.length ? el("p", {}, el("strong", {}, "Taking part: "), people.join("; ")) : null,
    el("h3", {}, "In the sources"),
    ...(await citations(data, event.citations)),
  ].filter((node) => node !== null);
}

/**
 * @param {Dataset} data
 * @param {PositionRead[]} positions  newest first
 * @returns {Promise<Node[]>}
 */
async function stanceBody(data, positions) {
  const sections = await Promise.all(positions.map((position) => positionSection(data, position)));
  return sections.flat();
}

/**
 * @param {Dataset} data
 * @param {PositionRead} position
 * @returns {Promise<Node[]>}
 */
async function positionSection(data, position) {
  const evidence = position.evidence
    .map((id) => data.quotes.get(id))
    .filter((quote) => quote !== undefined)
    .map((quote) => el("li", {}, el("a", { href: `#quote/${quote.id}` }, `“${quote.text}”`), ` — ${quote.speaker.name}`));
  return [
    el(
      "h3",
      { id: `position-${position.id}` },
      el("span", { class: `stance stance-${position.stance}` }, position.stance),
      " ",
      timeElement(position.held_on, position.held_precision),
    ),
    el("p", {}, position.statement),
    ...(await citations(data, position.citations)),
    evidence.length ? el("p", {}, el("strong", {}, "Quoted evidence")) : null,
    evidence.length ? el("ul", { class: "evidence-list" }, ...evidence) : null,
  ].filter((node) => node !== null);
}

/**
 * @param {Dataset} data
 * @param {CitationRead[]} list
 * @param {string} [quoted]
 */
function citations(data, list, quoted) {
  return Promise.all(list.map((c) => citationFigure(c, data.sources.get(c.source_id), quoted)));
}

/**
 * @param {Dataset} data
 * @param {ActorRead} actor
 * @returns {Promise<Node[]>}
 */
async function actorBody(data, actor) {
  const quotes = [...data.quotes.values()].filter((quote) => quote.speaker.id === actor.id);
  const cells = data.stances.filter((cell) => cell.actor.id === actor.id);
  return [
    el("p", { class: "meta" }, [actor.kind, ...actor.aliases].join(" · ")),
    actor.description ? el("p", {}, actor.description) : null,
    cells.length ? el("h3", {}, "Stances") : null,
    cells.length ? linkList(cells.map((c) => [`#stance/${actor.id}/${c.topic.id}`, `${c.topic.name}: ${c.current.stance}`])) : null,
    quotes.length ? el("h3", {}, "Quotes") : null,
    quotes.length ? linkList(quotes.map((q) => [`#quote/${q.id}`, `“${q.text}”`])) : null,
    ...(await citations(data, actor.citations)),
  ].filter((node) => node !== null);
}

/**
 * @param {Dataset} data
 * @param {TopicRead} topic
 * @returns {Promise<Node[]>}
 */
async function topicBody(data, topic) {
  const cells = data.stances.filter((cell) => cell.topic.id === topic.id);
  return [
    topic.description ? el("p", {}, topic.description) : null,
    el("h3", {}, "Stances"),
    linkList(cells.map((c) => [`#stance/${c.actor.id}/${topic.id}`, `${c.actor.name}: ${c.current.stance}`])),
  ].filter((node) => node !== null);
}

/**
 * @param {SourceRead} source
 * @returns {Node[]}
 */
function sourceBody(source) {
  const text = new URL(`v1/sources/${encodeURIComponent(source.id)}/text`, document.baseURI);
  return [
    el("p", { class: "meta" }, [source.publisher, source.byline, source.published_on].filter(Boolean).join(" · ")),
    el("p", {}, el("a", { href: text.href }, "The stored text"), ` (${source.length} characters)`),
    el("h3", {}, "Articles"),
    el("ul", { class: "evidence-list" }, ...source.articles.map((article) => articleItem(text, article))),
  ];
}

/**
 * An article of a source: its title, linked to its slice of the stored text, and its date.
 * @param {URL} text  the source's text
 * @param {ArticleRead} article
 */
function articleItem(text, article) {
  const slice = new URL(text.href);
  slice.search = new URLSearchParams({ start: String(article.start), end: String(article.end) }).toString();
  return el("li", {}, el("a", { href: slice.href }, article.title), ` · ${article.published_on}`);
}

/** @param {[string, string][]} links  (href, text) pairs */
function linkList(links) {
  return el("ul", { class: "evidence-list" }, ...links.map(([href, text]) => el("li", {}, el("a", { href }, text))));
}
