import type { Display, MessageKind, SurveyScale } from '../../server/schema/message.ts';
import { CheckField, SelectField, TextField } from '../forms/inputs.tsx';
import { withKind } from './message-draft.ts';
import type { MessageEditor } from './message-editor.ts';

const KINDS = [
  ['announcement', 'Announcement'],
  ['tooltip', 'Tooltip'],
  ['survey', 'Survey (feedback prompt)'],
] as const;
const STYLES = [
  ['modal', 'Modal'],
  ['slideout', 'Slide-out card'],
  ['banner', 'Banner'],
] as const;
const POSITIONS = [
  ['top', 'Top'],
  ['bottom', 'Bottom'],
] as const;
const PLACEMENTS = [
  ['bottom', 'Below'],
  ['top', 'Above'],
  ['left', 'Left'],
  ['right', 'Right'],
] as const;
const SCALES = [
  ['stars5', 'Five stars'],
  ['thumbs', 'Thumbs up or down'],
  ['emoji5', 'Five faces'],
  ['nps', 'NPS (0–10)'],
] as const;

type Anchored = Extract<Display, { anchor: string }>;
type Styled = Extract<Display, { style: string }>;

/** Name, kind, and what the kind needs: a style (and banner edge), an anchor, or a rating scale. */
export function KindFields({ ed }: { ed: MessageEditor }) {
  const d = ed.draft.value;
  const errors = ed.errors.value;
  const setDisplay = (display: Display) => ed.update((x) => ({ ...x, display }));
  const anchored = 'anchor' in d.display ? (d.display as Anchored) : null;
  const styled = 'style' in d.display ? (d.display as Styled) : null;
  return (
    <>
      <TextField
        label="Message name"
        path="name"
        hint="For you and your team; users never see it."
        errors={errors}
        value={d.name}
        onValue={(name) => ed.update((x) => ({ ...x, name }))}
      />
      <div class="row">
        <SelectField
          label="Kind"
          path="kind"
          errors={errors}
          options={KINDS}
          value={d.kind}
          onValue={(k: MessageKind) => ed.update((x) => withKind(x, k))}
        />
        {styled && (
          <SelectField
            label="Style"
            path="display"
            errors={errors}
            options={STYLES}
            value={styled.style}
            onValue={(style) => setDisplay(style === 'banner' ? { style, position: 'top' } : { style })}
          />
        )}
        {styled?.style === 'banner' && (
          <SelectField
            label="Banner edge"
            path="display.position"
            errors={errors}
            options={POSITIONS}
            value={styled.position ?? 'top'}
            onValue={(position) => setDisplay({ ...styled, position })}
          />
        )}
        {d.survey && (
          <SelectField
            label="Rating scale"
            path="survey"
            errors={errors}
            options={SCALES}
            value={d.survey.scale}
            onValue={(scale: SurveyScale) =>
              ed.update((x) => ({ ...x, survey: { followUp: false, ...x.survey, scale } }))
            }
          />
        )}
      </div>
      {d.survey && (
        <CheckField
          label="Ask for a comment after the rating"
          path="survey.followUp"
          errors={errors}
          value={d.survey.followUp}
          onValue={(followUp) =>
            ed.update((x) => ({ ...x, survey: { scale: 'stars5', ...x.survey, followUp } }))
          }
        />
      )}
      {anchored && (
        <>
          <div class="row">
            <TextField
              label="Anchor element (CSS selector)"
              path="display.anchor"
              placeholder="#reserve"
              errors={errors}
              value={anchored.anchor}
              onValue={(anchor) => setDisplay({ ...anchored, anchor })}
            />
            <SelectField
              label="Placement"
              path="display.placement"
              errors={errors}
              options={PLACEMENTS}
              value={anchored.placement}
              onValue={(placement) => setDisplay({ ...anchored, placement })}
            />
          </div>
          <CheckField
            label="Open from a pulsing hotspot"
            path="display.hotspot"
            errors={errors}
            value={anchored.hotspot ?? false}
            onValue={(hotspot) => setDisplay({ ...anchored, hotspot })}
          />
        </>
      )}
    </>
  );
}
