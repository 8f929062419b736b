import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsString, MaxLength } from 'class-validator';
import type { MetricValue } from '#domain';
import { HasNoNul } from '../shared/validators.js';

export const MAX_METRIC_NAME = 100;
export const MAX_VALUES = 100;

export class MetricValueDto implements MetricValue {
  @ApiProperty({ example: 'vacancy-rate', maxLength: MAX_METRIC_NAME })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_METRIC_NAME)
  @HasNoNul()
  readonly metric!: string;

  @ApiProperty({ example: 24.5, description: 'A finite number' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  readonly value!: number;

  @ApiProperty({ example: '%', maxLength: 20 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @HasNoNul()
  readonly unit!: string;
}
