// @ts-check
// The explorer's entry point: load the dataset from the public /v1 API, then draw each section.

import { loadDataset } from "./api.js";
import { routeDetails } from "./detail.js";
import { setUpSearch } from "./search.js";
import { renderStances } from "./stances.js";
import { renderTimeline } from "./timeline.js";

async function start() {
  const status = /** @type {HTMLElement} */ (document.getElementById("load-status"));
  try {
    const data = await loadDataset();
    setUpSearch(data);
    renderStances(data);
    await renderTimeline(data);
    routeDetails(data);
    status.textContent = `${data.quotes.size} quotes, ${data.events.size} events and ${data.positions.size} positions from ${data.sources.size} sources.`;
    document.body.dataset.ready = "true";
  } catch (error) {
    status.textContent = `The dataset could not be loaded: ${error}`;
    status.classList.add("error");
    throw error;
  }
}

start();
