import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ViewQueryDto } from '../../read-models/view-query.dto.js';
import { IsInstant } from '../shared/validators.js';

/** Without asOf the resolution comes from the read models (minPosition applies); with it, from its stream. */
export class ResolutionAsOfDto extends ViewQueryDto {
  @ApiPropertyOptional({
    example: '2017-01-20T09:00:00Z',
    description: 'Answer the resolution as it stood at this instant: only events recorded at or before it count',
  })
  @IsOptional()
  @IsInstant()
  readonly asOf?: string;
}
