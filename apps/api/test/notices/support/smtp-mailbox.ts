import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export type ReceivedMail = {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The notice's key, from the X-Actiontrail-Notice header. */
  readonly key: string;
};

export type MailboxOptions = {
  /** Runs when a message's data has arrived, before the server answers 250 (e.g. to kill the sender there). */
  readonly beforeAccepting?: (mail: ReceivedMail) => void | Promise<void>;
};

/** A real SMTP server on loopback that keeps what it receives; it can be stopped and started again on its port. */
export class SmtpMailbox {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  constructor(private readonly options: MailboxOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => void this.receive(stream, session, callback),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** The messages whose notice key starts with this prefix (an action id). */
  about(actionId: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.key.startsWith(`${actionId}/`));
  }

  private async receive(
    stream: SMTPServerDataStream,
    _session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): Promise<void> {
    try {
      const mail = mailOf(await simpleParser(stream));
      await this.options.beforeAccepting?.(mail);
      this.received.push(mail);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }
}

function mailOf(parsed: ParsedMail): ReceivedMail {
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  const key = parsed.headers.get('x-actiontrail-notice');
  return {
    to: to?.value[0]?.address ?? '',
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    key: typeof key === 'string' ? key : '',
  };
}
