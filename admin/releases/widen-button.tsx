import { useState } from 'preact/hooks';
import type { Widening } from '../../server/schema/insights.ts';
import type { Release, RolloutAction } from '../../server/schema/release.ts';
import { useAdmin } from '../app/context.ts';
import { ConfirmButton } from '../forms/confirm-button.tsx';

const n = (x: number) => x.toLocaleString('en');

/** What the dialog says: the users the action newly reaches, by the server's count of known users. */
export function wideningText(w: Widening | null | 'error'): string {
  if (w === null) return 'Counting the known users it reaches…';
  if (w === 'error') return 'The estimate is not available; the action still follows the phase’s rule.';
  return (
    `This reaches about ${n(w.newlyReached)} more of the ${n(w.known)} known users ` +
    `(${n(w.reachedNow)} now, ${n(w.reachedAfter)} after): the phase’s audience × its percentage, ` +
    'less the holdout. Users the site has not seen yet are not counted.'
  );
}

/**
 * Start, Advance or Resume, which reach more people: the dialog asks first and says how many known users
 * the action newly reaches, counted by the server when it opens.
 */
export function WidenButton({
  r,
  action,
  label,
  onConfirm,
}: {
  r: Release;
  action: RolloutAction;
  label: string;
  onConfirm: () => void;
}) {
  const { api } = useAdmin();
  const [w, setW] = useState<Widening | null | 'error'>(null);
  const count = () => {
    setW(null);
    api.releases.widening(r.id, action).then(setW, () => setW('error'));
  };
  return (
    <ConfirmButton
      tone="widen"
      label={label}
      title={`${label}?`}
      message={<p role="status">{wideningText(w)}</p>}
      confirmLabel={`${label} now`}
      onOpen={count}
      onConfirm={onConfirm}
    />
  );
}
