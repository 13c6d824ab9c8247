import { Component } from 'preact';
import type { SurveyScale } from '../../server/schema/message.ts';
import { format, type Strings } from '../i18n/strings.ts';
import { Content } from './content.tsx';
import { adopt, sheet } from './styles.ts';
import type { SurfaceProps } from './surface.ts';
import surveyCss from './survey.css?inline';

const styles = sheet(surveyCss);

const EMOJI = ['😞', '🙁', '😐', '🙂', '😄'];

/** A scale's choices as [value, what is shown, accessible name]; values as the events schema counts them. */
function choices(scale: SurveyScale, strings: Strings): [number, string, string][] {
  if (scale === 'thumbs') {
    return [
      [1, '👍', strings.up],
      [0, '👎', strings.down],
    ];
  }
  if (scale === 'emoji5') return EMOJI.map((shown, i) => [i + 1, shown, strings.emoji[i] ?? '']);
  const nps = scale === 'nps';
  const max = nps ? 10 : 5;
  // NPS counts from 0, stars from 1.
  return [...Array(max + 1).keys()]
    .slice(nps ? 0 : 1)
    .map((v) => [v, nps ? String(v) : '★', format(strings.of, { n: v, max })]);
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

// Stable ref callbacks, so each runs once, when its element appears.
/** Adopts the survey's sheet into the shadow root, when the title appears. */
const adoptStyles = (el: HTMLElement | null) => {
  if (el) adopt(el, styles);
};
/** Focuses the follow-up box when it appears. */
const focusOnMount = (el: HTMLElement | null) => el?.focus();

/** `value`: the rating chosen; `done`: the response is sent. A value not done waits for Submit. */
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
  timer?: ReturnType<typeof setTimeout>;

  /** Sends the response and thanks, from `from`: the choice or the form, which the thank-you replaces. */
  send(from: HTMLElement, value: number, text?: string) {
    const { message, actions } = this.props;
    if (text) actions.respond(message.id, value, text);
    else actions.respond(message.id, value);
    this.setState({ value, done: true });
    // Keyboard focus would go with the answered choice: the card keeps it instead.
    from.closest<HTMLElement>('.card')?.focus();
    this.timer = setTimeout(() => actions.dismiss(message.id), 4000);
  }
  /** A rating given without Submit is still sent. */
  override componentWillUnmount() {
    clearTimeout(this.timer);
    const { value, done } = this.state;
    if (value !== undefined && !done) this.props.actions.respond(this.props.message.id, value);
  }

  override render({ message, strings, id }: SurfaceProps, { value, done }: State) {
    const { scale, followUp } = message.survey ?? { scale: 'stars5' };
    const list = choices(scale, strings);
    // One Tab stop for the scale (roving tabindex): the chosen rating, else the first.
    const tabbable = value ?? list[0]?.[0];
    return (
      <>
        <h2 id={id} ref={adoptStyles}>
          {message.content.title}
        </h2>
        {!done && (
          <>
            <Content blocks={message.content.body} />
            <fieldset aria-labelledby={id} class={`scale ${scale}`} onKeyDown={(e) => arrows(e, message.rtl)}>
              {list.map(([v, shown, name]) => (
                <button
                  type="button"
                  class={scale === 'stars5' && v <= (value ?? 0) ? 'chosen' : undefined}
                  aria-label={name}
                  aria-pressed={v === value}
                  tabIndex={v === tabbable ? 0 : -1}
                  onClick={(e) => (followUp ? this.setState({ value: v }) : this.send(e.currentTarget, v))}
                >
                  {shown}
                </button>
              ))}
            </fieldset>
            {scale === 'nps' && (
              <div class="nps-ends">
                <span>{strings.low}</span>
                <span>{strings.high}</span>
              </div>
            )}
            {value !== undefined && followUp && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const box = e.currentTarget.querySelector('textarea');
                  this.send(e.currentTarget, value, box?.value.trim());
                }}
              >
                <label>
                  {strings.more}
                  <textarea ref={focusOnMount} maxLength={5000} />
                </label>
                <button type="submit" class="cta">
                  {strings.submit}
                </button>
              </form>
            )}
          </>
        )}
        <p role="status" aria-live="polite" class="thanks">
          {done ? strings.thanks : ''}
        </p>
      </>
    );
  }
}
