// @ts-check
// The timeline as a picture: dated events and quotes as marks on a date axis (SVG). Long quiet
// stretches (more than QUIET_DAYS with nothing) are cut out and shown as a break, so that a few
// old events do not squeeze the busy weeks into a corner. The list beside it carries the same
// entries; each mark is a link too: one tab stop for the chart, the arrow keys (and Home, End)
// move from mark to mark in date order, Enter or a click opens its record.

import { formatDate } from "./dom.js";
import { go, recordHref } from "./router.js";

/** @typedef {import("./types.js").TimelineItem} TimelineItem */
/** @typedef {{first: number, last: number, x: number, width: number}} Stretch */

const SVG = "http://www.w3.org/2000/svg";
const DAY_MS = 86_400_000;
const QUIET_DAYS = 45;
const LEFT = 64;
const RIGHT = 28;
const BREAK = 28;
const MIN_STRETCH = 56;
const DOT = 10;
const LANES = /** @type {const} */ ([
  ["event", "Events"],
  ["quote", "Quotes"],
]);

/**
 * Draw `items` into `container` as an SVG as wide as the container.
 * @param {HTMLElement} container
 * @param {TimelineItem[]} items
 */
export function drawChart(container, items) {
  const dated = items.filter((item) => item.date && item.precision !== "unknown");
  if (dated.length === 0) {
    container.replaceChildren();
    return;
  }
  const width = Math.max(300, container.clientWidth);
  const days = [...new Set(dated.map(dayOf))].sort((a, b) => a - b);
  const stretches = layOut(days, width);
  const at = (/** @type {number} */ day) => {
    const s = /** @type {Stretch} */ (stretches.find((one) => day >= one.first && day <= one.last));
    return s.x + ((day - s.first + 0.5) / (s.last - s.first + 1)) * s.width;
  };
  const dayWidth = Math.min(...stretches.map((s) => s.width / (s.last - s.first + 1)));
  const perRow = Math.max(1, Math.floor((dayWidth * 0.9) / DOT));

  const marks = [];
  let top = 8;
  for (const [type, label] of LANES) {
    const lane = dated.filter((item) => item.type === type);
    /** @type {Map<number, TimelineItem[]>} */
    const byDay = new Map();
    for (const item of lane) byDay.set(dayOf(item), [...(byDay.get(dayOf(item)) ?? []), item]);
    const rows = Math.max(1, ...[...byDay.values()].map((same) => Math.ceil(same.length / perRow)));
    const height = rows * DOT + 12;
    marks.push(node("text", { x: 4, y: top + height / 2 + 4, class: "lane-label" }, label));
    for (const [day, same] of byDay) {
      const columns = Math.min(perRow, same.length);
      same.forEach((item, i) => {
        const x = at(day) + ((i % perRow) - (columns - 1) / 2) * DOT;
        const y = top + 6 + DOT / 2 + Math.floor(i / perRow) * DOT;
        marks.push(mark(item, x, y, dated.indexOf(item)));
      });
    }
    top += height;
    marks.push(node("line", { x1: LEFT, x2: width - RIGHT, y1: top, y2: top, class: "lane-rule" }));
  }
  const axis = axisMarks(stretches, dated, at, top);
  const svg = node("svg", {
    viewBox: `0 0 ${width} ${top + 30}`,
    width,
    height: top + 30,
    role: "group",
    "aria-labelledby": "timeline-chart-title",
  });
  svg.append(
    node("title", { id: "timeline-chart-title" }, chartTitle(dated, items.length)),
    ...marks,
    ...axis,
  );
  svg.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-record]") : null;
    if (target) open(target);
  });
  svg.addEventListener("keydown", (event) => moveOrOpen(svg, event));
  inDateOrder(svg)[0]?.setAttribute("tabindex", "0");
  container.replaceChildren(svg);
}

/** @param {Element} target a mark */
function open(target) {
  const [kind = "", id = ""] = (target.getAttribute("data-record") ?? "").split("/");
  go(recordHref(kind, id));
}

/**
 * The marks, in the order of their entries' dates.
 * @param {SVGElement} svg
 */
function inDateOrder(svg) {
  const marks = [...svg.querySelectorAll("[data-record]")];
  return marks.sort(
    (a, b) => Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")),
  );
}

const STEPS = /** @type {Record<string, number>} */ ({
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
});

/**
 * Arrow keys, Home and End move the chart's one tab stop from mark to mark; Enter opens one.
 * @param {SVGElement} svg
 * @param {KeyboardEvent} event
 */
function moveOrOpen(svg, event) {
  const current = event.target instanceof Element ? event.target.closest("[data-record]") : null;
  if (!current) return;
  if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    open(current);
    return;
  }
  const marks = inDateOrder(svg);
  const at = marks.indexOf(current);
  const next =
    event.key === "Home"
      ? 0
      : event.key === "End"
        ? marks.length - 1
        : at + (STEPS[event.key] ?? 0);
  if (next === at || !marks[next]) return;
  event.preventDefault();
  current.setAttribute("tabindex", "-1");
  marks[next].setAttribute("tabindex", "0");
  /** @type {SVGElement} */ (marks[next]).focus();
}

/**
 * Cut the axis into stretches of busy days, each as wide as its share of the days it spans.
 * @param {number[]} days  sorted
 * @param {number} width
 * @returns {Stretch[]}
 */
function layOut(days, width) {
  /** @type {{first: number, last: number}[]} */
  const spans = [];
  for (const day of days) {
    const last = spans.at(-1);
    if (last && day - last.last <= QUIET_DAYS) last.last = day;
    else spans.push({ first: day, last: day });
  }
  const available = width - LEFT - RIGHT - BREAK * (spans.length - 1);
  // Each stretch gets a minimum (less on a narrow screen), the rest goes by the days it spans.
  const least = Math.min(MIN_STRETCH, available / spans.length / 2);
  const room = available - least * spans.length;
  const total = spans.reduce((sum, s) => sum + s.last - s.first + 1, 0);
  let x = LEFT;
  return spans.map((s) => {
    const stretchWidth = least + (room * (s.last - s.first + 1)) / total;
    const stretch = { ...s, x, width: stretchWidth };
    x += stretchWidth + BREAK;
    return stretch;
  });
}

/**
 * The axis line of each stretch, a break between stretches, and labelled ticks.
 * @param {Stretch[]} stretches
 * @param {TimelineItem[]} dated
 * @param {(day: number) => number} at
 * @param {number} y
 */
function axisMarks(stretches, dated, at, y) {
  const precision = new Map(dated.map((item) => [dayOf(item), item.precision]));
  const nodes = [];
  let lastLabelEnd = -Infinity;
  for (const [i, s] of stretches.entries()) {
    nodes.push(node("line", { x1: s.x, x2: s.x + s.width, y1: y, y2: y, class: "axis" }));
    if (i > 0) nodes.push(node("text", { x: s.x - BREAK / 2, y: y + 4, class: "axis-break" }, "⋯"));
    for (let day = s.first; day <= s.last; day += 1) {
      const label = tickLabel(day, precision.get(day));
      const x = at(day);
      const half = label.length * 3.2;
      if (!precision.has(day) && day !== s.first) continue;
      if (x - half < lastLabelEnd + 6) continue;
      nodes.push(node("line", { x1: x, x2: x, y1: y, y2: y + 4, class: "axis" }));
      nodes.push(node("text", { x, y: y + 17, class: "tick" }, label));
      lastLabelEnd = x + half;
    }
  }
  return nodes;
}

/**
 * @param {number} day
 * @param {string | undefined} precision
 */
function tickLabel(day, precision) {
  const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (precision === "year" || precision === "month") return formatDate(iso, precision);
  return formatDate(iso, "day").replace(/ \d{4}$/, "");
}

/**
 * @param {TimelineItem} item
 * @param {number} x
 * @param {number} y
 * @param {number} order  the entry's place in date order
 */
function mark(item, x, y, order) {
  const when = formatDate(item.date, item.precision);
  const who = item.actors.map((actor) => actor.name).join(", ");
  const words = item.type === "quote" ? `${who}: “${item.title}”` : item.title;
  const shape =
    item.type === "quote"
      ? node("circle", { cx: x, cy: y, r: DOT / 2 - 1 })
      : node("rect", {
          x: x - 3.5,
          y: y - 3.5,
          width: 7,
          height: 7,
          transform: `rotate(45 ${x} ${y})`,
        });
  const group = node("g", {
    class: `mark mark-${item.type}`,
    "data-record": `${item.type}/${item.id}`,
    "data-order": order,
    role: "link",
    tabindex: -1,
    "aria-label": `${item.type === "quote" ? "Quote" : "Event"}, ${when}: ${words}`,
  });
  group.append(node("title", {}, `${when} · ${words}`), shape);
  return group;
}

/**
 * @param {TimelineItem[]} dated
 * @param {number} all
 */
function chartTitle(dated, all) {
  const first = formatDate(dated[0]?.date, dated[0]?.precision ?? "unknown");
  const last = formatDate(dated.at(-1)?.date, dated.at(-1)?.precision ?? "unknown");
  const undated = all - dated.length;
  const rest = undated ? `; ${undated} undated, listed below only` : "";
  return `Chart of ${dated.length} dated events and quotes, ${first} to ${last}${rest}. The list below holds each of them.`;
}

/** @param {TimelineItem} item */
function dayOf(item) {
  return Math.floor(Date.parse(`${item.date}T00:00:00Z`) / DAY_MS);
}

/**
 * An SVG element with attributes and text.
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [text]
 * @returns {SVGElement}
 */
function node(tag, attributes, text) {
  const element = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}
