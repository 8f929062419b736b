import { BadRequestException, HttpException, MethodNotAllowedException } from '@nestjs/common';
import { forbidden } from '#domain';
import { DuplicateEventIdError, InvalidAppendError, StoreUnavailableError } from '#event-store';
import { invalid, notFound } from '#domain';
import { problemFor } from '../../src/platform/problems/problem-mapping.js';
import { isStoreUnavailable } from '../../src/platform/problems/store-unavailable.js';

const plain = { conditional: false };

describe('problemFor', () => {
  it.each([
    [forbidden('occurred-at-past-by-officer', 'Only staff date the past'), 403, 'occurred-at-past-by-officer'],
    [new DuplicateEventIdError('e1'), 409, 'duplicate-event-id'],
    [new InvalidAppendError('bad data'), 422, 'invalid-event'],
    [new MethodNotAllowedException(), 405, 'method-not-allowed'],
    [new HttpException('slow down', 429), 429, 'too-many-requests'],
    [new BadRequestException('Validation failed (uuid is expected)'), 400, 'bad-request'],
    [new StoreUnavailableError(new Error('x')), 503, 'store-unavailable'],
    [new TypeError('x is undefined'), 500, 'internal'],
    ['a thrown string', 500, 'internal'],
  ])('maps %p to %i %s', (error, status, code) => {
    const { problem } = problemFor(error, plain);
    expect({ status: problem.status, code: problem.code }).toEqual({ status, code });
  });

  it('never passes an unexpected error message to the client', () => {
    const mapped = problemFor(new Error('relation "secret_table" does not exist'), plain);
    expect(mapped.unexpected).toBe(true);
    expect(mapped.problem.detail).not.toContain('secret');
  });
});

describe('problemFor, records that do not exist', () => {
  const id = '0b6f1c2e-8d4a-4f3b-9c1d-2e5f7a9b0c3d';
  const missing = notFound('resolution-not-found', 'gone', { resolutionId: id });

  it('is 404 when the path names the missing id (in any letter case)', () => {
    expect(problemFor(missing, { conditional: false, pathIds: [id.toUpperCase()] }).problem.status).toBe(404);
  });

  it('is 422 when the id came from elsewhere (a body field, a query parameter)', () => {
    expect(problemFor(missing, { conditional: false, pathIds: ['another'] }).problem.status).toBe(422);
    expect(problemFor(missing, plain).problem.status).toBe(422);
  });

  it('is 404 when the error names no id: it is about the resource asked for', () => {
    expect(problemFor(notFound('committee-not-found', 'gone'), plain).problem.status).toBe(404);
  });

  it('sends no details member when every detail is undefined', () => {
    const { problem } = problemFor(invalid('due-exactly-one', 'one', { dueDate: undefined, dueMeetingId: undefined }), plain);
    expect(problem.extensions).toBeUndefined();
  });
});

describe('isStoreUnavailable', () => {
  const withCode = (code: string) => Object.assign(new Error('db'), { code });

  it.each(['ECONNREFUSED', '57P01', '57P03', '08006', '53300'])('is true for %s', (code) => {
    expect(isStoreUnavailable(withCode(code))).toBe(true);
  });

  it('looks into causes and aggregate errors', () => {
    expect(isStoreUnavailable(new Error('wrapped', { cause: withCode('08001') }))).toBe(true);
    expect(isStoreUnavailable(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
    expect(isStoreUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('is true for a database closed to connections (55000, told apart by its message)', () => {
    const closed = Object.assign(new Error('database "actiontrail" is not currently accepting connections'), { code: '55000' });
    expect(isStoreUnavailable(closed)).toBe(true);
    expect(isStoreUnavailable(Object.assign(new Error('lastval is not yet defined in this session'), { code: '55000' }))).toBe(false);
  });

  it('is false for errors a request causes', () => {
    expect(isStoreUnavailable(withCode('23505'))).toBe(false);
    expect(isStoreUnavailable(new Error('boom'))).toBe(false);
  });
});
