import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { byLabel } from '../test-kit.tsx';
import { TextField } from './inputs.tsx';

function draw(errors: Record<string, string>) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(
    <TextField
      label="Button link"
      path="content.en.cta.url"
      hint="Where it goes"
      errors={errors}
      value=""
      onValue={() => {}}
    />,
    root,
  );
  return root;
}

describe('Field', () => {
  it('ties the error of its path to the control', () => {
    const root = draw({ 'content.en.cta.url': 'only http(s) and relative URLs are allowed' });
    const input = byLabel(root, 'Button link');
    expect(input.id).toBe('f-content-en-cta-url');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(
      'f-content-en-cta-url-hint f-content-en-cta-url-error',
    );
    expect(document.getElementById('f-content-en-cta-url-error')?.textContent).toBe(
      'only http(s) and relative URLs are allowed',
    );
  });

  it('shows a problem inside its path too, and nothing for other paths', () => {
    expect(byLabel(draw({ 'content.en.cta.url.0': 'bad' }), 'Button link').getAttribute('aria-invalid')).toBe(
      'true',
    );
    const input = byLabel(draw({ 'content.en.title': 'Too small' }), 'Button link');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe('f-content-en-cta-url-hint');
  });
});
