// @ts-check
// DOM building with createElement and textContent only: no record text is ever parsed as HTML.

/**
 * An element with attributes and children (strings become text nodes).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child !== null && child !== undefined) element.append(child);
  }
  return element;
}

/**
 * `text` with every case-insensitive occurrence of `terms` wrapped in <mark>.
 * @param {string} text
 * @param {string[]} terms
 * @returns {DocumentFragment}
 */
export function highlightTerms(text, terms) {
  const fragment = document.createDocumentFragment();
  const wanted = terms.filter((term) => term.length > 0).map(escapeRegExp);
  if (wanted.length === 0) {
    fragment.append(text);
    return fragment;
  }
  const pattern = new RegExp(`(${wanted.join("|")})`, "giu");
  text.split(pattern).forEach((part, index) => {
    // split() with one capturing group puts the matches at the odd indexes.
    if (part) fragment.append(index % 2 === 1 ? el("mark", {}, part) : part);
  });
  return fragment;
}

/**
 * `text` with the UTF-16 range [from, to) wrapped in <mark>.
 * @param {string} text
 * @param {number} from
 * @param {number} to
 * @returns {DocumentFragment}
 */
export function markRange(text, from, to) {
  const fragment = document.createDocumentFragment();
  fragment.append(text.slice(0, from), el("mark", {}, text.slice(from, to)), text.slice(to));
  return fragment;
}

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * A date as precisely as it is known ("15 Aug 2025", "week of 4 Aug 2025", "August 2025").
 * @param {string | null | undefined} isoDate
 * @param {string} precision
 * @returns {string}
 */
export function formatDate(isoDate, precision) {
  if (!isoDate || precision === "unknown") return "undated";
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (precision === "year") return String(date.getUTCFullYear());
  if (precision === "month") return MONTH.format(date);
  if (precision === "week") return `week of ${DAY.format(date)}`;
  return DAY.format(date);
}

/**
 * A <time> element for a dated record, or a plain "undated" label.
 * @param {string | null | undefined} isoDate
 * @param {string} precision
 */
export function timeElement(isoDate, precision) {
  const label = formatDate(isoDate, precision);
  if (!isoDate || label === "undated") return el("span", { class: "undated" }, label);
  return el("time", { datetime: isoDate }, label);
}
