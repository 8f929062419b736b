import { kafkajsSasl, KafkaConfigError, loadKafkaConfig } from '../src/kafka-config.js';

describe('loadKafkaConfig', () => {
  it('is off (undefined) without KAFKA_BROKERS, or with only blanks in it', () => {
    expect(loadKafkaConfig({})).toBeUndefined();
    expect(loadKafkaConfig({ KAFKA_BROKERS: ' , ' })).toBeUndefined();
  });

  it('defaults the client id, topic prefix, TLS and SASL', () => {
    expect(loadKafkaConfig({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' })).toEqual({
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      clientId: 'actiontrail',
      topicPrefix: 'actiontrail.',
      ssl: false,
      sasl: undefined,
    });
  });

  it('reads TLS and each SASL mechanism, in kafkajs shape', () => {
    for (const mechanism of ['plain', 'scram-sha-256', 'scram-sha-512'] as const) {
      const config = loadKafkaConfig({
        KAFKA_BROKERS: 'b:9093',
        KAFKA_SSL: 'true',
        KAFKA_CLIENT_ID: 'at-prod',
        KAFKA_TOPIC_PREFIX: 'council.',
        KAFKA_SASL_MECHANISM: mechanism.toUpperCase(),
        KAFKA_SASL_USERNAME: 'relay',
        KAFKA_SASL_PASSWORD: 's3cret',
      });
      expect(config).toMatchObject({ ssl: true, clientId: 'at-prod', topicPrefix: 'council.' });
      expect(kafkajsSasl(config!)).toEqual({ mechanism, username: 'relay', password: 's3cret' });
    }
  });

  it('refuses an unknown mechanism, missing credentials and a bad KAFKA_SSL', () => {
    expect(() => loadKafkaConfig({ KAFKA_BROKERS: 'b:9092', KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(KafkaConfigError);
    expect(() => loadKafkaConfig({ KAFKA_BROKERS: 'b:9092', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' })).toThrow(
      'KAFKA_SASL_MECHANISM=plain needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
    );
    expect(() => loadKafkaConfig({ KAFKA_BROKERS: 'b:9092', KAFKA_SSL: 'maybe' })).toThrow('KAFKA_SSL must be true or false');
  });

  describe('SASL PLAIN without TLS', () => {
    const plainInClear = {
      KAFKA_BROKERS: 'b:9092',
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'relay',
      KAFKA_SASL_PASSWORD: 's3cret',
    };

    it('is refused outside development, naming the fix', () => {
      for (const nodeEnv of ['production', 'staging']) {
        expect(() => loadKafkaConfig({ ...plainInClear, NODE_ENV: nodeEnv })).toThrow(
          `KAFKA_SASL_MECHANISM=plain sends the password in clear: set KAFKA_SSL=true (refused without TLS when NODE_ENV=${nodeEnv})`,
        );
      }
    });

    it('is accepted with TLS in production, and without it in development and tests', () => {
      expect(loadKafkaConfig({ ...plainInClear, NODE_ENV: 'production', KAFKA_SSL: 'true' })).toMatchObject({
        ssl: true,
        sasl: { mechanism: 'plain' },
      });
      for (const nodeEnv of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }]) {
        expect(loadKafkaConfig({ ...plainInClear, ...nodeEnv })).toMatchObject({ ssl: false, sasl: { mechanism: 'plain' } });
      }
    });

    it('does not concern SCRAM, which never sends the password itself', () => {
      expect(loadKafkaConfig({ ...plainInClear, KAFKA_SASL_MECHANISM: 'scram-sha-512', NODE_ENV: 'production' })).toMatchObject({
        ssl: false,
      });
    });
  });
});
