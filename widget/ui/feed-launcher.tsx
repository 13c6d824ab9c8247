import { Component, createRef } from 'preact';
import { format, type Strings } from '../i18n/strings.ts';
import launcherCss from './feed-launcher.css?inline';
import { adopt, sheet } from './styles.ts';

const styles = sheet(launcherCss);

type Props = { unread: number; strings: Strings; onOpen: () => void };

/** The changelog button in the corner, with an unread badge; its name carries the count for screen readers. */
export class FeedLauncher extends Component<Props> {
  ref = createRef<HTMLButtonElement>();

  override componentDidMount() {
    adopt(this.ref.current as HTMLButtonElement, styles);
  }
  override render({ unread, strings, onOpen }: Props) {
    return (
      <button
        ref={this.ref}
        type="button"
        class="launcher"
        aria-label={unread ? `${strings.feed}, ${format(strings.unread, { n: unread })}` : strings.feed}
        onClick={onOpen}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6v-5a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1Z" />
        </svg>
        {unread > 0 && <span class="badge">{unread > 99 ? '99+' : unread}</span>}
      </button>
    );
  }
}
