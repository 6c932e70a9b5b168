import { renderAgreementDocument } from './agreement-document';

describe('the printable agreement', () => {
  const html = renderAgreementDocument({
    caseNumber: 'SY-2027-00042',
    organisationName: '顺义区总工会职工服务中心',
    signedOn: '2027-01-20',
    employers: [{ name: '北京某某园林绿化有限公司', creditCode: '91350100M000100Y43', role: 'employer' }],
    workers: [
      { name: '李建国', idNumberMasked: '110105********002X', amountFen: 1_200_000n },
      { name: '张<明>', idNumberMasked: '410102********0018', amountFen: 800_050n },
    ],
    totalFen: 2_000_050n,
    schedule: 'total',
    instalments: [
      { dueOn: '2027-01-25', amountFen: 1_000_000n, workerName: null },
      { dueOn: '2027-02-03', amountFen: 1_000_050n, workerName: null },
    ],
    terms: null,
  });

  it('states the total and each amount in figures and in capital numerals', () => {
    expect(html).toContain('20000.50 元（大写：贰万元伍角）');
    expect(html).toContain('<td class="num">12000.00</td><td>壹万贰仟元整</td>');
    expect(html).toContain('<td>2027-02-03 前</td><td class="num">10000.50</td><td>壹万元伍角</td>');
  });

  it('has the signature lines of both sides, the mediator and the seal', () => {
    for (const line of ['申请人（劳动者或其代表）签字', '被申请人（盖章）', '调解员签名', '调解组织（盖章）']) {
      expect(html).toContain(line);
    }
  });

  it('escapes names so a roster cannot inject markup', () => {
    expect(html).toContain('张&lt;明&gt;');
    expect(html).not.toContain('张<明>');
  });
});
