import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { decisionMakerKinds, type DecisionMaker, type DecisionMakerKind } from '#domain';
import { HasNoNul } from '../shared/validators.js';

/** Who a recommendation is addressed to, or who took a decision. */
export class DecisionMakerDto implements DecisionMaker {
  @ApiProperty({ enum: decisionMakerKinds, example: 'executive' })
  @IsIn(decisionMakerKinds)
  readonly kind!: DecisionMakerKind;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '0b6f7c1e-3c55-4f55-9d8c-6f1b1f0f4b21',
    description: "The post that answers for it (the Leader's, a portfolio holder's); required for a portfolio holder",
  })
  @IsOptional()
  @IsUUID()
  readonly postId?: string;

  @ApiProperty({ example: 'the Executive', maxLength: 200, description: 'As the minutes name it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoNul()
  readonly name!: string;
}
