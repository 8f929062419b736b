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
  /** Executive responses the recipient's decision maker's post owes, soonest due first. */
  readonly responses: readonly {
    readonly recommendationId: string;
    readonly reference: string;
    readonly text: string;
    readonly committeeName: string;
    readonly decisionMakerName: string;
    readonly responseDueOn: string;
    readonly overdue: boolean;
  }[];
};

type DigestLine = { readonly name: string; readonly about: string; readonly link: string | undefined };

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * An officer's open actions, overdue ones first, each with its due date and a link; then the executive responses
 * their post owes, each with its s.9FE due date.
 */
export function renderDigest(content: DigestContent, publicBaseUrl: string | undefined): RenderedMessage {
  const { actions, responses } = content;
  const overdue = actions.filter((action) => action.overdue);
  const open = actions.filter((action) => !action.overdue);
  const responsesOverdue = responses.filter((response) => response.overdue).length;
  const actionsSummary = `${count(actions.length, 'open action')}, ${overdue.length} overdue`;
  const responsesSummary = `${count(responses.length, 'executive response')} awaited, ${responsesOverdue} overdue`;
  const summaries = [
    ...(actions.length > 0 || responses.length === 0 ? [actionsSummary] : []),
    ...(responses.length > 0 ? [responsesSummary] : []),
  ];
  const subject = `Your actions for the week of ${ukLongDateOf(content.weekOf)}: ${summaries.join('; ')}`;
  const linkTo = (path: string) => (publicBaseUrl ? `${publicBaseUrl}${path}` : undefined);
  const actionLines = (list: DigestContent['actions']): DigestLine[] =>
    list.map((action) => ({
      name: `${action.ref}: ${action.title}`,
      about: `${action.committeeName}, ${action.dueOn ? `due ${ukLongDateOf(action.dueOn)}` : 'no due date'}`,
      link: linkTo(`/actions/${action.actionId}`),
    }));
  const responseLines: DigestLine[] = responses.map((response) => ({
    name: `${response.reference}: ${response.text}`,
    about: `${response.committeeName}, to ${response.decisionMakerName}, response due ${ukLongDateOf(response.responseDueOn)}${response.overdue ? ', overdue' : ''}`,
    link: linkTo(`/recommendations/${response.recommendationId}`),
  }));
  const sections: readonly (readonly [string, DigestLine[]])[] = [
    ['Overdue', actionLines(overdue)],
    ['Open', actionLines(open)],
    ['Executive responses due', responseLines],
  ];
  const intro = [
    ...(actions.length > 0 || responses.length === 0
      ? [`You have ${count(actions.length, 'open action')}, ${overdue.length} of them overdue.`]
      : []),
    ...(responses.length > 0
      ? [
          `Your post owes ${count(responses.length, 'executive response')} to scrutiny recommendations, ${responsesOverdue} of them overdue.`,
        ]
      : []),
  ];
  const text = [
    `Dear ${content.recipientName},`,
    '',
    ...intro.flatMap((line) => [line, '']),
    ...sections.flatMap(([title, lines]) =>
      lines.length === 0 ? [] : [`${title}:`, ...lines.map((l) => `- ${l.name} (${l.about})${l.link ? ` ${l.link}` : ''}`), ''],
    ),
    'This email was sent by Actiontrail for the council’s scrutiny team.',
  ].join('\n');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.5;">',
    `<h1 style="font-size: 24px;">${escapeHtml(subject)}</h1>`,
    `<p>${escapeHtml(`Dear ${content.recipientName},`)}</p>`,
    ...intro.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...sections.flatMap(([title, lines]) =>
      lines.length === 0
        ? []
        : [
            `<h2 style="font-size: 19px;">${escapeHtml(title)}</h2>`,
            '<ul>',
            ...lines.map((l) => {
              const label = l.link ? `<a href="${escapeHtml(l.link)}">${escapeHtml(l.name)}</a>` : escapeHtml(l.name);
              return `<li>${label} (${escapeHtml(l.about)})</li>`;
            }),
            '</ul>',
          ],
    ),
    '<p>This email was sent by Actiontrail for the council’s scrutiny team.</p>',
    '</body>',
    '</html>',
  ].join('\n');
  return { subject, text, html };
}
