/**
 * The tables as Kysely sees them. Documents are kept whole as JSON text (`doc`, `state`) so a schema change
 * needs no migration; the columns beside them exist only to be filtered, indexed or counted.
 * Types are portable: text ids and ISO timestamps, integers, double precision, JSON as text.
 */
export interface Tables {
  sites: SitesTable;
  messages: DocTable;
  releases: DocTable;
  user_states: UserStatesTable;
  events: EventsTable;
}

export interface SitesTable {
  id: string;
  public_key: string;
  updated_at: string;
  /** The whole `Site` as JSON. */
  doc: string;
}

/** Messages and releases: a site's documents with a lifecycle status. */
export interface DocTable {
  id: string;
  site_id: string;
  status: string;
  updated_at: string;
  /** The whole `Message` or `Release` as JSON. */
  doc: string;
}

export interface UserStatesTable {
  site_id: string;
  user_key: string;
  /** The whole `UserState` as JSON. */
  state: string;
}

export interface EventsTable {
  id: string;
  site_id: string;
  type: string;
  message_id: string | null;
  name: string | null;
  value: number | null;
  text: string | null;
  /** JSON object or null. */
  props: string | null;
  /** UTC ISO timestamp, so text order is time order. */
  at: string;
  received_at: string;
  user_id: string | null;
  anonymous_id: string | null;
  user_key: string;
  phase: string | null;
  /** 1 when the message interrupts the user, so user states can be rebuilt from the log. */
  interrupting: number;
}
