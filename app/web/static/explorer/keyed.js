// @ts-check
// Requests that carry a write key, for the curation pages. The key is kept in this tab's
// sessionStorage only: it is never put in an address, and closing the tab forgets it.

import { API_BASE } from "./api.js";

const STORE = "summitkb-write-key";

/** The key this tab holds ("" for none). */
export function savedKey() {
  return sessionStorage.getItem(STORE) ?? "";
}

/** @param {string} key  "" forgets it */
export function keepKey(key) {
  if (key) sessionStorage.setItem(STORE, key);
  else sessionStorage.removeItem(STORE);
}

/** A refused request: the problem's status, detail and the fields it names. */
export class Refused extends Error {
  /**
   * @param {number} status
   * @param {string} detail
   * @param {{location: string, message: string}[]} errors
   */
  constructor(status, detail, errors) {
    super(`${status}: ${detail}`);
    this.status = status;
    this.errors = errors;
  }
}

/**
 * A request with the key: JSON in (when `body` is given) and JSON or text out.
 * @param {"GET" | "POST"} method
 * @param {string} path  relative to API_BASE
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
export async function keyed(method, path, body) {
  /** @type {Record<string, string>} */
  const headers = { Accept: "application/json, text/plain", Authorization: `Bearer ${savedKey()}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(new URL(path, API_BASE), {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  const type = response.headers.get("content-type") ?? "";
  const answer = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = typeof answer === "object" && answer ? answer : {};
    throw new Refused(response.status, problem.detail ?? response.statusText, problem.errors ?? []);
  }
  return answer;
}
