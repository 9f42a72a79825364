// @ts-check
// GET /v1/timeline: events and quotes in one chronological list, optionally for one topic.

import { timeline } from "./api.js";
import { el, timeElement } from "./dom.js";

/** @typedef {import("./types.js").Dataset} Dataset */
/** @typedef {import("./types.js").TimelineItem} TimelineItem */

/**
 * Fill the timeline and its topic filter.
 * @param {Dataset} data
 * @returns {Promise<void>}
 */
export async function renderTimeline(data) {
  const list = /** @type {HTMLOListElement} */ (document.getElementById("timeline-list"));
  const select = /** @type {HTMLSelectElement} */ (document.getElementById("timeline-topic"));
  for (const topic of data.topics.values()) select.append(el("option", { value: topic.id }, topic.name));
  const draw = async () => {
    list.setAttribute("aria-busy", "true");
    const items = await timeline(select.value);
    list.replaceChildren(...items.map(entryItem));
    list.removeAttribute("aria-busy");
  };
  select.addEventListener("change", draw);
  await draw();
}

/** @param {TimelineItem} item */
function entryItem(item) {
  const names = item.actors.map((actor) => actor.name).join(", ");
  const link =
    item.type === "quote"
      ? el("a", { href: `#quote/${item.id}`, class: "quote-link" }, `“${item.title}”`)
      : el("a", { href: `#event/${item.id}` }, item.title);
  return el(
    "li",
    { class: `item-${item.type}`, "data-kind": item.type },
    timeElement(item.date, item.precision),
    el("div", {}, el("span", { class: "kind" }, item.type), link, el("p", { class: "meta" }, names)),
  );
}
