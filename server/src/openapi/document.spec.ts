import 'reflect-metadata';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import type { NestContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { previewConfig } from './api-types';
import { buildOpenApiDocument, withPreviewApp } from './document';

jest.setTimeout(60_000);

interface Route {
  operationId: string;
  method: RequestMethod;
  /** What Nest answers on success: the route's @HttpCode, else 201 for POST and 200 for the rest. */
  status: number;
}

/** Every route handler of the app, read from the controllers' metadata as Nest routes them. */
function routesOf(app: INestApplication): Route[] {
  const container = (app as unknown as { container: NestContainer }).container;
  const routes: Route[] = [];
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: Record<string, unknown> };
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
        routes.push({
          operationId: `${controller.name}_${name}`,
          method,
          status: code ?? (method === RequestMethod.POST ? 201 : 200),
        });
      }
    }
  }
  return routes;
}

function operations(document: OpenAPIObject): Map<string, OperationObject> {
  const found = new Map<string, OperationObject>();
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (operation?.operationId) found.set(operation.operationId, operation);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  let routes: Route[];

  beforeAll(async () => {
    ({ document, routes } = await withPreviewApp(previewConfig(), (app) => ({
      document: buildOpenApiDocument(app),
      routes: routesOf(app),
    })));
  });

  it('has every route, listing the status it answers on success (201 vs 200: @HttpCode)', () => {
    const ops = operations(document);
    expect(routes.length).toBeGreaterThan(40);
    const wrong = routes
      .filter((route) => !Object.keys(ops.get(route.operationId)?.responses ?? {}).includes(String(route.status)))
      .map((route) => `${route.operationId} answers ${route.status}`);
    expect(wrong).toEqual([]);
  });

  it('gives every success answer a schema (but a 204) and every operation the error shape', () => {
    const missing: string[] = [];
    for (const [id, operation] of operations(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const content = (response as ResponseObject).content?.['application/json']?.schema;
        if (status !== '204' && !content) missing.push(`${id} ${status}`);
      }
      if (!operation.responses.default) missing.push(`${id} default`);
    }
    expect(missing).toEqual([]);
  });

  it('requires no Idempotency-Key: the header is optional wherever it is taken', () => {
    const headers = [...operations(document).values()]
      .flatMap((operation) => (operation.parameters ?? []) as ParameterObject[])
      .filter((parameter) => parameter.in === 'header' && /idempotency-key/i.test(parameter.name));
    expect(headers.length).toBeGreaterThanOrEqual(4);
    expect(headers.filter((header) => header.required !== false)).toEqual([]);
  });
});
