import pino from 'pino';
import { Writable } from 'node:stream';
import { LOG_REDACTIONS } from './logging';

describe('LOG_REDACTIONS: what pino masks', () => {
  const PHONE = '13912345670';
  const DETAIL = '秘密小区 9 栋';
  const address = { name: '甲', phone: PHONE, region: '上海市', detail: DETAIL };

  function logged(...objects: object[]): string {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = pino({ redact: { paths: [...LOG_REDACTIONS], censor: '[redacted]' } }, sink);
    for (const o of objects) logger.info(o, 'message');
    return out;
  }

  it('masks credentials in request and response headers', () => {
    const out = logged({
      req: { method: 'GET', url: '/api/me', headers: { authorization: 'Bearer abc.def.ghi', cookie: 's=1' } },
      res: { statusCode: 200, headers: { 'set-cookie': 's=2' } },
    });
    expect(out).toContain('/api/me');
    for (const secret of ['abc.def.ghi', 's=1', 's=2']) expect(out).not.toContain(secret);
  });

  it('masks addresses and phones in bodies, errors and logged objects, at any of the usual depths', () => {
    const out = logged(
      { req: { body: { address } } },
      { address },
      { phone: PHONE },
      { order: { address } },
      { err: { body: JSON.stringify({ address }), parameters: [PHONE] } },
      { claim: { unit: { address } } },
    );
    expect(out.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(6);
    expect(out).not.toContain(PHONE);
    expect(out).not.toContain(DETAIL);
  });
});
