import type { Me } from '../api/types';
import type en from '../i18n/en.json';

/** Keys under "nav" in the translation files that name a section. */
type SectionLabelKey = Exclude<keyof (typeof en)['nav'], 'main' | 'toggle' | 'skipToContent'>;

export type NavigationEntry = {
  to: string;
  labelKey: SectionLabelKey;
  /** Whether the entry is for this user; absent means everyone. */
  isFor?: (me: Me) => boolean;
};

export function canAdministerUsers(me: Me): boolean {
  return me.user.role === 'org-admin' || me.user.isInstanceAdmin;
}

/**
 * The sections of the application, in the order of the sidebar. Only sections that have a page
 * are listed: organizations, programmes and the knowledge base join when their pages exist (add
 * the entry here, its label under "nav" in en.json and fr.json, and its route in app.tsx).
 */
export const NAVIGATION: NavigationEntry[] = [
  { to: '/', labelKey: 'home' },
  { to: '/programmes', labelKey: 'programmes' },
  { to: '/organizations', labelKey: 'organizations' },
  { to: '/people', labelKey: 'people' },
  { to: '/appraisals', labelKey: 'appraisals' },
  { to: '/surveys', labelKey: 'surveys' },
  { to: '/networks', labelKey: 'networks' },
  { to: '/strategy', labelKey: 'strategy' },
  { to: '/portfolio', labelKey: 'portfolio' },
  { to: '/authenticity', labelKey: 'authenticity' },
  { to: '/iati', labelKey: 'iati' },
  { to: '/knowledge', labelKey: 'knowledge' },
  { to: '/admin/users', labelKey: 'adminUsers', isFor: canAdministerUsers },
  { to: '/settings', labelKey: 'settings' },
];
