import type { Me } from '../api/types';

export type NavigationEntry = {
  to: string;
  /** A key under "nav" in the translation files. */
  labelKey: 'home' | 'settings' | 'adminUsers';
  /** Whether the entry is for this user; absent means everyone. */
  isFor?: (me: Me) => boolean;
};

export function canAdministerUsers(me: Me): boolean {
  return me.user.role === 'org-admin' || me.user.isInstanceAdmin;
}

/**
 * The sections of the application, in the order of the sidebar. Only sections that have a page
 * are listed: organizations, programmes and the knowledge base join when they are built.
 */
export const NAVIGATION: NavigationEntry[] = [
  { to: '/', labelKey: 'home' },
  { to: '/admin/users', labelKey: 'adminUsers', isFor: canAdministerUsers },
  { to: '/settings', labelKey: 'settings' },
];
