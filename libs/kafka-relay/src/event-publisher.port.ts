/** One record for the broker: the relay builds these from stored events. */
export interface OutgoingMessage {
  readonly topic: string;
  /** The stream id: a broker keeps one key's records in order on one partition. */
  readonly key: string;
  /** The JSON envelope of the event. */
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Where the Kafka relay sends events. `publish` resolves only once the broker has acknowledged every message,
 * and rejects otherwise: the relay's checkpoint moves only when it resolves.
 */
export interface EventPublisher {
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /** Reaches the broker before the relay reads a batch, so an outage fails before any work is done. */
  connect?(): Promise<void>;
  close?(): Promise<void>;
}
