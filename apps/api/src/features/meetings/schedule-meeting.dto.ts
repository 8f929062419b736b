import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, type ValidationArguments } from 'class-validator';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul, IsCalendarDate, IsInstant, IsNotGivenWith } from '../shared/validators.js';

export class ScheduleMeetingDto extends OptionalIdDto {
  @ApiProperty({ format: 'uuid', description: 'An existing committee' })
  @IsUUID()
  readonly committeeId!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2017-01-16T18:00:00Z',
    description: 'ISO 8601 instant with its zone; exactly one of `startsAt` and `date`',
  })
  @ValidateIf((body: ScheduleMeetingDto) => body.startsAt !== undefined || body.date === undefined)
  @IsInstant({
    message: ({ value }: ValidationArguments) =>
      value === undefined
        ? 'startsAt is required (an ISO 8601 instant with its zone), or date (YYYY-MM-DD) when the minutes give no time'
        : 'startsAt must be an ISO 8601 instant with a zone',
  })
  readonly startsAt?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2015-01-21',
    description:
      'The UK date, for a meeting whose minutes give no time (instead of `startsAt`); rules needing an instant take the start of that UK day',
  })
  @ValidateIf((body: ScheduleMeetingDto) => body.date !== undefined)
  @IsCalendarDate()
  @IsNotGivenWith('startsAt')
  readonly date?: string;

  @ApiPropertyOptional({ example: 'Scrutiny Task & Finish Group: Recruitment & Retention of Social Workers', maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly title?: string;

  @ApiPropertyOptional({ example: 'Town Hall, Luton', maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly location?: string;
}
