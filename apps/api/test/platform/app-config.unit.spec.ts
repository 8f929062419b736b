import { ConfigError, loadAppConfig } from '#runtime';

describe('loadAppConfig', () => {
  it.each([
    ['CALL_IN_CLEAR_WORKING_DAYS', '31'],
    ['CALL_IN_CLEAR_WORKING_DAYS', '-1'],
    ['CALL_IN_CLEAR_WORKING_DAYS', 'five'],
    ['BANK_HOLIDAY_DIVISION', 'wales'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadAppConfig({ [name]: value })).toThrow(ConfigError);
  });

  it('has the documented defaults', () => {
    expect(loadAppConfig({})).toMatchObject({
      port: 3000,
      eventStore: 'embedded',
      dataDir: './data',
      databaseSchema: 'public',
      kafkaBrokers: [],
      publicActionLog: false,
      council: { callInClearWorkingDays: 5, bankHolidayDivision: 'england-and-wales' },
      nodeEnv: 'development',
      isProduction: false,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = loadAppConfig({
      PORT: '8080',
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgresql://db/at',
      DATABASE_SCHEMA: 'at_main',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      AUTH_JWKS_URL: 'https://idp/jwks',
      AUTH_ISSUER: 'https://idp',
      AUTH_AUDIENCE: 'actiontrail',
      PUBLIC_ACTION_LOG: 'true',
      CALL_IN_CLEAR_WORKING_DAYS: '3',
      BANK_HOLIDAY_DIVISION: 'scotland',
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      eventStore: 'postgres',
      databaseUrl: 'postgresql://db/at',
      databaseSchema: 'at_main',
      kafkaBrokers: ['k1:9092', 'k2:9092'],
      auth: { jwtSecret: undefined, jwksUrl: 'https://idp/jwks', issuer: 'https://idp', audience: 'actiontrail' },
      publicActionLog: true,
      council: { callInClearWorkingDays: 3, bankHolidayDivision: 'scotland' },
      isProduction: true,
      logLevel: 'debug',
    });
  });

  it.each([
    [{ EVENT_STORE: 'mongo' }, /EVENT_STORE must be one of embedded, postgres, kurrentdb/],
    [{ EVENT_STORE: 'postgres' }, /EVENT_STORE=postgres needs DATABASE_URL/],
    [{ EVENT_STORE: 'kurrentdb', DATABASE_URL: 'postgresql://db/at' }, /needs KURRENTDB_URL/],
    [{ PORT: 'eighty' }, /PORT must be an integer/],
    [{ PUBLIC_ACTION_LOG: 'maybe' }, /PUBLIC_ACTION_LOG must be true or false/],
    [{ DATABASE_SCHEMA: 'Robert"; DROP' }, /DATABASE_SCHEMA/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
  ])('rejects %j with a clear message', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(message);
  });
});
