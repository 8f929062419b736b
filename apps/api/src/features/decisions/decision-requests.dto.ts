import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { callInOutcomes, reconsiderationOutcomes, type CallInOutcome, type ReconsiderationOutcome } from '#domain';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul, IsCalendarDate } from '../shared/validators.js';
import { DecisionMakerDto } from '../recommendations/decision-maker.dto.js';

const TEXT = 4000;

export class RecordDecisionDto extends OptionalIdDto {
  @ApiProperty({ type: DecisionMakerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionMakerDto)
  readonly decisionMaker!: DecisionMakerDto;

  @ApiProperty({ example: "Children's Social Care Recruitment & Retention Strategy", maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly title!: string;

  @ApiProperty({ example: 'The scheme is extended for the 2015/16 and 2016/17 financial years', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly decision!: string;

  @ApiProperty({ example: '2015-02-11', description: 'The day it was taken (UK date)' })
  @IsCalendarDate()
  readonly decidedOn!: string;

  @ApiProperty({ example: true, description: 'A key decision (in the Forward Plan)' })
  @IsBoolean()
  readonly keyDecision!: boolean;

  @ApiProperty({ example: 'Recruitment of experienced social workers remains difficult', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly reasons!: string;

  @ApiPropertyOptional({ example: 'Ending the scheme in March 2015', maxLength: TEXT })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly alternativesConsidered?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    example: ['6a0d6c4e-2f4b-4d8e-9a51-0c3b7e2d1f90'],
    description: 'The recommendations it answers',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  readonly recommendationIds?: string[];

  @ApiPropertyOptional({ example: 'Report CS14078', maxLength: 200, description: 'The report it was taken on' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoNul()
  readonly reportRef?: string;
}

export class PublishDecisionDto {
  @ApiProperty({
    example: '2015-02-12',
    description: "The day it was published; the call-in period (the council's clear working days) starts the day after",
  })
  @IsCalendarDate()
  readonly publishedOn!: string;
}

export class RequestCallInDto {
  @ApiProperty({ type: [String], example: ['Cllr Ruth Bennett', 'Cllr Mary Cooke'], description: 'The members calling it in' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  @HasNoNul({ each: true })
  readonly members!: string[];

  @ApiProperty({ example: 'The costs of the enhancements were not set out', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly reasons!: string;
}

export class ConcludeCallInDto {
  @ApiProperty({ enum: callInOutcomes, example: 'upheld', description: 'upheld: the decision stands' })
  @IsIn(callInOutcomes)
  readonly outcome!: CallInOutcome;

  @ApiPropertyOptional({ example: 'The committee was satisfied with the costing', maxLength: TEXT })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly note?: string;

  @ApiProperty({ example: '2015-02-24', description: 'The meeting that considered the call-in (UK date)' })
  @IsCalendarDate()
  readonly concludedOn!: string;
}

export class ReconsiderDecisionDto {
  @ApiProperty({ enum: reconsiderationOutcomes, example: 'confirmed' })
  @IsIn(reconsiderationOutcomes)
  readonly outcome!: ReconsiderationOutcome;

  @ApiPropertyOptional({ example: 'The scheme is extended for 2015/16 only', maxLength: TEXT, description: 'The amended decision' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly decision?: string;

  @ApiProperty({ example: 'Costs revisited', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly reasons!: string;

  @ApiProperty({ example: '2015-03-04' })
  @IsCalendarDate()
  readonly decidedOn!: string;
}
