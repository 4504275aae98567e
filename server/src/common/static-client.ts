import { basename, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';

/** A year: the longest lifetime caches honour, for files whose name changes with their content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache, but ask the server (ETag / Last-Modified) before each use. */
export const REVALIDATE = 'no-cache';

/** Webpack's `[name].[contenthash:8].js` (and its precompressed .br/.gz copies). */
const CONTENT_HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+(?:\.(?:br|gz))?$/i;

export function cacheControlFor(path: string): string {
  return CONTENT_HASHED.test(basename(path)) ? IMMUTABLE : REVALIDATE;
}

const isApi = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/**
 * The built H5 client: the brotli or gzip copy made at build time (scripts/precompress.mjs) when
 * the browser takes it, content-hashed files cached for a year, everything else revalidated. Every
 * other non-API GET gets index.html (revalidated too), so the client's own routes survive a reload.
 */
export function serveClient(clientDist: string): RequestHandler {
  const files = expressStaticGzip(clientDist, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: 'index.html',
    serveStatic: { setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlFor(path)) },
  }) as RequestHandler;
  const indexHtml = join(clientDist, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    files(req, res, (err?: unknown) => {
      if (err || req.method !== 'GET' || !existsSync(indexHtml)) return next(err);
      const url = req.url;
      req.url = '/index.html';
      files(req, res, (err2?: unknown) => {
        req.url = url;
        next(err2);
      });
    });
  };
}

/**
 * Files whose names are hashes of their content (uploads, demo images): cached for a year. A name
 * that is not there is a 404 here, not the client's index.html.
 */
export function serveImmutable(dir: string): RequestHandler {
  const files = express.static(dir, {
    index: false,
    redirect: false,
    setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE),
  });
  return (req, res, next) =>
    files(req, res, (err?: unknown) => {
      if (err) return next(err);
      res.status(404).json({ statusCode: 404, error: 'Not Found', message: 'file not found', code: 'FILE_NOT_FOUND' });
    });
}
