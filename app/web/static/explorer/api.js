// @ts-check
// A small client of the public /v1 API: JSON lists followed page by page, and source texts.
// Answers are kept for the life of the page (the dataset does not change under it); a failed
// request is forgotten, so that asking again retries it.

/** @typedef {import("./types.js").ActorRead} ActorRead */
/** @typedef {import("./types.js").TopicRead} TopicRead */

const PAGE_SIZE = 500;

/** Where the API lives: the origin (and path prefix) this page was served from. */
export const API_BASE = new URL(".", document.baseURI);

/** @type {Map<string, Promise<unknown>>} */
const answers = new Map();

/**
 * GET a JSON resource once; a non-2xx answer throws with the problem's `detail`.
 * @param {string} path  relative to API_BASE, e.g. "v1/quotes"
 * @param {Record<string, string | number | string[]>} [params]  a list repeats its parameter
 * @returns {Promise<unknown>}
 */
export function getJSON(path, params = {}) {
  return remembered(apiURL(path, params), async (url) => {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(await problemDetail(response));
    return response.json();
  });
}

/**
 * Every item of a list endpoint, following its `next` cursors.
 * @template T
 * @param {string} path
 * @param {Record<string, string | string[]>} [filters]
 * @returns {Promise<T[]>}
 */
export async function listAll(path, filters = {}) {
  /** @type {T[]} */
  const items = [];
  /** @type {string | null} */
  let cursor = null;
  do {
    /** @type {Record<string, string | number | string[]>} */
    const params = { ...filters, limit: PAGE_SIZE };
    if (cursor) params.cursor = cursor;
    const page = /** @type {{items: T[], next: string | null}} */ (await getJSON(path, params));
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

/**
 * The code points [start, end) of a source's stored text, or all of it.
 * @param {string} sourceId
 * @param {number} [start]
 * @param {number} [end]
 * @returns {Promise<string>}
 */
export function sourceText(sourceId, start, end) {
  /** @type {Record<string, number>} */
  const slice = start === undefined || end === undefined ? {} : { start, end };
  return remembered(apiURL(sourceTextPath(sourceId), slice), async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(await problemDetail(response));
    return response.text();
  });
}

/** @param {string} sourceId */
export function sourceTextPath(sourceId) {
  return `v1/sources/${encodeURIComponent(sourceId)}/text`;
}

/**
 * One record by kind and id, e.g. ("quotes", "putin-next-time-in-moscow").
 * @param {string} kind  the list's name in /v1
 * @param {string} id
 */
export function record(kind, id) {
  return getJSON(`v1/${kind}/${encodeURIComponent(id)}`);
}

/**
 * Every actor, by id: the names, kinds and links that every panel shows.
 * @returns {Promise<Map<string, ActorRead>>}
 */
export async function actors() {
  return byId(await listAll("v1/actors"));
}

/**
 * Every topic, by id.
 * @returns {Promise<Map<string, TopicRead>>}
 */
export async function topics() {
  return byId(await listAll("v1/topics"));
}

/**
 * @template {{id: string}} T
 * @param {T[]} records
 * @returns {Map<string, T>}
 */
export function byId(records) {
  return new Map(records.map((item) => [item.id, item]));
}

/**
 * @template T
 * @param {URL} url
 * @param {(url: URL) => Promise<T>} load
 * @returns {Promise<T>}
 */
function remembered(url, load) {
  const key = url.href;
  const known = answers.get(key);
  if (known) return /** @type {Promise<T>} */ (known);
  const answer = load(url);
  answers.set(key, answer);
  answer.catch(() => answers.delete(key));
  return answer;
}

/**
 * @param {string} path
 * @param {Record<string, string | number | string[]>} params
 */
function apiURL(path, params) {
  const url = new URL(path, API_BASE);
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value])
      url.searchParams.append(name, String(one));
  }
  return url;
}

/** @param {Response} response */
async function problemDetail(response) {
  try {
    const problem = /** @type {import("./types.js").Problem} */ (await response.json());
    return `${response.status}: ${problem.detail}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

/**
 * The best hits for a full-text query (`"a phrase"`, `prefix*`, `OR`, `NOT`).
 * @param {string} q
 * @param {number} limit
 * @param {string} [type]  only records of this kind ("" for every kind)
 * @returns {Promise<import("./types.js").SearchPage>}
 */
export async function search(q, limit, type = "") {
  const params = type ? { q, limit, type } : { q, limit };
  return /** @type {import("./types.js").SearchPage} */ (await getJSON("v1/search", params));
}
