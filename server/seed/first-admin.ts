import type { Passwords } from '../deps.ts';
import type { IdMaker } from '../http/ids.ts';
import { randomToken } from '../http/web-crypto.ts';
import { type Account, AccountInput } from '../schema/account.ts';
import { publicAccount } from '../store/accounts-query.ts';
import type { Store } from '../store/store.ts';

export type FirstAdminDeps = {
  store: Store;
  passwords: Passwords;
  ids: IdMaker;
  now: Date;
  /** Where the generated password is shown, once (stdout in main.ts). */
  print: (text: string) => void;
};

/** `HERALD_ADMIN_EMAIL` and `HERALD_ADMIN_PASSWORD`, each possibly unset. */
export type FirstAdminEnv = { email?: string | undefined; password?: string | undefined };

function banner(email: string, password: string): string {
  const line = '='.repeat(72);
  return [
    line,
    '  Herald created the first admin account. The password is shown only this once:',
    '',
    `    email     ${email}`,
    `    password  ${password}`,
    '',
    '  Sign in at /admin and keep it somewhere safe, or set HERALD_ADMIN_EMAIL and',
    '  HERALD_ADMIN_PASSWORD before the first start to choose your own.',
    line,
  ].join('\n');
}

/**
 * On a database without accounts, creates the first admin: from the environment when given, else
 * `admin@localhost` with a generated password printed once. An invalid environment value throws, so a
 * typo stops the start instead of leaving a server no one can sign in to. Returns the account, or null
 * when accounts exist (also when another instance created one at the same moment).
 *
 * @example await seedFirstAdmin({ store, passwords, ids: randomId, now: new Date(), print: console.log }, env)
 */
export async function seedFirstAdmin(deps: FirstAdminDeps, env: FirstAdminEnv): Promise<Account | null> {
  if ((await deps.store.countAccounts()) > 0) return null;
  const generated = env.password ? null : randomToken().slice(0, 24);
  const parsed = AccountInput.safeParse({
    email: env.email || 'admin@localhost',
    password: env.password || generated,
    role: 'admin',
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`HERALD_ADMIN_EMAIL/HERALD_ADMIN_PASSWORD cannot make the first admin: ${problems}`);
  }
  const at = deps.now.toISOString();
  const account = {
    id: deps.ids('acct'),
    email: parsed.data.email,
    role: 'admin' as const,
    disabled: false,
    createdAt: at,
    updatedAt: at,
    passwordHash: await deps.passwords.hash(parsed.data.password),
  };
  if (!(await deps.store.createAccount(account))) return null;
  deps.print(
    generated === null
      ? `Created the first admin account, ${account.email}, from HERALD_ADMIN_EMAIL/HERALD_ADMIN_PASSWORD.`
      : banner(account.email, generated),
  );
  return publicAccount(account);
}
