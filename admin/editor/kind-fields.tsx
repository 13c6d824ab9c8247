import type { Display, MessageKind, SurveyScale } from '../../server/schema/message.ts';
import { field, fieldAs, type Lens, offWhenUnset } from '../forms/bind.ts';
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

/** A banner without an edge shows at the top. */
const topWhenUnset: Lens<'top' | 'bottom' | undefined, 'top' | 'bottom'> = {
  show: (v) => v ?? 'top',
  read: (v) => v,
};

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
        hint="For you and your team; users never see it."
        {...field(ed, 'name')}
      />
      <div class="row">
        <SelectField
          label="Kind"
          options={KINDS}
          {...field(ed, 'kind')}
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
            options={POSITIONS}
            {...fieldAs(ed, 'display.position', topWhenUnset)}
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
        <CheckField label="Ask for a comment after the rating" {...field(ed, 'survey.followUp')} />
      )}
      {anchored && (
        <>
          <div class="row">
            <TextField
              label="Anchor element (CSS selector)"
              placeholder="#reserve"
              {...field(ed, 'display.anchor')}
            />
            <SelectField label="Placement" options={PLACEMENTS} {...field(ed, 'display.placement')} />
          </div>
          <CheckField label="Open from a pulsing hotspot" {...fieldAs(ed, 'display.hotspot', offWhenUnset)} />
        </>
      )}
    </>
  );
}
