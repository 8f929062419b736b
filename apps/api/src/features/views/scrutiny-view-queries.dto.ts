import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ViewQueryDto } from '../../read-models/view-query.dto.js';
import { IsCalendarDate } from '../shared/validators.js';
import { actionLogFormats, DEFAULT_PAGE_SIZE, type ActionLogFormat } from './view-queries.dto.js';

const PAGE_SIZE = /^(?:[1-9]\d{0,2}|1000)$/;
const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

/** Paging and format as the action log takes them: JSON pages by default, the CSV is the whole list unless limited. */
class ExportableListQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(CURSOR, { message: 'after must be the nextAfter of a previous page' })
  readonly after?: string;

  @ApiPropertyOptional({
    example: '100',
    description: `Rows per page, 1 to 1000: default ${DEFAULT_PAGE_SIZE} for JSON; the CSV is the whole list unless a limit is given`,
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

export const trackerStatuses = ['not-sent', 'awaiting-response', 'response-overdue', 'responded', 'closed'] as const;
export type TrackerStatus = (typeof trackerStatuses)[number];

export class RecommendationsTrackerQueryDto extends ExportableListQueryDto {
  @ApiPropertyOptional({ example: '2015-06-01', description: 'Work out "response overdue" as of this UK date; today when absent' })
  @IsOptional()
  @IsCalendarDate()
  readonly asOf?: string;

  @ApiPropertyOptional({ enum: trackerStatuses, description: 'Only recommendations where things stand so (as of asOf)' })
  @IsOptional()
  @IsIn(trackerStatuses)
  readonly status?: TrackerStatus;

  @ApiPropertyOptional({
    example: '2014/15',
    description: 'Only those made in this municipal year: 2014/15 is 1 May 2014 to 30 April 2015',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}\/\d{2}$/, { message: 'municipalYear must be written like 2014/15' })
  readonly municipalYear?: string;
}

export const callInStatuses = ['none', 'called-in', 'upheld', 'referred-back', 'referred-to-council', 'reconsidered'] as const;
export type CallInStatus = (typeof callInStatuses)[number];

export class DecisionRegisterQueryDto extends ExportableListQueryDto {
  @ApiPropertyOptional({ example: '2015-01-01', description: 'Only decisions taken on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  readonly from?: string;

  @ApiPropertyOptional({ example: '2015-12-31', description: 'Only decisions taken on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  readonly to?: string;

  @ApiPropertyOptional({ enum: callInStatuses, description: 'Only decisions whose call-in stands so' })
  @IsOptional()
  @IsIn(callInStatuses)
  readonly callInStatus?: CallInStatus;
}
