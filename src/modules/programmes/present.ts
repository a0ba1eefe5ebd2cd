import type { programmes } from '../../db/schema/index.js';
import type { ConsortiumRole } from '../../db/schema/index.js';

/** A programme in lists: what it is, who leads it, and what the viewer is to it. */
export function presentProgrammeSummary(row: {
  programme: typeof programmes.$inferSelect;
  lead: { id: string; name: string } | null;
  myRole: ConsortiumRole | 'observer' | 'manager';
}) {
  const { programme } = row;
  return {
    id: programme.id,
    ref: programme.ref,
    title: programme.title,
    status: programme.status,
    startDate: programme.startDate,
    endDate: programme.endDate,
    currency: programme.currency,
    countries: programme.countries,
    lead: row.lead,
    myRole: row.myRole,
  };
}
