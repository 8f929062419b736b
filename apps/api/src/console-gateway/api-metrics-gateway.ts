import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '#domain';
import type { ActionFigures, CommandResult, ConsoleCaller, FiguresInput, MetricsGateway, Read } from '#console';
import { flattenValidationErrors } from '../platform/validation/validation.pipe.js';
import { GetActionQuery, type ActionView } from '../features/actions/action-view.query.js';
import { ActionsController } from '../features/actions/actions.controller.js';
import { GetActionFiguresQuery, type ActionFiguresSnapshot } from '../features/metric-snapshots/action-figures.query.js';
import { CollateMetricsCommand } from '../features/metric-snapshots/collate-metrics.command.js';
import { CollateMetricsDto } from '../features/metric-snapshots/collate-metrics.dto.js';
import { figuresAskedBy } from '../features/metric-snapshots/figures-asked.js';
import { MetricSnapshotsController } from '../features/metric-snapshots/metric-snapshots.controller.js';
import type { CommandOutcome } from '../features/shared/command-outcome.js';
import { isUuid } from '../features/shared/uuid.js';
import { RouteAccess } from './route-access.js';
import { ProjectionPositions } from '../read-models/projection-positions.js';
import { READ_YOUR_WRITES_TIMEOUT_MS } from '../read-models/projection-view.interceptor.js';
import { actorOf, refusalOf, resultOfRefused } from './console-answers.js';

/** The officer's figures: what an action asks for, what was recorded for it, and recording a snapshot (POST /metric-snapshots). */
@Injectable()
export class ApiMetricsGateway implements MetricsGateway {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly access: RouteAccess,
    private readonly positions: ProjectionPositions,
  ) {}

  async actionFigures(caller: ConsoleCaller, actionId: string): Promise<Read<ActionFigures>> {
    const actor = actorOf(caller);
    const refusal = refusalOf(await this.access.decide(ActionsController, 'get', actor));
    if (refusal) return refusal;
    if (!isUuid(actionId)) return { kind: 'not-found' };
    let view: ActionView;
    try {
      view = await this.queries.execute<GetActionQuery, ActionView>(new GetActionQuery(actionId));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not-found') return { kind: 'not-found' };
      throw error;
    }
    const [snapshots, mayRecord] = await Promise.all([
      this.queries.execute<GetActionFiguresQuery, ActionFiguresSnapshot[]>(new GetActionFiguresQuery(actionId)),
      this.access.decide(MetricSnapshotsController, 'collate', actor, actionId),
    ]);
    const titleAsks = figuresAskedBy(view.title);
    // "Collate the metrics" leaves the list to the resolution part; an action about something else asks for none.
    const asked = titleAsks.length > 0 || !/\b(?:metrics|figures)\b/i.test(view.title) ? titleAsks : figuresAskedBy(view.origin.partText);
    const order = (metric: string): number => {
      const at = asked.findIndex((a) => a.metric === metric);
      return at === -1 ? asked.length : at;
    };
    const labelOf = (metric: string): string => asked.find((a) => a.metric === metric)?.label ?? metric;
    return {
      kind: 'ok',
      value: {
        asked,
        recorded: snapshots.map((s) => ({
          ...s,
          values: [...s.values].sort((a, b) => order(a.metric) - order(b.metric)).map((v) => ({ ...v, label: labelOf(v.metric) })),
        })),
        mayRecord: mayRecord.kind === 'allow',
      },
    };
  }

  /** The route's access rule, then its DTO validation, then the command; answers once the read models show it. */
  async recordFigures(caller: ConsoleCaller, actionId: string, input: FiguresInput): Promise<CommandResult> {
    const actor = actorOf(caller);
    if (!isUuid(actionId)) return { kind: 'not-found' };
    const refusal = refusalOf(await this.access.decide(MetricSnapshotsController, 'collate', actor, actionId));
    if (refusal) return refusal;
    const { snapshotId, subject, asOf, source, values } = input;
    const body = plainToInstance(CollateMetricsDto, { id: snapshotId, subject, asOf, source, actionId, values });
    const problems = await validate(body, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (problems.length > 0) return { kind: 'invalid', errors: flattenValidationErrors(problems) };
    let outcome: CommandOutcome;
    try {
      outcome = await this.commands.execute(
        new CollateMetricsCommand(snapshotId, body, { actor, correlationId: caller.correlationId, requestId: caller.requestId }),
      );
    } catch (error) {
      // The form's snapshot is on record already: the form was sent before (another tab, a resubmission).
      if (error instanceof DomainError && error.code === 'metric-snapshot-already-collated') return { kind: 'stale', currentVersion: 1 };
      return resultOfRefused(error);
    }
    await this.positions.waitFor(outcome.position, READ_YOUR_WRITES_TIMEOUT_MS);
    return { kind: 'done', version: outcome.version };
  }
}
