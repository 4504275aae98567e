import { ArgumentMetadata, Param, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import {
  AddressField as AddressFieldName,
  addressFieldProblem,
  findBannedClaim,
  hasForbiddenControl,
} from '@giftshop/shared';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { InvalidInputError } from './domain-errors';

/** Constraint names whose failures carry a code of their own instead of VALIDATION_FAILED. */
const CONSTRAINT_CODES: Record<string, string> = {
  noBannedClaim: 'BANNED_CLAIM',
  whitelistValidation: 'UNKNOWN_FIELD',
};

function flatten(errors: ValidationError[], prefix = ''): { path: string; constraint: string; message: string }[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      path,
      constraint,
      // class-validator names only the last property; name the whole path (skus.1.stock).
      message: message.startsWith(`${e.property} `) ? `${path}${message.slice(e.property.length)}` : message,
    }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

const MULTILINE = Symbol('multiline');

/** Marks a text field that may hold line breaks and tabs (every other text refuses them). */
export const MultiLine = (): PropertyDecorator => (target, property) =>
  Reflect.defineMetadata(MULTILINE, true, target, property);

/** Deeper than any DTO (JSON bodies stop at 32 levels before they get here). */
const MAX_WALK_DEPTH = 64;

/**
 * The path of the first string (or object key) holding a control character it may not, or null.
 * Walks the validated value, so nested DTOs are instances whose `@MultiLine()` marks are visible.
 */
export function findControlCharacter(value: unknown, path: string, multiline = false, depth = 0): string | null {
  if (typeof value === 'string') return hasForbiddenControl(value, multiline) ? path : null;
  if (typeof value !== 'object' || value === null || value instanceof Date) return null;
  if (depth > MAX_WALK_DEPTH) return path;
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findControlCharacter(item, at(i), multiline, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (hasForbiddenControl(key)) return at(JSON.stringify(key).slice(1, -1));
    const lines = Reflect.getMetadata(MULTILINE, value, key) === true;
    const found = findControlCharacter(item, at(key), lines, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The validation pipe, then one check over every string of the body, the query and the route
 * parameters, whatever their DTO: no NUL or other control characters (PostgreSQL refuses NUL and
 * the rest only garble what people read), line breaks and tabs only in `@MultiLine()` fields.
 */
class TextSafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const path = findControlCharacter(result, metadata.data ?? '');
      if (path !== null) {
        throw new InvalidInputError(
          'CONTROL_CHARACTER',
          `${path || metadata.type} must not hold control characters (line breaks and tabs only in multi-line text)`,
        );
      }
    }
    return result;
  }
}

/** Whitelisting validation whose 400 names every bad field; unknown fields are rejected. */
export function createValidationPipe(): ValidationPipe {
  return new TextSafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const flat = flatten(errors);
      const code = CONSTRAINT_CODES[flat[0]?.constraint ?? ''] ?? 'VALIDATION_FAILED';
      return new InvalidInputError(code, flat.map((f) => f.message).join('; ') || 'invalid input');
    },
  });
}

/** A route parameter that must be a UUID; a 400 names the parameter otherwise. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({ exceptionFactory: () => new InvalidInputError('INVALID_ID', `${name} must be a UUID`) }),
  );

/** Rejects text holding a banned absolute claim (全网最低价, 第一, …), naming the phrase. */
export function NoBannedClaim(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'noBannedClaim',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || findBannedClaim(value) === null,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} contains the banned claim "${findBannedClaim(String(args.value))}"`,
      },
    });
}

/** One field of a 收货地址, by the shared address rules (phone, name length in code points, …). */
export function AddressField(field: AddressFieldName, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'addressField',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => addressFieldProblem(field, value) === null,
        defaultMessage: (args: ValidationArguments) => addressFieldProblem(field, args.value) ?? `${field} is invalid`,
      },
    });
}

/** An object of at most `maxKeys` short string specs, e.g. {"颜色": "红", "尺码": "M"}. */
export function IsSpecs(maxKeys = 5, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSpecs',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= maxKeys &&
          Object.entries(value).every(
            ([k, v]) => k.length >= 1 && k.length <= 20 && typeof v === 'string' && v.length >= 1 && v.length <= 40,
          ),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be an object of at most ${maxKeys} names (1-20 characters) to text values (1-40 characters)`,
      },
    });
}
