// Compressed request bodies on the tracking API. Segment's server libraries and RudderStack's SDKs
// can gzip their batches (`Content-Encoding: gzip`); the body is inflated on the way in, and the body
// limit applies to the inflated bytes (Fastify counts what this stream emits), so a small zip bomb
// is refused with 413 like any oversized body.
import zlib from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';

type Inflating = Transform & { receivedEncodedLength?: number };

export function inflateBody(req: FastifyRequest, payload: Readable): Readable {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding === 'identity' || encoding === '') return payload;
  if (encoding !== 'gzip' && encoding !== 'x-gzip' && encoding !== 'deflate') {
    throw new AppError('unsupported_media_type', `Content-Encoding "${encoding}" is not supported; send gzip, deflate or an uncompressed body.`);
  }
  const inflate: Inflating = encoding === 'deflate' ? zlib.createInflate() : zlib.createGunzip();
  // Fastify compares Content-Length with the bytes received: those are the compressed ones
  inflate.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => {
    inflate.receivedEncodedLength! += chunk.length;
  });
  payload.on('error', (err) => inflate.destroy(err));
  inflate.on('error', (err: Error & { statusCode?: number }) => {
    err.message = `The body is not valid ${encoding} data: ${err.message}`;
    err.statusCode = 400;
  });
  return payload.pipe(inflate);
}
