/**
 * What the benchmarks share: command-line options, the admin database URL's siblings, a free
 * port, percentiles, and the lifecycle of the server and the bench database (stopped and dropped
 * once, whatever ends the script).
 */
import net from 'node:net';

export const HOST = '127.0.0.1';

export const log = (msg) => console.log(`[bench ${new Date().toISOString().slice(11, 23)}] ${msg}`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `--name=value` (or `--name` for '1'), else the environment variable, else the fallback. */
export function option(name, envName, fallback) {
  const flag = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (flag) return flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : '1';
  const env = process.env[envName];
  return env === undefined || env === '' ? fallback : env;
}

export function intOption(name, envName, fallback, min, max) {
  const raw = option(name, envName, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} (${envName}) must be an integer from ${min} to ${max}, got ${raw}`);
    process.exit(2);
  }
  return value;
}

/** The URL of database `name` on the admin URL's server. */
export function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * The state a benchmark keeps (its server process, admin connection, bench database) and how it
 * ends: `stopServer()`, and `cleanup()` that stops the server and drops the database (unless
 * kept) once, however many paths ask. The server never outlives the script.
 */
export function benchLifecycle(keepDb) {
  const state = { server: null, serverLog: [], admin: null, benchDb: null, cleaning: null, interrupted: null };

  async function stopServer() {
    const child = state.server;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const done = await Promise.race([child.exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!done) {
      child.kill('SIGKILL');
      await Promise.race([child.exited, sleep(5_000)]);
    }
  }

  async function doCleanup() {
    await stopServer().catch((e) => console.error(`stopping the server: ${e.message}`));
    if (state.admin) {
      if (state.benchDb && !keepDb) {
        await state.admin
          .query(`DROP DATABASE IF EXISTS ${state.benchDb} WITH (FORCE)`)
          .catch((e) => console.error(`dropping ${state.benchDb}: ${e.message}`));
      } else if (state.benchDb) {
        log(`kept database ${state.benchDb} (drop it with: DROP DATABASE ${state.benchDb} WITH (FORCE))`);
      }
      await state.admin.end().catch(() => {});
    }
  }

  function cleanup() {
    state.cleaning ??= doCleanup();
    return state.cleaning;
  }

  process.on('exit', () => {
    if (state.server && state.server.exitCode === null && state.server.signalCode === null) {
      state.server.kill('SIGKILL');
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      state.interrupted = signal;
      console.error(`\n${signal}: stopping the server and dropping the bench database`);
      cleanup().finally(() => process.exit(130));
    });
  }
  return { state, stopServer, cleanup };
}
