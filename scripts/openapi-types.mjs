// Reads an OpenAPI document (JSON) on stdin and prints its TypeScript paths (openapi-typescript)
// with the header of shared/src/openapi.ts. Used by `npm run gen:api` and by the test that checks
// the committed file is current (a script, because openapi-typescript is an ES module).
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = `/**
 * Generated from the server's OpenAPI document by \`npm run gen:api\` (openapi-typescript): do not
 * edit. A unit test fails when this file is not what the server's routes and response classes
 * produce now.
 */

`;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const ast = await openapiTS(JSON.parse(Buffer.concat(chunks).toString('utf8')), { silent: true });
process.stdout.write(HEADER + astToString(ast));
