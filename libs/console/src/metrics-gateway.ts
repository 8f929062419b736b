import type { CommandResult, ConsoleCaller, Read } from './console-gateway.js';

/** A metric an action asks for: its name in a snapshot, its words in the minutes, and its unit ("%", "number"). */
export interface AskedMetric {
  readonly metric: string;
  readonly label: string;
  readonly unit: string;
}

export interface RecordedFigures {
  readonly snapshotId: string;
  readonly subject: string;
  /** The calendar date the figures stand for. */
  readonly asOf: string;
  readonly source: string;
  readonly recordedAt: string;
  readonly values: readonly {
    readonly metric: string;
    readonly label: string;
    readonly value: number;
    readonly unit: string;
    readonly corrected: boolean;
  }[];
}

export interface ActionFigures {
  /** What the action asks for; empty when it asks for no figures. */
  readonly asked: readonly AskedMetric[];
  /** Oldest first. */
  readonly recorded: readonly RecordedFigures[];
  /** Whether the caller may record figures for it (the API's metric-snapshot route's rule). */
  readonly mayRecord: boolean;
}

export interface FiguresInput {
  /** Chosen when the form was shown, so a form sent twice records one snapshot. */
  readonly snapshotId: string;
  readonly subject: string;
  readonly asOf: string;
  readonly source: string;
  readonly values: readonly { readonly metric: string; readonly value: number; readonly unit: string }[];
}

/** What the officer's figures pages need: the figures an action asks for and has, and recording a snapshot. */
export interface MetricsGateway {
  actionFigures(caller: ConsoleCaller, actionId: string): Promise<Read<ActionFigures>>;
  /** A snapshot already recorded under the form's id answers stale. */
  recordFigures(caller: ConsoleCaller, actionId: string, input: FiguresInput): Promise<CommandResult>;
}
