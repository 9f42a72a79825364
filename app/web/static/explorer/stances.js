// @ts-check
// The actor × topic table from GET /v1/stances: each cell's current stance, linked to its evidence;
// actors and topics link to their pages. The address says whether rows and columns with no stance
// are hidden (the default) or shown (`empty=show`), and whether actors are grouped by kind
// (`group=kind`).

import { actors, getJSON, topics } from "./api.js";
import { el } from "./dom.js";
import { actorLink, topicLink } from "./links.js";
import { loadPanel } from "./panel.js";
import { go, homeHref, recordHref } from "./router.js";

/** @typedef {import("./types.js").StanceCell} StanceCell */
/** @typedef {import("./types.js").StanceMatrix} StanceMatrix */
/** @typedef {import("./types.js").ActorRead} ActorRead */
/** @typedef {{id: string, name: string}} Ref */
/** @typedef {{cells: StanceCell[], actors: Map<string, ActorRead>, topics: Map<string, Ref>}} StanceData */

const KINDS = /** @type {const} */ ([
  ["person", "People"],
  ["state", "States"],
  ["organisation", "Organisations"],
  ["group", "Groups"],
]);

const table = /** @type {HTMLTableElement} */ (document.getElementById("stance-table"));
const scroller = /** @type {HTMLElement} */ (table.parentElement);
const hint = /** @type {HTMLElement} */ (document.getElementById("stance-scroll-hint"));
const hideEmpty = /** @type {HTMLInputElement} */ (document.getElementById("stance-hide-empty"));
const grouped = /** @type {HTMLInputElement} */ (document.getElementById("stance-group"));
let shown = "";

/** Wire the table's options to the address, and its scroll hint to its width. */
export function setUpStances() {
  hideEmpty.addEventListener("change", () =>
    go(homeHref({ empty: hideEmpty.checked ? null : "show" })),
  );
  grouped.addEventListener("change", () =>
    go(homeHref({ group: grouped.checked ? "kind" : null })),
  );
  new ResizeObserver(showScrollHint).observe(scroller);
}

/**
 * Draw the table as the address asks (nothing new if it is the one shown).
 * @param {URLSearchParams} params
 */
export function showStances(params) {
  const options = { all: params.get("empty") === "show", grouped: params.get("group") === "kind" };
  const key = JSON.stringify(options);
  if (key === shown) return Promise.resolve();
  shown = key;
  hideEmpty.checked = !options.all;
  grouped.checked = options.grouped;
  return loadPanel({
    status: /** @type {HTMLElement} */ (document.getElementById("stances-status")),
    target: table,
    what: "the stance table",
    load: async () => {
      const [matrix, actorList, topicList] = await Promise.all([
        getJSON("v1/stances"),
        actors(),
        topics(),
      ]);
      return {
        cells: /** @type {StanceMatrix} */ (matrix).cells,
        actors: actorList,
        topics: topicList,
      };
    },
    draw: (data) => drawTable(data, options),
    empty: "No stances yet.",
  });
}

/**
 * @param {StanceData} data
 * @param {{all: boolean, grouped: boolean}} options
 */
function drawTable(data, options) {
  const cells = new Map(data.cells.map((cell) => [`${cell.actor.id}/${cell.topic.id}`, cell]));
  const topicRefs = byName(
    options.all ? [...data.topics.values()] : data.cells.map((cell) => cell.topic),
  );
  const actorRefs = byName(
    options.all ? [...data.actors.values()] : data.cells.map((cell) => cell.actor),
  );

  const head = el("tr", {}, el("th", { scope: "col" }, "Actor"));
  for (const topic of topicRefs) head.append(el("th", { scope: "col" }, topicLink(topic)));
  const thead = el("thead", {}, head);

  /** @param {Ref} actor */
  const row = (actor) => {
    const tr = el("tr", {}, el("th", { scope: "row" }, actorLink(actor)));
    for (const topic of topicRefs) tr.append(stanceCell(cells.get(`${actor.id}/${topic.id}`)));
    return tr;
  };
  /** @type {{label: string, members: Ref[]}[]} */
  const groups = options.grouped
    ? KINDS.map(([kind, label]) => ({
        label,
        members: actorRefs.filter((a) => data.actors.get(a.id)?.kind === kind),
      }))
    : [{ label: "", members: actorRefs }];
  const bodies = groups
    .filter(({ members }) => members.length > 0)
    .map(({ label, members }) => {
      const heading = label
        ? el(
            "tr",
            { class: "group" },
            el("th", { scope: "rowgroup", colspan: String(topicRefs.length + 1) }, label),
          )
        : null;
      return el("tbody", {}, heading, ...members.map(row));
    });
  const caption = el(
    "caption",
    { class: "visually-hidden" },
    "Actors by topic: latest stance, linked to its evidence",
  );
  table.replaceChildren(caption, thead, ...bodies);
  showScrollHint();
  return actorRefs.length > 0;
}

/** Say, in words and with shadows at the edges, that the table is wider than its box. */
function showScrollHint() {
  const overflows = scroller.scrollWidth > scroller.clientWidth + 1;
  const columns = table.tHead?.rows[0]?.cells.length ?? 1;
  hint.hidden = !overflows;
  hint.textContent = overflows
    ? `The table is wider than the page: scroll it sideways to see all ${columns - 1} topics.`
    : "";
  scroller.classList.toggle("overflows", overflows);
}

/**
 * Distinct references, by name.
 * @param {Ref[]} refs
 * @returns {Ref[]}
 */
function byName(refs) {
  return [...new Map(refs.map((ref) => [ref.id, { id: ref.id, name: ref.name }])).values()].sort(
    (a, b) => a.name.localeCompare(b.name),
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
      href: recordHref("stance", cell.actor.id, cell.topic.id),
      class: `stance stance-${current.stance}`,
      title: current.statement,
    },
    current.stance,
  );
  const more = earlier.length ? el("span", { class: "more" }, `+${earlier.length} earlier`) : null;
  return el("td", { "data-stance": current.stance }, link, more);
}
