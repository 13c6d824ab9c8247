import { beforeAll, describe, it } from 'vitest';
import { browserEnv } from '../support/browser.ts';
import { announcement, inAustin, onEvent } from '../support/browser-server.ts';

const THANKS = 'Your first ride is on us';

describe('an event-triggered message', () => {
  const env = browserEnv({ site: 'Triggers' });

  beforeAll(async () => {
    const copy = { title: THANKS, body: 'Unlock any scooter: the first 10 minutes are free.' };
    await env.publish(announcement({ style: 'modal' }, copy, { trigger: onEvent('signed_up') }));
    // A page that reports what just happened as it loads: through the stub, before the widget is there.
    env.host.file('/signed-up.js', "Herald.track('signed_up', { plan: 'pro' });");
    env.page('/app/*', {
      body: '<main><h1>Welcome to Zipp</h1></main>',
      scripts: ['/signed-up.js'],
      user: inAustin('u_new'),
    });
  });

  it('shows for a Herald.track call the page made before the widget had loaded', async () => {
    const { page } = await env.visit('/app/welcome');
    await page.getByRole('dialog', { name: THANKS }).waitFor({ state: 'visible', timeout: 30_000 });
  });
});
