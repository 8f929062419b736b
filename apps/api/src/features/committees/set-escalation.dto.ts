import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { MAX_ESCALATION_DAYS } from '#domain';

export class SetEscalationDto {
  @ApiProperty({ format: 'uuid', description: "The post whose holder is told of the committee's overdue actions" })
  @IsUUID()
  readonly escalationPostId!: string;

  @ApiProperty({ example: 14, minimum: 1, maximum: MAX_ESCALATION_DAYS, description: 'Days after the due date' })
  @IsInt()
  @Min(1)
  @Max(MAX_ESCALATION_DAYS)
  readonly afterDays!: number;
}
