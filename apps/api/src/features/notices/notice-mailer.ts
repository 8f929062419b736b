import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { OutboxNotice } from './notice-outbox.js';
import { NoticesSettings } from './notices-settings.js';

/** Hands notices to the council's SMTP server; resolves once the server has accepted the message (250). */
@Injectable()
export class NoticeMailer implements OnApplicationShutdown {
  private transport: Transporter | undefined;

  constructor(private readonly settings: NoticesSettings) {}

  private transportNow(): Transporter {
    const { config } = this.settings;
    this.transport ??= createTransport(
      {
        url: config.smtpUrl,
        // A server that does not answer must fail the attempt, to be retried, rather than hold the sender.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      { from: config.mailFrom },
    );
    return this.transport;
  }

  async send(notice: OutboxNotice): Promise<void> {
    await this.transportNow().sendMail({
      to: notice.recipientEmail,
      subject: notice.message.subject,
      text: notice.message.text,
      html: notice.message.html,
      // Lets a mail log or a receiving test tell a resend of the same notice from a new one.
      headers: { 'X-Actiontrail-Notice': notice.key },
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
