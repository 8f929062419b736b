import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SqlDatabase } from '#event-store';
import { recordsTables } from '#projections';
import { SQL_DATABASE } from '#runtime';
import { RecentSubjects } from './recent-subjects.js';

const UNDEFINED_TABLE = '42P01';
export const SUBJECT_KEPT_MS = 5_000;
const SUBJECTS_KEPT = 10_000;

/**
 * Which person a token's subject (its AUTH_PERSON_CLAIM value) names. An identity provider whose subject is not
 * the person id (Entra ID's pairwise `sub`, its `oid`) is matched to the person registered with that
 * identitySubject; otherwise the value is taken as the person id itself, as embedded development tokens carry it.
 * Read from rm_people: a person registered a moment ago acts as themselves once the records projection has caught up
 * and the answer for their subject given before it (if any) is older than SUBJECT_KEPT_MS.
 */
@Injectable()
export class PersonResolver {
  private readonly logger = new Logger('Authentication');

  private readonly recent = new RecentSubjects(SUBJECT_KEPT_MS, SUBJECTS_KEPT);

  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async personIdFor(subject: string, nowMs: number = Date.now()): Promise<string> {
    const kept = this.recent.personIdFor(subject, nowMs);
    if (kept !== undefined) return kept;
    const personId = await this.personNamedBy(subject);
    this.recent.remember(subject, personId, nowMs);
    return personId;
  }

  private async personNamedBy(subject: string): Promise<string> {
    const people = await this.peopleWithSubject(subject);
    if (people.length === 1 && people[0]) return people[0];
    // Two people claiming one subject is a registration mistake: acting as either could be the wrong one.
    if (people.length > 1)
      this.logger.warn({
        message: `${people.length} people are registered with the same identity subject; the token acts as none of them`,
      });
    return subject;
  }

  private async peopleWithSubject(subject: string): Promise<string[]> {
    try {
      const { rows } = await this.db.query<{ person_id: string }>(
        `SELECT person_id FROM ${recordsTables.people.name} WHERE identity_subject = $1 LIMIT 2`,
        [subject],
      );
      return rows.map((row) => row.person_id);
    } catch (error) {
      // Before the projector has created the read models nobody can have registered a subject yet.
      if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return [];
      throw error;
    }
  }
}
