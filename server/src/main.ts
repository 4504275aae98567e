import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { isClusterWorker, runPrimary } from './cluster';
import { AppConfig, ConfigError, loadConfig } from './config/config';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.processes > 1 && !isClusterWorker()) {
    runPrimary(config);
    return;
  }
  await serve(config);
}

/** One server process. The app is loaded here, not at the top, so a cluster primary stays small. */
async function serve(config: AppConfig): Promise<void> {
  const { createApp } = await import('./app.factory');
  const app = await createApp(config);
  const logger = new Logger('Main');
  if (config.jwtSecretGenerated) {
    logger.warn('JWT_SECRET is not set: using a random secret for this run (tokens end with the process)');
  }
  if (config.processesRefused !== null) {
    logger.warn(
      `WEB_CONCURRENCY asks for ${config.processesRefused} processes, but the embedded PGlite database has one holder: running 1 (set DATABASE_URL for more)`,
    );
  }
  await app.listen(config.port);
  const db = config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL';
  const docs = config.apiDocs ? '; API docs at /api/docs' : '';
  const worker = isClusterWorker() ? ` (process ${process.pid} of ${config.processes})` : '';
  logger.log(`Gift shop running at http://localhost:${config.port} on ${db}${docs}${worker}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
