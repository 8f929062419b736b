import { decideAccess, type AccessRule, type Ownership } from '../../src/platform/auth/access-decision.js';
import type { Actor, Role } from '../../src/platform/request-context.js';

const person = (...roles: Role[]): Actor => ({ id: 'p1', name: 'Pat', roles });
const restricted = (roles: Role[], ownerOfAction = false): AccessRule => ({
  kind: 'restricted',
  roles,
  ownerOfAction: ownerOfAction ? { param: 'actionId' } : undefined,
});

function lookup(ownership: Ownership) {
  const calls: string[] = [];
  return {
    calls,
    fn: async (_rule: { param: string }, actor: Actor) => {
      calls.push(actor.id);
      return { actionId: 'a1', ownership };
    },
  };
}

describe('decideAccess', () => {
  it('lets anyone through a public route, with or without a token', async () => {
    expect(await decideAccess({ kind: 'public' }, undefined, lookup('holder').fn)).toEqual({ kind: 'allow' });
  });

  it('fails closed on a route that declares nothing', async () => {
    expect(await decideAccess({ kind: 'undeclared' }, person('admin'), lookup('holder').fn)).toMatchObject({ kind: 'forbidden' });
    expect(await decideAccess({ kind: 'undeclared' }, undefined, lookup('holder').fn)).toEqual({ kind: 'unauthenticated' });
  });

  it('asks for a token before looking at roles', async () => {
    expect(await decideAccess(restricted(['scrutiny']), undefined, lookup('holder').fn)).toEqual({ kind: 'unauthenticated' });
  });

  it('allows any one of the declared roles and refuses the others', async () => {
    expect(await decideAccess(restricted(['scrutiny', 'admin']), person('member', 'admin'), lookup('holder').fn)).toEqual({
      kind: 'allow',
    });
    expect(await decideAccess(restricted(['scrutiny', 'admin']), person('monitoring'), lookup('holder').fn)).toEqual({
      kind: 'forbidden',
      detail: 'Only scrutiny, admin may do this',
    });
  });

  it('allows an officer holding the owner post, without a lookup for those whose role suffices', async () => {
    const holder = lookup('holder');
    expect(await decideAccess(restricted(['scrutiny'], true), person('officer'), holder.fn)).toEqual({ kind: 'allow' });
    expect(await decideAccess(restricted(['scrutiny'], true), person('scrutiny'), holder.fn)).toEqual({ kind: 'allow' });
    expect(holder.calls).toEqual(['p1']);
  });

  it('refuses an officer not holding the owner post, and anyone else without a lookup', async () => {
    const notHolder = lookup('not-holder');
    expect(await decideAccess(restricted(['scrutiny'], true), person('officer'), notHolder.fn)).toEqual({
      kind: 'forbidden',
      detail: 'You do not hold the post that owns action a1',
    });
    expect(await decideAccess(restricted(['scrutiny'], true), person('member'), notHolder.fn)).toMatchObject({ kind: 'forbidden' });
    expect(notHolder.calls).toEqual(['p1']);
  });

  it('answers not-found for an officer naming an action that does not exist', async () => {
    expect(await decideAccess(restricted([], true), person('officer'), lookup('no-such-action').fn)).toEqual({
      kind: 'not-found',
      actionId: 'a1',
    });
  });
});
