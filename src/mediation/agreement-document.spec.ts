import { AgreementDocumentData, renderAgreementDocument } from './agreement-document';

describe('the printable agreement', () => {
  const data: AgreementDocumentData = {
    caseNumber: 'SY-2027-00042',
    organisationName: '顺义区总工会职工服务中心',
    signedOn: '2027-01-20',
    employers: [
      { name: '北京某某园林绿化有限公司', creditCode: '91350100M000100Y43', role: 'employer' },
      { name: '北京某某建设集团有限公司', creditCode: null, role: 'general_contractor' },
    ],
    workers: [
      { name: '李建国', idNumber: '110105********002X', amountFen: 1_200_000n },
      { name: '张<明>', idNumber: '410102********0018', amountFen: 800_050n },
    ],
    idNumbers: 'masked',
    totalFen: 2_000_050n,
    schedule: 'total',
    instalments: [
      { dueOn: '2027-01-25', amountFen: 1_000_000n, workerName: null },
      { dueOn: '2027-02-03', amountFen: 1_000_050n, workerName: null },
    ],
    terms: null,
  };
  const html = renderAgreementDocument(data);

  it('states the total and each amount in figures and in capital numerals', () => {
    expect(html).toContain('20000.50 元（大写：贰万元伍角）');
    expect(html).toContain('<td class="num">12000.00</td><td>壹万贰仟元整</td>');
    expect(html).toContain('<td>2027-02-03 前</td><td class="num">10000.50</td><td>壹万元伍角</td>');
  });

  it('names each employer by its role in the chain, in the words of the shared labels', () => {
    expect(html).toContain('<li>用人单位：北京某某园林绿化有限公司（统一社会信用代码 91350100M000100Y43）</li>');
    expect(html).toContain('<li>施工总承包单位：北京某某建设集团有限公司</li>');
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

  it('says on screen, not on paper, that the id numbers are masked', () => {
    expect(html).toContain('<td>李建国</td><td>110105********002X</td>');
    expect(html).toContain('<p class="screen-only">身份证号已部分隐藏（本提示不会打印出来）');
    expect(html).toContain('@media print { body { margin: 0 auto; } .screen-only { display: none; } }');
  });

  it('prints the full id numbers it is given for a copy to be signed, without the masked notice', () => {
    const full = renderAgreementDocument({
      ...data,
      idNumbers: 'full',
      workers: [
        { name: '李建国', idNumber: '11010519491231002X', amountFen: 1_200_000n },
        { name: '张明', idNumber: '410102199001010018', amountFen: 800_050n },
      ],
    });
    expect(full).toContain('<td>1</td><td>李建国</td><td>11010519491231002X</td>');
    expect(full).toContain('<td>2</td><td>张明</td><td>410102199001010018</td>');
    expect(full).not.toContain('screen-only">');
  });
});
