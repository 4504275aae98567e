import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { ApiError } from '@giftshop/shared';

/**
 * Shorthands for the response classes' OpenAPI metadata. A response class `implements` the
 * shared view it documents, so the TypeScript type of each property comes from `@giftshop/shared`
 * and the schema from these: a field that drifts is a type error, a field that is missing from the
 * schema is a contract-test failure.
 */

/** An ISO-8601 UTC time. */
export const ApiTime = (description?: string): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date-time', description });

/** An ISO-8601 UTC time, or null while it has not happened. */
export const ApiTimeOrNull = (description?: string): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date-time', nullable: true, description });

export const ApiStringOrNull = (description?: string): PropertyDecorator =>
  ApiProperty({ type: String, nullable: true, description });

/** A SKU's spec names to values, e.g. {规格: '250g 礼盒'}. */
export const ApiSpecs = (): PropertyDecorator =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { 规格: '250g 礼盒' } });

/** A nested response class that may be null (openapi/document.ts says it as `oneOf: [class, null]`). */
export const ApiObjectOrNull = (type: Type<unknown>, description?: string): PropertyDecorator =>
  ApiProperty({ type, nullable: true, description });

/** Every error the API answers: the one shape of `HttpErrorFilter`. */
export class ApiErrorDto implements ApiError {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Conflict' }) error!: string;
  @ApiProperty({ example: 'this gift has been claimed in full' }) message!: string;
  @ApiProperty({ example: 'ALL_CLAIMED', description: 'Stable, for programs; the message is for people' })
  code!: string;
}
