import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul } from '../shared/validators.js';

export class CreatePostDto extends OptionalIdDto {
  @ApiProperty({ example: 'Project Manager, Transformation & Technology', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly title!: string;

  @ApiPropertyOptional({ example: 'Transformation & Technology', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @HasNoNul()
  readonly department?: string;
}
