import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { resolutionPartKinds, type ResolutionPart, type ResolutionPartKind } from '#domain';
import { HasNoNul } from '../shared/validators.js';

export const MAX_PARTS = 50;

/** One lettered part of a resolution as printed in the minutes. */
export class ResolutionPartDto implements ResolutionPart {
  @ApiProperty({ example: '(ii)', maxLength: 20 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @HasNoNul()
  readonly label!: string;

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

  @ApiProperty({ enum: resolutionPartKinds, example: 'instructed' })
  @IsIn(resolutionPartKinds)
  readonly kind!: ResolutionPartKind;
}
