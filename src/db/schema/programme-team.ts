import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { programmes } from './programmes.js';
import { users } from './accounts.js';
import { people } from './registry.js';

/**
 * A person on a programme's team, with their programme role. `organizationId` is the member
 * organization they represent; their employer is shown from the registry's person record when
 * there is one. A team member may be a registry person, a user of the instance, or just a name.
 */
export const programmeTeamMembers = pgTable(
  'programme_team_members',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email'),
    programmeRole: text('programme_role').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('programme_team_members_programme_index').on(table.programmeId)],
);
