import { index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { programmes } from './programmes.js';

/** A budget line of one member organization, in the programme's currency. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    category: text('category'),
    description: text('description'),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    /** The part of the amount that covers indirect (overhead) costs. */
    indirectCosts: numeric('indirect_costs', { precision: 18, scale: 2 }).notNull().default('0'),
    /** The part of the amount the organization brings itself (co-financing); equal to the amount when the whole line is its own. */
    ownContribution: numeric('own_contribution', { precision: 18, scale: 2 }).notNull().default('0'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('budget_lines_programme_index').on(table.programmeId, table.organizationId)],
);
