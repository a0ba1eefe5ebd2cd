import { boolean, date, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { programmes } from './programmes.js';

/** How a goal's indicator is computed (see strategy/indicators.ts for each formula). */
export const indicatorKinds = ['local-budget-share', 'local-decision-share', 'single-donor-dependence', 'genuine-share', 'manual'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const targetDirections = ['at-least', 'at-most'] as const;
export type TargetDirection = (typeof targetDirections)[number];

/** An organization's partnership strategy: private to it unless shared with the instance. */
export const strategies = pgTable(
  'strategies',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    summary: text('summary'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    shared: boolean('shared').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [uniqueIndex('strategies_organization_unique').on(table.organizationId)],
);

/** A goal of the strategy with a target, in percent, and an indicator computed from the data where possible. */
export const strategyGoals = pgTable(
  'strategy_goals',
  {
    id: id(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    indicatorKind: text('indicator_kind', { enum: indicatorKinds }).notNull(),
    direction: text('direction', { enum: targetDirections }).notNull().default('at-least'),
    /** Percent (0-100). */
    target: numeric('target', { precision: 6, scale: 2 }).notNull(),
    /** For manual indicators: the value the organization reports, in percent. */
    manualValue: numeric('manual_value', { precision: 6, scale: 2 }),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [index('strategy_goals_strategy_index').on(table.strategyId)],
);

/** A programme serving a strategy goal. */
export const programmeGoalLinks = pgTable(
  'programme_goal_links',
  {
    id: id(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => strategyGoals.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('programme_goal_links_unique').on(table.goalId, table.programmeId), index('programme_goal_links_programme_index').on(table.programmeId)],
);
