import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul } from '../shared/validators.js';
import { MAX_PARTS, ResolutionPartDto } from './resolution-part.dto.js';

export class PassResolutionDto extends OptionalIdDto {
  @ApiProperty({ example: '03', maxLength: 20, description: 'The agenda item number as added to the meeting' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @HasNoNul()
  readonly itemNumber!: string;

  @ApiProperty({ type: [ResolutionPartDto], minItems: 1, maxItems: MAX_PARTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTS)
  @ValidateNested({ each: true })
  @Type(() => ResolutionPartDto)
  readonly parts!: ResolutionPartDto[];
}
