import { Body, Controller, Get, HttpCode, Inject, Module, Param, Post, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { ConcurrencyError, StoreUnavailableError, type EventStore } from '#event-store';
import { conflict, invalid, notFound } from '#domain';
import { ROLES, Roles } from '../../../src/platform/auth/index.js';
import { EVENT_STORE, eventMetadata, IfMatchVersion } from '../../../src/platform/index.js';

const PART_KINDS = ['noted', 'agreed', 'recommended', 'instructed', 'other'] as const;

export class PartDto {
  @ApiProperty({ example: '(i)' })
  @IsString()
  @IsNotEmpty()
  label!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(10_000)
  text!: string;

  @ApiProperty({ enum: PART_KINDS })
  @IsIn(PART_KINDS)
  kind!: (typeof PART_KINDS)[number];
}

export class RecordResolutionDto {
  @ApiProperty({ example: '03' })
  @IsString()
  @IsNotEmpty()
  itemNumber!: string;

  @ApiProperty({ type: [PartDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PartDto)
  parts!: PartDto[];

  @ApiProperty({ required: false })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  priority?: number;
}

export class NoteDto {
  @ApiProperty()
  @IsString()
  @MaxLength(300_000)
  note!: string;
}

/** A stand-in feature exercising the platform: validation, domain errors, concurrency, idempotent appends. */
@Roles(...ROLES)
@Controller('test')
class TestController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post('resolutions')
  @HttpCode(200)
  record(@Body() body: RecordResolutionDto): { received: RecordResolutionDto; isDto: boolean } {
    return { received: body, isDto: body instanceof RecordResolutionDto && body.parts.every((p) => p instanceof PartDto) };
  }

  @Post('failures/:kind')
  fail(@Param('kind') kind: string): never {
    switch (kind) {
      case 'not-found':
        throw notFound('action-not-found', 'No action with id a1', { actionId: 'a1' });
      case 'conflict':
        throw conflict('action-already-closed', 'The action is closed');
      case 'invalid':
        throw invalid('due-date-in-past', 'The due date is in the past');
      case 'store-down':
        throw new StoreUnavailableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
      case 'concurrency':
        throw new ConcurrencyError('action-a1', 3, 4);
      default:
        throw new Error('SELECT secret FROM internals -- boom');
    }
  }

  /** A record the path names (404) or, with `?ref=`, one the request refers to (422) that does not exist. */
  @Post('missing/:recordId')
  missing(@Param('recordId') recordId: string, @Query('ref') ref: string | undefined): never {
    throw notFound('record-not-found', `Record ${ref ?? recordId} does not exist`, { recordId: ref ?? recordId });
  }

  @Post('streams/:id/notes')
  async addNote(@Param('id') id: string, @Body() body: NoteDto, @IfMatchVersion() expectedVersion: number | undefined) {
    const result = await this.store.appendToStream(
      `test-${id}`,
      [{ eventId: randomUUID(), type: 'NoteAdded', data: { note: body.note }, metadata: eventMetadata() }],
      { expectedVersion: expectedVersion ?? 'any' },
    );
    return { id, version: result.nextExpectedVersion, position: result.lastPosition };
  }

  @Get('context')
  context() {
    return eventMetadata();
  }
}

@Module({ controllers: [TestController] })
export class TestFeatureModule {}
