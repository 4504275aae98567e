import { readFileSync } from 'node:fs';
import { API_TYPES_FILE, API_TYPES_PATH, apiTypesOf, currentOpenApiDocument } from './api-types';

jest.setTimeout(60_000);

describe('the generated API types', () => {
  it(`${API_TYPES_FILE} is what the routes and response classes produce now`, async () => {
    const current = apiTypesOf(await currentOpenApiDocument());
    if (readFileSync(API_TYPES_PATH, 'utf8') !== current) {
      throw new Error(
        `${API_TYPES_FILE} is out of date with the server's OpenAPI document: run \`npm run gen:api\` and commit it`,
      );
    }
  });
});
