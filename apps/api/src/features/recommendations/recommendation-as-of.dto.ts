import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../shared/validators.js';

export class RecommendationAsOfDto {
  @ApiPropertyOptional({
    example: '2015-03-01T09:00:00Z',
    description: 'Answer the recommendation as recorded at this instant: only events recorded at or before it count',
  })
  @IsOptional()
  @IsInstant()
  readonly asOf?: string;
}
