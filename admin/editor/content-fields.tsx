import { emptyIsUnset, field, fieldAs } from '../forms/bind.ts';
import { Fieldset } from '../forms/field.tsx';
import { type FieldErrors, fieldId } from '../forms/form-errors.ts';
import { SelectField, TextAreaField, TextField } from '../forms/inputs.tsx';
import { LocaleTabs } from './locale-tabs.tsx';
import { MarkdownToolbar } from './markdown-toolbar.tsx';
import type { MessageEditor } from './message-editor.ts';

/** A call to action not started yet shows empty boxes; typing in one starts it. */
const blankWhenUnset = { show: (v: string | undefined) => v ?? '', read: (s: string) => s };

/** Title (a survey's question), markdown body and call to action, per locale; and the fallback locale. */
export function ContentFields({ ed }: { ed: MessageEditor }) {
  const d = ed.draft.value;
  const errors = ed.errors.value;
  const locale = ed.locale.value;
  const body = field(ed, `content.${locale}.body`);
  const locales = Object.keys(d.content);
  // Only the problem with the content as a whole here; each field shows its own.
  const own: FieldErrors = errors.content ? { content: errors.content } : {};
  return (
    <Fieldset legend="Content" path="content" errors={own}>
      <LocaleTabs ed={ed} />
      <TextField
        label={d.kind === 'survey' ? 'Question' : 'Title'}
        {...field(ed, `content.${locale}.title`)}
      />
      <MarkdownToolbar forId={fieldId(body.path)} onValue={body.onValue} />
      <TextAreaField
        label="Body"
        hint="Markdown: **bold**, _italic_, [links](https://…), lists. No HTML."
        rows={6}
        {...body}
      />
      <div class="row">
        <TextField label="Button label" {...fieldAs(ed, `content.${locale}.cta.label`, blankWhenUnset)} />
        <TextField
          label="Button link"
          placeholder="/reserve or https://…"
          {...fieldAs(ed, `content.${locale}.cta.url`, blankWhenUnset)}
        />
      </div>
      {locales.length > 1 && (
        <SelectField
          label="Fallback locale"
          hint="Shown to users whose language has no content."
          options={[['', 'The site’s default'], ...locales.map((l) => [l, l] as const)]}
          {...fieldAs(ed, 'defaultLocale', emptyIsUnset)}
        />
      )}
    </Fieldset>
  );
}
