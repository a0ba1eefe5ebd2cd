// The rows the IATI analyses work on, loaded by load-analysis-data.ts; the analyses are pure.

export type AnalysisOrganization = {
  id: string;
  name: string;
  identifier: string | null;
  /** IATI OrganisationType code. */
  type: string | null;
  /** ISO 3166-1 alpha-2, from the registry. */
  country: string | null;
  scope: 'local' | 'national' | 'regional' | 'international' | null;
};

export type AnalysisActivity = { id: string; iatiIdentifier: string; reportingOrganizationId: string | null; countries: string[] };

export type AnalysisParticipation = { activityId: string; organizationId: string; role: string | null };

export type AnalysisTransaction = {
  activityId: string;
  type: string | null;
  value: number;
  currency: string;
  providerId: string | null;
  receiverId: string | null;
  providerActivityId: string | null;
  receiverActivityId: string | null;
};

export type AnalysisDataset = {
  organizations: Map<string, AnalysisOrganization>;
  activities: AnalysisActivity[];
  participations: AnalysisParticipation[];
  transactions: AnalysisTransaction[];
};
