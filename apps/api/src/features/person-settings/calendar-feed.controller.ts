import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { notFound, personDecider, streamIdFor } from '#domain';
import type { SqlDatabase } from '#event-store';
import type { AppConfig } from '#runtime';
import { Public, Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import type { HttpRequest } from '../../platform/http/http-types.js';
import { APP_CONFIG, Sends, SQL_DATABASE } from '../../platform/index.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import type { HeaderSink } from '../shared/send-folded.js';
import { Clock } from '../shared/clock.js';
import { calendarFeedIcs } from './calendar-feed.ics.js';
import { feedEntriesOf, feedOwnerOf } from './calendar-feed.sql.js';
import { IssueCalendarFeedCommand, RevokeCalendarFeedCommand, type IssuedCalendarFeed } from './calendar-feed.commands.js';
import { calendarTokenHash, looksLikeCalendarToken } from './calendar-token.js';
import { calendarFeedUrlsOf, consoleOriginOf, requestOriginOf } from './console-origin.js';
import { personNotInDirectory, signedInPersonOf } from './signed-in-person.js';

export interface CalendarFeedStatus {
  readonly issued: boolean;
  readonly issuedAt: string | null;
}

export interface IssuedCalendarFeedAnswer extends IssuedCalendarFeed {
  readonly url: string;
  /** The same address for calendar apps that subscribe on a click (Outlook, Apple Calendar). */
  readonly webcalUrl: string;
}

const EVERY_ROLE = ['officer', 'scrutiny', 'monitoring', 'admin', 'member'] as const;

/**
 * A person's due dates as an iCalendar feed. Calendar clients send no bearer token, so the address itself is the
 * secret: issued (or rotated) here and shown once, stored only as its SHA-256, revoked at will.
 */
@ApiTags('calendar')
@Controller()
export class CalendarFeedController {
  constructor(
    private readonly commands: CommandBus,
    private readonly aggregates: AggregateStore,
    private readonly clock: Clock,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('me/calendar-feed')
  @ApiBearerAuth()
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: 'Whether the signed-in person has a calendar feed address, and since when (never the address)' })
  @ApiOkResponse({ description: '{ issued, issuedAt }' })
  async status(@Caller() caller: Caller): Promise<CalendarFeedStatus> {
    const personId = signedInPersonOf(caller, 'see your calendar feed');
    const { state } = await this.aggregates.load(personDecider, streamIdFor('person', personId));
    if (!state.exists) throw personNotInDirectory(personId);
    return { issued: state.calendarFeed !== undefined, issuedAt: state.calendarFeed?.issuedAt ?? null };
  }

  @Post('me/calendar-feed')
  @Sends(['IssueCalendarFeed'])
  @ApiBearerAuth()
  @Roles(...EVERY_ROLE)
  @ApiOperation({
    summary:
      'Issues a new calendar feed address for the signed-in person, replacing any before it; the address is in this answer only (no Idempotency-Key: a stored answer would keep it)',
  })
  @ApiCreatedResponse({ description: '{ id, version, position, token, url, webcalUrl }' })
  async issue(@Caller() caller: Caller, @Req() req: HttpRequest): Promise<IssuedCalendarFeedAnswer> {
    const personId = signedInPersonOf(caller, 'get a calendar feed');
    const issued: IssuedCalendarFeed = await this.commands.execute(new IssueCalendarFeedCommand(personId, caller));
    return { ...issued, ...calendarFeedUrlsOf(consoleOriginOf(this.config, requestOriginOf(req)), issued.token) };
  }

  @Delete('me/calendar-feed')
  @Sends(['RevokeCalendarFeed'])
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: "Revokes the signed-in person's calendar feed address: it answers 404 from then on" })
  @ApiOkResponse({ type: CommandOutcome, description: '409 calendar-feed-not-issued when there is none' })
  revoke(@Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new RevokeCalendarFeedCommand(signedInPersonOf(caller, 'revoke your calendar feed'), caller));
  }

  @Get('calendar/:token.ics')
  @Public()
  @ApiOperation({
    summary:
      "The open actions of the posts the address's person holds now, one all-day event each on its due date (iCalendar); 404 for an address revoked, replaced or never issued",
    security: [],
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar' })
  async feed(@Param('token') token: string, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HeaderSink): Promise<string> {
    const owner = looksLikeCalendarToken(token) ? await feedOwnerOf(this.db, calendarTokenHash(token)) : undefined;
    if (!owner) throw notFound('calendar-feed-not-found', 'No calendar feed has this address: it may have been revoked or replaced');
    const entries = await feedEntriesOf(this.db, owner.personId);
    res.header('Content-Type', 'text/calendar; charset=utf-8');
    res.header('Cache-Control', 'private, no-cache');
    res.header('Referrer-Policy', 'no-referrer');
    return calendarFeedIcs(owner, entries, consoleOriginOf(this.config, requestOriginOf(req)), this.clock.now());
  }
}
