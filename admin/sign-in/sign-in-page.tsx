import { signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { field } from '../forms/bind.ts';
import { Alert } from '../forms/data-table.tsx';
import { handleSubmit } from '../forms/handle-submit.ts';
import { TextField } from '../forms/inputs.tsx';

/** Email and password; a wrong password or the rate limit is said in an alert above the form. */
export function SignInPage() {
  const { session } = useAdmin();
  // The credentials typed; the problems are the session's, which makes the sign-in request.
  const [draft] = useState(() => signal({ email: '', password: '' }));
  const form = { draft, errors: session.fields };
  usePageTitle('Sign in');
  return (
    <main id="main" class="sign-in">
      <form
        class="card sign-in-card"
        aria-labelledby="sign-in-title"
        onSubmit={handleSubmit(() => session.signIn(draft.value.email.trim(), draft.value.password))}
      >
        <p class="brand">Herald</p>
        <h1 id="sign-in-title">Sign in</h1>
        <Alert text={session.error.value} />
        <TextField label="Email" type="email" autocomplete="username" {...field(form, 'email')} />
        <TextField
          label="Password"
          type="password"
          autocomplete="current-password"
          {...field(form, 'password')}
        />
        <button
          type="submit"
          class="button primary wide"
          aria-busy={session.busy.value}
          disabled={session.busy.value}
        >
          Sign in
        </button>
      </form>
    </main>
  );
}
