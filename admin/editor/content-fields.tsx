import type { LocalizedContentInput } from '../../server/schema/content.ts';
import { Fieldset } from '../forms/field.tsx';
import { type FieldErrors, fieldId } from '../forms/form-errors.ts';
import { SelectField, TextAreaField, TextField } from '../forms/inputs.tsx';
import { LocaleTabs } from './locale-tabs.tsx';
import { MarkdownToolbar } from './markdown-toolbar.tsx';
import type { MessageEditor } from './message-editor.ts';

/** Title (a survey's question), markdown body and call to action, per locale; and the fallback locale. */
export function ContentFields({ ed }: { ed: MessageEditor }) {
  const d = ed.draft.value;
  const errors = ed.errors.value;
  const locale = ed.locale.value;
  const c: LocalizedContentInput = d.content[locale] ?? { title: '', body: '' };
  const at = (k: string) => `content.${locale}.${k}`;
  const set = (patch: Partial<LocalizedContentInput>) =>
    ed.update((x) => ({ ...x, content: { ...x.content, [locale]: { ...c, ...patch } } }));
  const setCta = (patch: { label?: string; url?: string }) =>
    set({ cta: { label: c.cta?.label ?? '', url: c.cta?.url ?? '', ...patch } });
  const locales = Object.keys(d.content);
  // Only the problem with the content as a whole here; each field shows its own.
  const own: FieldErrors = errors.content ? { content: errors.content } : {};
  return (
    <Fieldset legend="Content" path="content" errors={own}>
      <LocaleTabs ed={ed} />
      <TextField
        label={d.kind === 'survey' ? 'Question' : 'Title'}
        path={at('title')}
        errors={errors}
        value={c.title}
        onValue={(title) => set({ title })}
      />
      <MarkdownToolbar forId={fieldId(at('body'))} onValue={(body) => set({ body })} />
      <TextAreaField
        label="Body"
        path={at('body')}
        hint="Markdown: **bold**, _italic_, [links](https://…), lists. No HTML."
        errors={errors}
        rows={6}
        value={c.body}
        onValue={(body) => set({ body })}
      />
      <div class="row">
        <TextField
          label="Button label"
          path={at('cta.label')}
          errors={errors}
          value={c.cta?.label ?? ''}
          onValue={(label) => setCta({ label })}
        />
        <TextField
          label="Button link"
          path={at('cta.url')}
          placeholder="/reserve or https://…"
          errors={errors}
          value={c.cta?.url ?? ''}
          onValue={(url) => setCta({ url })}
        />
      </div>
      {locales.length > 1 && (
        <SelectField
          label="Fallback locale"
          path="defaultLocale"
          hint="Shown to users whose language has no content."
          errors={errors}
          options={[['', 'The site’s default'], ...locales.map((l) => [l, l] as const)]}
          value={d.defaultLocale ?? ''}
          onValue={(v) => ed.update(({ defaultLocale: _, ...x }) => (v ? { ...x, defaultLocale: v } : x))}
        />
      )}
    </Fieldset>
  );
}
