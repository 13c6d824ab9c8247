// Zipp, the demo product page: a tiny client-side router (pushState, so Herald sees SPA navigations),
// a user switcher that calls Herald.identify / Herald.reset, the product actions Herald cares about, and
// the "reserve ahead" feature itself behind its release, as a product would gate it.

type Herald = {
  identify(id: string, traits?: Record<string, unknown>): void;
  reset(): void;
  track(name: string, props?: Record<string, unknown>): void;
  openFeed(): void;
  on(event: 'ready', handler: () => void): void;
  // Only once the widget has loaded (the embed stub has neither):
  ready?(): Promise<void>;
  isEnabled?(releaseKey: string): boolean;
};
const herald = () => (window as unknown as { Herald: Herald }).Herald;

const BASE = '/demo';
const USERS: Record<string, Record<string, string>> = {
  u_austin_1: { name: 'Maya', city: 'Austin', plan: 'pro' },
  u_boston_1: { name: 'Theo', city: 'Boston', plan: 'plus' },
};
const RIDES = [
  ['Mon 9:12', 'South Congress → Zilker Park', '14 min', '$4.06'],
  ['Sat 18:40', 'East 6th → Rainey St', '9 min', '$2.61'],
  ['Thu 8:03', 'Hyde Park → UT Tower', '11 min', '$3.19'],
];

const $ = <T extends Element>(sel: string, root: ParentNode = document) => root.querySelector(sel) as T;

function page(path: string): string {
  const rest = path.startsWith(BASE) ? path.slice(BASE.length).replace(/\/$/, '') : path;
  return { '': 'home', '/reserve': 'reserve', '/rides': 'rides' }[rest] ?? 'missing';
}

function render(): void {
  const name = page(location.pathname);
  const view = $<HTMLElement>('#view');
  view.replaceChildren($<HTMLTemplateElement>(`#page-${name}`).content.cloneNode(true));
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    a.toggleAttribute('aria-current', page(a.pathname) === name);
  }
  document.title = `Zipp — ${name === 'home' ? 'scooters, two minutes away' : name}`;
  if (name === 'rides') loadRides();
  showReserveAhead();
}

/** Rides arrive "from the network" a moment later, like a real app's late content. */
function loadRides(): void {
  setTimeout(() => {
    const list = document.getElementById('rides');
    if (!list) return;
    list.replaceChildren(
      ...RIDES.map((cells) => {
        const li = document.createElement('li');
        li.append(
          ...cells.map((text) => Object.assign(document.createElement('span'), { textContent: text })),
        );
        return li;
      }),
    );
    $<HTMLElement>('#rides-status').textContent = `${RIDES.length} rides this month`;
  }, 600);
}

/**
 * Whether this user has "reserve ahead". The release decides, through Herald, so the feature and its
 * announcement always agree: the Austin pilot gets both, Boston neither. Off until Herald says.
 */
let reserveAhead = false;

/** Shows the pick-up choice on the reserve page when the feature is on, else the line that replaces it. */
function showReserveAhead(): void {
  document.getElementById('ahead-field')?.toggleAttribute('hidden', !reserveAhead);
  document.getElementById('ahead-off')?.toggleAttribute('hidden', reserveAhead);
}

/** Asks Herald again once its answer for the current user is in (after loading, `identify`, `reset`). */
function checkReserveAhead(): void {
  const h = herald();
  const check = () => {
    reserveAhead = herald().isEnabled?.('reserve-ahead') ?? false;
    showReserveAhead();
  };
  // Before the widget has loaded, `Herald` is the embed stub, which queues `on` until it has.
  if (h.ready) h.ready().then(check);
  else h.on('ready', check);
}

function go(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  render();
  $<HTMLElement>('#view').focus();
}

function signIn(id: string): void {
  localStorage.setItem('zipp.user', id);
  // The previous user's features and reservation go with them, until Herald has answered for the new one.
  reserveAhead = false;
  showReserveAhead();
  document.getElementById('confirmation')?.replaceChildren();
  // Switching users is a logout (new anonymous id, nothing remembered) followed by a login.
  herald().reset();
  const traits = USERS[id];
  if (traits) herald().identify(id, traits);
  checkReserveAhead();
}

document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const link = target?.closest<HTMLAnchorElement>('a[data-route]');
  const button = target?.closest<HTMLElement>('[data-go]');
  if (link && !e.metaKey && !e.ctrlKey) {
    e.preventDefault();
    go(link.pathname);
  } else if (button?.dataset.go) {
    go(button.dataset.go);
  } else if (target?.closest('#confirm')) {
    const scooter = $<HTMLInputElement>('input[name=scooter]:checked').value;
    const minutesAhead = reserveAhead ? Number($<HTMLSelectElement>('#ahead').value) : 0;
    herald().track('reservation_made', { scooter, minutesAhead });
    $<HTMLElement>('#confirmation').textContent = `Reserved ${scooter}. It will wait for you.`;
  } else if (target?.closest('#whats-new')) {
    herald().openFeed();
  }
});

addEventListener('popstate', render);

const select = $<HTMLSelectElement>('#user');
const saved = localStorage.getItem('zipp.user') ?? '';
select.value = USERS[saved] ? saved : '';
select.addEventListener('change', () => signIn(select.value));
if (USERS[saved]) herald().identify(saved, USERS[saved]);
checkReserveAhead();
render();
