import { type Expression, sql } from 'kysely';

/**
 * A trait of a traits JSON object, as text, on SQLite and D1 (its own module, so the Worker's bundle does not pull in better-sqlite3): the path is a bound parameter with the name quoted as one key (no nesting), and JSON
 * booleans read `true`/`false` as PostgreSQL's `->>` gives them, not SQLite's 1/0.
 */
export function sqliteTraitText(traits: Expression<string>, name: string) {
  const path = `$."${name}"`;
  return sql<string | null>`case json_type(${traits}, ${path})
    when 'true' then 'true' when 'false' then 'false'
    else cast(json_extract(${traits}, ${path}) as text) end`;
}
