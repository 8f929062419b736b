import { projectInMemory } from '../src/engine/project-in-memory.js';
import { recordsProjection } from '../src/records/records.projection.js';
import { recordsTables as t, UPDATES_KEPT_ON_ACTION } from '../src/records/records.tables.js';
import { assign, recordsWorld } from './support/records-world.js';

describe("records projection: a chatty action's progress notes", () => {
  const chatty = (notes: number) => {
    const log = recordsWorld();
    assign(log, 'a-1');
    for (let n = 1; n <= notes; n++) {
      log.to('action', 'a-1', {
        type: 'ActionProgressReported',
        data: { actionId: 'a-1', note: `Note ${n}`, reportedAt: '2017-01-20T09:00:00Z' },
      });
    }
    return projectInMemory(recordsProjection, log.events);
  };

  it(`given more notes than ${UPDATES_KEPT_ON_ACTION}, then the action's row keeps only the latest ${UPDATES_KEPT_ON_ACTION} and counts them all`, () => {
    const row = chatty(50).get(t.actions.name, 'a-1');
    const updates = row?.updates as { note: string }[];
    expect(updates).toHaveLength(UPDATES_KEPT_ON_ACTION);
    expect(updates[0]?.note).toBe(`Note ${50 - UPDATES_KEPT_ON_ACTION + 1}`);
    expect(updates.at(-1)?.note).toBe('Note 50');
    expect(row).toMatchObject({ update_count: 50, latest_note: 'Note 50' });
  });

  it('given notes, then each is a row of its own table keyed by the action and its stream version', () => {
    const notes = chatty(50).all(t.actionUpdates.name);
    expect(notes).toHaveLength(50);
    expect(notes[0]).toEqual({
      update_id: 'a-1:2',
      action_id: 'a-1',
      version: 2,
      note: 'Note 1',
      rag: null,
      reported_at: '2017-01-20T09:00:00Z',
      reported_by: null,
    });
    expect(notes.at(-1)).toMatchObject({ version: 51, note: 'Note 50' });
  });
});
