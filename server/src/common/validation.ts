import { Param, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { findBannedClaim } from '@giftshop/shared';
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

/** Whitelisting validation whose 400 names every bad field; unknown fields are rejected. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
