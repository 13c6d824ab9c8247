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

type PickProps<T extends string> = {
  id: string;
  /** The visually hidden name, e.g. "Operator 2". */
  label: string;
  value: T;
  options: readonly (readonly [value: T, label: string, ...rest: unknown[]])[];
  onPick: (value: T) => void;
  /** Options before the list, e.g. one for a value the list no longer holds. */
  children?: ComponentChildren;
};

/** A select with a visually hidden label: each control of a condition row is named with its number. */
export function ConditionPick<T extends string>({
  id,
  label,
  value,
  options,
  onPick,
  children,
}: PickProps<T>) {
  return (
    <>
      <label class="sr-only" for={id}>
        {label}
      </label>
      {/* The select offers only `options` (and `children`, for the value it holds), so what it picks is a T. */}
      <select id={id} value={value} onChange={(e) => onPick(e.currentTarget.value as T)}>
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
