import type { AudienceEstimate } from '../../server/schema/insights.ts';
import { Fieldset } from '../forms/field.tsx';
import { errorAt, type FieldErrors } from '../forms/form-errors.ts';
import type { AudienceEditor } from './audience-editor.ts';
import { AudienceGroup, numbering } from './audience-group.tsx';

type Props = { ed: AudienceEditor; errors: FieldErrors; estimate: AudienceEstimate | null };

/** The audience estimate in words, e.g. "58 of 240 known users match (24%)." */
export function estimateText(e: AudienceEstimate | null): string {
  if (!e) return '';
  if (e.known === 0) return 'No known users yet to estimate from.';
  const pct = Math.round((e.matching / e.known) * 100);
  // The audience matches more than the message reaches: its rollout or its release's phase holds them back.
  if (e.audience > e.matching)
    return `${e.matching} of ${e.known} known users would see it now (${pct}%); ${e.audience} match the audience, but its rollout or release does not reach the rest yet.`;
  return `${e.matching} of ${e.known} known users match (${pct}%).`;
}

/**
 * Who may see the message: rows of trait, operator and value in all/any groups, or the raw JSON
 * condition (which round-trips with the rows), and how many known users match.
 */
export function AudienceFields({ ed, errors, estimate }: Props) {
  const root = ed.root.value;
  const view = ed.view.value;
  const serverError = errorAt(errors, 'audience');
  const jsonProblem = ed.jsonError.value;
  return (
    <Fieldset
      legend="Audience"
      path="audience"
      errors={errors}
      hint="Who may see this message, by user traits."
    >
      <fieldset class="switch">
        <legend class="sr-only">Audience editor</legend>
        <button
          type="button"
          class="tab"
          aria-pressed={view === 'rows'}
          disabled={!root || !!jsonProblem}
          onClick={() => ed.showRows()}
        >
          Rows
        </button>
        <button type="button" class="tab" aria-pressed={view === 'json'} onClick={() => ed.showJson()}>
          JSON
        </button>
      </fieldset>
      {view === 'rows' && root ? (
        <AudienceGroup group={root} ed={ed} n={numbering(root)} top />
      ) : (
        <div class="field">
          <label for="audience-json">Audience as JSON</label>
          <textarea
            id="audience-json"
            class="mono"
            rows={8}
            spellcheck={false}
            value={ed.json.value}
            aria-invalid={jsonProblem || serverError ? 'true' : undefined}
            aria-describedby={
              jsonProblem ? 'audience-json-error' : serverError ? 'f-audience-error' : 'audience-json-hint'
            }
            onInput={(e) => ed.setJson(e.currentTarget.value)}
          />
          <p id="audience-json-hint" class="hint">
            MongoDB-style conditions, e.g. {'{ "city": "Austin", "plan": { "$in": ["plus", "pro"] } }'}.{' '}
            {'{}'} is everyone.
          </p>
          {jsonProblem && (
            <p id="audience-json-error" class="error">
              {jsonProblem}
            </p>
          )}
          {!root && !jsonProblem && (
            <p class="hint">This audience uses conditions the rows cannot show, so it is edited here.</p>
          )}
        </div>
      )}
      <p class="estimate" role="status">
        {estimateText(estimate)}
      </p>
    </Fieldset>
  );
}
