import type { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { HttpErrorFilter } from '../common/http-error.filter';
import { isConnectionLost } from './connection-guard';

/** A lost database connection is an outage (503, retried), not a bug (500): the fleet fault tests lean on it. */
describe('a lost database connection', () => {
  const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:6432`), { code });
  const sqlError = (code: string, message = 'x') =>
    new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

  it('is known: a refused or broken connection, a server going away', () => {
    expect(isConnectionLost(socketError('ECONNREFUSED'))).toBe(true);
    expect(isConnectionLost(socketError('ECONNRESET'))).toBe(true);
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLost(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isConnectionLost(sqlError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isConnectionLost(sqlError('08P01', 'server shutting down'))).toBe(true);
  });

  it('is not any other error', () => {
    expect(isConnectionLost(new Error('boom'))).toBe(false);
    expect(isConnectionLost(sqlError('23505'))).toBe(false);
    expect(isConnectionLost(sqlError('40P01'))).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
    expect(isConnectionLost('Connection terminated')).toBe(false);
  });

  it('is answered 503 DATABASE_UNAVAILABLE with Retry-After', () => {
    const seen = { status: 0, headers: {} as Record<string, string>, body: {} as Record<string, unknown> };
    const response = {
      getHeader: (name: string) => seen.headers[name.toLowerCase()],
      setHeader: (name: string, value: string) => (seen.headers[name.toLowerCase()] = value),
      status: (status: number) => ((seen.status = status), response),
      json: (body: Record<string, unknown>) => (seen.body = body),
    };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
    const filter = new HttpErrorFilter();
    (filter as unknown as { logger: { warn(): void; error(): void } }).logger = { warn() {}, error() {} };
    filter.catch(socketError('ECONNREFUSED'), host);
    expect(seen).toMatchObject({
      status: 503,
      headers: { 'retry-after': '1' },
      body: { code: 'DATABASE_UNAVAILABLE' },
    });
  });
});
