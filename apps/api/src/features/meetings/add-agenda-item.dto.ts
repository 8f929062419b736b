import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { HasNoNul } from '../shared/validators.js';

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
}
