export const EMPLOYER_KINDS = [
  'company',
  'project_owner',
  'general_contractor',
  'subcontractor',
  'labour_subcontractor',
  'individual_contractor', // 包工头: a person, so no credit code
] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];

export const INDUSTRIES = [
  'construction',
  'landscaping',
  'manufacturing',
  'catering',
  'logistics',
  'property_services',
  'retail',
  'domestic_services',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** 用人单位: a party that owes wages, or stands in the chain that must pay them. */
export interface Employer {
  id: string;
  name: string;

  /** 统一社会信用代码 (GB 32100-2015), unique; absent only for an individual contractor. */
  creditCode: string | null;

  kind: EmployerKind;
  district: string | null;
  industry: Industry | null;
  legalRepresentative: string | null;
  contactName: string | null;
  contactPhone: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
