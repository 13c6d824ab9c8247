import type { AudienceEditor } from '../audience/audience-editor.ts';
import { AudienceGroup, numbering } from '../audience/audience-group.tsx';
import { Fieldset } from '../forms/field.tsx';
import type { FieldErrors } from '../forms/form-errors.ts';

type Props = { ed: AudienceEditor; n: number; path: string; errors: FieldErrors; id: string };

/**
 * Who a phase may reach: the admin's audience rows (trait, operator, value in all/any groups), or the
 * JSON condition for what the rows cannot show. The server's problem with it shows beside it.
 */
export function PhaseAudience({ ed, n, path, errors, id }: Props) {
  const root = ed.root.value;
  const json = ed.view.value === 'json' || !root;
  const jsonProblem = ed.jsonError.value;
  const jsonId = `${id}-json`;
  return (
    <Fieldset
      legend={`Phase ${n} audience`}
      path={path}
      errors={errors}
      hint="Who is eligible, by user traits. No conditions: everyone."
    >
      <fieldset class="switch">
        <legend class="sr-only">Phase {n} audience editor</legend>
        <button
          type="button"
          class="tab"
          aria-pressed={!json}
          disabled={!root || !!jsonProblem}
          onClick={() => ed.showRows()}
        >
          Rows
        </button>
        <button type="button" class="tab" aria-pressed={json} onClick={() => ed.showJson()}>
          JSON
        </button>
      </fieldset>
      {!json && root ? (
        <AudienceGroup group={root} ed={ed} n={numbering(root)} top />
      ) : (
        <div class="field">
          <label for={jsonId}>Phase {n} audience as JSON</label>
          <textarea
            id={jsonId}
            class="mono"
            rows={5}
            spellcheck={false}
            value={ed.json.value}
            aria-invalid={jsonProblem ? 'true' : undefined}
            aria-describedby={jsonProblem ? `${jsonId}-error` : undefined}
            onInput={(e) => ed.setJson(e.currentTarget.value)}
          />
          {jsonProblem && (
            <p id={`${jsonId}-error`} class="error">
              {jsonProblem}
            </p>
          )}
        </div>
      )}
    </Fieldset>
  );
}
