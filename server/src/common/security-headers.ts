import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers on every response (helmet): a Content-Security-Policy the H5 client runs under
 * (its scripts and styles are its own files; Taro's components inject styles, and product images
 * may be on any https host), no framing by other sites, HSTS, nosniff, no referrer.
 * No `upgrade-insecure-requests`: the demo is served over plain http.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
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
