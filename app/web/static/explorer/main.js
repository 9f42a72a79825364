// @ts-check
// The explorer's entry point: read the address, draw the view it names, and do so again whenever
// it changes. Each panel loads on its own from the public /v1 API.

import { getJSON } from "./api.js";
import { curatePage } from "./curate.js";
import { setUpDialog, showRecord } from "./detail.js";
import { loadPanel } from "./panel.js";
import { actorPage, topicPage } from "./pages.js";
import { go, onNavigate, pageHref, startRouting } from "./router.js";
import { setUpSearch, showSearch } from "./search.js";
import { showPassage, sourcePage } from "./source.js";
import { setUpStances, showStances } from "./stances.js";
import { setUpTimeline, showTimeline } from "./timeline.js";

/** @typedef {import("./router.js").View} View */

const SITE = "Summit KB explorer";
const home = /** @type {HTMLElement} */ (document.getElementById("home"));
const page = /** @type {HTMLElement} */ (document.getElementById("page"));
const pageTitle = /** @type {HTMLElement} */ (document.getElementById("page-title"));
const pageBody = /** @type {HTMLElement} */ (document.getElementById("page-body"));
const PAGES = { actors: actorPage, topics: topicPage, sources: sourcePage, curate: curatePage };
let shownPath = "";

/**
 * Draw the view the address names.
 * @param {View} view
 * @returns {Promise<unknown>}  settled once its panels have loaded (or failed)
 */
function render(view) {
  // Links of earlier versions named pages in the hash (#actor/ID): they have addresses now.
  const legacy = /^#(actor|topic|source)\/(.+)$/.exec(location.hash);
  if (legacy) {
    go(
      pageHref(
        /** @type {"actors" | "topics" | "sources"} */ (`${legacy[1]}s`),
        decodeURIComponent(legacy[2] ?? ""),
      ),
      { replace: true },
    );
    return Promise.resolve();
  }
  const moved = location.pathname !== shownPath;
  const firstView = shownPath === "";
  shownPath = location.pathname;
  home.hidden = view.page !== "home";
  page.hidden = view.page === "home";
  const loaded = view.page === "home" ? showHome(view.params) : showPage(view, moved);
  if (moved && !firstView) {
    window.scrollTo(0, 0);
    (view.page === "home"
      ? /** @type {HTMLElement} */ (home.querySelector("h1"))
      : pageTitle
    ).focus();
  }
  const [kind, ids] = [view.record?.[0], view.record?.slice(1) ?? []];
  showRecord(kind === "passage" ? null : view.record);
  if (kind === "passage") {
    const [start, end] = (ids[0] ?? "").split("-").map(Number);
    loaded.then(() => showPassage(start ?? 0, end ?? 0));
  } else if (!view.record && location.hash) {
    const anchor = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    anchor?.scrollIntoView();
    if (anchor?.hasAttribute("tabindex")) anchor.focus({ preventScroll: true });
  }
  return loaded;
}

/** @param {URLSearchParams} params */
function showHome(params) {
  document.title = SITE;
  return Promise.allSettled([
    showSearch(params),
    showStances(params),
    showTimeline(params),
    showCounts(),
  ]);
}

/**
 * @param {View} view
 * @param {boolean} moved  whether the address names another page than the one shown
 */
function showPage(view, moved) {
  if (!moved) return Promise.resolve();
  const draw = view.page === "home" || view.page === "missing" ? null : PAGES[view.page];
  const titled = (/** @type {string} */ name) => {
    pageTitle.textContent = name;
    document.title = `${name} · ${SITE}`;
  };
  if (!draw) {
    titled("No such page");
    pageBody.replaceChildren();
    return Promise.resolve();
  }
  titled(view.id);
  draw(pageBody, view.id, titled);
  return Promise.allSettled([...pageBody.querySelectorAll("[aria-busy]")].map(settled));
}

/**
 * Settles when `element` is no longer busy.
 * @param {Element} element
 */
function settled(element) {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!element.hasAttribute("aria-busy")) {
        observer.disconnect();
        resolve(undefined);
      }
    });
    observer.observe(element, { attributes: true, attributeFilter: ["aria-busy"] });
  });
}

let counted = false;

/** The dataset's size, from /v1/meta, once. */
function showCounts() {
  if (counted) return Promise.resolve();
  counted = true;
  const status = /** @type {HTMLElement} */ (document.getElementById("load-status"));
  let figures = "";
  return loadPanel({
    status,
    target: status,
    what: "the dataset's figures",
    load: () => /** @type {Promise<import("./types.js").MetaRead>} */ (getJSON("v1/meta")),
    draw: ({ counts }) => {
      figures = `${counts.quotes} quotes, ${counts.events} events and ${counts.positions} positions from ${counts.sources} sources.`;
      return true;
    },
    empty: "",
  }).then(() => {
    if (status.dataset.state === "ready") status.textContent = figures;
  });
}

setUpDialog();
setUpSearch();
setUpStances();
setUpTimeline();
let first = true;
onNavigate((view) => {
  const loaded = render(view);
  if (first) loaded.then(() => (document.body.dataset.ready = "true"));
  first = false;
});
startRouting();
