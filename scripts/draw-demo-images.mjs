#!/usr/bin/env node
/**
 * Draws one 600×600 WebP picture per demo product (server/src/seed/demo-data.ts), here, from
 * shapes and the product's title (no downloads), into server/assets/demo/, with manifest.json
 * mapping each title to its file. File names carry a hash of the content (served immutable).
 * Needs the built server (for the demo data) and a CJK font (fontconfig; Noto Sans CJK SC).
 *
 *   npm run build:server && node scripts/draw-demo-images.mjs
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import demo from '../server/dist/seed/demo-data.js';

const OUT = join(import.meta.dirname, '..', 'server', 'assets', 'demo');
const SIZE = 600;

/** Two colours per category: the background's gradient. */
const PALETTE = {
  tea: ['#5b8c5a', '#cfe3b8'],
  food: ['#c8553d', '#f6d8ae'],
  liquor: ['#7b2d26', '#e8b27c'],
  jewellery: ['#2f6f6a', '#bfe6d9'],
  jewellery_gold: ['#b8860b', '#fbe7a1'],
  jewellery_kgold: ['#c08457', '#f7dcc4'],
  jewellery_fashion: ['#8e6c8a', '#f1dcef'],
  jewellery_diamond: ['#3d5a80', '#e0fbfc'],
  flowers: ['#d1495b', '#fde2e4'],
  fresh: ['#f28f3b', '#fff1c1'],
  home: ['#6d597a', '#eaddf0'],
  apparel: ['#355070', '#dbe4f0'],
  beauty: ['#e56b6f', '#ffe5d9'],
  toys: ['#2a9d8f', '#ffd166'],
  books: ['#6b705c', '#f0ead2'],
  digital: ['#1d3557', '#a8dadc'],
  education: ['#264653', '#e9c46a'],
};

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A small deterministic generator, so the same product always gets the same drawing. */
function random(seed) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

/** Title lines of at most 8 wide characters (a Latin letter counts half; Latin words stay whole). */
function lines(title) {
  const out = [''];
  let width = 0;
  for (const token of title.match(/[A-Za-z0-9.'-]+|\s+|./gu)) {
    const w = [...token].reduce((sum, ch) => sum + (/[\u0000-\u00ff]/.test(ch) ? 0.55 : 1), 0);
    if (width + w > 8 && out.length < 2 && out[0].trim()) {
      out.push('');
      width = 0;
    }
    out[out.length - 1] += token;
    width += w;
  }
  return out.map((l) => l.trim());
}

function svg(product, shopName) {
  const [dark, light] = PALETTE[product.categoryCode] ?? ['#555', '#eee'];
  const next = random(product.title);
  const bubbles = Array.from({ length: 7 }, () => {
    const r = 30 + next() * 110;
    return `<circle cx="${(next() * SIZE).toFixed(0)}" cy="${(next() * SIZE * 0.7).toFixed(0)}" r="${r.toFixed(0)}" fill="#fff" fill-opacity="${(0.08 + next() * 0.18).toFixed(2)}"/>`;
  }).join('');
  const glyph = escape(/\p{Script=Han}/u.exec(product.title)?.[0] ?? product.title.trim()[0] ?? '礼');
  const titleLines = lines(product.title);
  const title = titleLines
    .map(
      (line, i) =>
        `<text x="300" y="${482 + i * 50 - (titleLines.length - 1) * 30}" font-size="44" font-weight="700" fill="${dark}" text-anchor="middle">${escape(line)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient>
    <radialGradient id="glow" cx="0.5" cy="0.4" r="0.5"><stop offset="0" stop-color="#fff" stop-opacity="0.9"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
  </defs>
  <g font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">
    <rect width="${SIZE}" height="${SIZE}" fill="url(#bg)"/>
    ${bubbles}
    <circle cx="300" cy="230" r="190" fill="url(#glow)"/>
    <circle cx="300" cy="230" r="128" fill="#fff" fill-opacity="0.92" stroke="${dark}" stroke-width="6"/>
    <text x="300" y="230" dy="0.35em" font-size="140" font-weight="700" fill="${dark}" text-anchor="middle">${glyph}</text>
    <rect x="40" y="390" width="520" height="170" rx="28" fill="#fff" fill-opacity="0.9"/>
    ${title}
    <text x="300" y="545" font-size="24" fill="${dark}" fill-opacity="0.75" text-anchor="middle">${escape(shopName)}</text>
  </g>
</svg>`;
}

mkdirSync(OUT, { recursive: true });
for (const file of readdirSync(OUT)) rmSync(join(OUT, file));
const manifest = {};
let total = 0;
let index = 0;
for (const shop of demo.DEMO_SHOPS) {
  for (const product of shop.products) {
    index++;
    const webp = await sharp(Buffer.from(svg(product, shop.name)))
      .webp({ quality: 82 })
      .toBuffer();
    const hash = createHash('sha256').update(webp).digest('hex').slice(0, 10);
    const name = `p${String(index).padStart(2, '0')}-${hash}.webp`;
    writeFileSync(join(OUT, name), webp);
    manifest[product.title] = name;
    total += webp.length;
  }
}
writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${index} images, ${(total / 1024).toFixed(0)} KB in all, in ${OUT}`);
