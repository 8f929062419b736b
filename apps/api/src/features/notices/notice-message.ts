import type { NoticeKind } from '#domain';

/** What a notice says: everything the email names, resolved when it is put in the outbox. */
export type NoticeContent = {
  readonly kind: NoticeKind;
  readonly recipientName: string;
  readonly actionId: string;
  readonly ref: string;
  readonly title: string;
  readonly description?: string;
  readonly committeeName: string;
  readonly dueOn?: string;
  /** For an escalation: the post that owns the action, and how many days overdue it is. */
  readonly ownerPostTitle?: string;
  readonly daysOverdue?: number;
  /** For a chase: what the scrutiny officer wrote. */
  readonly chaseNote?: string;
};

export type RenderedMessage = { readonly subject: string; readonly text: string; readonly html: string };

const ukLongDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 2017-05-09 → 9 May 2017, as GOV.UK writes dates. */
export const ukLongDateOf = (date: string): string => ukLongDate.format(new Date(`${date}T12:00:00Z`));

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function headline(content: NoticeContent): { subject: string; lead: string } {
  const due = content.dueOn ? ukLongDateOf(content.dueOn) : undefined;
  const action = `action ${content.ref}`;
  switch (content.kind) {
    case 'reminder':
      return {
        subject: `Reminder: ${action} is due on ${due}`,
        lead: `This is a reminder that ${action} for ${content.committeeName} is due on ${due}.`,
      };
    case 'overdue':
      return {
        subject: `Overdue: ${action} was due on ${due}`,
        lead: `${capitalised(action)} for ${content.committeeName} was due on ${due} and is not complete. Please report progress or complete it.`,
      };
    case 'escalation':
      return {
        subject: `Escalation: ${action} is ${content.daysOverdue} days overdue`,
        lead: `${capitalised(action)} for ${content.committeeName}, owned by ${content.ownerPostTitle ?? 'another post'}, was due on ${due} and is ${content.daysOverdue} days overdue. ${content.committeeName} escalates overdue actions to you.`,
      };
    case 'chase':
      return {
        subject: `Chase: ${action} for ${content.committeeName}`,
        lead: `Scrutiny staff have chased ${action} for ${content.committeeName}${due ? `, due on ${due}` : ''}.`,
      };
    default: {
      const _exhaustive: never = content.kind;
      return _exhaustive;
    }
  }
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Plain text and simple, accessible HTML (one heading, paragraphs, a descriptive link; no images, no layout tables). */
export function renderNotice(content: NoticeContent, publicBaseUrl: string | undefined): RenderedMessage {
  const { subject, lead } = headline(content);
  const link = publicBaseUrl ? `${publicBaseUrl}/actions/${content.actionId}` : undefined;
  const words = [content.title, content.description].filter((part): part is string => Boolean(part));
  const text = [
    `Dear ${content.recipientName},`,
    '',
    lead,
    '',
    ...(content.chaseNote ? ['Their message:', content.chaseNote, ''] : []),
    `What ${content.committeeName} asked:`,
    ...words,
    '',
    ...(content.dueOn ? [`Due: ${ukLongDateOf(content.dueOn)}`] : []),
    ...(link ? [`View the action: ${link}`] : []),
    '',
    'This email was sent by Actiontrail for the council’s scrutiny team.',
  ].join('\n');
  const paragraph = (body: string) => `<p>${escapeHtml(body)}</p>`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.5;">',
    `<h1 style="font-size: 24px;">${escapeHtml(subject)}</h1>`,
    paragraph(`Dear ${content.recipientName},`),
    paragraph(lead),
    ...(content.chaseNote
      ? ['<h2 style="font-size: 19px;">Their message</h2>', `<blockquote>${paragraph(content.chaseNote)}</blockquote>`]
      : []),
    `<h2 style="font-size: 19px;">What ${escapeHtml(content.committeeName)} asked</h2>`,
    `<blockquote>${words.map(paragraph).join('')}</blockquote>`,
    ...(content.dueOn ? [paragraph(`Due: ${ukLongDateOf(content.dueOn)}`)] : []),
    ...(link ? [`<p><a href="${escapeHtml(link)}">View action ${escapeHtml(content.ref)} in Actiontrail</a></p>`] : []),
    paragraph('This email was sent by Actiontrail for the council’s scrutiny team.'),
    '</body>',
    '</html>',
  ].join('\n');
  return { subject, text, html };
}

export type DigestContent = {
  readonly recipientName: string;
  /** The Monday of the digest's week. */
  readonly weekOf: string;
  readonly actions: readonly {
    readonly actionId: string;
    readonly ref: string;
    readonly title: string;
    readonly committeeName: string;
    readonly dueOn?: string;
    readonly overdue: boolean;
  }[];
};

/** An officer's open actions, overdue ones first, each with its due date and a link. */
export function renderDigest(content: DigestContent, publicBaseUrl: string | undefined): RenderedMessage {
  const overdue = content.actions.filter((action) => action.overdue);
  const open = content.actions.filter((action) => !action.overdue);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const subject = `Your actions for the week of ${ukLongDateOf(content.weekOf)}: ${count(content.actions.length, 'open action')}, ${overdue.length} overdue`;
  const due = (action: DigestContent['actions'][number]) => (action.dueOn ? `due ${ukLongDateOf(action.dueOn)}` : 'no due date');
  const linkOf = (actionId: string) => (publicBaseUrl ? `${publicBaseUrl}/actions/${actionId}` : undefined);
  const textLines = (title: string, actions: DigestContent['actions']) =>
    actions.length === 0
      ? []
      : [
          title,
          ...actions.map((action) => {
            const link = linkOf(action.actionId);
            return `- ${action.ref}: ${action.title} (${action.committeeName}, ${due(action)})${link ? ` ${link}` : ''}`;
          }),
          '',
        ];
  const text = [
    `Dear ${content.recipientName},`,
    '',
    `You have ${count(content.actions.length, 'open action')}, ${overdue.length} of them overdue.`,
    '',
    ...textLines('Overdue:', overdue),
    ...textLines('Open:', open),
    'This email was sent by Actiontrail for the council’s scrutiny team.',
  ].join('\n');
  const htmlList = (title: string, actions: DigestContent['actions']) =>
    actions.length === 0
      ? []
      : [
          `<h2 style="font-size: 19px;">${escapeHtml(title)}</h2>`,
          '<ul>',
          ...actions.map((action) => {
            const link = linkOf(action.actionId);
            const name = `${action.ref}: ${action.title}`;
            const label = link ? `<a href="${escapeHtml(link)}">${escapeHtml(name)}</a>` : escapeHtml(name);
            return `<li>${label} (${escapeHtml(action.committeeName)}, ${escapeHtml(due(action))})</li>`;
          }),
          '</ul>',
        ];
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.5;">',
    `<h1 style="font-size: 24px;">${escapeHtml(subject)}</h1>`,
    `<p>${escapeHtml(`Dear ${content.recipientName},`)}</p>`,
    `<p>${escapeHtml(`You have ${count(content.actions.length, 'open action')}, ${overdue.length} of them overdue.`)}</p>`,
    ...htmlList('Overdue', overdue),
    ...htmlList('Open', open),
    '<p>This email was sent by Actiontrail for the council’s scrutiny team.</p>',
    '</body>',
    '</html>',
  ].join('\n');
  return { subject, text, html };
}
