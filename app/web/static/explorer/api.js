// @ts-check
// A small client of the public /v1 API: JSON lists followed page by page, and source text slices.

/** @typedef {import("./types.js").Dataset} Dataset */

const PAGE_SIZE = 500;

/** Where the API lives: the origin (and path prefix) this page was served from. */
export const API_BASE = new URL(".", document.baseURI);

/**
 * GET a JSON resource; a non-2xx answer throws with the problem's `detail`.
 * @param {string} path  relative to API_BASE, e.g. "v1/quotes"
 * @param {Record<string, string | number>} [params]
 * @returns {Promise<unknown>}
 */
export async function getJSON(path, params = {}) {
  const response = await fetch(apiURL(path, params), { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(await problemDetail(response));
  return response.json();
}

/**
 * Every item of a list endpoint, following its `next` cursors.
 * @template T
 * @param {string} path
 * @param {Record<string, string>} [filters]
 * @returns {Promise<T[]>}
 */
export async function listAll(path, filters = {}) {
  /** @type {T[]} */
  const items = [];
  /** @type {string | null} */
  let cursor = null;
  do {
    /** @type {Record<string, string | number>} */
    const params = { ...filters, limit: PAGE_SIZE };
    if (cursor) params.cursor = cursor;
    const page = /** @type {{items: T[], next: string | null}} */ (await getJSON(path, params));
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

/**
 * The code points [start, end) of a source's stored text.
 * @param {string} sourceId
 * @param {number} start
 * @param {number} end
 * @returns {Promise<string>}
 */
export async function sourceText(sourceId, start, end) {
  const path = `v1/sources/${encodeURIComponent(sourceId)}/text`;
  const response = await fetch(apiURL(path, { start, end }));
  if (!response.ok) throw new Error(await problemDetail(response));
  return response.text();
}

/**
 * The best hits for a full-text query (`"a phrase"`, `prefix*`, `OR`, `NOT`).
 * @param {string} q
 * @param {number} limit
 * @returns {Promise<import("./types.js").SearchPage>}
 */
export async function search(q, limit) {
  return /** @type {import("./types.js").SearchPage} */ (await getJSON("v1/search", { q, limit }));
}

/**
 * Events and quotes in date order, for one topic or all.
 * @param {string} topic  a topic id, or "" for every topic
 * @returns {Promise<import("./types.js").TimelineItem[]>}
 */
export function timeline(topic) {
  return listAll("v1/timeline", topic ? { topic } : {});
}

/**
 * Load every record the explorer shows.
 * @returns {Promise<Dataset>}
 */
export async function loadDataset() {
  const [quotes, events, positions, actors, topics, sources, matrix] = await Promise.all([
    listAll("v1/quotes"),
    listAll("v1/events"),
    listAll("v1/positions"),
    listAll("v1/actors"),
    listAll("v1/topics"),
    listAll("v1/sources"),
    getJSON("v1/stances"),
  ]);
  return {
    quotes: byId(/** @type {import("./types.js").QuoteRead[]} */ (quotes)),
    events: byId(/** @type {import("./types.js").EventRead[]} */ (events)),
    positions: byId(/** @type {import("./types.js").PositionRead[]} */ (positions)),
    actors: byId(/** @type {import("./types.js").ActorRead[]} */ (actors)),
    topics: byId(/** @type {import("./types.js").TopicRead[]} */ (topics)),
    sources: byId(/** @type {import("./types.js").SourceRead[]} */ (sources)),
    stances: /** @type {import("./types.js").StanceMatrix} */ (matrix).cells,
  };
}

/**
 * @template {{id: string}} T
 * @param {T[]} records
 * @returns {Map<string, T>}
 */
function byId(records) {
  return new Map(records.map((record) => [record.id, record]));
}

/**
 * @param {string} path
 * @param {Record<string, string | number>} params
 */
function apiURL(path, params) {
  const url = new URL(path, API_BASE);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
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
