// @ts-check
// A panel's states: loading, empty, failed (with a Retry) or drawn. Each panel loads on its own,
// so one failed request leaves the rest of the page as it is.

import { el } from "./dom.js";

/** @type {WeakMap<Element, number>} */
const attempts = new WeakMap();

/**
 * @template T
 * @typedef {object} PanelLoad
 * @property {HTMLElement} status  the panel's role=status line
 * @property {HTMLElement} target  what `draw` fills (marked busy while loading)
 * @property {string} what  what is loading, as the messages name it ("the stance table")
 * @property {() => Promise<T>} load
 * @property {(data: T) => boolean} draw  draws the data; false when there was nothing to show
 * @property {string} empty  the message when there is nothing to show
 */

/**
 * Load and draw a panel; a later call for the same target supersedes an earlier one.
 * @template T
 * @param {PanelLoad<T>} panel
 * @returns {Promise<void>}
 */
export async function loadPanel(panel) {
  const { status, target, what } = panel;
  const attempt = (attempts.get(target) ?? 0) + 1;
  attempts.set(target, attempt);
  setStatus(status, "loading", `Loading ${what}…`);
  target.setAttribute("aria-busy", "true");
  try {
    const data = await panel.load();
    if (attempts.get(target) !== attempt) return;
    const drawn = panel.draw(data);
    setStatus(status, drawn ? "ready" : "empty", drawn ? "" : panel.empty);
  } catch (error) {
    if (attempts.get(target) !== attempt) return;
    target.replaceChildren();
    const message = error instanceof Error ? error.message : String(error);
    setStatus(status, "error", `${capitalised(what)} could not be loaded (${message}). `);
    if (retryable(message)) {
      status.append(el("button", { type: "button", class: "retry" }, "Retry"));
      status
        .querySelector("button.retry")
        ?.addEventListener("click", () => loadPanel(panel), { once: true });
    }
  } finally {
    if (attempts.get(target) === attempt) target.removeAttribute("aria-busy");
  }
}

/**
 * A section whose contents load on their own, with loading, empty and error states.
 * @param {string} id
 * @param {string} title
 * @param {string} what
 * @param {string} empty
 * @param {() => Promise<Node[]>} load  the section's nodes (list entries go in a list)
 */
export function panelSection(id, title, what, empty, load) {
  const status = el("p", { class: "status", role: "status", id: `${id}-status` });
  const target = el("div", { class: "panel-body", id: `${id}-body` });
  loadPanel({
    status,
    target,
    what,
    load,
    draw: (nodes) => {
      const entries = nodes.every((node) => node instanceof HTMLLIElement);
      target.replaceChildren(
        ...(entries && nodes.length ? [el("ol", { class: "entries" }, ...nodes)] : nodes),
      );
      return nodes.length > 0;
    },
    empty,
  });
  return el(
    "section",
    { id, "aria-labelledby": `${id}-title` },
    el("h2", { id: `${id}-title` }, title),
    status,
    target,
  );
}

/**
 * @param {HTMLElement} status
 * @param {"loading" | "empty" | "error" | "ready"} state
 * @param {string} text
 */
export function setStatus(status, state, text) {
  status.dataset.state = state;
  status.classList.toggle("error", state === "error");
  status.replaceChildren(text);
}

/** A request the client got wrong (4xx) fails again as it is; anything else may pass on a retry.
 * @param {string} message  as api.js words it, "status: detail" */
function retryable(message) {
  return !/^4\d\d\b/.test(message);
}

/** @param {string} text */
function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
