import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { committeeKinds, type CommitteeKind } from '#domain';
import { OptionalIdDto } from '../shared/optional-id.dto.js';
import { HasNoNul } from '../shared/validators.js';

export class CreateCommitteeDto extends OptionalIdDto {
  @ApiProperty({ example: 'Scrutiny Task & Finish Group: Recruitment & Retention of Social Workers', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly name!: string;

  @ApiProperty({ enum: committeeKinds })
  @IsIn(committeeKinds)
  readonly kind!: CommitteeKind;
}
