import type { ConsoleGateway, FieldProblem } from '../console-gateway.js';
import { sendForm, submitVersioned, versionFor, type FormState } from './form-flow.js';
import type { PageTools } from './scrutiny.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE_DAYS = /^\d{1,9}$/;

/** Setting where a committee's overdue actions are escalated: the post whose holder is emailed, and after how many days. */
export async function escalationPages(gateway: ConsoleGateway, page: PageTools): Promise<boolean> {
  const match = /^\/committees\/([^/]+)\/escalation$/.exec(page.path);
  if (!match) return false;
  const committeeId = match[1] ?? '';
  const pages = new EscalationPages(gateway, page, committeeId);
  if (page.method === 'GET' || page.method === 'HEAD') return page.signedIn(() => pages.form());
  if (page.method === 'POST') return page.withForm((form) => page.signedIn(() => pages.submit(form)));
  return false;
}

class EscalationPages {
  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly page: PageTools,
    private readonly committeeId: string,
  ) {}

  async form(state?: FormState, status = 200): Promise<void> {
    if (!UUID.test(this.committeeId)) return this.page.notFound();
    const caller = this.page.caller();
    const found = await this.gateway.committee(caller, this.committeeId);
    if (found.kind !== 'ok') return this.page.refused(found, 'see this committee');
    if (!(await this.gateway.maySetEscalation(caller))) {
      return this.page.refused(
        { kind: 'forbidden', detail: "Your roles do not allow it: a committee's escalation is set by scrutiny staff." },
        'set the escalation',
      );
    }
    const posts = await this.gateway.postOptions(caller);
    if (posts.kind !== 'ok') return this.page.refused(posts, 'see the posts');
    const committee = found.value;
    const current = committee.escalation;
    const values = state?.values ?? {
      escalationPostId: current?.postId ?? '',
      afterDays: current ? String(current.afterDays) : '',
    };
    sendForm(
      this.page,
      status,
      'scrutiny/escalation-form',
      'Set the escalation',
      { ...state, values },
      {
        committee,
        posts: posts.value,
        maxDays: this.gateway.maxEscalationDays,
        version: versionFor(state, committee),
      },
    );
  }

  submit(form: URLSearchParams): Promise<void> {
    if (!UUID.test(this.committeeId)) return Promise.resolve(this.page.notFound());
    const values = { escalationPostId: form.get('escalationPostId') ?? '', afterDays: (form.get('afterDays') ?? '').trim() };
    const max = this.gateway.maxEscalationDays;
    const errors: FieldProblem[] = [];
    if (values.escalationPostId === '') errors.push({ field: 'escalationPostId', message: 'Select the post to escalate to' });
    if (values.afterDays === '') errors.push({ field: 'afterDays', message: 'Enter how many days overdue an action is escalated' });
    else if (!WHOLE_DAYS.test(values.afterDays) || Number(values.afterDays) < 1 || Number(values.afterDays) > max) {
      errors.push({ field: 'afterDays', message: `Days overdue must be a whole number from 1 to ${max}` });
    }
    return submitVersioned(this.page, {
      form,
      values,
      errors,
      show: (state, status) => this.form(state, status),
      run: (version) =>
        this.gateway.setEscalation(
          this.page.caller(),
          this.committeeId,
          { escalationPostId: values.escalationPostId, afterDays: Number(values.afterDays) },
          version,
        ),
      what: 'set the escalation',
      flash: 'Escalation set',
      location: `/committees/${this.committeeId}`,
    });
  }
}
