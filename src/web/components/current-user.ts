import { useOutletContext } from 'react-router';
import type { Me } from '../api/types';

/** The logged-in user, for pages inside AppLayout (which only renders them once it is known). */
export function useCurrentUser(): Me {
  return useOutletContext<Me>();
}
