import type { ShownMessage } from '../../server/schema/decide.ts';

/**
 * The message to interrupt the user with next: the highest `priority`, and among equals the first one
 * the server listed (its order is stable, so the choice is too).
 */
export function pickNext(waiting: readonly ShownMessage[]): ShownMessage | undefined {
  let best: ShownMessage | undefined;
  for (const m of waiting) if (!best || m.priority > best.priority) best = m;
  return best;
}
