/**
 * The admin page's entry: wires the API client, router and models, and renders the app. The only
 * place that touches `window` and `localStorage` directly, so everything else can be tested with fakes.
 */
import { render } from 'preact';
import { createClient } from './api/client.ts';
import { createHeraldApi } from './api/herald-api.ts';
import { App } from './app/app.tsx';
import { createAdmin } from './app/context.ts';
import { createRouter } from './app/router.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/widgets.css';

const root = document.getElementById('app');
if (root) {
  const admin = createAdmin(createHeraldApi(createClient()), createRouter('/admin'), localStorage);
  render(<App admin={admin} />, root);
}
