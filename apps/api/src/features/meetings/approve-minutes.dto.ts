import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ApproveMinutesDto {
  @ApiProperty({ format: 'uuid', description: 'The later meeting of the same committee that confirmed the minutes as a correct record' })
  @IsUUID()
  readonly approvedAtMeetingId!: string;
}
