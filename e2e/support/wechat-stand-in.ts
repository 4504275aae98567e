import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STAND_IN_APPID = 'wx0123456789abcdef';
export const STAND_IN_SECRET = 'standinsecret0123456789abcdefABCD';
/** What every answer's session_key is: a test greps responses and logs for it. */
export const SESSION_KEY = 'SeSsIoNkEy+tObEkEpTsEcReT==';

/**
 * A local stand-in for WeChat's code2session (`GET /sns/jscode2session`), on 127.0.0.1 and a free
 * port. The code decides the answer:
 *   `good_<openid>`   → {openid, session_key, unionid}; a second use of the same code → errcode 40163
 *   `bad`             → errcode 40029 (invalid code)
 *   `hang`            → never answers
 *   `html`            → 200 with an HTML page (mentioning the session key)
 *   `noopenid`        → JSON with a session_key but no openid
 *   `crash`           → HTTP 502 with JSON holding an openid (a proxy error page should not log anyone in)
 * Every call is recorded with its query.
 */
export class WechatStandIn {
  readonly calls: Record<string, string>[] = [];
  private readonly used = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WechatStandIn> {
    const server = createServer();
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const standIn = new WechatStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => standIn.answer(req, res));
    return standIn;
  }

  /** A URL where nothing listens (a port that was free a moment ago). */
  static async deadUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    await new Promise((ok) => server.close(ok));
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((ok) => this.server.close(ok));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(url.searchParams);
    this.calls.push({ path: url.pathname, ...query });
    const json = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'text/plain' }); // as WeChat does
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') return json(404, { errcode: 404, errmsg: 'no such api' });
    if (query.appid !== STAND_IN_APPID || query.secret !== STAND_IN_SECRET) {
      return json(200, { errcode: 40125, errmsg: 'invalid appsecret' });
    }
    if (query.grant_type !== 'authorization_code') return json(200, { errcode: 40002, errmsg: 'invalid grant_type' });
    const code = query.js_code ?? '';
    if (code === 'hang') return; // never answers
    if (code === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(`<html>gateway says session_key=${SESSION_KEY}</html>`);
    }
    if (code === 'noopenid') return json(200, { session_key: SESSION_KEY });
    if (code === 'crash') return json(502, { openid: 'o_from_a_proxy', session_key: SESSION_KEY });
    if (!code.startsWith('good_')) return json(200, { errcode: 40029, errmsg: 'invalid code, rid: 1' });
    if (this.used.has(code)) return json(200, { errcode: 40163, errmsg: 'code been used, rid: 2' });
    this.used.add(code);
    json(200, { openid: code.slice('good_'.length), session_key: SESSION_KEY, unionid: `u_${code}` });
  }
}
