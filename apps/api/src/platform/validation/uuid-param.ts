import { Injectable, Param, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route parameter that must be a UUID: anything else is 400 naming the parameter, before any handler runs. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  /** `record`: what the parameter names, kebab-case, when its name does not say (snapshotId names a metric-snapshot). */
  constructor(private readonly record?: string) {}

  /** `committeeId` → `committee`: the record whose `<record>-not-found` answers an id that names none. */
  recordNamedBy(name: string): string {
    return this.record ?? recordNameOf(name);
  }

  transform(value: string, metadata: ArgumentMetadata): string {
    if (UUID.test(value)) return value;
    const name = metadata.data ?? 'id';
    throw new RequestValidationError(
      [{ field: name, message: `${name} must be a UUID` }],
      `The path parameter ${name} must be a UUID, like 0b6f1c2e-8d4a-4f3b-9c1d-2e5f7a9b0c3d`,
    );
  }
}

/** `@UuidParam('actionId') actionId: string`: the route's `:actionId`, checked to be a UUID. */
export const UuidParam = (name: string, record?: string): ParameterDecorator => Param(name, new UuidParamPipe(record));

/** `ownerPostId` → `owner-post`: the kebab-case record an id parameter or field names. */
export function recordNameOf(name: string): string {
  return name
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}
