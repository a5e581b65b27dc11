// One INSERT ... SELECT ... WHERE <condition>: a row written only if a condition holds when the statement
// runs, so a batch can gate every write on the one that decides (R7.1d, R7.3) without a read-then-write.
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

export function insertWhen<T extends SQLiteTable>(
  table: T,
  row: Partial<T["$inferInsert"]>,
  condition: SQL,
): SQL {
  const names: SQL[] = [];
  const values: SQL[] = [];
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    let value = (row as Record<string, unknown>)[key];
    if (value === undefined && column.defaultFn) value = column.defaultFn();
    if (value === undefined) continue; // the column's SQL default applies
    names.push(sql`${sql.identifier(column.name)}`);
    values.push(sql`${value === null ? null : column.mapToDriverValue(value)}`);
  }
  return sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(values, sql`, `)} where ${condition}`;
}
