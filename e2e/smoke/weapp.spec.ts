import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `npm run build:weapp -w client` (run by scripts/test.sh before jest) compiles the WeChat
 * mini-program: its app.json lists every page of the client, and every page has its files.
 */
const root = resolve(__dirname, '../..');
const out = resolve(root, 'client/dist/weapp');

/** The pages the client declares, read from its app config. */
function declaredPages(): string[] {
  const source = readFileSync(resolve(root, 'client/src/app.config.ts'), 'utf8');
  const list = /pages:\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

describe('the WeChat mini-program build', () => {
  it('has an app.json listing every page the client declares', () => {
    expect(existsSync(resolve(out, 'app.json'))).toBe(true);
    const app = JSON.parse(readFileSync(resolve(out, 'app.json'), 'utf8')) as { pages: string[] };
    const pages = declaredPages();
    expect(pages.length).toBeGreaterThan(10);
    expect(app.pages).toEqual(pages);
  });

  it.each(declaredPages())('compiled %s (js, wxml, json)', (page) => {
    for (const ext of ['js', 'wxml', 'json']) expect(existsSync(resolve(out, `${page}.${ext}`))).toBe(true);
  });

  it('logs in with wx.login through POST /api/auth/wechat, not the dev login', () => {
    const common = readFileSync(resolve(out, 'common.js'), 'utf8');
    expect(common).toContain('/auth/wechat');
    const login = readFileSync(resolve(out, 'pages/login/index.js'), 'utf8');
    expect(login).toContain('login-wechat');
    // The platform check was settled at build time: a mini program has no `process` to read it from.
    expect(common + login).not.toContain('TARO_ENV');
  });
});
