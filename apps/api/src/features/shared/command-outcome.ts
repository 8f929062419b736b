import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/**
 * What every command answers: the stream's new version and the global position of its last event.
 * Named apart from @nestjs/cqrs's CommandResult; the OpenAPI schema keeps its published name.
 */
@ApiSchema({ name: 'CommandResult' })
export class CommandOutcome {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ example: 3 }) readonly version!: number;
  @ApiProperty({ example: 1536000001 }) readonly position!: number;
}
