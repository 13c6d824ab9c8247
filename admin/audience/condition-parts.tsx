import type { ComponentChildren } from 'preact';

/** The "✕" that removes condition n; plain rows and segment rows share it so both read the same to a screen reader. */
export function RemoveCondition({ n, onRemove }: { n: number; onRemove: () => void }) {
  return (
    <button
      type="button"
      class="button small ghost icon"
      aria-label={`Remove condition ${n}`}
      onClick={onRemove}
    >
      ✕
    </button>
  );
}

type PickProps = {
  id: string;
  /** The visually hidden name, e.g. "Operator 2". */
  label: string;
  value: string;
  options: readonly (readonly [value: string, label: string, ...rest: unknown[]])[];
  onPick: (value: string) => void;
  /** Options before the list, e.g. one for a value the list no longer holds. */
  children?: ComponentChildren;
};

/** A select with a visually hidden label: each control of a condition row is named with its number. */
export function ConditionPick({ id, label, value, options, onPick, children }: PickProps) {
  return (
    <>
      <label class="sr-only" for={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onPick(e.currentTarget.value)}>
        {children}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}
