// @ts-check
// Links to the actor and topic pages: every name the explorer shows is one of these.

import { topics } from "./api.js";
import { el } from "./dom.js";
import { pageHref } from "./router.js";

/** @param {{id: string, name: string}} actor */
export function actorLink(actor) {
  return el("a", { href: pageHref("actors", actor.id), class: "actor-link" }, actor.name);
}

/**
 * @param {{id: string, name: string}} topic
 * @param {string} [text]  the link's words, if not the topic's name
 */
export function topicLink(topic, text = topic.name) {
  return el("a", { href: pageHref("topics", topic.id), class: "topic-link" }, text);
}

/**
 * Links to the topics of `ids`, named as /v1/topics names them (by id, if that list fails).
 * @param {string[]} ids
 * @returns {Promise<HTMLAnchorElement[]>}
 */
export async function topicLinks(ids) {
  const names = await topics().catch(() => new Map());
  return ids.map((id) => topicLink({ id, name: names.get(id)?.name ?? id }));
}

/**
 * Nodes separated by commas.
 * @param {Node[]} nodes
 * @returns {(Node | string)[]}
 */
export function commaSeparated(nodes) {
  return nodes.flatMap((node, i) => (i === 0 ? [node] : [", ", node]));
}
