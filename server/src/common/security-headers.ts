import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The hashes of the inline scripts in the built client's index.html (Taro's root font-size
 * script), so the policy allows exactly those and no other inline script.
 */
export function inlineScriptHashes(clientDist: string): string[] {
  const index = join(clientDist, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => m[1].trim())
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}

/**
 * Security headers on every response (helmet): a Content-Security-Policy the H5 client runs under
 * (its scripts are its own files plus the inline ones of its index.html, by hash; Taro's components
 * inject styles, and product images may be on any https host), no framing, HSTS, nosniff, no referrer.
 * No `upgrade-insecure-requests`: the demo is served over plain http.
 */
export function securityHeaders(clientDist: string): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(clientDist)],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        // blob:: Taro's H5 uploadFile reads the picked file back from its object URL before sending it.
        connectSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
}
