// @ts-check
// The API's shapes, taken from the TypeScript types generated from /openapi.json.
// Only `tsc` reads this file; browsers never load it.

/** @typedef {import("../../../../clients/typescript/src/schema").components["schemas"]} Schemas */
/** @typedef {Schemas["QuoteRead"]} QuoteRead */
/** @typedef {Schemas["EventRead"]} EventRead */
/** @typedef {Schemas["PositionRead"]} PositionRead */
/** @typedef {Schemas["ActorRead"]} ActorRead */
/** @typedef {Schemas["TopicRead"]} TopicRead */
/** @typedef {Schemas["SourceRead"]} SourceRead */
/** @typedef {Schemas["ArticleRead"]} ArticleRead */
/** @typedef {Schemas["AffiliationRead"]} AffiliationRead */
/** @typedef {Schemas["CitationRead"]} CitationRead */
/** @typedef {Schemas["Problem"]} Problem */
/** @typedef {Schemas["MetaRead"]} MetaRead */
/** @typedef {Schemas["SearchHit"]} SearchHit */
/** @typedef {Schemas["SearchPage"]} SearchPage */
/** @typedef {Schemas["TimelineItem"]} TimelineItem */
/** @typedef {Schemas["StanceMatrix"]} StanceMatrix */
/** @typedef {Schemas["StanceCell"]} StanceCell */

/**
 * Everything the explorer shows, loaded once from the list endpoints.
 * @typedef {object} Dataset
 * @property {Map<string, QuoteRead>} quotes
 * @property {Map<string, EventRead>} events
 * @property {Map<string, PositionRead>} positions
 * @property {Map<string, ActorRead>} actors
 * @property {Map<string, TopicRead>} topics
 * @property {Map<string, SourceRead>} sources
 * @property {StanceCell[]} stances  the actor × topic matrix, one cell per actor and topic
 */

export {};
