import { BadRequestException, HttpException, MethodNotAllowedException } from '@nestjs/common';
import { forbidden } from '#domain';
import { DuplicateEventIdError, InvalidAppendError, StoreUnavailableError } from '#event-store';
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
