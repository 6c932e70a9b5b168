export const ORGANISATION_KINDS = ['city_federation', 'district_federation', 'industry_union', 'service_center'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A union body: city federation (市总工会) → district federations and industry unions → service centers. */
export interface Organisation {
  id: string;
  parentId: string | null;

  /** Short code that starts this organisation's case numbers: SY → SY-2027-00042. */
  code: string;

  name: string;
  kind: OrganisationKind;
  district: string | null;

  /** '/<root id>/…/<own id>/': the subtree below an organisation is every path with this prefix. */
  path: string;

  createdAt: Date;
  updatedAt: Date;
}
