import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config/config';

/** The demo products' pictures, drawn by scripts/draw-demo-images.mjs and committed. */
export const DEMO_IMAGES_DIR = join(REPO_ROOT, 'server', 'assets', 'demo');
/** Where they are served (names carry a content hash: cached for a year). */
export const DEMO_IMAGES_PATH = '/images/demo';

let manifest: Record<string, string> | undefined;

/** The picture of a demo product, by title; none for a title the drawing script has not seen. */
export function demoImageUrls(title: string): string[] {
  if (!manifest) {
    const path = join(DEMO_IMAGES_DIR, 'manifest.json');
    manifest = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
  }
  const file = manifest[title];
  return file ? [`${DEMO_IMAGES_PATH}/${file}`] : [];
}
