import type { RouteObject } from 'react-router';
import { DuplicatesPage } from './duplicates-page';
import { ImportPage } from './import-page';
import { OrganizationFormPage } from './organization-form-page';
import { OrganizationPage } from './organization-page';
import { OrganizationsPage } from './organizations-page';
import { PeoplePage, PersonPage } from './people-pages';

/** The registry's pages, added to the signed-in part of the app in one line. */
export const registryRoutes: RouteObject[] = [
  { path: 'organizations', element: <OrganizationsPage /> },
  { path: 'organizations/new', element: <OrganizationFormPage /> },
  { path: 'organizations/import', element: <ImportPage /> },
  { path: 'organizations/duplicates', element: <DuplicatesPage /> },
  { path: 'organizations/:id', element: <OrganizationPage /> },
  { path: 'organizations/:id/edit', element: <OrganizationFormPage /> },
  { path: 'people', element: <PeoplePage /> },
  { path: 'people/:id', element: <PersonPage /> },
];
