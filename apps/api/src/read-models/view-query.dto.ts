import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

/** The same form the ProjectionView interceptor checks before any pipe runs. */
export const PROJECTION_POSITION = /^\d{1,16}$/;

/**
 * What every read-model view accepts. The ProjectionView interceptor checks and honours minPosition;
 * it is declared here so that the whitelisting validation pipe lets it through and the OpenAPI document shows it.
 */
export class ViewQueryDto {
  @ApiPropertyOptional({
    example: '1536000001',
    description:
      'The `position` a command answered: wait (up to 5 s) until the read models have applied it (503 with Retry-After past that); 400 if no event has been written there',
  })
  @IsOptional()
  @IsString()
  @Matches(PROJECTION_POSITION, { message: 'minPosition must be a non-negative whole number' })
  readonly minPosition?: string;
}
