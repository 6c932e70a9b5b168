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
