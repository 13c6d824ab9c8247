import { useEffect, useState } from 'preact/hooks';

/**
 * Makes a page's model once and runs it (polling, live updates) only while the page is on screen.
 *
 * @example const list = useRunning(() => createReleaseList(api, siteId));
 */
export function useRunning<M extends { start: () => void; stop: () => void }>(create: () => M): M {
  const [model] = useState(create);
  useEffect(() => {
    model.start();
    return model.stop;
  }, []);
  return model;
}
