import { useState } from 'preact/hooks';
import type { MessageEditor } from './message-editor.ts';

/** Which locale's content is being edited; add a locale (a copy to translate) or remove one. */
export function LocaleTabs({ ed }: { ed: MessageEditor }) {
  const [tag, setTag] = useState('');
  const [problem, setProblem] = useState('');
  const locales = Object.keys(ed.draft.value.content);
  const errors = Object.keys(ed.errors.value);
  const current = ed.locale.value;
  const add = () => {
    if (ed.addLocale(tag.trim())) {
      setTag('');
      setProblem('');
    } else setProblem('Use a language tag such as de or pt-BR that is not there yet.');
  };
  return (
    <div class="locales">
      <fieldset class="locale-tabs">
        <legend class="sr-only">Locale being edited</legend>
        {locales.map((l) => {
          const bad = errors.some((k) => k.startsWith(`content.${l}.`));
          return (
            <button
              key={l}
              type="button"
              class={bad ? 'tab has-error' : 'tab'}
              aria-pressed={l === current}
              onClick={() => {
                ed.locale.value = l;
              }}
            >
              {l}
              {bad && <span class="sr-only"> (has problems)</span>}
            </button>
          );
        })}
      </fieldset>
      <div class="add-locale">
        <label for="new-locale">New locale</label>
        <input
          id="new-locale"
          value={tag}
          placeholder="de"
          size={8}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'new-locale-error' : undefined}
          onInput={(e) => setTag(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="button small" onClick={add}>
          Add locale
        </button>
        {locales.length > 1 && (
          <button type="button" class="button small ghost" onClick={() => ed.removeLocale(current)}>
            Remove {current}
          </button>
        )}
        {problem && (
          <p id="new-locale-error" class="error">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}
