import { defaultNotificationPreferences, type NotificationPreferences } from '#domain';
import { loadAppConfig } from '#runtime';
import { NoticeComposer, type NoticeRequest } from '../../src/features/notices/notice-composer.js';
import { NoticePreferencesPort } from '../../src/features/notices/notice-preferences.js';
import type { PostHolder } from '../../src/features/notices/notice-read-model.js';
import { NoticesSettings } from '../../src/features/notices/notices-settings.js';

/** Preferences people chose, answered the way the read model answers them, and every read asked of it. */
class ChosenPreferences extends NoticePreferencesPort {
  readonly reads: string[][] = [];

  constructor(private readonly chosen: Readonly<Record<string, NotificationPreferences>>) {
    super();
  }

  async preferencesOf(personIds: readonly string[]): Promise<ReadonlyMap<string, NotificationPreferences>> {
    this.reads.push([...personIds]);
    return new Map(personIds.map((id) => [id, this.chosen[id] ?? defaultNotificationPreferences]));
  }
}

const notices = loadAppConfig({ SMTP_URL: 'smtp://mail.council.example:587', MAIL_FROM: 'Scrutiny <scrutiny@council.example>' }).notices;
const action = {
  actionId: 'a1',
  ref: 'TFG/1',
  title: 'Report on sickness absence',
  committeeId: 'c1',
  committeeName: 'Task and finish group',
  ownerPostId: 'p-hr',
};
const holder = (personId: string, email: string | null): PostHolder => ({
  postId: `post-of-${personId}`,
  postTitle: `Post of ${personId}`,
  personId,
  name: personId,
  email,
});
const notice = (kind: NoticeRequest['kind'], recipient: PostHolder): NoticeRequest => ({
  kind,
  action,
  recipient,
  dueOn: '2017-03-01',
  noticeOn: '2017-03-01',
  ...(kind === 'escalation' ? { ownerPostTitle: 'Head of HR', daysOverdue: 14 } : {}),
});

describe('composing a batch of notices', () => {
  it("reads the preferences of the reminders' and overdue notices' recipients once, and heeds them only for those", async () => {
    // Given Tony wants reminders, Sam does not, and Chris has no email address
    const preferences = new ChosenPreferences({ sam: { reminders: false, weeklyDigest: true } });
    const composer = new NoticeComposer(new NoticesSettings(notices), preferences);
    const [tony, sam, chris] = [holder('tony', 'tony@council.example'), holder('sam', 'sam@council.example'), holder('chris', null)];

    // When a reminder to each of them, an overdue notice to Sam and an escalation to Sam are composed together
    const composed = await composer.composeAll([
      notice('reminder', tony),
      notice('reminder', sam),
      notice('reminder', chris),
      notice('overdue', sam),
      notice('escalation', sam),
    ]);

    // Then one read asked about Tony and Sam, and only Sam's escalation went past their opting out
    expect(preferences.reads).toEqual([['tony', 'sam']]);
    expect(composed.map((c) => ('skipped' in c ? c.skipped : `${c.kind} to ${c.recipientPersonId}`))).toEqual([
      'reminder to tony',
      'opted-out',
      'no-email',
      'opted-out',
      'escalation to sam',
    ]);
  });
});
