import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppConfig, loadConfig } from '../config/config';
import { previewOpenApiDocument } from './document';

const ROOT = join(__dirname, '../../..');

/** Where the generated paths live: shared, so the client and the e2e suites import the same types. */
export const API_TYPES_FILE = 'shared/src/openapi.ts';
export const API_TYPES_PATH = join(ROOT, API_TYPES_FILE);

/**
 * The OpenAPI document as the app serves it (no test hooks), from the routes' metadata. The
 * database URL is never connected to (preview mode builds no provider); it keeps the embedded
 * database from being opened.
 */
export function currentOpenApiDocument(): Promise<OpenAPIObject> {
  return previewOpenApiDocument(previewConfig());
}

/** The configuration the document is generated with (development: the sandbox login is routed). */
export function previewConfig(): AppConfig {
  return loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/none',
  });
}

/** The TypeScript of `API_TYPES_FILE` for a document (scripts/openapi-types.mjs, openapi-typescript). */
export function apiTypesOf(document: OpenAPIObject): string {
  return execFileSync(process.execPath, [join(ROOT, 'scripts/openapi-types.mjs')], {
    input: JSON.stringify(document),
    encoding: 'utf8',
  });
}
