import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'body-parser';
import { InvalidInputError, UnsupportedMediaTypeError } from './domain-errors';

/**
 * What a request body may be: JSON in UTF-8, at most 1 MB after decompression, gzip or deflate or
 * none, nested at most 32 levels (checked before class-transformer or the validators recurse).
 */
export const BODY_LIMITS = { maxBytes: 1024 * 1024, maxDepth: 32 } as const;

const ENCODINGS = new Set(['identity', 'gzip', 'deflate']);

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** 415 for a body that is not UTF-8 JSON or comes in an encoding other than gzip or deflate. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  if (!hasBody(req)) return next();
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (!ENCODINGS.has(encoding)) {
    return next(
      new UnsupportedMediaTypeError('UNSUPPORTED_ENCODING', 'content-encoding must be gzip, deflate or none'),
    );
  }
  const [type, ...parameters] = (req.headers['content-type'] ?? '').split(';');
  if (type.trim().toLowerCase() !== 'application/json') {
    return next(new UnsupportedMediaTypeError('UNSUPPORTED_MEDIA_TYPE', 'the body must be application/json'));
  }
  const charset = parameters
    .map((p) => p.split('='))
    .find(([name]) => name.trim().toLowerCase() === 'charset')?.[1]
    ?.trim()
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return next(new UnsupportedMediaTypeError('UNSUPPORTED_CHARSET', 'the body must be UTF-8'));
  }
  next();
}

/** True when the value nests objects or arrays more than `max` levels (iterative: no stack to overflow). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (typeof top.value !== 'object' || top.value === null) continue;
    if (top.depth > max) return true;
    for (const child of Object.values(top.value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: top.depth + 1 });
    }
  }
  return false;
}

function limitDepth(req: Request, _res: Response, next: NextFunction): void {
  if (nestedDeeperThan(req.body, BODY_LIMITS.maxDepth)) {
    return next(new InvalidInputError('BODY_TOO_DEEP', `the body must nest at most ${BODY_LIMITS.maxDepth} levels`));
  }
  next();
}

/** body-parser's JSON error, no longer a SyntaxError (which Nest would turn into a 400 echoing the body). */
class BodyParseError extends Error {
  readonly type = 'entity.parse.failed';
  readonly status = 400;
  readonly expose = true;
}

function unwrapSyntaxErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(err instanceof SyntaxError ? new BodyParseError('the body is not valid JSON') : err);
}

/** Keeps the raw bytes as `req.rawBody` (the payment provider's signature is over them). */
const jsonParser = json({
  limit: BODY_LIMITS.maxBytes,
  inflate: true,
  strict: true,
  type: () => true,
  verify: (req, _res, buf) => {
    (req as unknown as { rawBody: Buffer }).rawBody = buf;
  },
});

/**
 * The body parsers, in order. The raw bytes are kept as `req.rawBody` (the payment provider's
 * signature is over them). body-parser's own errors (413, broken gzip, bad JSON) are mapped by
 * HttpErrorFilter from their `type`.
 */
export function bodyParsers(): (RequestHandler | ErrorRequestHandler)[] {
  return [requireJson, jsonParser, unwrapSyntaxErrors, limitDepth].map(skippedOnMultipartRoutes);
}

/** Routes that take multipart/form-data, read by their own interceptor (after the guards). */
const MULTIPART_ROUTES = new Set(['POST /api/uploads']);

function skippedOnMultipartRoutes(handler: RequestHandler | ErrorRequestHandler): RequestHandler | ErrorRequestHandler {
  const isMultipartRoute = (req: Request) =>
    MULTIPART_ROUTES.has(`${req.method} ${req.path.toLowerCase().replace(/\/+$/, '')}`);
  if (handler.length === 4) {
    const onError = handler as ErrorRequestHandler;
    return (err: unknown, req: Request, res: Response, next: NextFunction) =>
      isMultipartRoute(req) ? next(err) : onError(err, req, res, next);
  }
  const onRequest = handler as RequestHandler;
  return (req: Request, res: Response, next: NextFunction) =>
    isMultipartRoute(req) ? next() : onRequest(req, res, next);
}
