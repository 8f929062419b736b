import type { CommandResult, ConsoleGateway, FieldProblem } from '../console-gateway.js';
import type { PostDetail } from '../staff-gateway.js';
import type { PageTools } from './scrutiny.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,9}$/;
const CURSOR = /^[A-Za-z0-9_-]{1,2000}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Values = Record<string, string>;

/** The directory's pages: posts and their holders, people, and the forms that change them. */
export async function directoryPages(gateway: ConsoleGateway, page: PageTools): Promise<boolean> {
  const { method, path } = page;
  const post = /^\/posts\/([^/]+)\/(holder|vacate)$/.exec(path);
  if (method === 'GET' || method === 'HEAD') {
    if (path === '/posts') return page.signedIn(() => postsPage(gateway, page));
    if (path === '/people') return page.signedIn(() => peoplePage(gateway, page));
    if (path === '/posts/new') return page.signedIn(() => newPostForm(gateway, page, {}, 200));
    if (path === '/people/new') return page.signedIn(() => newPersonForm(gateway, page, {}, 200));
    if (post) return page.signedIn(() => postForm(gateway, page, post[1] ?? '', post[2] as 'holder' | 'vacate', {}, 200));
  } else if (method === 'POST') {
    if (path === '/posts/new') return page.withForm((form) => page.signedIn(() => createPost(gateway, page, form)));
    if (path === '/people/new') return page.withForm((form) => page.signedIn(() => registerPerson(gateway, page, form)));
    if (post) {
      const [, postId = '', kind] = post;
      return page.withForm((form) => page.signedIn(() => changeHolder(gateway, page, postId, kind as 'holder' | 'vacate', form)));
    }
  }
  return false;
}

function afterOf(page: PageTools): string | undefined | false {
  const after = page.query.get('after');
  if (after === null) return undefined;
  return CURSOR.test(after) && after !== 'all' ? after : false;
}

async function postsPage(gateway: ConsoleGateway, page: PageTools): Promise<void> {
  const after = afterOf(page);
  if (after === false) return page.notFound();
  const caller = page.caller();
  const [list, manages] = await Promise.all([gateway.posts(caller, after), gateway.mayManageDirectory(caller)]);
  if (list.kind !== 'ok') return page.refused(list, 'see the posts');
  page.send(200, 'staff/posts', { title: 'Posts', list: list.value, manages, later: after !== undefined, flash: page.flash() });
}

async function peoplePage(gateway: ConsoleGateway, page: PageTools): Promise<void> {
  const after = afterOf(page);
  if (after === false) return page.notFound();
  const caller = page.caller();
  const [list, manages] = await Promise.all([gateway.people(caller, after), gateway.mayManageDirectory(caller)]);
  if (list.kind !== 'ok') return page.refused(list, 'see the people');
  page.send(200, 'staff/people', { title: 'People', list: list.value, manages, later: after !== undefined, flash: page.flash() });
}

function errorContext(errors: readonly FieldProblem[]): Record<string, unknown> {
  return {
    errors: errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
  };
}

async function mayManage(gateway: ConsoleGateway, page: PageTools, what: string): Promise<boolean> {
  if (await gateway.mayManageDirectory(page.caller())) return true;
  page.refused({ kind: 'forbidden', detail: 'Your roles do not allow it.' }, what);
  return false;
}

async function newPostForm(gateway: ConsoleGateway, page: PageTools, values: Values, status: number, errors: readonly FieldProblem[] = []) {
  if (!(await mayManage(gateway, page, 'create a post'))) return;
  page.send(status, 'staff/new-post', { title: 'Create a post', values, ...errorContext(errors) });
}

async function createPost(gateway: ConsoleGateway, page: PageTools, form: URLSearchParams): Promise<void> {
  const values = { title: form.get('title') ?? '', department: form.get('department') ?? '' };
  const errors: FieldProblem[] = [];
  if (values.title.trim() === '') errors.push({ field: 'title', message: 'Enter the title of the post' });
  else if (values.title.length > 300) errors.push({ field: 'title', message: 'Title must be 300 characters or fewer' });
  if (values.department.length > 200) errors.push({ field: 'department', message: 'Department must be 200 characters or fewer' });
  if (errors.length > 0) return newPostForm(gateway, page, values, 400, errors);
  const result = await gateway.createPost(page.caller(), { title: values.title.trim(), department: values.department.trim() || undefined });
  if (result.kind === 'done') {
    page.flash(`Post created: ${values.title.trim()}`);
    return page.redirect('/posts');
  }
  return answerFailure(result, page, 'create a post', (problems) => newPostForm(gateway, page, values, problems.status, problems.errors));
}

async function newPersonForm(
  gateway: ConsoleGateway,
  page: PageTools,
  values: Values,
  status: number,
  errors: readonly FieldProblem[] = [],
) {
  if (!(await mayManage(gateway, page, 'register a person'))) return;
  page.send(status, 'staff/new-person', { title: 'Register a person', values, ...errorContext(errors) });
}

async function registerPerson(gateway: ConsoleGateway, page: PageTools, form: URLSearchParams): Promise<void> {
  const values = {
    name: form.get('name') ?? '',
    email: (form.get('email') ?? '').trim(),
    identitySubject: (form.get('identitySubject') ?? '').trim(),
  };
  const errors: FieldProblem[] = [];
  if (values.name.trim() === '') errors.push({ field: 'name', message: 'Enter the full name' });
  else if (values.name.length > 200) errors.push({ field: 'name', message: 'Full name must be 200 characters or fewer' });
  if (values.email !== '' && (!EMAIL.test(values.email) || values.email.length > 254))
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (values.identitySubject.length > 256)
    errors.push({ field: 'identitySubject', message: 'Sign-in identity must be 256 characters or fewer' });
  if (errors.length > 0) return newPersonForm(gateway, page, values, 400, errors);
  const result = await gateway.registerPerson(page.caller(), {
    name: values.name.trim(),
    email: values.email || undefined,
    identitySubject: values.identitySubject || undefined,
  });
  if (result.kind === 'done') {
    page.flash(`Person registered: ${values.name.trim()}`);
    return page.redirect('/people');
  }
  return answerFailure(result, page, 'register a person', (problems) =>
    newPersonForm(gateway, page, values, problems.status, problems.errors),
  );
}

type PostFormKind = 'holder' | 'vacate';
const POST_FORMS = {
  holder: { title: 'Appoint a holder', what: 'appoint a holder to this post', done: 'Holder appointed' },
  vacate: { title: 'Vacate the post', what: 'vacate this post', done: 'Post vacated' },
} as const;

interface PostShown {
  readonly values?: Values;
  readonly version?: number | undefined;
  readonly errors?: readonly FieldProblem[];
  readonly stale?: boolean;
  readonly refusal?: string;
}

async function postForm(gateway: ConsoleGateway, page: PageTools, postId: string, kind: PostFormKind, shown: PostShown, status: number) {
  if (!UUID.test(postId)) return page.notFound();
  const caller = page.caller();
  const [found, allowed] = await Promise.all([gateway.post(caller, postId), gateway.mayManageDirectory(caller)]);
  if (found.kind !== 'ok') return page.refused(found, 'see this post');
  if (!allowed) return page.refused({ kind: 'forbidden', detail: 'Your roles do not allow it.' }, POST_FORMS[kind].what);
  let people: readonly { personId: string; name: string }[] = [];
  if (kind === 'holder') {
    const list = await gateway.people(caller, 'all');
    if (list.kind !== 'ok') return page.refused(list, 'see the people');
    people = list.value.items;
  }
  const post: PostDetail = { ...found.value, version: shown.version ?? found.value.version };
  page.send(status, 'staff/post-holder', {
    title: POST_FORMS[kind].title,
    kind,
    post,
    people,
    values: shown.values ?? {},
    stale: shown.stale,
    refusal: shown.refusal,
    ...errorContext(shown.errors ?? []),
  });
}

async function changeHolder(gateway: ConsoleGateway, page: PageTools, postId: string, kind: PostFormKind, form: URLSearchParams) {
  if (!UUID.test(postId)) return page.notFound();
  const values: Values = kind === 'holder' ? { personId: form.get('personId') ?? '' } : {};
  const versionText = form.get('version') ?? '';
  const version = VERSION.test(versionText) ? Number(versionText) : undefined;
  if (kind === 'holder' && !UUID.test(values['personId'] ?? '')) {
    const errors = [{ field: 'personId', message: 'Select the person to appoint' }];
    return postForm(gateway, page, postId, kind, { values, version, errors }, 400);
  }
  if (version === undefined) return postForm(gateway, page, postId, kind, { values, stale: true }, 409);
  const caller = page.caller();
  const result =
    kind === 'holder'
      ? await gateway.appointPostHolder(caller, postId, values['personId'] ?? '', version)
      : await gateway.vacatePost(caller, postId, version);
  if (result.kind === 'done') {
    page.flash(POST_FORMS[kind].done);
    return page.redirect('/posts');
  }
  if (result.kind === 'stale') return postForm(gateway, page, postId, kind, { values, stale: true }, 409);
  if (result.kind === 'refused') return postForm(gateway, page, postId, kind, { values, refusal: result.detail }, 409);
  return answerFailure(result, page, POST_FORMS[kind].what, (problems) =>
    postForm(gateway, page, postId, kind, { values, version, errors: problems.errors }, problems.status),
  );
}

/** What a command's failure shows: a refusal page, or the form again with the problems (400) or the domain's word (409). */
function answerFailure(
  result: Exclude<CommandResult, { kind: 'done' }>,
  page: PageTools,
  what: string,
  showForm: (problems: { status: number; errors: readonly FieldProblem[] }) => Promise<void>,
): Promise<void> | void {
  switch (result.kind) {
    case 'forbidden':
    case 'not-found':
      return page.refused(result, what);
    case 'invalid':
      return showForm({ status: 400, errors: result.errors });
    case 'refused':
      return showForm({ status: 409, errors: [{ field: 'form', message: result.detail }] });
    case 'stale':
      return showForm({ status: 409, errors: [{ field: 'form', message: 'This record changed since you opened the form; try again' }] });
  }
}
