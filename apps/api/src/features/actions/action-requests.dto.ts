import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ragStatuses, type Rag } from '#domain';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul, IsCalendarDate, IsCalendarDateOrInstant } from '../shared/validators.js';

const TEXT = 4000;

/** Commands recording business that may have happened earlier than it is typed in. */
export class DatedDto {
  @ApiPropertyOptional({
    example: '2017-02-20',
    description:
      'When it happened, if not now: an ISO 8601 instant with its zone, or YYYY-MM-DD for the start of that UK day. ' +
      'Staff (scrutiny, admin) only for a date before today (an officer is refused with 403); never in the future, ' +
      'never before the event it follows (422)',
  })
  @IsOptional()
  @IsCalendarDateOrInstant()
  readonly occurredAt?: string;
}

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
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The executive decision it implements: progress and completion wait until the decision is effective (after call-in)',
  })
  @IsOptional()
  @IsUUID()
  readonly implementsDecisionId?: string;
  @ApiPropertyOptional({
    example: '2017-01-16T18:00:00Z',
    description:
      "When the action was set: by default the resolution's meeting once it has begun, else now. An ISO 8601 instant " +
      'or YYYY-MM-DD (the start of that UK day); never in the future nor before the meeting (422)',
  })
  @IsOptional()
  @IsCalendarDateOrInstant()
  readonly occurredAt?: string;
}

export class ReportProgressDto extends DatedDto {
  @ApiProperty({ maxLength: TEXT }) @IsString() @IsNotEmpty() @MaxLength(TEXT) @HasNoNul() readonly note!: string;
  @ApiPropertyOptional({ enum: ragStatuses }) @IsOptional() @IsIn(ragStatuses) readonly rag?: Rag;
}

export class CompleteActionDto extends DatedDto {
  @ApiProperty({ maxLength: TEXT }) @IsString() @IsNotEmpty() @MaxLength(TEXT) @HasNoNul() readonly outcome!: string;
  @ApiPropertyOptional({ maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) @HasNoNul() readonly evidence?: string;
}

export class SignOffActionDto extends DatedDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() readonly meetingId?: string;
  @ApiPropertyOptional({ maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) @HasNoNul() readonly note?: string;
}

export class ReasonDto extends DatedDto {
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

export class ChaseActionDto extends DatedDto {
  @ApiPropertyOptional({ maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) @HasNoNul() readonly note?: string;
}
