import type { NoticesConfig } from '#runtime';

/** The notices' configuration; notices are off (nothing is scheduled, read or sent) when SMTP_URL is unset. */
export class NoticesSettings {
  constructor(private readonly maybe: NoticesConfig | undefined) {}

  get enabled(): boolean {
    return this.maybe !== undefined;
  }

  /** Only the parts that run when notices are on ask for it. */
  get config(): NoticesConfig {
    if (!this.maybe) throw new Error('Email notices are off (SMTP_URL is unset)');
    return this.maybe;
  }
}
