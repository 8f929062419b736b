import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { HasNoNul } from '../shared/validators.js';
import { MAX_PARTS, ResolutionPartDto } from './resolution-part.dto.js';

/** The whole corrected wording: it replaces every part, and the earlier wording stays in the history. */
export class CorrectResolutionDto {
  @ApiProperty({ type: [ResolutionPartDto], minItems: 1, maxItems: MAX_PARTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTS)
  @ValidateNested({ each: true })
  @Type(() => ResolutionPartDto)
  readonly parts!: ResolutionPartDto[];

  @ApiProperty({ example: 'Minutes corrected at the February meeting: part (ii) misnamed the officer', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @HasNoNul()
  readonly reason!: string;
}
