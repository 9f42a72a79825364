// @ts-check
// The address is the explorer's state. The path names the view (`explore`, `explore/actors/ID`,
// `explore/topics/ID`, `explore/sources/ID`, `explore/curate[/SOURCE_ID]`), the query its filters (`q`, `type`, `topic`,
// `actor`, `from`, `to`, `empty`, `group`), and the hash the record open over it (`#quote/ID`,
// `#event/ID`, `#position/ID`, `#stance/ACTOR/TOPIC`, or `#passage/START-END` in a source).
// Links inside the explorer move through history.pushState, so Back and Forward walk the views.

/**
 * @typedef {object} View
 * @property {"home" | "actors" | "topics" | "sources" | "curate" | "missing"} page
 * @property {string} id  the actor, topic or source id ("" on the home view)
 * @property {URLSearchParams} params
 * @property {string[] | null} record  the hash's kind and ids, when it names a record
 */

/** The explorer's own address, e.g. http://host/explore (under any prefix the app has). */
export const ROOT = new URL("explore", document.baseURI);
const PAGES = new Set(["actors", "topics", "sources"]);
export const RECORDS = new Set(["quote", "event", "position", "stance", "passage"]);

/** @type {Set<(view: View, pushed: boolean) => void>} */
const listeners = new Set();

/** @returns {View} */
export function currentView() {
  const rest = location.pathname.slice(ROOT.pathname.length).split("/").filter(Boolean);
  const [page = "", id = "", ...extra] = rest.map(decodeURIComponent);
  // The curation page is `explore/curate` (a new article) or `explore/curate/SOURCE_ID`.
  const known =
    page === "" ||
    (PAGES.has(page) && id !== "" && extra.length === 0) ||
    (page === "curate" && extra.length === 0);
  const hash = location.hash.slice(1).split("/").map(decodeURIComponent);
  return {
    page: page === "" ? "home" : known ? /** @type {View["page"]} */ (page) : "missing",
    id,
    params: new URLSearchParams(location.search),
    record: RECORDS.has(hash[0] ?? "") && hash.length > 1 ? hash : null,
  };
}

/**
 * The address of an actor's, topic's or source's page.
 * @param {"actors" | "topics" | "sources"} page
 * @param {string} id
 * @param {string} [hash]
 */
export function pageHref(page, id, hash = "") {
  return `${ROOT.href}/${page}/${encodeURIComponent(id)}${hash}`;
}

/**
 * The current view with a record open over it.
 * @param {string} kind  quote, event, position, stance or passage
 * @param {...string} ids
 */
export function recordHref(kind, ...ids) {
  return `${location.pathname}${location.search}#${[kind, ...ids].map(encodeURIComponent).join("/")}`;
}

/**
 * The home view with its query changed: a null or empty value drops the parameter.
 * @param {Record<string, string | null>} changes
 */
export function homeHref(changes) {
  const params =
    currentView().page === "home" ? new URLSearchParams(location.search) : new URLSearchParams();
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const query = params.toString();
  return query ? `${ROOT.href}?${query}` : ROOT.href;
}

/**
 * Move to `href` and draw it; `replace` rewrites the current history entry instead.
 * @param {string} href
 * @param {{replace?: boolean}} [options]
 */
export function go(href, { replace = false } = {}) {
  const url = new URL(href, location.href);
  if (url.href !== location.href) {
    if (replace) history.replaceState({ pushed: false }, "", url);
    else history.pushState({ pushed: true }, "", url);
  }
  notify(!replace);
}

/** @param {(view: View, pushed: boolean) => void} listener */
export function onNavigate(listener) {
  listeners.add(listener);
}

/** Route clicks on links to the explorer and history moves to the listeners. */
export function startRouting() {
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    if (link.getAttribute("href")?.startsWith("#")) {
      // An in-page anchor (the skip link): the base URL would send it to another page.
      event.preventDefault();
      const target = document.getElementById(link.hash.slice(1));
      target?.scrollIntoView();
      target?.focus();
      return;
    }
    if (!isOwnLink(link, event)) return;
    event.preventDefault();
    go(opensRecordHere(link) ? `${location.pathname}${location.search}${link.hash}` : link.href);
  });
  window.addEventListener("popstate", () => notify(false));
  notify(false);
}

/** Whether the current entry was pushed by this page (so that Back stays in the explorer). */
export function pushedHere() {
  return Boolean(history.state?.pushed);
}

/**
 * @param {HTMLAnchorElement} link
 * @param {MouseEvent} event
 */
function isOwnLink(link, event) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return false;
  if (link.target || link.hasAttribute("download")) return false;
  const url = new URL(link.href);
  return (
    url.origin === ROOT.origin &&
    (url.pathname === ROOT.pathname || url.pathname.startsWith(`${ROOT.pathname}/`))
  );
}

/**
 * Whether `link` opens a record over the view shown: then it keeps the view's current query, which
 * may have changed since the link was drawn.
 * @param {HTMLAnchorElement} link
 */
function opensRecordHere(link) {
  const kind = decodeURIComponent(link.hash.slice(1).split("/")[0] ?? "");
  return link.pathname === location.pathname && RECORDS.has(kind);
}

/** @param {boolean} pushed */
function notify(pushed) {
  const view = currentView();
  for (const listener of listeners) listener(view, pushed);
}
