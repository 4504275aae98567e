import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { AppModule } from '../app.module';
import { ApiErrorDto } from '../common/api-schema';
import { AppConfig } from '../config/config';

/**
 * The OpenAPI document of an app whose routes are registered under /api. Every operation also
 * lists a `default` answer, the one error shape, so a 4xx or 5xx is described without each route
 * naming its statuses (and an unlisted 2xx still breaks the contract: it is not an error).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gift shop API')
      .setDescription('A WeChat-Shop-style shop with gifting. Money is integer fen; times are ISO-8601 UTC.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ApiErrorDto] },
  );
  const error = {
    description: 'An error: {statusCode, error, message, code}',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorDto) } } },
  };
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    for (const [name, property] of Object.entries((schema as SchemaObject).properties ?? {})) {
      (schema as SchemaObject).properties![name] = nullableRef(property);
    }
  }
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation) operation.responses = { ...operation.responses, default: error };
    }
  }
  return document;
}

/**
 * Nest writes a nullable nested class as `{nullable: true, allOf: [{$ref}]}`, which OpenAPI 3.0
 * reads as "not null" (`nullable` only widens a `type` beside it; validators reject the null).
 * Said as "the class, or null" instead.
 */
function nullableRef(property: SchemaObject | ReferenceObject): SchemaObject | ReferenceObject {
  if (!('nullable' in property) || !property.nullable || property.allOf?.length !== 1) return property;
  const { description } = property;
  return { ...(description && { description }), oneOf: [property.allOf[0], NULL_ONLY] };
}

const NULL_ONLY: SchemaObject = { type: 'object', nullable: true, enum: [null] };

/**
 * The app without a database or a listening socket: Nest's preview mode registers the routes and
 * their metadata but builds no provider. `use` reads it before it is closed.
 */
export async function withPreviewApp<T>(config: AppConfig, use: (app: INestApplication) => T): Promise<T> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  try {
    return use(app);
  } finally {
    await app.close();
  }
}

/** The document of the preview app: what `npm run gen:api` and the freshness test read. */
export function previewOpenApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  return withPreviewApp(config, buildOpenApiDocument);
}
