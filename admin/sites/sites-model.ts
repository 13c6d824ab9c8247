import { computed, signal } from '@preact/signals';
import type { Site } from '../../server/schema/site.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { loadInto } from '../forms/form-errors.ts';
import { createFormModel } from '../forms/form-model.ts';

const REMEMBERED = 'herald.admin.site';

/**
 * The sites the account can see, the one being worked on (remembered across visits), and creating one.
 *
 * @example const sites = createSites(api); await sites.load(); sites.current.value?.name
 */
export function createSites(api: HeraldApi, storage: Pick<Storage, 'getItem' | 'setItem'> | null = null) {
  const list = signal<Site[] | null>(null);
  const error = signal<string | null>(null);
  const currentId = signal<string | null>(storage?.getItem(REMEMBERED) ?? null);
  /** The new site being typed, by the API's names, with its problems. */
  const newSite = createFormModel({ name: '' });

  return {
    list,
    error,
    currentId,
    /** The site being worked on: the remembered one if it still exists, else the first. */
    current: computed(() => {
      const sites = list.value ?? [];
      return sites.find((s) => s.id === currentId.value) ?? sites[0] ?? null;
    }),
    newSite,
    select(id: string) {
      if (currentId.value === id) return;
      currentId.value = id;
      storage?.setItem(REMEMBERED, id);
    },
    async load() {
      await loadInto(list, () => api.sites.list(), error);
    },
    /** Replaces one site in the list after it was saved elsewhere (settings page). */
    replace(site: Site) {
      list.value = (list.value ?? []).map((s) => (s.id === site.id ? site : s));
    },
    /** Creates the site typed in `newSite`; its form starts again empty once the site exists. */
    async create(): Promise<Site | null> {
      const name = newSite.draft.value.name.trim();
      const site = await newSite.submit(() => api.sites.create({ name }), { failed: 'Site not created' });
      if (!site) return null;
      list.value = [...(list.value ?? []), site];
      newSite.draft.value = { name: '' };
      return site;
    },
  };
}

export type SitesModel = ReturnType<typeof createSites>;
