import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul, IsInstant } from '../shared/validators.js';

export class ScheduleMeetingDto extends OptionalIdDto {
  @ApiProperty({ format: 'uuid', description: 'An existing committee' })
  @IsUUID()
  readonly committeeId!: string;

  @ApiProperty({ format: 'date-time', example: '2017-01-16T18:00:00Z', description: 'ISO 8601 instant with its zone' })
  @IsString()
  @MaxLength(40)
  @IsInstant()
  readonly startsAt!: string;

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
