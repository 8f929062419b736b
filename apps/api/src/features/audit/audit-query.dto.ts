import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PROJECTION_POSITION, ViewQueryDto } from '../../read-models/view-query.dto.js';
import { HasNoNul, IsInstant } from '../shared/validators.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
/** The store's own limit on stream ids. */
const MAX_STREAM_ID = 255;
/** 1 to 1000, written plainly (no signs, exponents or leading zeros). */
const PAGE_SIZE = /^(?:[1-9]\d{0,2}|1000)$/;

export class AuditEventsFilterDto extends ViewQueryDto {
  @ApiPropertyOptional({
    example: 'action-5f0c2d6e-3b1a-4c8e-9d7f-1a2b3c4d5e6f',
    maxLength: MAX_STREAM_ID,
    description: 'Only this stream',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_STREAM_ID)
  @HasNoNul()
  readonly streamId?: string;

  @ApiPropertyOptional({
    example: '9f3c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b',
    maxLength: 128,
    description: 'Only events written by this actor id',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  @HasNoNul()
  readonly actor?: string;

  @ApiPropertyOptional({ example: 'ActionChased', maxLength: 200, description: 'Only events of this type' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoNul()
  readonly type?: string;

  @ApiPropertyOptional({ example: '2017-01-16T00:00:00Z', description: 'Recorded at or after this instant' })
  @IsOptional()
  @IsInstant()
  readonly from?: string;

  @ApiPropertyOptional({ example: '2017-02-01T00:00:00Z', description: 'Recorded before this instant' })
  @IsOptional()
  @IsInstant()
  readonly to?: string;

  @ApiPropertyOptional({ example: '0', description: 'The nextAfter of the previous page: only events past this global position' })
  @IsOptional()
  @IsString()
  @Matches(PROJECTION_POSITION, { message: 'after must be a non-negative whole number' })
  readonly after?: string;

  @ApiPropertyOptional({
    example: String(DEFAULT_PAGE_SIZE),
    description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
  })
  @IsOptional()
  @IsString()
  @Matches(PAGE_SIZE, { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  readonly limit?: string;
}

export class AuditStreamParamsDto {
  @ApiProperty({
    example: 'action-5f0c2d6e-3b1a-4c8e-9d7f-1a2b3c4d5e6f',
    maxLength: MAX_STREAM_ID,
    description: "A stream name (`action-<id>`, `meeting-<id>`, …) or the record's own id (a UUID)",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_STREAM_ID)
  @HasNoNul()
  readonly streamId!: string;
}

/** The history of one stream, a page at a time in version order. */
export class StreamHistoryQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ example: '0', description: 'The nextAfter of the previous page: only events past this stream version' })
  @IsOptional()
  @IsString()
  @Matches(PROJECTION_POSITION, { message: 'after must be a non-negative whole number' })
  readonly after?: string;

  @ApiPropertyOptional({
    example: String(DEFAULT_PAGE_SIZE),
    description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
  })
  @IsOptional()
  @IsString()
  @Matches(PAGE_SIZE, { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  readonly limit?: string;
}

export class VerifyQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true streams application/x-ndjson: a {"checkedEvents":n} line after each page of events checked, then the result line',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  readonly progress?: 'true' | 'false';
}
