// How a frontend uses the generated types: openapi-fetch checks paths, parameters and bodies.
import createClient from "openapi-fetch";

import type { components, paths } from "../src/schema";

export type Quote = components["schemas"]["QuoteRead"];
export type QuotePage = components["schemas"]["QuotePage"];
export type Citation = components["schemas"]["CitationRead"];

const baseUrl = "http://127.0.0.1:8000";

/** JSON answers (and problem+json errors): the API also speaks CSV, NDJSON and JSON-LD. */
export const api = createClient<paths, "application/json" | "application/problem+json">({ baseUrl });
/** The stored texts of sources, as text/plain. */
export const texts = createClient<paths, "text/plain" | "application/problem+json">({ baseUrl });

/** Every quote an actor said, following the `next` cursors. */
export async function quotesBy(actor: string): Promise<Quote[]> {
  const quotes: Quote[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await api.GET("/v1/quotes", {
      params: { query: { actor: [actor], limit: 500, ...(cursor ? { cursor } : {}) } },
    });
    if (error) throw new Error(error.detail);
    const page = data as QuotePage; // without ?fields= a list answers whole records
    quotes.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return quotes;
}

/** A citation's excerpt checked against the stored text (offsets count code points). */
export async function checkCitation(citation: Citation): Promise<boolean> {
  const { data, error } = await texts.GET("/v1/sources/{source_id}/text", {
    params: { path: { source_id: citation.source_id } },
    parseAs: "text",
  });
  if (error) throw new Error(error.detail);
  return Array.from(data).slice(citation.start, citation.end).join("") === citation.excerpt;
}

/** An actor's positions on one topic, newest first. */
export async function stancesOf(actorId: string, topicId: string): Promise<string[]> {
  const { data, error } = await api.GET("/v1/positions", {
    params: { query: { actor: [actorId], topic: [topicId] } },
  });
  if (error) throw new Error(error.detail);
  return data.items
    .sort((a, b) => (b.held_on ?? "").localeCompare(a.held_on ?? ""))
    .map((position) => `${position.stance}: ${position.statement}`);
}

/** Accept every suggestion for a source in one batch (with a write key): the new speakers first,
 * then the quotes, each suggested `record` sent as it is. Answers the ids written. */
export async function acceptSuggestions(sourceId: string, key: string): Promise<string[]> {
  const headers = { Authorization: `Bearer ${key}` };
  const { data, error } = await api.GET("/v1/sources/{source_id}/suggestions", {
    params: { path: { source_id: sourceId } },
    headers,
  });
  if (error) throw new Error(error.detail);
  const writes = [
    ...data.new_actors.map((actor) => ({ resource: "actors" as const, record: actor.record })),
    ...data.quotes.flatMap((quote) =>
      quote.record ? [{ resource: "quotes" as const, record: quote.record }] : [],
    ),
  ];
  const written = await api.POST("/v1/batch", {
    params: { query: { summary: "accepted as suggested" } },
    body: { writes },
    headers,
  });
  if (written.error) throw new Error(written.error.detail);
  return written.data.written.map((record) => record.id);
}
