// @ts-check
// The pages of an actor (/explore/actors/ID) and a topic (/explore/topics/ID): what they are, the
// positions over time, the quotes and the events, each list a panel of its own with its citations.

import { listAll, record } from "./api.js";
import { citationLinks } from "./cite.js";
import { el } from "./dom.js";
import { affiliationEntry, eventEntry, positionEntry, quoteEntry } from "./entries.js";
import { panelSection } from "./panel.js";

/** @typedef {import("./types.js").ActorRead} ActorRead */
/** @typedef {import("./types.js").TopicRead} TopicRead */
/** @typedef {import("./types.js").QuoteRead} QuoteRead */
/** @typedef {import("./types.js").EventRead} EventRead */
/** @typedef {import("./types.js").PositionRead} PositionRead */
/** @typedef {(title: string) => void} Titled */

/**
 * Fill `body` with an actor's page.
 * @param {HTMLElement} body
 * @param {string} id
 * @param {Titled} titled  called with the actor's name once it is known
 */
export function actorPage(body, id, titled) {
  const path = `v1/actors/${encodeURIComponent(id)}`;
  body.replaceChildren(
    panelSection("about", "About", "the actor", "", async () => {
      const actor = /** @type {ActorRead} */ (await record("actors", id));
      titled(actor.name);
      return aboutActor(actor);
    }),
    panelSection(
      "positions",
      "Positions over time",
      "the positions",
      "No positions of this actor yet.",
      async () =>
        /** @type {PositionRead[]} */ (await listAll(`${path}/positions`)).map((p) =>
          positionEntry(p, "topic"),
        ),
    ),
    panelSection("quotes", "Quotes", "the quotes", "No quotes of this actor yet.", async () =>
      Promise.all(/** @type {QuoteRead[]} */ (await listAll(`${path}/quotes`)).map(quoteEntry)),
    ),
    panelSection("events", "Events", "the events", "No events with this actor yet.", async () =>
      /** @type {EventRead[]} */ (await listAll(`${path}/events`)).map(eventEntry),
    ),
  );
}

/**
 * Fill `body` with a topic's page.
 * @param {HTMLElement} body
 * @param {string} id
 * @param {Titled} titled
 */
export function topicPage(body, id, titled) {
  const filter = { topic: id };
  body.replaceChildren(
    panelSection("about", "About", "the topic", "", async () => {
      const topic = /** @type {TopicRead} */ (await record("topics", id));
      titled(topic.name);
      return aboutTopic(topic);
    }),
    panelSection(
      "positions",
      "Positions over time",
      "the positions",
      "No positions on this topic yet.",
      async () =>
        /** @type {PositionRead[]} */ (await listAll("v1/positions", filter)).map((p) =>
          positionEntry(p, "actor"),
        ),
    ),
    panelSection("quotes", "Quotes", "the quotes", "No quotes on this topic yet.", async () =>
      Promise.all(/** @type {QuoteRead[]} */ (await listAll("v1/quotes", filter)).map(quoteEntry)),
    ),
    panelSection("events", "Events", "the events", "No events on this topic yet.", async () =>
      /** @type {EventRead[]} */ (await listAll("v1/events", filter)).map(eventEntry),
    ),
  );
}

/** @param {ActorRead} actor */
function aboutActor(actor) {
  return [
    el("p", { class: "meta" }, actor.kind),
    actor.description ? el("p", {}, actor.description) : null,
    actor.aliases.length
      ? el("p", {}, el("strong", {}, "Also written: "), actor.aliases.join(", "))
      : null,
    actor.affiliations.length ? el("h3", {}, "Affiliations") : null,
    actor.affiliations.length
      ? el("ol", { class: "entries" }, ...actor.affiliations.map(affiliationEntry))
      : null,
    actor.citations.length ? el("h3", {}, "In the sources") : null,
    actor.citations.length ? citationLinks(actor.citations) : null,
  ].filter((node) => node !== null);
}

/** @param {TopicRead} topic */
function aboutTopic(topic) {
  return [
    topic.description ? el("p", {}, topic.description) : null,
    topic.aliases.length
      ? el("p", {}, el("strong", {}, "Also called: "), topic.aliases.join(", "))
      : null,
  ].filter((node) => node !== null);
}
