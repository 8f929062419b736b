import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { HasNoNul } from '../shared/validators.js';

/** Long enough for the longest item's minutes; the body limit (256 KiB) bounds it anyway. */
export const MAX_NARRATIVE = 50_000;

export class AddAgendaItemDto {
  @ApiProperty({ example: '03', maxLength: 20, description: 'As printed in the minutes; unique within the meeting' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @HasNoNul()
  readonly number!: string;

  @ApiProperty({ example: "Draft Task & Finish Group Report Part 1 – Summary Analysis of Luton Borough Council's SWOT", maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @HasNoNul()
  readonly title!: string;

  @ApiPropertyOptional({ example: 'Ref: 7', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @HasNoNul()
  readonly paperRef?: string;

  @ApiPropertyOptional({
    example: 'On 3rd February 2010 the Executive had agreed a package of measures to support better recruitment and retention …',
    maxLength: MAX_NARRATIVE,
    description: "The minutes' account of the item, as printed",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NARRATIVE)
  @HasNoNul()
  readonly narrative?: string;
}
