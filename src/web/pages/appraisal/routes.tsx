import type { RouteObject } from 'react-router';

/** The appraisal area's pages, loaded on demand (the chart library stays out of the first load). */
export const appraisalRoutes: RouteObject[] = [
  { path: 'appraisals', lazy: async () => ({ Component: (await import('./appraisals-page')).AppraisalsPage }) },
  { path: 'appraisals/new', lazy: async () => ({ Component: (await import('./appraisal-new-page')).AppraisalNewPage }) },
  { path: 'appraisals/templates', lazy: async () => ({ Component: (await import('./templates-page')).TemplatesPage }) },
  { path: 'appraisals/templates/:id', lazy: async () => ({ Component: (await import('./template-editor-page')).TemplateEditorPage }) },
  { path: 'appraisals/compare', lazy: async () => ({ Component: (await import('./compare-page')).ComparePage }) },
  { path: 'appraisals/capacity', lazy: async () => ({ Component: (await import('./capacity-page')).CapacityPage }) },
  { path: 'appraisals/capacity/new', lazy: async () => ({ Component: (await import('./capacity-form-page')).CapacityFormPage }) },
  { path: 'appraisals/capacity/trend/:organizationId', lazy: async () => ({ Component: (await import('./capacity-trend-page')).CapacityTrendPage }) },
  { path: 'appraisals/capacity/:id', lazy: async () => ({ Component: (await import('./capacity-view-page')).CapacityViewPage }) },
  { path: 'appraisals/capacity/:id/edit', lazy: async () => ({ Component: (await import('./capacity-form-page')).CapacityFormPage }) },
  { path: 'appraisals/support-plan', lazy: async () => ({ Component: (await import('./support-plan-page')).SupportPlanPage }) },
  { path: 'appraisals/:id', lazy: async () => ({ Component: (await import('./appraisal-view-page')).AppraisalViewPage }) },
  { path: 'appraisals/:id/edit', lazy: async () => ({ Component: (await import('./appraisal-edit-page')).AppraisalEditPage }) },
];
