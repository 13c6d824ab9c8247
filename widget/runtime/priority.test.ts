import { describe, expect, it } from 'vitest';
import { message } from '../ui/test-kit.ts';
import { pickNext } from './priority.ts';

describe('pickNext', () => {
  it('picks the highest priority', () => {
    const low = message({ id: 'low', priority: 0 });
    const high = message({ id: 'high', priority: 5 });
    expect(pickNext([low, high])?.id).toBe('high');
  });

  it('keeps the server order among equal priorities', () => {
    const a = message({ id: 'a', priority: 1 });
    const b = message({ id: 'b', priority: 1 });
    expect(pickNext([a, b])?.id).toBe('a');
  });

  it('has nothing to pick from nothing', () => {
    expect(pickNext([])).toBeUndefined();
  });
});
