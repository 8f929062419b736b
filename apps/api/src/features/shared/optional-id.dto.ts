import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** Create commands may carry their own id; the server mints one otherwise. */
export class OptionalIdDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-chosen id; minted by the server when absent' })
  @IsOptional()
  @IsUUID()
  readonly id?: string;
}
