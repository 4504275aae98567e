import fc from 'fast-check';
import { hostileNumber, hostileString, hostileValue } from './hostile';

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
};
export type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
type Operation = {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

export interface Route {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** The OpenAPI path, e.g. /api/orders/{id}/pay. */
  path: string;
  operation: Operation;
}

/** Every operation of the document, except the test hooks. */
export function routesOf(doc: OpenApi): Route[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    path.startsWith('/api/test/')
      ? []
      : Object.entries(ops)
          .filter(([method]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
          .map(([method, operation]) => ({ method: method as Route['method'], path, operation })),
  );
}

/**
 * A value the schema describes, where any part may be swapped for a hostile one (so requests get
 * past the first check often enough to reach the services and the database).
 */
export function fromSchema(
  doc: OpenApi,
  schema: Schema | undefined,
  ids: string[],
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const resolved = resolve(doc, schema);
  const own = ((): fc.Arbitrary<unknown> => {
    if (!resolved || depth > 4) return hostileValue;
    if (resolved.enum) return fc.constantFrom(...resolved.enum);
    switch (resolved.type) {
      case 'object': {
        const props = Object.entries(resolved.properties ?? {});
        if (props.length === 0) return fc.dictionary(hostileString, hostileValue, { maxKeys: 3 });
        const record = Object.fromEntries(props.map(([key, s]) => [key, fromSchema(doc, s, ids, key, depth + 1)]));
        return fc.record(record, { requiredKeys: resolved.required ?? [] });
      }
      case 'array':
        return fc.array(fromSchema(doc, resolved.items, ids, name, depth + 1), { maxLength: 3 });
      case 'integer':
        return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -5, max: 20_000 }) }, hostileNumber);
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      default:
        return fc.oneof(
          fc.constantFrom('13800138000', '顺丰速运', 'SF1234567890', 'search'),
          fc.string({ maxLength: 8 }),
        );
    }
  })();
  return fc.oneof({ weight: 6, arbitrary: own }, { weight: 1, arbitrary: hostileValue });
}

function resolve(doc: OpenApi, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length) return resolve(doc, schema.allOf[0]);
  return schema;
}

export function bodySchema(route: Route): Schema | undefined {
  return route.operation.requestBody?.content?.['application/json']?.schema;
}
