import type { Actor } from '../../lib/actor.js';

/** IATI rules: imported data is public to signed-in users; importing adds to the shared registry, so admins do it. */
export const iatiRules = {
  'iati.import': (actor: Actor, _resource: { kind: 'instance' }) => actor.isInstanceAdmin || actor.role === 'org-admin',
};
