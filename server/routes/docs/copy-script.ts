/**
 * The docs page's only script, served as /docs.js so that the page's CSP allows no inline script: it shows
 * each example's copy button and makes it copy the example's code. A button is a `<button>`, so keyboards
 * reach and press it; `#copy-status`, a live region, tells screen readers what happened, and the button
 * says "Copied" for a moment. Where the clipboard is refused (a page served over plain http is not a
 * secure context), the code is selected instead, so that Ctrl+C copies it.
 *
 * It reads nothing from this module: `/docs.js` is its source text, called at once.
 */
export function copyButtons(): void {
  const status = document.getElementById('copy-status');
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const code = document.getElementById(button.dataset.copy ?? '');
      if (!code || !status) return;
      const name = `the example "${button.closest('section')?.querySelector('h3')?.textContent ?? ''}"`;
      let said: string;
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        said = `Copied ${name} to the clipboard.`;
        button.textContent = 'Copied';
        setTimeout(() => {
          button.textContent = 'Copy';
        }, 2000);
      } catch {
        const range = document.createRange();
        range.selectNodeContents(code);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        said = `Could not reach the clipboard: ${name} is selected, press Ctrl+C to copy it.`;
      }
      // Emptied first, so that copying the same example twice is announced twice.
      status.textContent = '';
      setTimeout(() => {
        status.textContent = said;
      }, 50);
    });
  }
}

/**
 * `/docs.js`: `copyButtons` as the browser runs it. Its source is the function's text, so it declares no
 * named inner function: the TypeScript runners' `keepNames` would wrap one in a `__name` helper that
 * exists only on the server.
 */
export const COPY_SCRIPT = `(${copyButtons.toString()})();\n`;
