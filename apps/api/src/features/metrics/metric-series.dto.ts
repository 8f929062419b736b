import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ViewQueryDto } from '../../read-models/view-query.dto.js';
import { HasNoNul } from '../shared/validators.js';
import { MAX_METRIC_NAME } from './metric-value.dto.js';

export class MetricSeriesParamsDto {
  @ApiProperty({ example: 'vacancy-rate', maxLength: MAX_METRIC_NAME })
  @IsString() @IsNotEmpty() @MaxLength(MAX_METRIC_NAME) @HasNoNul()
  readonly metric!: string;
}

export class MetricSeriesFilterDto extends ViewQueryDto {
  @ApiPropertyOptional({ example: 'Adult Social Care social workers', maxLength: 300, description: 'Only snapshots of this subject; all subjects when absent' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) @HasNoNul()
  readonly subject?: string;
}
