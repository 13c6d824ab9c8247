/** Wraps the selection of a textarea in markdown marks (or inserts a sample) and keeps it selected. */
function wrap(area: HTMLTextAreaElement, before: string, after: string, sample: string): string {
  const { selectionStart: s, selectionEnd: e, value } = area;
  const picked = value.slice(s, e) || sample;
  const next = value.slice(0, s) + before + picked + after + value.slice(e);
  queueMicrotask(() => {
    area.focus();
    area.setSelectionRange(s + before.length, s + before.length + picked.length);
  });
  return next;
}

const TOOLS: [label: string, before: string, after: string, sample: string][] = [
  ['Bold', '**', '**', 'bold text'],
  ['Italic', '_', '_', 'italic text'],
  ['Link', '[', '](https://)', 'link text'],
  ['List item', '\n- ', '', 'item'],
  ['Heading', '\n### ', '\n', 'Heading'],
];

/** Buttons that add markdown to the body field (`forId`); typing markdown by hand works as well. */
export function MarkdownToolbar({ forId, onValue }: { forId: string; onValue: (v: string) => void }) {
  return (
    <div class="md-toolbar" role="toolbar" aria-label="Formatting" aria-controls={forId}>
      {TOOLS.map(([label, before, after, sample]) => (
        <button
          key={label}
          type="button"
          class="button small ghost"
          onClick={() => {
            const area = document.getElementById(forId) as HTMLTextAreaElement | null;
            if (area) onValue(wrap(area, before, after, sample));
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
