// @ts-check
// A stored source's suggested quotes (GET /v1/sources/{id}/suggestions, write scope): the text
// with each suggestion's excerpt marked, and a card per suggestion whose words, speaker, date and
// id can be edited before it is accepted (POST /v1/quotes, or one all-or-nothing batch with the
// new actor it names) or rejected. Accepting all sends the rest as one batch.

import { el } from "./dom.js";
import { keyed, Refused } from "./keyed.js";
import { panelSection } from "./panel.js";
import { recordHref } from "./router.js";

/** @typedef {{start: number, end: number, text: string}} Words */
/** @typedef {{as_written: string | null, actor: string | null, name: string, new: boolean, confidence: number}} Speaker */
/** @typedef {{parts: Words[], speaker: Speaker | null, said_on: {date: string, words: Words | null}, excerpt: Words, fragment: boolean, record: Record<string, any> | null}} Suggestion */
/** @typedef {{id: string, name: string, record?: Record<string, any>}} NewActor */
/** @typedef {{source: string, quotes: Suggestion[], new_actors: NewActor[]}} Suggestions */
/** @typedef {Map<string, Record<string, any>>} Proposed  the new actors' records, by id */
/** @typedef {{card: HTMLLIElement, suggestion: Suggestion, base: Record<string, any>, fields: Record<string, HTMLInputElement>}} Card */

const EDITABLE = /** @type {const} */ ([
  ["text", "Words"],
  ["speaker", "Speaker (an actor's id)"],
  ["said_on", "Said on"],
  ["id", "Id"],
]);

/** @param {string} sourceId */
export function suggestionsSection(sourceId) {
  const path = `v1/sources/${encodeURIComponent(sourceId)}`;
  return panelSection(
    "suggestions",
    "Suggested quotes",
    "the suggestions",
    "No quotes were found in this article.",
    async () => {
      const [found, text] = await Promise.all([
        keyed("GET", `${path}/suggestions`),
        keyed("GET", `${path}/text`),
      ]);
      return found.quotes.length ? suggestionsView(found, text) : [];
    },
  );
}

/**
 * @param {Suggestions} found
 * @param {string} text
 */
function suggestionsView(found, text) {
  /** @type {Proposed} */
  const proposed = new Map(
    found.new_actors.map((a) => [a.id, a.record ?? { id: a.id, name: a.name, kind: "person" }]),
  );
  const cards = found.quotes.map((suggestion, index) =>
    card(found.source, suggestion, index, proposed),
  );
  const all = el("button", { type: "button", id: "accept-all" }, "Accept all that are left");
  const status = el("p", { class: "status", role: "status", id: "accept-all-status" });
  all.addEventListener("click", () => acceptAll(cards, status, proposed));
  return [
    el(
      "div",
      {
        class: "suggested-text",
        tabindex: "0",
        role: "region",
        "aria-label": "The article, suggestions marked",
      },
      ...marked(Array.from(text), found.quotes),
    ),
    el("ol", { class: "entries suggestions" }, ...cards.map((one) => one.card)),
    all,
    status,
  ];
}

/**
 * The text with each suggestion's excerpt marked (an excerpt inside an earlier one is not).
 * @param {string[]} codePoints
 * @param {Suggestion[]} quotes
 */
function marked(codePoints, quotes) {
  const nodes = [];
  let at = 0;
  quotes.forEach(({ excerpt }, index) => {
    if (excerpt.start < at) return;
    nodes.push(codePoints.slice(at, excerpt.start).join(""));
    const words = codePoints.slice(excerpt.start, excerpt.end).join("");
    nodes.push(el("mark", { class: "suggested", id: `suggested-${index}` }, words));
    at = excerpt.end;
  });
  nodes.push(codePoints.slice(at).join(""));
  return nodes;
}

/**
 * @param {string} source
 * @param {Suggestion} suggestion
 * @param {number} index
 * @param {Proposed} proposed
 * @returns {Card}
 */
function card(source, suggestion, index, proposed) {
  const record = suggestion.record ?? baseRecord(source, suggestion);
  /** @type {Record<string, HTMLInputElement>} */
  const fields = {};
  const inputs = EDITABLE.map(([name, label]) => {
    const input = el("input", {
      id: `suggestion-${index}-${name}`,
      name,
      value: String(record[name] ?? ""),
    });
    fields[name] = input;
    return el("span", { class: "field" }, el("label", { for: input.id }, label), input);
  });
  const status = el("p", { class: "status", role: "status" });
  const accept = el("button", { type: "button", class: "accept" }, "Accept");
  const reject = el("button", { type: "button", class: "reject" }, "Reject");
  const item = el(
    "li",
    { class: "suggestion", "data-state": "open", "data-index": String(index) },
    el(
      "p",
      {},
      el(
        "a",
        { href: `#suggested-${index}` },
        `“${suggestion.parts.map((p) => p.text).join(" … ")}”`,
      ),
    ),
    el("p", { class: "meta" }, speakerLine(suggestion.speaker), ` · ${dateLine(suggestion)}`),
    el("div", { class: "filters" }, ...inputs),
    el("div", { class: "actions" }, accept, reject),
    status,
  );
  const one = { card: item, suggestion, base: record, fields };
  accept.addEventListener("click", () => settle([one], status, proposed));
  reject.addEventListener("click", () => {
    item.dataset.state = "rejected";
    status.textContent = "Rejected: nothing was written.";
    document.getElementById(`suggested-${index}`)?.classList.add("rejected");
  });
  return one;
}

/** @param {Speaker | null} speaker */
function speakerLine(speaker) {
  if (!speaker) return "No speaker found: give one";
  const known = speaker.new ? "a new actor" : speaker.actor;
  return `${speaker.name} (${known}, ${Math.round(speaker.confidence * 100)}% sure)`;
}

/** @param {Suggestion} suggestion */
function dateLine({ said_on }) {
  return said_on.words
    ? `${said_on.date}, from “${said_on.words.text}”`
    : `${said_on.date}, the article's date`;
}

/**
 * A quote record for a suggestion with no speaker: the curator gives one.
 * @param {string} source
 * @param {Suggestion} suggestion
 */
function baseRecord(source, suggestion) {
  const text = suggestion.parts.map((p) => p.text).join(" ");
  const citation = { source, excerpt: suggestion.excerpt.text, start: suggestion.excerpt.start };
  return {
    id: "",
    text,
    speaker: "",
    said_on: suggestion.said_on.date,
    fragment: suggestion.fragment,
    citations: [citation],
  };
}

/**
 * The writes that accept `cards`: each quote as edited, after the new actors they name.
 * @param {Card[]} cards
 * @param {Proposed} proposed
 */
function writes(cards, proposed) {
  /** @type {Map<string, Record<string, any>>} */
  const actors = new Map();
  const quotes = cards.map(({ suggestion, base, fields }) => {
    const record = { ...base };
    for (const [name, input] of Object.entries(fields)) record[name] = input.value.trim();
    const speaker = suggestion.speaker;
    // A new actor is written with the first quote accepted of theirs, then no longer proposed.
    const named = speaker?.new ? proposed.get(record.speaker) : undefined;
    if (named && !actors.has(record.speaker)) actors.set(record.speaker, named);
    return { resource: "quotes", record };
  });
  return [...[...actors.values()].map((record) => ({ resource: "actors", record })), ...quotes];
}

/**
 * @param {Card[]} cards
 * @param {HTMLElement} status
 * @param {Proposed} proposed
 */
function acceptAll(cards, status, proposed) {
  const open = cards.filter((one) => one.card.dataset.state === "open");
  if (open.length === 0) status.textContent = "Nothing is left to accept.";
  else settle(open, status, proposed);
}

/**
 * Accept `cards` in one write: a single quote is one POST, more (or a new actor) one batch.
 * @param {Card[]} cards
 * @param {HTMLElement} status
 * @param {Proposed} proposed
 */
async function settle(cards, status, proposed) {
  const sent = writes(cards, proposed);
  status.textContent = "Writing…";
  try {
    if (sent.length === 1) await keyed("POST", "v1/quotes", sent[0]?.record);
    else await keyed("POST", "v1/batch", { writes: sent });
  } catch (error) {
    status.textContent = refusal(error, sent.length - cards.length);
    return;
  }
  for (const write of sent) if (write.resource === "actors") proposed.delete(write.record.id);
  status.textContent = cards.length === 1 ? "Accepted." : `${cards.length} quotes accepted.`;
  for (const one of cards) accepted(one); // each card's own status: a link to the quote
}

/** @param {Card} one */
function accepted({ card, fields }) {
  card.dataset.state = "accepted";
  for (const input of Object.values(fields)) input.disabled = true;
  for (const button of card.querySelectorAll("button")) button.disabled = true;
  const link = el(
    "a",
    { href: recordHref("quote", fields.id?.value ?? "") },
    "Accepted: read it as it is served.",
  );
  card.querySelector(".status")?.replaceChildren(link);
}

/**
 * What a refused write says, fields included.
 * @param {unknown} error
 * @param {number} actors  writes of new actors before the quotes
 */
function refusal(error, actors) {
  if (!(error instanceof Refused)) return `Not written (${String(error)}).`;
  const fields = error.errors.map((e) => `${e.location}: ${e.message}`).join("; ");
  const note = actors ? ` (the first ${actors} write${actors > 1 ? "s" : ""} add new actors)` : "";
  return `Not written: ${error.message}${fields ? ` — ${fields}` : ""}${note}`;
}
