// A list page whose items PostgreSQL already wrote as JSON text. The envelope is put around them by
// string concatenation, so a page of 50 records is never parsed or stringified in node.
import type { FastifyReply } from 'fastify';

export interface JsonPage {
  /** Each item one JSON object, as text. */
  items: string[];
  nextCursor: string | null;
}

/** `{"data":[…],"nextCursor":…,"totalCount":…}`: the shape `listEnvelope` documents. */
function jsonPageText(page: JsonPage, totalCount?: number): string {
  const total = totalCount === undefined ? '' : `,"totalCount":${totalCount}`;
  return `{"data":[${page.items.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}${total}}`;
}

/** Sends the page as the route's JSON response: Fastify passes a string with a JSON type through as is. */
export function sendJsonPage(reply: FastifyReply, page: JsonPage, totalCount?: number): void {
  reply.type('application/json; charset=utf-8').send(jsonPageText(page, totalCount));
}
