import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '#event-store';
import { ProblemException } from '../problems/problem.js';
import { SQL_DATABASE } from '#runtime';

export interface IdempotentRequest {
  /** Keys are per caller: two callers may pick the same key. */
  readonly scope: string;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly bodyHash: string;
}

export interface StoredAnswer {
  readonly status: number;
  /** The JSON text as first sent, or null for an empty body. */
  readonly body: string | null;
}

export type ClaimOutcome =
  { readonly kind: 'claimed'; readonly claimId: string } | { readonly kind: 'replay'; readonly answer: StoredAnswer };

/** A claim left behind by a process that died mid-request is given up after this long. */
const STALE_CLAIM_SECONDS = 60;

interface KeyRow {
  method: string;
  path: string;
  body_hash: string;
  state: 'in-progress' | 'completed';
  status: number | null;
  response_body: string | null;
}

@Injectable()
export class IdempotencyStore {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  /** Claims the key for this request, or answers what an earlier identical request got. */
  async claim(request: IdempotentRequest): Promise<ClaimOutcome> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimId = randomUUID();
      const { rows: claimed } = await this.db.query(
        `INSERT INTO idempotency_keys (scope, key, method, path, body_hash, state, claim_id)
         VALUES ($1, $2, $3, $4, $5, 'in-progress', $6)
         ON CONFLICT (scope, key) DO UPDATE
           SET method = EXCLUDED.method, path = EXCLUDED.path, body_hash = EXCLUDED.body_hash,
               claim_id = EXCLUDED.claim_id, created_at = now()
           WHERE idempotency_keys.state = 'in-progress'
             AND idempotency_keys.created_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})
         RETURNING claim_id`,
        [request.scope, request.key, request.method, request.path, request.bodyHash, claimId],
      );
      if (claimed.length > 0) return { kind: 'claimed', claimId };

      const { rows } = await this.db.query<KeyRow>(
        `SELECT method, path, body_hash, state, status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [request.scope, request.key],
      );
      const row = rows[0];
      if (!row) continue; // released by a failed first attempt in between: claim again
      if (row.method !== request.method || row.path !== request.path || row.body_hash !== request.bodyHash) {
        throw ProblemException.of(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request');
      }
      if (row.state === 'in-progress' || row.status === null) {
        throw ProblemException.of(
          409,
          'idempotency-in-progress',
          'A request with this Idempotency-Key is still being processed; retry shortly',
        );
      }
      return { kind: 'replay', answer: { status: Number(row.status), body: row.response_body } };
    }
    throw ProblemException.of(409, 'idempotency-in-progress', 'A request with this Idempotency-Key is being retried concurrently');
  }

  async complete(request: IdempotentRequest, claimId: string, answer: StoredAnswer): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET state = 'completed', status = $4, response_body = $5, completed_at = now()
       WHERE scope = $1 AND key = $2 AND claim_id = $3`,
      [request.scope, request.key, claimId, answer.status, answer.body],
    );
  }

  /** After a failure, so that a retry runs the request again. */
  async release(request: IdempotentRequest, claimId: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND claim_id = $3 AND state = 'in-progress'`, [
      request.scope,
      request.key,
      claimId,
    ]);
  }
}
