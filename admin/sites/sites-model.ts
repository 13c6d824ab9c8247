import { computed, signal } from '@preact/signals';
import type { Site } from '../../server/schema/site.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { type FieldErrors, problemOf } from '../forms/form-errors.ts';

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
  const createErrors = signal<FieldErrors>({});
  const createProblem = signal<string | null>(null);
  const creating = signal(false);

  return {
    list,
    error,
    currentId,
    /** The site being worked on: the remembered one if it still exists, else the first. */
    current: computed(() => {
      const sites = list.value ?? [];
      return sites.find((s) => s.id === currentId.value) ?? sites[0] ?? null;
    }),
    createErrors,
    createProblem,
    creating,
    select(id: string) {
      if (currentId.value === id) return;
      currentId.value = id;
      storage?.setItem(REMEMBERED, id);
    },
    async load() {
      try {
        list.value = await api.sites.list();
        error.value = null;
      } catch (e) {
        error.value = problemOf(e).message;
      }
    },
    /** Replaces one site in the list after it was saved elsewhere (settings page). */
    replace(site: Site) {
      list.value = (list.value ?? []).map((s) => (s.id === site.id ? site : s));
    },
    async create(name: string): Promise<Site | null> {
      creating.value = true;
      try {
        const site = await api.sites.create({ name });
        list.value = [...(list.value ?? []), site];
        createErrors.value = {};
        createProblem.value = null;
        return site;
      } catch (e) {
        const p = problemOf(e);
        createErrors.value = p.fields;
        createProblem.value = p.message;
        return null;
      } finally {
        creating.value = false;
      }
    },
  };
}

export type SitesModel = ReturnType<typeof createSites>;
