import type { RawQuery } from '../../db/raw-query.js';

export type TableInfo = {
  name: string;
  /** Stored columns, in table order (generated columns are recomputed by the database, never copied). */
  columns: string[];
  /** Generated columns, left out of the file. */
  generated: string[];
  primaryKey: string[];
  /** Columns that reference the table itself: restored in a second pass, once every row exists. */
  selfReferences: string[];
  /** Identity or serial columns, whose sequence is moved past the restored values. */
  sequenced: string[];
};

/** Every table of the public schema, parents before children (so foreign keys hold while loading). */
export async function listTables(query: RawQuery): Promise<TableInfo[]> {
  const columnRows = await query<{ table_name: string; column_name: string; sequenced: boolean; generated: boolean }>(
    `select c.table_name, c.column_name, (c.is_identity = 'YES' or c.column_default like 'nextval(%') as sequenced, c.is_generated <> 'NEVER' as generated
     from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
     order by c.table_name, c.ordinal_position`,
  );
  const keyRows = await query<{ table_name: string; column_name: string }>(
    `select cl.relname as table_name, a.attname as column_name
     from pg_index i join pg_class cl on cl.oid = i.indrelid join pg_namespace n on n.oid = cl.relnamespace
     cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
     join pg_attribute a on a.attrelid = cl.oid and a.attnum = k.attnum
     where i.indisprimary and n.nspname = 'public' order by cl.relname, k.position`,
  );
  const foreignRows = await query<{ child: string; parent: string; column_name: string }>(
    `select child.relname as child, parent.relname as parent, a.attname as column_name
     from pg_constraint c join pg_class child on child.oid = c.conrelid join pg_class parent on parent.oid = c.confrelid
     join pg_namespace n on n.oid = child.relnamespace
     cross join lateral unnest(c.conkey) as k(attnum) join pg_attribute a on a.attrelid = child.oid and a.attnum = k.attnum
     where c.contype = 'f' and n.nspname = 'public'`,
  );
  const tables = new Map<string, TableInfo>();
  for (const row of columnRows) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: [], generated: [], primaryKey: [], selfReferences: [], sequenced: [] };
    (row.generated ? table.generated : table.columns).push(row.column_name);
    if (row.sequenced) table.sequenced.push(row.column_name);
    tables.set(row.table_name, table);
  }
  for (const row of keyRows) tables.get(row.table_name)?.primaryKey.push(row.column_name);
  const parents = new Map<string, Set<string>>();
  for (const row of foreignRows) {
    if (row.child === row.parent) {
      tables.get(row.child)?.selfReferences.push(row.column_name);
      continue;
    }
    const set = parents.get(row.child) ?? new Set<string>();
    set.add(row.parent);
    parents.set(row.child, set);
  }
  return orderByDependencies([...tables.values()], parents);
}

function orderByDependencies(tables: TableInfo[], parents: Map<string, Set<string>>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => [...(parents.get(table.name) ?? [])].every((parent) => done.has(parent)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle between ${remaining.map((table) => table.name).join(', ')}`);
    for (const table of ready) {
      ordered.push(table);
      done.add(table.name);
    }
    remaining = remaining.filter((table) => !done.has(table.name));
  }
  return ordered;
}

export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
