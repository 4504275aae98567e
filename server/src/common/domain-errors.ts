/**
 * Typed domain errors. Services throw these; one filter maps them to HTTP with the API's error
 * shape `{statusCode, error, message, code}`. `code` is a stable SNAKE_CASE name for clients.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the input is wrong; the message names the field. */
export class InvalidInputError extends DomainError {
  readonly status = 400;
}

/** 401: no caller, or a bad token. */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(message = 'a valid Bearer token is required', code = 'UNAUTHENTICATED') {
    super(code, message);
  }
}

/** 403: the thing exists and the caller may know it, but it is not theirs. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
}

/** 404: missing, or hidden from this caller. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(what: string, code = `${what.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND`) {
    super(code, `${what} not found`);
  }
}

/** 409: the request is well formed but the current state does not allow it. */
export class ConflictError extends DomainError {
  readonly status = 409;
}

/** 503: the shop cannot serve this now (busy, or a dependency is down); try again after a while. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  constructor(
    code: string,
    message: string,
    /** Sent as the Retry-After header. */
    readonly retryAfterSeconds = 1,
  ) {
    super(code, message);
  }
}

/** 429: the caller sent more than a rate limit allows; the filter's caller sets Retry-After. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(message: string) {
    super('RATE_LIMITED', message);
  }
}

/** 413: the body is larger than the server takes. */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
}

/** 415: a content type, charset or content encoding the server does not take. */
export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
}
