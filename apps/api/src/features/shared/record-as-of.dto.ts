import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from './validators.js';

/** `?asOf=` on a record folded from its stream. */
export class RecordAsOfDto {
  @ApiPropertyOptional({
    example: '2015-03-01T09:00:00Z',
    description: 'Answer the record as it was recorded at this instant: only events recorded at or before it count',
  })
  @IsOptional()
  @IsInstant()
  readonly asOf?: string;
}
