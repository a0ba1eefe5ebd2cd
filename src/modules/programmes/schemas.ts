import { z } from 'zod';
import { consortiumRoles, programmeStatuses } from '../../db/schema/index.js';

export const programmeSummary = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  status: z.enum(programmeStatuses),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  currency: z.string(),
  countries: z.array(z.string()),
  lead: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  myRole: z.enum([...consortiumRoles, 'observer', 'manager']),
});
