import { describe, expect, it } from 'vitest';
import table from '../../test/cases/message-changes.json';
import { type Message, MessageInput } from '../schema/message.ts';
import { applyMessageChange, type MessageChange } from './message-changes.ts';

type Case = {
  name: string;
  before: Partial<Message>;
  change: { kind: MessageChange['kind']; name?: string };
  expected?: Partial<Message>;
  refused?: string;
};

const CREATED = '2026-12-01T09:00:00.000Z';
const NOW = '2026-12-04T10:00:00.000Z';

function stored(fields: Partial<Message>): Message {
  const input = MessageInput.parse({
    kind: 'announcement',
    name: 'Reserve ahead',
    display: { style: 'banner' },
    content: { en: { title: 'Reserve ahead' } },
  });
  const compiled = { en: { title: 'Reserve ahead', body: [] } };
  const identity = { id: 'msg_1', siteId: 'site_1', version: 3, createdAt: CREATED, updatedAt: CREATED };
  return { ...input, ...identity, status: 'draft', publishedAt: null, compiled, ...fields };
}

/** A case's change: an edit renames the message (content and the rest as they were). */
function changeOf(c: Case, before: Message): MessageChange {
  if (c.change.kind !== 'edit') return { kind: c.change.kind };
  const { compiled, ...rest } = before;
  const input = MessageInput.parse({ ...MessageInput.strip().parse(rest), name: c.change.name });
  return { kind: 'edit', input, compiled };
}

describe('applyMessageChange', () => {
  it.each((table.cases as Case[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const before = stored(c.before);
    const outcome = applyMessageChange(before, changeOf(c, before), NOW);
    if (c.refused !== undefined) {
      expect(outcome).toEqual({ ok: false, reason: c.refused });
      return;
    }
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.message).toMatchObject({ updatedAt: NOW, ...c.expected });
    // The store counts versions; a change never does.
    expect(outcome.message.version).toBe(before.version);
  });
});
