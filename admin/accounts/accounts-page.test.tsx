import { describe, expect, it } from 'vitest';

import { button, byLabel, choose, click, renderAs, type } from '../test-kit.tsx';

const accounts = [
  { id: 'acc_admin', email: 'admin@example.com', role: 'admin' },
  { id: 'acc_2', email: 'pm@example.com', role: 'editor' },
];

describe('accounts', () => {
  it('creates an account and changes a role', async () => {
    const app = await renderAs('admin', '/accounts', {
      'GET /api/accounts': [200, { accounts }],
      'POST /api/accounts': (req) => [201, { id: 'acc_3', ...(req.body as object) }],
      'PATCH /api/accounts/acc_2': (req) => [200, { ...accounts[1], ...(req.body as object) }],
    });
    await type(byLabel(app.root, 'Email'), 'viewer@example.com');
    await type(byLabel(app.root, 'Password'), 'a long enough password');
    await choose(byLabel(app.root, 'Role'), 'viewer');
    await click(button(app.root, 'Create account'));
    expect(app.seen.find((r) => r.method === 'POST')?.body).toEqual({
      email: 'viewer@example.com',
      password: 'a long enough password',
      role: 'viewer',
    });
    await choose(byLabel(app.root, 'Role for pm@example.com'), 'viewer');
    await new Promise((r) => setTimeout(r, 0));
    const patch = app.seen.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ role: 'viewer' });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('shows a field problem from the server beside the field', async () => {
    const app = await renderAs('admin', '/accounts', {
      'GET /api/accounts': [200, { accounts }],
      'POST /api/accounts': [
        400,
        {
          error: {
            code: 'invalid_request',
            message: 'invalid',
            fields: { password: 'at least 12 characters' },
          },
        },
      ],
    });
    await click(button(app.root, 'Create account'));
    const password = byLabel(app.root, 'Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toContain('f-password-error');
  });

  it('is for admins only', async () => {
    const app = await renderAs('editor', '/accounts');
    expect(app.root.querySelector('h1')?.textContent).toBe('Admins only');
  });
});
