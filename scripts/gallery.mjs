#!/usr/bin/env node
/**
 * Refreshes the README gallery from the browser stories' screenshots: after
 * `npx playwright test -c e2e/browser/playwright.config.ts`, copies each shot in
 * `.tmp/screenshots` to `docs/screenshots`, scaled to phone width (390 px) so the repo stays small.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharp = createRequire(join(root, 'server', 'package.json'))('sharp');
const from = join(root, '.tmp', 'screenshots');
const to = join(root, 'docs', 'screenshots');
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((n) => n.endsWith('.png'))) {
  const info = await sharp(join(from, name)).resize({ width: 390 }).png({ palette: true }).toFile(join(to, name));
  console.log(`${name}: ${info.width}x${info.height}, ${Math.round(info.size / 1024)} KB`);
}
