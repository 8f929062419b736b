import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { attendanceStatuses, attendeeRoles, type AttendanceStatus, type AttendeeRole } from '#domain';
import { HasNoNul } from '../shared/validators.js';

export class AttendeeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The registered person, when there is one' })
  @IsOptional()
  @IsUUID()
  readonly personId?: string;

  @ApiProperty({ example: 'Councillor Green', maxLength: 200, description: 'As printed in the minutes' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoNul()
  readonly name!: string;

  @ApiProperty({ enum: attendeeRoles })
  @IsIn(attendeeRoles)
  readonly role!: AttendeeRole;

  @ApiProperty({ enum: attendanceStatuses })
  @IsIn(attendanceStatuses)
  readonly status!: AttendanceStatus;
}

/** The full attendance list: it replaces any earlier recording (a correction). */
export class RecordAttendanceDto {
  @ApiProperty({ type: [AttendeeDto], minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  readonly attendees!: AttendeeDto[];
}
