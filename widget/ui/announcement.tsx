import { Content } from './content.tsx';
import type { SurfaceProps } from './surface.ts';

/** An announcement's body: title, content, and the call to action (the runtime records and navigates). */
export function Announcement({ message, actions, id }: SurfaceProps) {
  const { title, body, cta } = message.content;
  return (
    <>
      <h2 id={id}>{title}</h2>
      <Content blocks={body} />
      {cta && (
        <button type="button" class="cta" onClick={() => actions.click(message.id, cta.url)}>
          {cta.label}
        </button>
      )}
    </>
  );
}
