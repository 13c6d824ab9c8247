import { useState } from 'preact/hooks';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { Alert } from '../forms/data-table.tsx';
import { TextField } from '../forms/inputs.tsx';

/** Email and password; a wrong password or the rate limit is said in an alert above the form. */
export function SignInPage() {
  const { session } = useAdmin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  usePageTitle('Sign in');
  const errors = session.fields.value;
  return (
    <main id="main" class="sign-in">
      <form
        class="card sign-in-card"
        aria-labelledby="sign-in-title"
        onSubmit={(e) => {
          e.preventDefault();
          void session.signIn(email.trim(), password);
        }}
      >
        <p class="brand">Herald</p>
        <h1 id="sign-in-title">Sign in</h1>
        <Alert text={session.error.value} />
        <TextField
          label="Email"
          path="email"
          type="email"
          autocomplete="username"
          errors={errors}
          value={email}
          onValue={setEmail}
        />
        <TextField
          label="Password"
          path="password"
          type="password"
          autocomplete="current-password"
          errors={errors}
          value={password}
          onValue={setPassword}
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
