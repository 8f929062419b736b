import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../shared/validators.js';

export class ResolutionAsOfDto {
  @ApiPropertyOptional({
    example: '2017-01-20T09:00:00Z',
    description: 'Answer the resolution as it stood at this instant: only events recorded at or before it count',
  })
  @IsOptional() @IsInstant()
  readonly asOf?: string;
}
