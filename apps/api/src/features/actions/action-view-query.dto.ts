import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { PROJECTION_POSITION, ViewQueryDto } from '../../read-models/view-query.dto.js';

export class ActionViewQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({
    example: '0',
    description: 'The updatesNextAfter of the previous answer: only progress notes past this stream version (500 a page)',
  })
  @IsOptional()
  @IsString()
  @Matches(PROJECTION_POSITION, { message: 'updatesAfter must be a non-negative whole number' })
  readonly updatesAfter?: string;
}
