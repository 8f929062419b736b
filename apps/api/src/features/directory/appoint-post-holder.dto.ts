import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../shared/validators.js';

export class AppointPostHolderDto {
  @ApiProperty({ format: 'uuid', description: 'A registered person' })
  @IsUUID()
  readonly personId!: string;

  @ApiPropertyOptional({ format: 'date', example: '2017-01-16', description: 'YYYY-MM-DD the appointment runs from; defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  readonly from?: string;
}
