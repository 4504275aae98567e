/**
 * `node server/dist/openapi/emit.js` writes the typed client's paths (shared/src/openapi.ts) from
 * the routes' metadata, without a database; `--json` prints the OpenAPI document instead. `npm run
 * gen:api` builds the server and runs it.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, API_TYPES_PATH, apiTypesOf, currentOpenApiDocument } from './api-types';

async function main(): Promise<void> {
  const document = await currentOpenApiDocument();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(document, null, 2) + '\n');
    return;
  }
  writeFileSync(API_TYPES_PATH, apiTypesOf(document));
  console.log(`wrote ${API_TYPES_FILE}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
