// @ts-check
// The record dialog: a quote, an event, a position or a stance cell with its evidence, opened by
// the address's hash (#quote/ID, #event/ID, #position/ID, #stance/ACTOR/TOPIC) over any view.
// Back closes it as it opened it; closing it takes the hash off the address.

import { getJSON, listAll, record } from "./api.js";
import { citationFigure } from "./excerpt.js";
import { copyCitationButton } from "./cite.js";
import { el, timeElement } from "./dom.js";
import { actorLink, commaSeparated, topicLink, topicLinks } from "./links.js";
import { go, recordHref } from "./router.js";

/** @typedef {import("./types.js").QuoteRead} QuoteRead */
/** @typedef {import("./types.js").EventRead} EventRead */
/** @typedef {import("./types.js").PositionRead} PositionRead */
/** @typedef {import("./types.js").CitationRead} CitationRead */
/** @typedef {import("./types.js").StanceMatrix} StanceMatrix */
/** @typedef {{title: Promise<(Node | string)[]>, body: Promise<Node[]>}} Content */

const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("detail"));
/** @type {Element | null} */
let opener = null;
let closingForRoute = false;

/** Wire the dialog's Close button, and take the hash off the address when a person closes it. */
export function setUpDialog() {
  document.getElementById("detail-close")?.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    if (!closingForRoute && location.hash)
      go(location.pathname + location.search, { replace: true });
    closingForRoute = false;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  });
}

/**
 * Show the record the address names, or close the dialog when it names none.
 * @param {string[] | null} named  the hash's kind and ids
 */
export function showRecord(named) {
  const content = named ? detailContent(named[0] ?? "", named.slice(1)) : null;
  if (!content) {
    if (dialog.open) {
      closingForRoute = true;
      dialog.close();
    }
    return;
  }
  if (!dialog.open) opener = document.activeElement;
  fillDialog(content);
  if (!dialog.open) dialog.showModal();
}

/**
 * @param {string} kind
 * @param {string[]} ids
 * @returns {Content | null}
 */
function detailContent(kind, ids) {
  const [id = "", other = ""] = ids;
  if (kind === "quote") {
    const quote = /** @type {Promise<QuoteRead>} */ (record("quotes", id));
    return { title: quote.then((q) => [actorLink(q.speaker)]), body: quote.then(quoteBody) };
  }
  if (kind === "event") {
    const event = /** @type {Promise<EventRead>} */ (record("events", id));
    return { title: event.then((e) => [e.title]), body: event.then(eventBody) };
  }
  if (kind === "position") {
    const position = /** @type {Promise<PositionRead>} */ (record("positions", id));
    return { title: position.then(stanceTitle), body: position.then((p) => positionSection(p)) };
  }
  if (kind === "stance") {
    const positions = stancePositions(id, other);
    return {
      title: positions.then((list) => (list[0] ? stanceTitle(list[0]) : ["No such stance"])),
      body: positions.then(async (list) => (await Promise.all(list.map(positionSection))).flat()),
    };
  }
  return null;
}

/**
 * The positions of a stance cell, newest first, as /v1/stances orders them.
 * @param {string} actor
 * @param {string} topic
 * @returns {Promise<PositionRead[]>}
 */
async function stancePositions(actor, topic) {
  const matrix = /** @type {StanceMatrix} */ (await getJSON("v1/stances", { actor, topic }));
  const cell = matrix.cells[0];
  if (!cell) return [];
  const all = /** @type {PositionRead[]} */ (await listAll("v1/positions", { actor, topic }));
  const order = [cell.current, ...cell.earlier].map((stance) => stance.position_id);
  return order.map((pid) => all.find((p) => p.id === pid)).filter((p) => p !== undefined);
}

/** @param {PositionRead} position */
function stanceTitle(position) {
  return [
    actorLink(position.actor),
    " on ",
    topicLink(position.topic, position.topic.name.toLowerCase()),
  ];
}

/** @param {Content} content */
function fillDialog(content) {
  const heading = /** @type {HTMLElement} */ (document.getElementById("detail-title"));
  const container = /** @type {HTMLElement} */ (document.getElementById("detail-body"));
  heading.replaceChildren("…");
  container.replaceChildren(el("p", { class: "status", role: "status" }, "Loading the sources…"));
  container.setAttribute("aria-busy", "true");
  content.title.then(
    (nodes) => heading.replaceChildren(...nodes),
    () => heading.replaceChildren("Not found"),
  );
  content.body
    .then(
      (nodes) => container.replaceChildren(...nodes),
      (error) =>
        container.replaceChildren(
          el("p", { class: "status error", role: "status" }, String(error)),
        ),
    )
    .finally(() => container.removeAttribute("aria-busy"));
}

/**
 * @param {QuoteRead} quote
 * @returns {Promise<Node[]>}
 */
async function quoteBody(quote) {
  const meta = el("p", { class: "meta" }, timeElement(quote.said_on, quote.said_precision));
  if (quote.event)
    meta.append(
      " · at ",
      el("a", { href: recordHref("event", quote.event.id) }, quote.event.title),
    );
  const topics = await topicLinks(quote.topics);
  return [
    el("blockquote", { class: "quote-text" }, `“${quote.text}”`),
    meta,
    topics.length ? el("p", { class: "meta" }, "Topics: ", ...commaSeparated(topics)) : null,
    copyCitationButton(quote),
    el("h3", {}, quote.citations.length > 1 ? "In the sources" : "In the source"),
    ...(await citations(quote.citations, quote.text)),
  ].filter((node) => node !== null);
}

/**
 * @param {EventRead} event
 * @returns {Promise<Node[]>}
 */
async function eventBody(event) {
  const facts = [event.kind, event.status, event.place].filter(Boolean).join(" · ");
  const people = event.participants.map((p) =>
    el("li", {}, actorLink(p), p.role ? ` (${p.role})` : ""),
  );
  return [
    el("p", { class: "meta" }, timeElement(event.start_on, event.start_precision), ` · ${facts}`),
    event.description ? el("p", {}, event.description) : null,
    people.length ? el("h3", {}, "Taking part") : null,
    people.length ? el("ul", { class: "evidence-list" }, ...people) : null,
    el("h3", {}, "In the sources"),
    ...(await citations(event.citations)),
  ].filter((node) => node !== null);
}

/**
 * @param {PositionRead} position
 * @returns {Promise<Node[]>}
 */
async function positionSection(position) {
  const quotes = /** @type {QuoteRead[]} */ (
    await Promise.all(position.evidence.map((id) => record("quotes", id)))
  );
  const evidence = quotes.map((quote) =>
    el(
      "li",
      {},
      el("a", { href: recordHref("quote", quote.id) }, `“${quote.text}”`),
      " — ",
      actorLink(quote.speaker),
    ),
  );
  return [
    el(
      "h3",
      { id: `position-${position.id}` },
      el("span", { class: `stance stance-${position.stance}` }, position.stance),
      " ",
      timeElement(position.held_on, position.held_precision),
    ),
    el("p", {}, position.statement),
    position.reported_by
      ? el("p", { class: "meta" }, "As reported by ", actorLink(position.reported_by))
      : null,
    ...(await citations(position.citations)),
    evidence.length ? el("p", {}, el("strong", {}, "Quoted evidence")) : null,
    evidence.length ? el("ul", { class: "evidence-list" }, ...evidence) : null,
  ].filter((node) => node !== null);
}

/**
 * @param {CitationRead[]} list
 * @param {string} [quoted]
 */
async function citations(list, quoted) {
  const sources = await Promise.all(
    list.map((c) => record("sources", c.source_id).catch(() => undefined)),
  );
  return Promise.all(
    list.map((c, i) =>
      citationFigure(
        c,
        /** @type {import("./types.js").SourceRead | undefined} */ (sources[i]),
        quoted,
      ),
    ),
  );
}
