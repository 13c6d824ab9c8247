import type { ComponentChildren } from 'preact';
import { Fieldset } from '../forms/field.tsx';
import { errorAt, type FieldErrors, fieldId } from '../forms/form-errors.ts';
import type { AudienceEditor } from './audience-editor.ts';
import { AudienceGroup, numbering } from './audience-group.tsx';
import type { SegmentChoice } from './segment-item.tsx';

type Props = {
  ed: AudienceEditor;
  /** The group's name, e.g. "Audience" or "Phase 2 audience"; the editor's controls are named after it. */
  legend: string;
  /** The path the server names the audience's problems by, e.g. `audience` or `phases.1.audience`. */
  path: string;
  errors: FieldErrors;
  hint: string;
  /** The site's saved segments the audience may include; none where a segment is being edited. */
  segments: readonly SegmentChoice[];
  /** What follows the editor inside the group (the estimate of who matches). */
  children?: ComponentChildren;
};

/**
 * An audience: rows of trait, operator and value and saved segments in all/any groups, or the raw JSON
 * condition for what the rows cannot show (the two round-trip), with the server's problem beside it.
 * Messages, release phases and segments all edit their audience with it.
 */
export function AudienceBox({ ed, legend, path, errors, hint, segments, children }: Props) {
  const root = ed.root.value;
  const json = ed.view.value === 'json' || !root;
  const jsonProblem = ed.jsonError.value;
  const serverError = errorAt(errors, path);
  const jsonId = `${fieldId(path)}-json`;
  const describedBy = jsonProblem
    ? `${jsonId}-error`
    : serverError
      ? `${fieldId(path)}-error`
      : `${jsonId}-hint`;
  return (
    <Fieldset legend={legend} path={path} errors={errors} hint={hint}>
      <fieldset class="switch">
        <legend class="sr-only">{legend} editor</legend>
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
        <AudienceGroup group={root} ed={ed} n={numbering(root)} segments={segments} top />
      ) : (
        <div class="field">
          <label for={jsonId}>{legend} as JSON</label>
          <textarea
            id={jsonId}
            class="mono"
            rows={6}
            spellcheck={false}
            value={ed.json.value}
            aria-invalid={jsonProblem || serverError ? 'true' : undefined}
            aria-describedby={describedBy}
            onInput={(e) => ed.setJson(e.currentTarget.value)}
          />
          <p id={`${jsonId}-hint`} class="hint">
            MongoDB-style conditions, e.g. {'{ "city": "Austin", "plan": { "$in": ["plus", "pro"] } }'};{' '}
            {'{ "$segment": "<id>" }'} is a saved segment. {'{}'} is everyone.
          </p>
          {jsonProblem && (
            <p id={`${jsonId}-error`} class="error">
              {jsonProblem}
            </p>
          )}
          {!root && !jsonProblem && (
            <p class="hint">This audience uses conditions the rows cannot show, so it is edited here.</p>
          )}
        </div>
      )}
      {children}
    </Fieldset>
  );
}
