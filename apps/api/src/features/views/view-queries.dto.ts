import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { ViewQueryDto } from '../../read-models/view-query.dto.js';
import { IsCalendarDate, IsCalendarDateOrInstant } from '../shared/validators.js';

export const DEFAULT_PAGE_SIZE = 100;
/** 1 to 1000, written plainly (no signs, exponents or leading zeros). */
const PAGE_SIZE = /^(?:[1-9]\d{0,2}|1000)$/;
const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

export class AsOfViewQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ example: '2017-02-21', description: 'Work out "overdue" as of this UK date; today when absent' })
  @IsOptional()
  @IsCalendarDate()
  readonly asOf?: string;
}

/** Lists that can grow with the record are read a page at a time, continuing after the last row seen. */
export class PagedViewQueryDto extends AsOfViewQueryDto {
  @ApiPropertyOptional({ description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(CURSOR, { message: 'after must be the nextAfter of a previous page' })
  readonly after?: string;

  @ApiPropertyOptional({ example: '100', description: `Rows per page, 1 to 1000 (default ${DEFAULT_PAGE_SIZE})` })
  @IsOptional()
  @IsString()
  @Matches(PAGE_SIZE, { message: 'limit must be a whole number from 1 to 1000' })
  readonly limit?: string;
}

export class OverdueQueryDto extends PagedViewQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this committee's actions" })
  @IsOptional()
  @IsUUID()
  readonly committeeId?: string;
}

export const actionLogFormats = ['json', 'csv'] as const;
export type ActionLogFormat = (typeof actionLogFormats)[number];

export class ActionLogQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({
    example: '2017-02-21T18:00:00Z',
    description:
      'An ISO 8601 instant with its zone: the log as recorded at that instant (the recording clock, not the dates business ' +
      'happened): only the actions recorded by then, with the status, owner post, due date, RAG and latest update they had. ' +
      'A UK date here is still read as overdueOn, for clients written before that parameter',
  })
  @IsOptional()
  @IsCalendarDateOrInstant()
  readonly asOf?: string;

  @ApiPropertyOptional({ example: '2017-02-21', description: 'Judge "overdue" as of this UK date; today (or the day of asOf) when absent' })
  @IsOptional()
  @IsCalendarDate()
  readonly overdueOn?: string;

  @ApiPropertyOptional({ description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(CURSOR, { message: 'after must be the nextAfter of a previous page' })
  readonly after?: string;

  @ApiPropertyOptional({
    example: '100',
    description: `Rows per page, 1 to 1000: default ${DEFAULT_PAGE_SIZE} for JSON; the CSV export is the whole log unless a limit is given`,
  })
  @IsOptional()
  @IsString()
  @Matches(PAGE_SIZE, { message: 'limit must be a whole number from 1 to 1000' })
  readonly limit?: string;

  @ApiPropertyOptional({ enum: actionLogFormats, description: 'Default json, or csv when the Accept header prefers text/csv' })
  @IsOptional()
  @IsIn(actionLogFormats)
  readonly format?: ActionLogFormat;
}

export const pageSizeOf = (query: { readonly limit?: string | undefined }): number =>
  query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
