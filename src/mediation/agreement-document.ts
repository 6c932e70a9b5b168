import { labelOf } from '../common/labels/labels';
import { formatYuan } from '../common/money/money';
import { capitalAmount } from './domain/capital-numerals';

export interface AgreementDocumentData {
  caseNumber: string;
  organisationName: string;
  signedOn: string;
  employers: { name: string; creditCode: string | null; role: string }[];
  /** Each worker's id number as it is to be printed: masked, or in full on a copy to be signed. */
  workers: { name: string; idNumber: string; amountFen: bigint }[];
  idNumbers: 'masked' | 'full';
  totalFen: bigint;
  schedule: 'total' | 'per_worker';
  instalments: { dueOn: string; amountFen: bigint; workerName: string | null }[];
  terms: string | null;
}

/**
 * The printable mediation agreement (调解协议书), in Chinese: parties, each worker and his amount in
 * figures and in capital numerals, the payment schedule, and signature lines for both sides, the
 * mediator and the organisation's seal. Plain HTML that prints on A4 from any browser.
 */
export function renderAgreementDocument(data: AgreementDocumentData): string {
  const money = (fen: bigint) => `${escape(formatYuan(fen))} 元（大写：${escape(capitalAmount(fen))}）`;
  const employerRows = data.employers
    .map((e) => `<li>${escape(labelOf('chainRole', e.role))}：${escape(e.name)}${e.creditCode ? `（统一社会信用代码 ${escape(e.creditCode)}）` : ''}</li>`)
    .join('');
  const workerRows = data.workers
    .map(
      (w, i) =>
        `<tr><td>${i + 1}</td><td>${escape(w.name)}</td><td>${escape(w.idNumber)}</td><td class="num">${escape(formatYuan(w.amountFen))}</td><td>${escape(capitalAmount(w.amountFen))}</td></tr>`,
    )
    .join('');
  const instalmentRows = data.instalments
    .map(
      (instalment, i) =>
        `<tr><td>第${i + 1}期</td>${data.schedule === 'per_worker' ? `<td>${escape(instalment.workerName ?? '')}</td>` : ''}<td>${escape(instalment.dueOn)} 前</td><td class="num">${escape(formatYuan(instalment.amountFen))}</td><td>${escape(capitalAmount(instalment.amountFen))}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>调解协议书 ${escape(data.caseNumber)}</title>
<style>
  body { font-family: "SimSun", "Songti SC", serif; max-width: 180mm; margin: 15mm auto; line-height: 1.7; }
  h1 { text-align: center; letter-spacing: 0.5em; }
  table { width: 100%; border-collapse: collapse; margin: 1em 0; }
  th, td { border: 1px solid #000; padding: 2px 6px; }
  td.num { text-align: right; font-family: monospace; }
  .signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 3em 2em; margin-top: 3em; }
  .screen-only { border: 1px dashed #999; padding: 4px 8px; font-family: sans-serif; font-size: 90%; }
  @media print { body { margin: 0 auto; } .screen-only { display: none; } }
</style>
</head>
<body>
<h1>调解协议书</h1>
<p>案件编号：${escape(data.caseNumber)}&emsp;&emsp;调解组织：${escape(data.organisationName)}</p>
<p>申请人：劳动者 ${data.workers.length} 人（名单附后）</p>
<p>被申请人：</p>
<ul>${employerRows}</ul>
<p>经调解，双方自愿达成如下协议：</p>
<p>一、被申请人确认拖欠下列劳动者工资（劳务费）共计 ${money(data.totalFen)}，并按下列期限支付至劳动者本人银行账户：</p>
<table>
<thead><tr><th>期次</th>${data.schedule === 'per_worker' ? '<th>劳动者</th>' : ''}<th>支付期限</th><th>金额（元）</th><th>大写</th></tr></thead>
<tbody>${instalmentRows}</tbody>
</table>
${data.terms ? `<p>二、${escape(data.terms)}</p>` : ''}
<p>${data.terms ? '三' : '二'}、被申请人未按期履行的，劳动者可依法向人民法院申请支付令或申请劳动争议仲裁。</p>
<p>劳动者名单：</p>
<table>
<thead><tr><th>序号</th><th>姓名</th><th>身份证号</th><th>金额（元）</th><th>大写</th></tr></thead>
<tbody>${workerRows}</tbody>
</table>
${data.idNumbers === 'masked' ? '<p class="screen-only">身份证号已部分隐藏（本提示不会打印出来）。用于签字的协议书须印有完整身份证号，请由有权查看完整身份证号的人员（律师、调解员）打印。</p>\n' : ''}<p>本协议自双方签字（盖章）、调解员签名并加盖调解组织印章之日起生效。签订日期：${escape(data.signedOn)}</p>
<div class="signatures">
  <div>申请人（劳动者或其代表）签字：<br><br>__________________</div>
  <div>被申请人（盖章）：<br><br>__________________</div>
  <div>调解员签名：<br><br>__________________</div>
  <div>调解组织（盖章）：<br><br>__________________</div>
</div>
</body>
</html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
