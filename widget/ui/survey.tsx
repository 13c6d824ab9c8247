import { Component, createRef } from 'preact';
import type { SurveyScale } from '../../server/schema/message.ts';
import { format, type Strings } from '../i18n/strings.ts';
import { Content } from './content.tsx';
import { adopt, sheet } from './styles.ts';
import type { SurfaceProps } from './surface.ts';

const styles = sheet(`.sc{display:flex;gap:6px;margin:12px 0;padding:0;border:0}
.sc button{min-width:44px;height:44px;border:1px solid var(--ln);border-radius:8px;font-size:20px}
.sc:not(.stars5) [aria-pressed=true]{background:var(--br);color:#fff}
.stars5 button{min-width:0;border:0;font-size:30px;color:var(--ln)}
.stars5:hover button,.stars5 .on{color:#f59e0b}
.stars5 button:hover~button{color:var(--ln)}
.nps{gap:3px}
.nps button{flex:1;min-width:0;font-size:14px}
.nl{display:flex;justify-content:space-between;font-size:12px;color:var(--mu)}
label{font-size:13px;color:var(--mu)}
textarea{display:block;width:100%;height:76px;margin:4px 0 8px;font:inherit;color:var(--fg);background:none;border:1px solid var(--ln);border-radius:8px}
.ty{margin:0;font-weight:600}`);

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

/** Focuses the follow-up box when it appears (a stable ref callback runs once per element). */
const focusOnMount = (el: HTMLTextAreaElement | null) => el?.focus();

type State = { value?: number; done?: boolean };

/**
 * A feedback prompt: the question (the content title), a rating scale, an optional follow-up, then a
 * thank-you in a polite live region (present from the start, so screen readers announce the change).
 *
 * Without a follow-up a choice is sent at once. With one, the rating and the text go together as one
 * response on Submit, so a rating with a comment is counted once; a rating left without Submit is
 * still sent when the prompt goes away. Four seconds after the thank-you the prompt closes itself.
 */
export class Survey extends Component<SurfaceProps, State> {
  /** A rating chosen but not sent yet (waiting for the follow-up). */
  pending?: number;
  timer?: ReturnType<typeof setTimeout>;
  title = createRef<HTMLHeadingElement>();

  send(value: number, text?: string) {
    const { m, a } = this.props;
    this.pending = undefined;
    if (text) a.respond(m.id, value, text);
    else a.respond(m.id, value);
    this.setState({ done: true });
    this.timer = setTimeout(() => a.dismiss(m.id), 4000);
  }
  pick(value: number) {
    this.setState({ value });
    if (this.props.m.survey?.followUp) this.pending = value;
    else this.send(value);
  }
  override componentDidMount() {
    adopt(this.title.current as HTMLElement, styles);
  }
  /** The answered choice is gone from the page: keep keyboard focus in the card instead of losing it. */
  override componentDidUpdate(_: SurfaceProps, was: State) {
    const title = this.title.current;
    const root = title?.getRootNode() as ShadowRoot | undefined;
    if (this.state.done && !was.done && !root?.activeElement) title?.parentElement?.focus();
  }
  override componentWillUnmount() {
    clearTimeout(this.timer);
    if (this.pending !== undefined) this.props.a.respond(this.props.m.id, this.pending);
  }

  override render({ m, t, id }: SurfaceProps, { value, done }: State) {
    const scale = m.survey?.scale ?? 'stars5';
    const list = choices(scale, t);
    const tabbable = Math.max(
      0,
      list.findIndex(([v]) => v === value),
    );
    return (
      <>
        <h2 id={id} ref={this.title}>
          {m.content.title}
        </h2>
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
                  onClick={() => this.pick(v)}
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
                  const box = e.currentTarget.querySelector('textarea');
                  this.send(value, box?.value.trim());
                }}
              >
                <label>
                  {t.more}
                  <textarea ref={focusOnMount} maxLength={5000} />
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
}
