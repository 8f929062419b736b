import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul } from '../shared/validators.js';

export class RegisterPersonDto extends OptionalIdDto {
  @ApiProperty({ example: 'Tony Fitzgerald', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoNul()
  readonly name!: string;

  @ApiPropertyOptional({ example: 'tony.fitzgerald@luton.gov.uk', format: 'email', maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  @HasNoNul()
  readonly email?: string;

  @ApiPropertyOptional({
    example: '9f3c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b',
    maxLength: 256,
    description: "The identity provider's subject for this person (the AUTH_PERSON_CLAIM value of their tokens, e.g. Entra ID's oid)",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  @HasNoNul()
  readonly identitySubject?: string;
}
