import { Language } from './messages';

/**
 * Display names of the enumerated values that appear inside error messages (statuses, roles), so a
 * Chinese message reads "不能从"已受理"变为"已结案"" instead of showing code words.
 */
const VALUE_LABELS: Record<string, { zh: string; en: string }> = {
  received: { zh: '已受理', en: 'received' },
  verifying: { zh: '核实中', en: 'verifying' },
  mediating: { zh: '调解中', en: 'mediating' },
  agreed: { zh: '已达成协议', en: 'agreed' },
  paying: { zh: '支付中', en: 'paying' },
  closed: { zh: '已结案', en: 'closed' },
  arbitration: { zh: '转仲裁', en: 'in arbitration' },
  litigation: { zh: '转诉讼', en: 'in litigation' },
  referred: { zh: '已移送', en: 'referred' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
  rejected: { zh: '不予受理', en: 'rejected' },
  admin: { zh: '管理员', en: 'administrator' },
  leader: { zh: '工会领导', en: 'union leader' },
  lawyer: { zh: '律师', en: 'lawyer' },
  mediator: { zh: '调解员', en: 'mediator' },
  intake_clerk: { zh: '受理员', en: 'intake clerk' },
  // outcomes, roles in the subcontracting chain, industries and intake channels (exports)
  paid_in_full: { zh: '全额支付', en: 'paid in full' },
  partly_paid: { zh: '部分支付', en: 'partly paid' },
  employer: { zh: '用人单位', en: 'employer' },
  project_owner: { zh: '建设单位', en: 'project owner' },
  general_contractor: { zh: '施工总承包单位', en: 'general contractor' },
  subcontractor: { zh: '分包单位', en: 'subcontractor' },
  labour_subcontractor: { zh: '劳务分包单位', en: 'labour subcontractor' },
  individual_contractor: { zh: '包工头', en: 'labour-gang head' },
  construction: { zh: '建筑业', en: 'construction' },
  landscaping: { zh: '园林绿化', en: 'landscaping' },
  manufacturing: { zh: '制造业', en: 'manufacturing' },
  catering: { zh: '餐饮业', en: 'catering' },
  logistics: { zh: '物流业', en: 'logistics' },
  property_services: { zh: '物业服务', en: 'property services' },
  retail: { zh: '零售业', en: 'retail' },
  domestic_services: { zh: '家政服务', en: 'domestic services' },
  other: { zh: '其他', en: 'other' },
  walk_in: { zh: '来访', en: 'walk-in' },
  hotline_12351: { zh: '12351热线', en: '12351 hotline' },
  outreach_visit: { zh: '走访发现', en: 'outreach visit' },
  labour_bureau_referral: { zh: '人社部门转办', en: 'labour bureau referral' },
  online: { zh: '网上', en: 'online' },
  missing_token: { zh: '请求未携带登录凭证', en: 'the request carries no access token' },
  invalid_token: { zh: '登录凭证无效或已注销', en: 'the access token is invalid or was revoked' },
  expired_token: { zh: '登录已过期，请刷新或重新登录', en: 'the access token has expired; refresh it or log in again' },
  invalid_refresh_token: { zh: '刷新凭证无效或已过期，请重新登录', en: 'the refresh token is invalid or expired; log in again' },
};

const LABELLED_PARAMS = new Set(['from', 'to', 'status', 'role', 'reason']);

export function localiseParams(
  params: Record<string, string | number>,
  language: Language,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const label = LABELLED_PARAMS.has(name) && typeof value === 'string' ? VALUE_LABELS[value] : undefined;
    out[name] = label ? label[language] : value;
  }
  return out;
}

/** The Chinese name of an enumerated value (a status, an outcome, an industry…), or the value itself. */
export function chineseLabelOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return VALUE_LABELS[value]?.zh ?? value;
}
