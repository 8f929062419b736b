import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import type { OutboxNotice } from './notice-outbox.js';
import { NoticesSettings } from './notices-settings.js';

/** Hands notices to the council's SMTP server; resolves once the server has accepted the message (250). */
@Injectable()
export class NoticeMailer implements OnApplicationShutdown {
  private transport: Promise<Transporter> | undefined;

  constructor(private readonly settings: NoticesSettings) {}

  /** nodemailer is loaded with the first notice sent, so an api without SMTP settings never carries it. */
  private transportNow(): Promise<Transporter> {
    const { config } = this.settings;
    this.transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport(
        {
          url: config.smtpUrl,
          // A server that does not answer must fail the attempt, to be retried, rather than hold the sender.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        },
        { from: config.mailFrom },
      ),
    );
    return this.transport;
  }

  async send(notice: OutboxNotice): Promise<void> {
    const transport = await this.transportNow();
    await transport.sendMail({
      to: notice.recipientEmail,
      subject: notice.message.subject,
      text: notice.message.text,
      html: notice.message.html,
      // Lets a mail log or a receiving test tell a resend of the same notice from a new one.
      headers: { 'X-Actiontrail-Notice': notice.key },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    (await this.transport)?.close();
  }
}
