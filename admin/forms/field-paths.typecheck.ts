/**
 * Checked by `npm run typecheck`, never run: a field bound by a path the draft does not have is a type
 * error. Each `@ts-expect-error` below must stay an error; if the binder stopped checking paths (or a
 * draft field were renamed back), the directive would be unused and typecheck would fail.
 */
import type { MessageInput } from '../../server/schema/message.ts';
import type { ReleaseDraft } from '../releases/release-draft.ts';
import type { SiteForm } from '../sites/site-settings-model.ts';
import { field, fieldAs, percent } from './bind.ts';
import { createFormModel } from './form-model.ts';

declare const release: ReleaseDraft;
declare const message: MessageInput;
declare const site: SiteForm;
const releaseForm = createFormModel(release);
const messageForm = createFormModel(message);
const siteForm = createFormModel<SiteForm | null>(site);

export const fine = [
  field(releaseForm, 'goal.event'),
  field(releaseForm, 'phases.0.percent'),
  fieldAs(releaseForm, 'guardrails.maxDismissRate', percent),
  field(messageForm, 'content.en.title'),
  field(messageForm, 'frequency.mode'),
  field(siteForm, 'allowedOrigins'),
];

// The drifts issue 12 found: the draft's name for a field is not a path of its own.
// @ts-expect-error: the goal event is `goal.event`, as the server names it
field(releaseForm, 'goalEvent');
// @ts-expect-error: allowed origins are `allowedOrigins`, as the server names them
field(siteForm, 'origins');
// A renamed or mistyped field anywhere on the path.
// @ts-expect-error: no such guardrail
field(releaseForm, 'guardrails.minResponse');
// @ts-expect-error: no such part of a message
field(messageForm, 'schedul.start');
// @ts-expect-error: a percentage lens on a text field
fieldAs(releaseForm, 'name', percent);

// The value an input gets has the field's type: a text box cannot be bound to a number.
// @ts-expect-error: the holdout is a number, not a string
export const holdout: string = field(releaseForm, 'holdoutPercent').value;
