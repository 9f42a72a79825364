// @ts-check
// Records as entries of a page's lists: each with its date, its links and its citations.

import { citationLinks, copyCitationButton } from "./cite.js";
import { el, timeElement } from "./dom.js";
import { actorLink, commaSeparated, topicLink, topicLinks } from "./links.js";
import { recordHref } from "./router.js";

/** @typedef {import("./types.js").QuoteRead} QuoteRead */
/** @typedef {import("./types.js").EventRead} EventRead */
/** @typedef {import("./types.js").PositionRead} PositionRead */
/** @typedef {import("./types.js").AffiliationRead} AffiliationRead */

/**
 * A quote: its words (opening it in the dialog), speaker, date, topics, sources, and a copy button.
 * @param {QuoteRead} quote
 */
export async function quoteEntry(quote) {
  const topics = await topicLinks(quote.topics);
  return el(
    "li",
    { class: "entry", "data-kind": "quote" },
    el("a", { href: recordHref("quote", quote.id), class: "quote-link" }, `“${quote.text}”`),
    el(
      "p",
      { class: "meta" },
      actorLink(quote.speaker),
      ", ",
      timeElement(quote.said_on, quote.said_precision),
      ...(topics.length ? [" · ", ...commaSeparated(topics)] : []),
    ),
    citationLinks(quote.citations),
    copyCitationButton(quote),
  );
}

/**
 * A position: its stance, date, statement and sources, and the actor or topic it is about.
 * @param {PositionRead} position
 * @param {"actor" | "topic"} about  which of the two the entry names (the page is the other)
 */
export function positionEntry(position, about) {
  const whose = about === "actor" ? actorLink(position.actor) : topicLink(position.topic);
  return el(
    "li",
    { class: "entry", "data-kind": "position" },
    el(
      "p",
      { class: "entry-head" },
      timeElement(position.held_on, position.held_precision),
      " ",
      whose,
      " ",
      el(
        "a",
        { href: recordHref("position", position.id), class: `stance stance-${position.stance}` },
        position.stance,
      ),
    ),
    el("p", {}, position.statement),
    citationLinks(position.citations),
  );
}

/**
 * An event: its date, title (opening it in the dialog), place and sources.
 * @param {EventRead} event
 */
export function eventEntry(event) {
  return el(
    "li",
    { class: "entry", "data-kind": "event" },
    el(
      "p",
      { class: "entry-head" },
      timeElement(event.start_on, event.start_precision),
      " ",
      el("a", { href: recordHref("event", event.id) }, event.title),
    ),
    el("p", { class: "meta" }, [event.kind, event.status, event.place].filter(Boolean).join(" · ")),
    citationLinks(event.citations),
  );
}

/**
 * An affiliation: the role, where, since when, and its sources.
 * @param {AffiliationRead} affiliation
 */
export function affiliationEntry(affiliation) {
  const since = affiliation.started_on
    ? [" since ", timeElement(affiliation.started_on, affiliation.started_precision)]
    : [];
  const until = affiliation.ended_on
    ? [" until ", timeElement(affiliation.ended_on, affiliation.ended_precision)]
    : [];
  return el(
    "li",
    { class: "entry" },
    el(
      "p",
      { class: "entry-head" },
      affiliation.role,
      ...(affiliation.organisation ? [", ", actorLink(affiliation.organisation)] : []),
      ...since,
      ...until,
    ),
    citationLinks(affiliation.citations),
  );
}
