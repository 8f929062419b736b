import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decisionDecider, streamIdFor, type DecisionCommand } from '#domain';
import type { AppConfig } from '#runtime';
import { APP_CONFIG } from '../../platform/index.js';
import { actorIdOf, type Caller } from '../../platform/caller.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import { DecisionMakerFactsLookup } from '../recommendations/decision-maker-facts.js';
import type { ConcludeCallInDto, PublishDecisionDto, ReconsiderDecisionDto, RequestCallInDto } from './decision-requests.dto.js';

/** One step in an executive decision's life after it was recorded, as the route received it. */
export type DecisionStep =
  | { readonly kind: 'publish'; readonly body: PublishDecisionDto }
  | { readonly kind: 'call-in'; readonly body: RequestCallInDto }
  | { readonly kind: 'conclude-call-in'; readonly body: ConcludeCallInDto }
  | { readonly kind: 'reconsider'; readonly body: ReconsiderDecisionDto };

export class DecisionStepCommand extends Command<CommandOutcome> {
  constructor(
    readonly decisionId: string,
    readonly step: DecisionStep,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(DecisionStepCommand)
export class DecisionStepHandler implements ICommandHandler<DecisionStepCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly decisionMakers: DecisionMakerFactsLookup,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ decisionId, step, expectedVersion, caller }: DecisionStepCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      decisionDecider,
      { id: decisionId, streamId: streamIdFor('decision', decisionId) },
      async (state, now): Promise<DecisionCommand> => {
        const stamp = { decisionId, by: actorIdOf(caller), now };
        switch (step.kind) {
          case 'publish': {
            const { callInClearWorkingDays, bankHolidayDivision } = this.config.council;
            const data = { ...stamp, publishedOn: step.body.publishedOn, callInClearWorkingDays, bankHolidays: bankHolidayDivision };
            return { type: 'PublishDecision', data };
          }
          case 'call-in':
            return { type: 'RequestCallIn', data: { ...stamp, members: step.body.members, reasons: step.body.reasons } };
          case 'conclude-call-in': {
            const { outcome, note, concludedOn } = step.body;
            return { type: 'ConcludeCallIn', data: { ...stamp, outcome, ...(note ? { note } : {}), concludedOn } };
          }
          case 'reconsider': {
            const { outcome, decision, reasons, decidedOn } = step.body;
            const facts = await this.decisionMakers.ofRecorded(state, caller, now);
            return {
              type: 'ReconsiderDecision',
              data: { ...stamp, outcome, ...(decision ? { decision } : {}), reasons, decidedOn, facts },
            };
          }
          default: {
            const _exhaustive: never = step;
            return _exhaustive;
          }
        }
      },
      { expectedVersion, caller },
    );
  }
}
