import { useEffect, useRef, useState } from 'preact/hooks';
import type { SurveyScale } from '../../server/schema/message.ts';
import { format, type Strings } from '../i18n/strings.ts';
import { Content } from './content.tsx';
import type { SurfaceProps } from './surface.ts';

const EMOJI = ['😞', '🙁', '😐', '🙂', '😄'];

/** A scale's choices as [value, what is shown, accessible name]; values as the events schema counts them. */
function choices(scale: SurveyScale, t: Strings): [number, string, string][] {
  if (scale === 'thumbs') {
    return [
      [1, '👍', t.up],
      [0, '👎', t.down],
    ];
  }
  const nps = scale === 'nps';
  return Array.from({ length: nps ? 11 : 5 }, (_, i) => {
    const v = nps ? i : i + 1;
    if (scale === 'emoji5') return [v, EMOJI[i] ?? '', t.emoji[i] ?? ''];
    return [v, nps ? String(v) : '★', format(t.of, { n: v, max: nps ? 10 : 5 })];
  });
}

/** Arrow keys move between the choices, wrapping, mirrored right to left. */
function arrows(e: KeyboardEvent, rtl: boolean) {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
  if (!step) return;
  e.preventDefault();
  const all = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
  const i = all.indexOf(e.target as HTMLButtonElement);
  const flip = rtl && e.key.length > 7; // ArrowLeft / ArrowRight, not Up / Down
  all[(i + (flip ? -step : step) + all.length) % all.length]?.focus();
}

/**
 * A feedback prompt: the question (the content title), a rating scale, an optional follow-up, then a
 * thank-you in a polite live region (present from the start, so screen readers announce the change).
 *
 * Without a follow-up a choice is sent at once. With one, the rating and the text go together as one
 * response on Submit, so a rating with a comment is counted once; a rating left without Submit is
 * still sent when the prompt goes away. After the thank-you the prompt closes itself.
 */
export function Survey({ m, t, a, id }: SurfaceProps) {
  const scale = m.survey?.scale ?? 'stars5';
  const [value, setValue] = useState<number>();
  const [done, setDone] = useState(false);
  const pending = useRef<number>(undefined);
  const text = useRef<HTMLTextAreaElement>(null);

  const send = (v: number, comment?: string) => {
    pending.current = undefined;
    a.respond(m.id, v, comment || undefined);
    setDone(true);
  };
  const pick = (v: number) => {
    setValue(v);
    if (m.survey?.followUp) pending.current = v;
    else send(v);
  };

  useEffect(() => () => pending.current !== undefined && a.respond(m.id, pending.current), []);
  useEffect(() => text.current?.focus(), [value === undefined]);
  useEffect(() => {
    if (!done) return undefined;
    const timer = setTimeout(() => a.dismiss(m.id), 4000);
    return () => clearTimeout(timer);
  }, [done]);

  const list = choices(scale, t);
  const tabbable = Math.max(
    0,
    list.findIndex(([v]) => v === value),
  );
  return (
    <>
      <h2 id={id}>{m.content.title}</h2>
      {!done && (
        <>
          <Content blocks={m.content.body} />
          <fieldset aria-labelledby={id} class={`sc ${scale}`} onKeyDown={(e) => arrows(e, m.rtl)}>
            {list.map(([v, shown, name], i) => (
              <button
                key={v}
                type="button"
                class={scale === 'stars5' && value !== undefined && v <= value ? 'on' : undefined}
                aria-label={name}
                aria-pressed={v === value}
                tabIndex={i === tabbable ? 0 : -1}
                onClick={() => pick(v)}
              >
                {shown}
              </button>
            ))}
          </fieldset>
          {scale === 'nps' && (
            <div class="nl">
              <span>{t.low}</span>
              <span>{t.high}</span>
            </div>
          )}
          {value !== undefined && m.survey?.followUp && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                send(value, text.current?.value.trim());
              }}
            >
              <label>
                {t.more}
                <textarea ref={text} maxLength={5000} />
              </label>
              <button type="submit" class="cta">
                {t.submit}
              </button>
            </form>
          )}
        </>
      )}
      <p role="status" aria-live="polite" class="ty">
        {done ? t.thanks : ''}
      </p>
    </>
  );
}
