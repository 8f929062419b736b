import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul } from '../shared/validators.js';

export class RegisterPersonDto extends OptionalIdDto {
  @ApiProperty({ example: 'Tony Fitzgerald', maxLength: 200 })
  @IsString() @IsNotEmpty() @MaxLength(200) @HasNoNul()
  readonly name!: string;

  @ApiPropertyOptional({ example: 'tony.fitzgerald@luton.gov.uk', format: 'email', maxLength: 254 })
  @IsOptional() @IsString() @MaxLength(254) @IsEmail() @HasNoNul()
  readonly email?: string;
}
