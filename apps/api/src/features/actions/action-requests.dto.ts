import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ragStatuses, type Rag } from '#domain';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul, IsCalendarDate } from '../shared/validators.js';

const TEXT = 4000;

export class AssignActionDto extends OptionalIdDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly resolutionId!: string;
  @ApiPropertyOptional({ example: '(ii)', maxLength: 20 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @HasNoNul()
  readonly partLabel?: string;
  @ApiProperty({ example: 'Collate final metrics for Vacancy, Turnover and Agency Rates', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @HasNoNul()
  readonly title!: string;
  @ApiPropertyOptional({ maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) @HasNoNul() readonly description?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly ownerPostId!: string;
  @ApiPropertyOptional({ example: '2017-02-15', description: 'One of dueDate or dueMeetingId' })
  @IsOptional()
  @IsCalendarDate()
  readonly dueDate?: string;
  @ApiPropertyOptional({ format: 'uuid', description: '"Report back to the February meeting"' })
  @IsOptional()
  @IsUUID()
  readonly dueMeetingId?: string;
}

export class ReportProgressDto {
  @ApiProperty({ maxLength: TEXT }) @IsString() @IsNotEmpty() @MaxLength(TEXT) @HasNoNul() readonly note!: string;
  @ApiPropertyOptional({ enum: ragStatuses }) @IsOptional() @IsIn(ragStatuses) readonly rag?: Rag;
}

export class CompleteActionDto {
  @ApiProperty({ maxLength: TEXT }) @IsString() @IsNotEmpty() @MaxLength(TEXT) @HasNoNul() readonly outcome!: string;
  @ApiPropertyOptional({ maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) @HasNoNul() readonly evidence?: string;
}

export class SignOffActionDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() readonly meetingId?: string;
  @ApiPropertyOptional({ maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) @HasNoNul() readonly note?: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: TEXT }) @IsString() @IsNotEmpty() @MaxLength(TEXT) @HasNoNul() readonly reason!: string;
}

export class ChangeDueDto extends ReasonDto {
  @ApiPropertyOptional({ example: '2017-03-15', description: 'One of dueDate or dueMeetingId' })
  @IsOptional()
  @IsCalendarDate()
  readonly dueDate?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() readonly dueMeetingId?: string;
}

export class ReassignActionDto extends ReasonDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly ownerPostId!: string;
}

export class ChaseActionDto {
  @ApiPropertyOptional({ maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) @HasNoNul() readonly note?: string;
}
