import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { HeraldApi } from '../api/herald-api.ts';
import { createSegmentCatalog, type SegmentCatalog } from '../segments/segment-catalog.ts';
import { createSites, type SitesModel } from '../sites/sites-model.ts';
import type { Router } from './router.ts';
import { createSession, type Session } from './session.ts';

/** What every page reaches: the API, the router, who is signed in, the sites and their saved segments. */
export type Admin = {
  api: HeraldApi;
  router: Router;
  session: Session;
  sites: SitesModel;
  segments: SegmentCatalog;
};

/**
 * The app's models, wired once at start (main.tsx) or in a test with a fake API.
 *
 * @example const admin = createAdmin(createHeraldApi(createClient()), createRouter());
 */
export function createAdmin(api: HeraldApi, router: Router, storage: Storage | null = null): Admin {
  return {
    api,
    router,
    session: createSession(api),
    sites: createSites(api, storage),
    segments: createSegmentCatalog(api),
  };
}

export const AdminContext = createContext<Admin | null>(null);

/** The admin models from the nearest provider. */
export function useAdmin(): Admin {
  const admin = useContext(AdminContext);
  if (!admin) throw new Error('useAdmin needs <AdminContext.Provider>');
  return admin;
}
