import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiError, IllegalTransitionError } from '@giftshop/shared';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { isAcquireTimeout, isConnectionLost } from '../database/connection-guard';
import { isTransientDbError } from '../database/run-in-transaction';
import { DomainError, ServiceUnavailableError } from './domain-errors';

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Seconds a client waits before repeating a request that lost every retry of its transaction. */

/** PostgreSQL errors that can only come from input the validators let through. */
const PG_INPUT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '22P02': { status: 400, code: 'INVALID_INPUT', message: 'a value has the wrong format' },
  '22003': { status: 400, code: 'NUMBER_OUT_OF_RANGE', message: 'a number is out of range' },
  '22001': { status: 400, code: 'VALUE_TOO_LONG', message: 'a value is too long' },
  '22007': { status: 400, code: 'INVALID_TIME', message: 'a time has the wrong format' },
  '22008': { status: 400, code: 'INVALID_TIME', message: 'a time is out of range' },
  '22021': { status: 400, code: 'INVALID_TEXT', message: 'a text holds a character that cannot be stored' },
  '22P05': { status: 400, code: 'INVALID_TEXT', message: 'a text holds a character that cannot be stored' },
  '54000': { status: 400, code: 'VALUE_TOO_LONG', message: 'a value is too large to store or index' },
  '23514': { status: 409, code: 'CONSTRAINT_VIOLATED', message: 'the change would break a rule of the data' },
  '23505': { status: 409, code: 'ALREADY_EXISTS', message: 'that already exists' },
};

/** PostgreSQL errors that mean "busy", not "broken": a statement or an idle transaction ran out of time. */
const PG_BUSY_ERRORS = new Set(['57014', '25P03', '55P03']);

/**
 * body-parser's errors (http-errors with a `type`): the body was too large, not JSON, or in an
 * encoding or charset the server does not take. Anything else it reports with a 4xx status (a
 * broken gzip or deflate stream, an aborted request) is a 400.
 */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'the body must be at most 1 MB' },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_ENCODING',
    message: 'content-encoding must be gzip, deflate or none',
  },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_CHARSET', message: 'the body must be UTF-8' },
  // BAD_REQUEST, as before the parsers were replaced (identity.spec and clients rely on it).
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'the body is not valid JSON' },
};

function bodyParserError(exception: unknown): { status: number; code: string; message: string } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { type, status, expose } = exception as { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof type === 'string' && BODY_ERRORS[type]) return BODY_ERRORS[type];
  if (expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    return { status: 400, code: 'INVALID_BODY', message: 'the body could not be read (is its gzip or deflate whole?)' };
  }
  return null;
}

/** The error for the log: its name, message and stack, never the request or the query's parameters. */
function describeForLog(exception: unknown): string {
  if (!(exception instanceof Error)) return `non-error thrown: ${typeof exception}`;
  const pgCode = (exception as { driverError?: { code?: string } }).driverError?.code;
  return `${exception.stack ?? `${exception.name}: ${exception.message}`}${pgCode ? ` (PostgreSQL ${pgCode})` : ''}`;
}

/** Maps every error to the API's error shape; unknown errors become a logged 500. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    // A typed 5xx is a known outage (its message says which); anything else is a bug worth a stack.
    if (body.statusCode >= 500) {
      if (exception instanceof DomainError || body.statusCode === 503)
        this.logger.warn(`${body.code}: ${body.message}`);
      else this.logger.error(describeForLog(exception));
    }
    if (body.statusCode === 503 && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', String(retryAfter(exception)));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiError {
    if (exception instanceof DomainError) {
      return this.body(exception.status, exception.code, exception.message);
    }
    if (exception instanceof IllegalTransitionError) {
      return this.body(409, 'ILLEGAL_TRANSITION', exception.message);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const payload = typeof res === 'object' && res !== null ? (res as Record<string, unknown>) : {};
      const message = Array.isArray(payload.message)
        ? payload.message.join('; ')
        : String(payload.message ?? exception.message);
      const code = typeof payload.code === 'string' ? payload.code : defaultCode(status);
      return this.body(status, code, message);
    }
    if (isTransientDbError(exception)) {
      // A deadlock or serialization failure left after runInTransaction's retries: try again later.
      return this.body(503, 'BUSY_TRY_AGAIN', 'the request met concurrent changes; try again shortly');
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      const known = pgCode ? PG_INPUT_ERRORS[pgCode] : undefined;
      if (known) return this.body(known.status, known.code, known.message);
      if (pgCode && PG_BUSY_ERRORS.has(pgCode))
        return this.body(503, 'DATABASE_BUSY', 'the shop is busy: try again in a moment');
    }
    if (isAcquireTimeout(exception)) return this.body(503, 'DATABASE_BUSY', 'the shop is busy: try again in a moment');
    if (isConnectionLost(exception)) {
      return this.body(503, 'DATABASE_UNAVAILABLE', 'the database cannot be reached: try again in a moment');
    }
    const parser = bodyParserError(exception);
    if (parser) return this.body(parser.status, parser.code, parser.message);
    return this.body(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', 'internal error');
  }

  private body(statusCode: number, code: string, message: string): ApiError {
    return { statusCode, error: STATUS_NAMES[statusCode] ?? 'Error', message, code };
  }
}

function retryAfter(exception: unknown): number {
  if (exception instanceof ServiceUnavailableError) return exception.retryAfterSeconds;
  return 1;
}

function defaultCode(status: number): string {
  return (STATUS_NAMES[status] ?? 'ERROR').toUpperCase().replace(/\s+/g, '_');
}
