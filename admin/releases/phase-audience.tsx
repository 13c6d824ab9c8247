import { AudienceBox } from '../audience/audience-box.tsx';
import type { AudienceEditor } from '../audience/audience-editor.ts';
import type { SegmentChoice } from '../audience/segment-item.tsx';
import type { FieldErrors } from '../forms/form-errors.ts';

type Props = {
  ed: AudienceEditor;
  n: number;
  path: string;
  errors: FieldErrors;
  segments: readonly SegmentChoice[];
};

/**
 * Who a phase may reach: trait rows and saved segments in all/any groups, or the JSON condition for what
 * the rows cannot show. The server's problem with it shows beside it.
 */
export function PhaseAudience({ ed, n, path, errors, segments }: Props) {
  return (
    <AudienceBox
      ed={ed}
      legend={`Phase ${n} audience`}
      path={path}
      errors={errors}
      hint="Who is eligible, by user traits and saved segments. No conditions: everyone."
      segments={segments}
    />
  );
}
