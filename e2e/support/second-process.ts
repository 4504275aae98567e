import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { Agent } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..');
const SERVER_ENTRY = resolve(REPO_ROOT, 'server', 'dist', 'main.js');
const HOST = '127.0.0.1';

/** Another OS process of the built server (server/dist) with the same configuration, on its own port. */
export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, HOST, done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** Starts `node server/dist/main.js` with `env` and waits for its health route. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: run npm run build:server (the API tests run a second server process)`);
  }
  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port), WEB_CONCURRENCY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => void output.push(chunk.toString('utf8'));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://${HOST}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the second server process exited:\n${output.join('')}`);
    const up = await fetch(`${url}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the second server process did not answer within 60 s:\n${output.join('')}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** A reverse proxy that sends each request to the next upstream in turn. */
export interface RoundRobin {
  url: string;
  /** How many requests each upstream was sent, in the order given. */
  counts: number[];
  stop(): Promise<void>;
}

export async function startRoundRobin(upstreams: string[]): Promise<RoundRobin> {
  const agent = new Agent({ keepAlive: true });
  const counts = upstreams.map(() => 0);
  let next = 0;
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const index = next++ % upstreams.length;
    counts[index]++;
    const target = new URL(req.url ?? '/', upstreams[index]);
    const headers = { ...req.headers };
    delete headers.connection;
    const upstream = request(target, { method: req.method, headers, agent }, (answer) => {
      const answerHeaders = { ...answer.headers };
      delete answerHeaders.connection;
      delete answerHeaders['keep-alive'];
      res.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(res);
    });
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`round-robin proxy: ${err.message}`);
    });
    req.pipe(upstream);
  };
  const server: Server = createServer(forward);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((done) => server.listen(0, HOST, done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${HOST}:${port}`,
    counts,
    async stop() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      agent.destroy();
    },
  };
}
