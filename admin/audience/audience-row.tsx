import type { Row } from './audience.ts';
import type { AudienceEditor } from './audience-editor.ts';
import { ConditionPick, RemoveCondition } from './condition-parts.tsx';
import { OPERATORS, shapeOf, valueProblem } from './operators.ts';

const TYPES = [
  ['text', 'Text'],
  ['number', 'Number'],
  ['boolean', 'True or false'],
] as const;

/** One condition: trait, operator, value (and how to read the value), each control named with its number. */
export function AudienceRow({ row, n, ed }: { row: Row; n: number; ed: AudienceEditor }) {
  const id = `cond-${row.id}`;
  const shape = shapeOf(row.op);
  const problem = row.trait.trim() ? valueProblem(row.op, row.value, row.type) : null;
  /** A control's id and its visually hidden name with the row's number ("Operator 2"). */
  const control = (part: string, name: string) => ({ id: `${id}-${part}`, label: `${name} ${n}` });
  const set = (patch: Partial<Omit<Row, 'kind' | 'id'>>) => ed.updateRow(row.id, patch);
  const typed = shape === 'typed' || shape === 'list';
  const invalid = problem ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {};
  return (
    <div class="arow">
      <label class="sr-only" for={`${id}-trait`}>
        Trait {n}
      </label>
      <input
        id={`${id}-trait`}
        class="mono"
        placeholder="city"
        value={row.trait}
        onInput={(e) => set({ trait: e.currentTarget.value })}
      />
      <ConditionPick
        {...control('op', 'Operator')}
        value={row.op}
        options={OPERATORS}
        onPick={(op) => set({ op })}
      />
      {shape !== 'none' && (
        <>
          <label class="sr-only" for={`${id}-value`}>
            Value {n}
          </label>
          {typed && row.type === 'boolean' && shape === 'typed' ? (
            <select
              id={`${id}-value`}
              value={row.value === 'true' ? 'true' : 'false'}
              onChange={(e) => set({ value: e.currentTarget.value })}
            >
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <input
              id={`${id}-value`}
              placeholder={
                shape === 'list'
                  ? 'plus, pro'
                  : shape === 'string' && row.op.startsWith('$v')
                    ? '2.4.0'
                    : 'Austin'
              }
              value={row.value}
              {...invalid}
              onInput={(e) => set({ value: e.currentTarget.value })}
            />
          )}
        </>
      )}
      {typed && (
        <ConditionPick
          {...control('type', 'Type')}
          value={row.type}
          options={TYPES}
          onPick={(type) => set({ type })}
        />
      )}
      <RemoveCondition n={n} onRemove={() => ed.remove(row.id)} />
      {problem && (
        <p id={`${id}-error`} class="error">
          {problem}
        </p>
      )}
    </div>
  );
}
