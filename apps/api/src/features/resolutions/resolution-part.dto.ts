import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { resolutionPartKinds, type ResolutionPart, type ResolutionPartKind } from '#domain';
import { HasNoNul } from '../shared/validators.js';

export const MAX_PARTS = 50;

/** One lettered part of a resolution as printed in the minutes. */
export class ResolutionPartDto implements ResolutionPart {
  @ApiPropertyOptional({
    example: '(ii)',
    maxLength: 20,
    description: 'As printed; may be left out only when the resolution has a single part, and labels of several parts are distinct',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @HasNoNul()
  readonly label?: string;

  @ApiProperty({
    example:
      'That the Project Manager, Transformation & Technology be instructed to collate final metrics for Vacancy, Turnover and Agency Rates',
    maxLength: 4000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  @HasNoNul()
  readonly text!: string;

  @ApiProperty({
    enum: resolutionPartKinds,
    example: 'instructed',
    description: '`supported` and `endorsed`: a proposal going to the executive, scrutinised before the decision',
  })
  @IsIn(resolutionPartKinds)
  readonly kind!: ResolutionPartKind;
}
