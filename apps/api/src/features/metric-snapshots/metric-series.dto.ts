import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DEFAULT_PAGE_SIZE } from '../views/view-queries.dto.js';
import { ViewQueryDto } from '../../read-models/view-query.dto.js';
import { HasNoNul } from '../shared/validators.js';
import { MAX_METRIC_NAME } from './metric-value.dto.js';

export class MetricSeriesParamsDto {
  @ApiProperty({ example: 'vacancy-rate', maxLength: MAX_METRIC_NAME })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_METRIC_NAME)
  @HasNoNul()
  readonly metric!: string;
}

export class MetricSeriesFilterDto extends ViewQueryDto {
  @ApiPropertyOptional({
    example: 'Adult Social Care social workers',
    maxLength: 300,
    description: 'Only snapshots of this subject; all subjects when absent',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly subject?: string;

  @ApiPropertyOptional({ description: 'The X-Next-After header of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'after must be the X-Next-After of a previous page' })
  readonly after?: string;

  @ApiPropertyOptional({ example: '100', description: `Points per page, 1 to 1000 (default ${DEFAULT_PAGE_SIZE})` })
  @IsOptional()
  @IsString()
  @Matches(/^(?:[1-9]\d{0,2}|1000)$/, { message: 'limit must be a whole number from 1 to 1000' })
  readonly limit?: string;
}
