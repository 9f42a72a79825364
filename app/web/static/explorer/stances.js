// @ts-check
// The actor × topic table from GET /v1/stances: each cell's current stance, linked to its evidence.

import { el } from "./dom.js";

/** @typedef {import("./types.js").Dataset} Dataset */
/** @typedef {import("./types.js").StanceCell} StanceCell */

/**
 * @param {Dataset} data
 */
export function renderStances(data) {
  const table = /** @type {HTMLTableElement} */ (document.getElementById("stance-table"));
  const cells = new Map(data.stances.map((cell) => [`${cell.actor.id}/${cell.topic.id}`, cell]));
  const topics = uniqueRefs(data.stances.map((cell) => cell.topic));
  const actors = uniqueRefs(data.stances.map((cell) => cell.actor));

  const head = el("tr", {}, el("th", { scope: "col" }, "Actor"));
  for (const topic of topics) head.append(el("th", { scope: "col" }, topic.name));
  table.tHead?.replaceChildren(head);

  const rows = actors.map((actor) => {
    const row = el("tr", {}, el("th", { scope: "row" }, actor.name));
    for (const topic of topics) row.append(stanceCell(cells.get(`${actor.id}/${topic.id}`)));
    return row;
  });
  table.tBodies[0].replaceChildren(...rows);
}

/**
 * Distinct references, by name.
 * @param {{id: string, name: string}[]} refs
 */
function uniqueRefs(refs) {
  return [...new Map(refs.map((ref) => [ref.id, ref])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

/** @param {StanceCell | undefined} cell */
function stanceCell(cell) {
  if (!cell) {
    return el("td", { class: "empty" }, el("span", { class: "visually-hidden" }, "no stance"), "–");
  }
  const { current, earlier } = cell;
  const link = el(
    "a",
    {
      href: `#stance/${encodeURIComponent(cell.actor.id)}/${encodeURIComponent(cell.topic.id)}`,
      class: `stance stance-${current.stance}`,
      title: current.statement,
    },
    current.stance,
  );
  const more = earlier.length ? el("span", { class: "more" }, `+${earlier.length} earlier`) : null;
  return el("td", { "data-stance": current.stance }, link, more);
}
