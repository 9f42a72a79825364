// @ts-check
// GET /v1/timeline: events and quotes in one chronological list and on a date axis, filtered by
// topic, actor and dates that live in the address (`?topic=ceasefire&actor=…&from=…&to=…`).

import { actors, listAll, topics } from "./api.js";
import { drawChart } from "./chart.js";
import { copyCitationButtonFor } from "./cite.js";
import { el, timeElement } from "./dom.js";
import { actorLink, commaSeparated } from "./links.js";
import { loadPanel } from "./panel.js";
import { go, homeHref, recordHref } from "./router.js";

/** @typedef {import("./types.js").TimelineItem} TimelineItem */

const FILTERS = ["topic", "actor", "from", "to"];

const form = /** @type {HTMLFormElement} */ (document.getElementById("timeline-filters"));
const list = /** @type {HTMLOListElement} */ (document.getElementById("timeline-list"));
const chart = /** @type {HTMLElement} */ (document.getElementById("timeline-chart"));
let shown = "";

/** Each change of a filter changes the address, which redraws the timeline. */
export function setUpTimeline() {
  form.addEventListener("change", () => {
    const values = Object.fromEntries(FILTERS.map((name) => [name, field(name).value || null]));
    go(homeHref(values));
  });
  form.addEventListener("submit", (event) => event.preventDefault());
}

/**
 * Draw the timeline the address asks for (nothing new if it is the one shown).
 * @param {URLSearchParams} params
 */
export function showTimeline(params) {
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const key = JSON.stringify(filters);
  if (key === shown) return Promise.resolve();
  shown = key;
  return loadPanel({
    status: /** @type {HTMLElement} */ (document.getElementById("timeline-status")),
    target: list,
    what: "the timeline",
    load: async () => {
      const [items, actorList, topicList] = await Promise.all([
        /** @type {Promise<TimelineItem[]>} */ (listAll("v1/timeline", filters)),
        actors(),
        topics(),
      ]);
      fillOptions("topic", topicList.values());
      fillOptions("actor", actorList.values());
      for (const name of FILTERS) field(name).value = filters[name] ?? "";
      return items;
    },
    draw: (items) => {
      list.replaceChildren(...items.map(entryItem));
      drawChart(chart, items);
      return items.length > 0;
    },
    empty: "Nothing on the timeline matches these filters.",
  }).then(() => {
    if (list.childElementCount === 0) chart.replaceChildren();
  });
}

/** @param {string} name */
function field(name) {
  return /** @type {HTMLInputElement | HTMLSelectElement} */ (form.elements.namedItem(name));
}

/**
 * The choices of a filter, by name, once.
 * @param {string} name
 * @param {Iterable<{id: string, name: string}>} refs
 */
function fillOptions(name, refs) {
  const select = /** @type {HTMLSelectElement} */ (field(name));
  if (select.options.length > 1) return;
  const sorted = [...refs].sort((a, b) => a.name.localeCompare(b.name));
  select.append(...sorted.map((ref) => el("option", { value: ref.id }, ref.name)));
}

/** @param {TimelineItem} item */
function entryItem(item) {
  const link =
    item.type === "quote"
      ? el("a", { href: recordHref("quote", item.id), class: "quote-link" }, `“${item.title}”`)
      : el("a", { href: recordHref("event", item.id) }, item.title);
  return el(
    "li",
    { class: `item-${item.type}`, "data-kind": item.type },
    timeElement(item.date, item.precision),
    el(
      "div",
      {},
      el("span", { class: "kind" }, item.type),
      link,
      el("p", { class: "meta" }, ...commaSeparated(item.actors.map(actorLink))),
      item.type === "quote" ? copyCitationButtonFor(item.id) : null,
    ),
  );
}
