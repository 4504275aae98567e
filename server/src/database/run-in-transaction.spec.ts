import { Attempt, isTransientDbError, withRetries } from './run-in-transaction';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('withRetries', () => {
  it.each(['40P01', '40001'])('retries %s and answers the first success', async (code) => {
    const attempts: Attempt[] = [];
    const result = await withRetries(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt.number < 3) throw pgError(code);
        return 'done';
      },
      { baseDelayMs: 1 },
    );
    expect(result).toBe('done');
    expect(attempts.map((a) => a.number)).toEqual([1, 2, 3]);
  });

  it('stops after the bounded number of attempts, telling the last one it is the last', async () => {
    const attempts: Attempt[] = [];
    const failing = withRetries(
      async (attempt) => {
        attempts.push(attempt);
        throw pgError('40P01');
      },
      { retries: 2, baseDelayMs: 1 },
    );
    await expect(failing).rejects.toMatchObject({ code: '40P01' });
    expect(attempts).toEqual([
      { number: 1, last: false },
      { number: 2, last: false },
      { number: 3, last: true },
    ]);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      withRetries(async () => {
        calls++;
        throw pgError('23505');
      }),
    ).rejects.toThrow('pg 23505');
    expect(calls).toBe(1);
  });

  it('reads the SQLSTATE from TypeORM errors too', () => {
    expect(isTransientDbError({ driverError: { code: '40001' } })).toBe(true);
    expect(isTransientDbError({ driverError: { code: '22P02' } })).toBe(false);
    expect(isTransientDbError(new Error('plain'))).toBe(false);
    expect(isTransientDbError(null)).toBe(false);
  });
});
