import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { HasNoNul } from '../shared/validators.js';
import { MAX_VALUES, MetricValueDto } from './metric-value.dto.js';

/** Names only the metrics to correct; the others keep their values, and the first figures stay on record. */
export class CorrectMetricsDto {
  @ApiProperty({ type: [MetricValueDto], minItems: 1, maxItems: MAX_VALUES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VALUES)
  @ValidateNested({ each: true })
  @Type(() => MetricValueDto)
  readonly values!: MetricValueDto[];

  @ApiProperty({ example: 'HR confirmed the baseline: agency staff had been counted twice', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @HasNoNul()
  readonly reason!: string;
}
