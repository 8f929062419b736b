import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** Both choices every time: a PUT replaces the preferences whole. */
export class NotificationPreferencesDto {
  @ApiProperty({ example: true, description: 'Reminder emails before an action falls due (not chases or escalations, which always go)' })
  @IsBoolean()
  readonly reminders!: boolean;

  @ApiProperty({ example: false, description: 'The weekly digest email of the actions of the posts the person holds' })
  @IsBoolean()
  readonly weeklyDigest!: boolean;
}
