import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { executiveResponses, implementationRags, type ExecutiveResponse, type ImplementationRag } from '#domain';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul, IsCalendarDate, IsNotGivenWith } from '../shared/validators.js';
import { DecisionMakerDto } from './decision-maker.dto.js';

const TEXT = 4000;

export class MakeRecommendationDto extends OptionalIdDto {
  @ApiProperty({ format: 'uuid', example: '5d7c3f0e-8a8b-4c3e-9f57-2b1f6a9c0d11', description: 'The committee making it' })
  @IsUUID()
  readonly committeeId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '9a3e1c52-6d1f-4c0b-8f3e-6c2d9b7a1e40',
    description: 'The resolution it came from (one of resolutionId and reportRef)',
  })
  @IsOptional()
  @IsUUID()
  @IsNotGivenWith('reportRef')
  readonly resolutionId?: string;

  @ApiPropertyOptional({ example: '(ii)', maxLength: 20, description: "The resolution's part; left out for an unlabelled part" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @HasNoNul()
  readonly partLabel?: string;

  @ApiPropertyOptional({
    example: 'Report CS14078',
    maxLength: 200,
    description: 'The scrutiny report it is numbered in (one of resolutionId and reportRef)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoNul()
  readonly reportRef?: string;

  @ApiProperty({ example: '1', maxLength: 20, description: 'As the committee numbers it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @HasNoNul()
  readonly reference!: string;

  @ApiProperty({
    example: 'That the proposal to extend the recruitment and retention scheme for 2015/16 and 2016/17 be supported',
    maxLength: TEXT,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly text!: string;

  @ApiProperty({ type: DecisionMakerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionMakerDto)
  readonly decisionMaker!: DecisionMakerDto;

  @ApiProperty({ example: '2015-01-21', description: 'The date of the meeting that made it (UK date)' })
  @IsCalendarDate()
  readonly madeOn!: string;
}

export class SendRecommendationDto {
  @ApiProperty({ example: '2015-01-28', description: 'The day the decision maker received it: the response clock starts here' })
  @IsCalendarDate()
  readonly receivedOn!: string;
}

export class RecordResponseDto {
  @ApiProperty({ enum: executiveResponses, example: 'accepted' })
  @IsIn(executiveResponses)
  readonly response!: ExecutiveResponse;

  @ApiProperty({ example: 'Recruitment of experienced social workers remains difficult', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly reasons!: string;

  @ApiPropertyOptional({ example: 'Extend the scheme for two years from April 2015', maxLength: TEXT })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly proposedAction?: string;

  @ApiProperty({ example: '2015-03-02', description: 'The day the decision maker responded (UK date)' })
  @IsCalendarDate()
  readonly respondedOn!: string;
}

export class PublishResponseDto {
  @ApiProperty({ example: '2015-03-04' })
  @IsCalendarDate()
  readonly publishedOn!: string;
}

export class LinkActionDto {
  @ApiProperty({ format: 'uuid', example: '3f2b8e61-1c4a-4b7e-9d2f-8a6c5e4b3a21', description: 'An action that implements it' })
  @IsUUID()
  readonly actionId!: string;
}

export class ReviewImplementationDto {
  @ApiProperty({ enum: implementationRags, example: 'green' })
  @IsIn(implementationRags)
  readonly rag!: ImplementationRag;

  @ApiProperty({ example: 'Twelve social workers recruited under the scheme by September 2015', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly evidence!: string;

  @ApiProperty({ example: '2015-09-15', description: 'The meeting that reviewed it (UK date)' })
  @IsCalendarDate()
  readonly reviewedOn!: string;
}

export class CloseRecommendationDto {
  @ApiProperty({ example: '2016-01-20', description: 'The meeting that agreed closure (UK date)' })
  @IsCalendarDate()
  readonly agreedOn!: string;

  @ApiPropertyOptional({ example: 'Implemented in full', maxLength: TEXT })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  @HasNoNul()
  readonly note?: string;
}
