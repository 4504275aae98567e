import { ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { buildOpenApiDocument } from '../../server/src/openapi/document';

const PRISM = join(__dirname, '../../node_modules/.bin/prism');

/** A Stoplight Prism validating proxy in front of a running app (`prism proxy --errors`). */
export interface PrismProxy {
  url: string;
  /** The violations Prism reported so far: its log lines for them (with `--errors`, the requests it failed). */
  violations(): string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Prism on the app's own OpenAPI document (the one /api/docs serves). With `--errors` a
 * response that breaks the document is answered as a 500 problem instead of passing through, and
 * Prism logs the violation. Requests are not validated: tests send bad input on purpose, and the
 * document's promise under test is what the server answers.
 */
export async function startPrism(app: INestApplication, upstream: string): Promise<PrismProxy> {
  const documentPath = join(tmpdir(), `giftshop-openapi-${process.pid}-${Date.now()}.json`);
  writeFileSync(documentPath, JSON.stringify(buildOpenApiDocument(app)));
  const port = await freePort();
  const child: ChildProcess = spawn(
    PRISM,
    [
      'proxy',
      documentPath,
      upstream,
      '--errors',
      '--validate-request=false',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start within 30 s:\n${output}`)), 30_000);
    const check = (): void => {
      if (/Prism is listening/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    violations: () => output.split('\n').filter((line) => /errors#VIOLATIONS|Violation:/.test(line)),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
