import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/config';
import { MigrationService } from '../database/migration.service';
import { SeedService } from './seed.service';

/** `npm run seed` loads the demo data into an empty database; `-- --reset` empties it first. */
async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const config = { ...loadConfig(), seedDemoWhenEmpty: false, testHooks: false };
  // Not initialised (as the server is not before it migrates): start-up work such as search's
  // re-tiering needs the migrated schema, and the server does it when it next starts.
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: ['log', 'warn', 'error'] });
  try {
    await app.get(MigrationService).migrate();
    const seed = app.get(SeedService);
    if (reset) {
      await seed.reset();
    } else if (!(await seed.seedIfEmpty())) {
      console.log('The database already has data; nothing loaded. Use `npm run seed -- --reset` to start over.');
    }
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
