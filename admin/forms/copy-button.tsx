import { useState } from 'preact/hooks';

/** A button that copies `text` to the clipboard and says so in a live region. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, say] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      say('Copied to the clipboard.');
    } catch {
      say('Could not copy; select the text and copy it by hand.');
    }
    setTimeout(() => say(''), 4000);
  };
  return (
    <span class="copy">
      <button type="button" class="button small" onClick={copy}>
        {label}
      </button>
      <span role="status" class="copy-status">
        {said}
      </span>
    </span>
  );
}
