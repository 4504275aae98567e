import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { bodyParsers } from './common/body-parsing';
import { HttpErrorFilter } from './common/http-error.filter';
import { securityHeaders } from './common/security-headers';
import { serveClient, serveImmutable } from './common/static-client';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { MigrationService } from './database/migration.service';
import { buildOpenApiDocument } from './openapi/document';
import { DEMO_IMAGES_DIR, DEMO_IMAGES_PATH } from './seed/demo-images';
import { SeedService } from './seed/seed.service';
import { UPLOADS_PATH } from './uploads/uploads.service';

/**
 * Builds the app the same way for `main.ts` and for the tests: security headers, JSON bodies
 * within limits, API under /api, validation, one error filter, OpenAPI at /api/docs (when
 * configured), migrations applied, demo data when configured. `logStream` (tests) takes the log.
 */
export async function createApp(
  config: AppConfig,
  options: { logStream?: DestinationStream } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.logStream), {
    bufferLogs: true,
    bodyParser: false,
    // A module that cannot start (an unregistered PAYMENT_PROVIDER…) throws to the caller, which
    // says why and exits (main.ts), instead of Nest exiting the process itself.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // Who may name the client in X-Forwarded-For: nobody unless TRUST_PROXY says so (rate limits key on it).
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config.clientDist));
  app.use(...bodyParsers());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  app.use(UPLOADS_PATH, serveImmutable(config.uploadDir));
  app.use(DEMO_IMAGES_PATH, serveImmutable(DEMO_IMAGES_DIR));
  app.use(serveClient(config.clientDist));
  if (config.apiDocs) serveApiDocs(app);

  const seed = app.get(SeedService);
  await app.get(MigrationService).migrate(config.seedDemoWhenEmpty ? () => seed.seedIfEmpty() : undefined);
  return app;
}

/** The OpenAPI document at /api/docs-json and its UI at /api/docs. */
function serveApiDocs(app: NestExpressApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
