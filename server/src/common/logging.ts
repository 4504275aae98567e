/**
 * Never in the log: credentials (the bearer token, cookies) and the personal data of addresses,
 * wherever a request, response or error carries them.
 */
export const LOG_REDACTIONS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  'req.body',
  'res.body',
  'err.body',
  'err.parameters',
  'address',
  'phone',
  '*.address',
  '*.phone',
  '*.detail',
  '*.*.address',
  '*.*.phone',
  '*.*.detail',
] as const;
