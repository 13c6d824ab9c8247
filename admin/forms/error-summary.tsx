import type { FieldErrors } from './form-errors.ts';
import { fieldId } from './form-errors.ts';

/**
 * What went wrong with a save, announced at once (`role="alert"`), each field problem a link to its
 * field; the same problems also sit beside the fields themselves.
 */
export function ErrorSummary({ message, fields }: { message: string | null; fields: FieldErrors }) {
  const entries = Object.entries(fields);
  if (!message && entries.length === 0) return null;
  return (
    <div class="alert error-summary" role="alert">
      {message && <p>{message}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([path, problem]) => (
            <li key={path}>
              <a href={`#${fieldId(path)}`}>
                <code>{path}</code>: {problem}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A polite live region for save status ("Saving…", "Saved"), read out without moving focus. */
export function LiveStatus({ text, id }: { text: string; id?: string }) {
  return (
    <p id={id} class="live-status" role="status" aria-live="polite">
      {text}
    </p>
  );
}
