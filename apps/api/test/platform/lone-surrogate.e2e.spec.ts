import { expectProblem, startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';

/**
 * JSON can spell half a UTF-16 pair ("\ud83d"); no UTF-8 text can hold it. Found by the resilience fuzzer:
 * an email with one made the email validator throw (500).
 */
describe('text that is not well-formed Unicode', () => {
  let f: FeatureApp;

  beforeAll(async () => {
    f = await startFeatureApp();
  });

  afterAll(async () => {
    await f?.close();
  });

  const post = (path: string, json: string) => f.http().post(`/api/v1${path}`).set('Content-Type', 'application/json').send(json);

  it.each([
    ['an email', '{"name":"Tony Fitzgerald","email":"x\\ud83d"}', 'email'],
    ['an email that is otherwise an address', '{"name":"Tony Fitzgerald","email":"tony\\udc00@luton.gov.uk"}', 'email'],
    ['a name (a low half alone)', '{"name":"Tony \\ude00"}', 'name'],
    ['a key', '{"name":"Tony","\\ud800":1}', '(body)'],
  ])('is refused with 400 in %s, naming the field', async (_what, json, field) => {
    const res = await post('/people', json);
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(await f.store.headPosition()).toBe(0);
  });

  it('accepts whole pairs (an emoji) as they are', async () => {
    const res = await post('/people', '{"name":"Tony \\ud83d\\ude00 Fitzgerald"}');
    expect(res.status).toBe(201);
  });
});
