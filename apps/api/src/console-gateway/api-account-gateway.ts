import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { defaultNotificationPreferences, personDecider, streamIdFor } from '#domain';
import type { SqlDatabase } from '#event-store';
import type { Account, CalendarFeedAddress, CommandResult, ConsoleCaller, EmailPreferences, Read } from '#console';
import type { AppConfig } from '#runtime';
import type { Caller } from '../platform/caller.js';
import { APP_CONFIG, SQL_DATABASE } from '../platform/index.js';
import { flattenValidationErrors } from '../platform/validation/validation.pipe.js';
import { CalendarFeedController } from '../features/person-settings/calendar-feed.controller.js';
import {
  IssueCalendarFeedCommand,
  RevokeCalendarFeedCommand,
  type IssuedCalendarFeed,
} from '../features/person-settings/calendar-feed.commands.js';
import { calendarFeedUrlsOf, consoleOriginOf } from '../features/person-settings/console-origin.js';
import { NotificationPreferencesController } from '../features/person-settings/notification-preferences.controller.js';
import { NotificationPreferencesDto } from '../features/person-settings/notification-preferences.dto.js';
import { SetNotificationPreferencesCommand } from '../features/person-settings/set-notification-preferences.command.js';
import { AggregateStore } from '../features/shared/aggregate-store.js';
import type { CommandOutcome } from '../features/shared/command-outcome.js';
import { ProjectionPositions } from '../read-models/projection-positions.js';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../read-models/projection-view.interceptor.js';
import { readModelTables } from '../read-models/read-model-tables.js';
import { RouteAccess } from './route-access.js';
import { actorOf, refusalOf, resultOfRefused } from './console-answers.js';

/** The account page over the api's commands, each behind its route's access rule. */
@Injectable()
export class ApiAccountGateway {
  constructor(
    private readonly commands: CommandBus,
    private readonly aggregates: AggregateStore,
    private readonly access: RouteAccess,
    private readonly positions: ProjectionPositions,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async account(caller: ConsoleCaller): Promise<Read<Account>> {
    const actor = actorOf(caller);
    const refusal = refusalOf(await this.access.decide(NotificationPreferencesController, 'mine', actor));
    if (refusal) return refusal;
    const [{ state, version }, { rows }] = await Promise.all([
      this.aggregates.load(personDecider, streamIdFor('person', actor.id)),
      this.db.query<{ title: string }>(`SELECT title FROM ${readModelTables.posts} WHERE holder_person_id = $1 ORDER BY title, post_id`, [
        actor.id,
      ]),
    ]);
    if (!state.exists) return { kind: 'not-found' };
    const chosen = state.notificationPreferences ?? defaultNotificationPreferences;
    return {
      kind: 'ok',
      value: {
        personId: state.personId,
        name: state.name,
        email: state.email,
        posts: rows.map((r) => r.title),
        preferences: { reminders: chosen.reminders, weeklyDigest: chosen.weeklyDigest },
        version,
        calendarFeedIssuedAt: state.calendarFeed?.issuedAt ?? null,
      },
    };
  }

  async setEmailPreferences(caller: ConsoleCaller, preferences: EmailPreferences, expectedVersion: number): Promise<CommandResult> {
    const actor = actorOf(caller);
    const refusal = refusalOf(await this.access.decide(NotificationPreferencesController, 'setMine', actor));
    if (refusal) return refusal;
    const body = plainToInstance(NotificationPreferencesDto, { ...preferences });
    const problems = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length > 0) return { kind: 'invalid', errors: flattenValidationErrors(problems) };
    return this.run(new SetNotificationPreferencesCommand(actor.id, body, expectedVersion, this.callerOf(caller)));
  }

  async issueCalendarFeed(caller: ConsoleCaller, requestOrigin: string): Promise<Read<CalendarFeedAddress>> {
    const actor = actorOf(caller);
    const refusal = refusalOf(await this.access.decide(CalendarFeedController, 'issue', actor));
    if (refusal) return refusal;
    let issued: IssuedCalendarFeed;
    try {
      issued = await this.commands.execute(new IssueCalendarFeedCommand(actor.id, this.callerOf(caller)));
    } catch (error) {
      const result = resultOfRefused(error);
      return result.kind === 'forbidden' ? result : { kind: 'not-found' };
    }
    await this.positions.waitFor(issued.position, READ_YOUR_WRITES_TIMEOUT_MS);
    return { kind: 'ok', value: calendarFeedUrlsOf(consoleOriginOf(this.config, requestOrigin), issued.token) };
  }

  async revokeCalendarFeed(caller: ConsoleCaller): Promise<CommandResult> {
    const actor = actorOf(caller);
    const refusal = refusalOf(await this.access.decide(CalendarFeedController, 'revoke', actor));
    if (refusal) return refusal;
    return this.run(new RevokeCalendarFeedCommand(actor.id, this.callerOf(caller)));
  }

  private async run(command: object): Promise<CommandResult> {
    let outcome: CommandOutcome;
    try {
      outcome = await this.commands.execute(command);
    } catch (error) {
      return resultOfRefused(error);
    }
    await this.positions.waitFor(outcome.position, READ_YOUR_WRITES_TIMEOUT_MS);
    return { kind: 'done', version: outcome.version };
  }

  private callerOf(caller: ConsoleCaller): Caller {
    return { actor: actorOf(caller), correlationId: caller.correlationId, requestId: caller.requestId };
  }
}
