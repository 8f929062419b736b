import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul, IsCalendarDate } from '../shared/validators.js';
import { MAX_VALUES, MetricValueDto } from './metric-value.dto.js';

/** Figures as a snapshot in time, e.g. vacancy, turnover and agency rates for one service. */
export class CollateMetricsDto extends OptionalIdDto {
  @ApiProperty({ example: 'Adult Social Care social workers', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly subject!: string;

  @ApiProperty({ example: '2017-01-31', format: 'date', description: 'The date the snapshot stands for' })
  @IsCalendarDate()
  readonly asOf!: string;

  @ApiProperty({ example: 'HR evidence gathering', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly source!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The action the figures were collated for' })
  @IsOptional()
  @IsUUID()
  readonly actionId?: string;

  @ApiProperty({ type: [MetricValueDto], minItems: 1, maxItems: MAX_VALUES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VALUES)
  @ValidateNested({ each: true })
  @Type(() => MetricValueDto)
  readonly values!: MetricValueDto[];
}
