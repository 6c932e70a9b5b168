import {
  arbitrationDeadlineMessage,
  CaseSummary,
  caseLink,
  DigestRow,
  digestMessage,
  eveCountdown,
  festivalMessage,
  FestivalCaseLine,
  owingCasesLink,
  formatYuanGrouped,
  instalmentDueMessage,
  instalmentOverdueMessage,
  limitationDeadlineMessage,
  mediationLimitMessage,
  sessionTomorrowMessage,
  WECOM_MARKDOWN_MAX_BYTES,
  wecomMarkdown,
} from './messages';

const LINK = 'https://union.example.cn/app/cases/7f3c2a10-0000-4000-8000-000000000042';

const CASE: CaseSummary = {
  caseNumber: 'SY-2027-00042',
  workersOwed: 23,
  outstandingFen: 123_456_789n,
  link: LINK,
};

/** Rows with awkward amounts (odd fen, some zero) from a fixed sequence, so the test is the same every run. */
function manyRows(count: number): DigestRow[] {
  let seed = 20270205n;
  const next = () => (seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n);
  return Array.from({ length: count }, (_, i) => ({
    organisationName: `第${i + 1}建筑劳务公司`,
    cases: Number(next() % 5n) + 1,
    workers: Number(next() % 80n) + 1,
    outstandingFen: i % 17 === 0 ? 0n : next() % 1_000_000_01n,
  }));
}

describe('formatYuanGrouped', () => {
  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [100_000n, '1,000.00'],
    [123_456_789n, '1,234,567.89'],
    [-123_456n, '-1,234.56'],
  ])('writes %s fen as %s yuan', (fen, text) => {
    expect(formatYuanGrouped(fen)).toBe(text);
  });
});

describe('caseLink', () => {
  it('joins the base URL and the case id without a double slash', () => {
    expect(caseLink('https://union.example.cn/', 'case-42')).toBe('https://union.example.cn/app/cases/case-42');
  });
});

describe('eveCountdown', () => {
  it('says 今天是除夕 on the eve', () => {
    expect(eveCountdown(0)).toBe('今天是除夕');
  });

  it('counts the days since the eve once it has passed', () => {
    expect(eveCountdown(-2)).toBe('除夕已过 2 天');
  });
});

describe('festivalMessage', () => {
  const line = (n: number, workersOwed: number, outstandingFen: bigint): FestivalCaseLine => ({
    caseNumber: `SY-2027-${String(n).padStart(5, '0')}`,
    workersOwed,
    outstandingFen,
    link: `${LINK.replace(/042$/, '')}${n}`,
  });
  const LAWYER_LIST = 'https://union.example.cn/app/cases?lawyerId=u1&open=true&owing=true';
  const MEDIATOR_LIST = 'https://union.example.cn/app/cases?mediatorId=u1&open=true&owing=true';

  it('names the one owing case, its workers, the amount and the days in the title, and links to it', () => {
    const one = line(42, 23, 123_456_789n);
    const message = festivalMessage({ owing: [one], named: [one], lists: [{ role: 'lawyer', link: LAWYER_LIST }], daysToEve: 7 });
    expect(message.title).toBe('【提醒】距除夕还有 7 天：案件 SY-2027-00042 仍欠 23 名劳动者 1,234,567.89 元');
    expect(message.body).toBe(
      [
        '案件 SY-2027-00042：仍有 23 名劳动者被欠薪，尚欠 1,234,567.89 元。',
        '距除夕还有 7 天。劳动者要回家过年，请在除夕前督促用人单位和总包单位足额支付。',
        `查看案件：${one.link}`,
      ].join('\n'),
    );
  });

  it("adds up a person's cases, names the most owed and counts the rest, with the lists of them all", () => {
    const owing = [line(1, 10, 500_000n), line(2, 3, 120_050n), line(3, 1, 7n)];
    const message = festivalMessage({
      owing,
      named: owing.slice(0, 2),
      lists: [
        { role: 'lawyer', link: LAWYER_LIST },
        { role: 'mediator', link: MEDIATOR_LIST },
      ],
      daysToEve: 3,
    });
    expect(message.title).toBe('【提醒】距除夕还有 3 天：您的 3 件案件仍欠 14 名劳动者 6,200.57 元');
    expect(message.body).toBe(
      [
        '您承办或调解的 3 件案件仍有 14 名劳动者被欠薪，共欠 6,200.57 元。',
        '距除夕还有 3 天。劳动者要回家过年，请在除夕前督促用人单位和总包单位足额支付。',
        '欠款最多的 2 件：',
        `SY-2027-00001：10 名劳动者，尚欠 5,000.00 元 ${owing[0].link}`,
        `SY-2027-00002：3 名劳动者，尚欠 1,200.50 元 ${owing[1].link}`,
        '另有 1 件。',
        `您承办的全部欠薪案件：${LAWYER_LIST}`,
        `您调解的全部欠薪案件：${MEDIATOR_LIST}`,
      ].join('\n'),
    );
  });

  it('is marked urgent the day before the eve', () => {
    expect(festivalMessage({ owing: [CASE], named: [CASE], lists: [], daysToEve: 1 }).title).toMatch(/^【紧急】距除夕还有 1 天/);
  });

  it('is information a month ahead', () => {
    expect(festivalMessage({ owing: [CASE], named: [CASE], lists: [], daysToEve: 30 }).title).toMatch(/^【通知】距除夕还有 30 天/);
  });
});

describe('owingCasesLink', () => {
  it("filters the case list to a person's open cases still owing, as lawyer or as mediator", () => {
    expect(owingCasesLink('https://union.example.cn/', 'lawyer', 'u1')).toBe('https://union.example.cn/app/cases?lawyerId=u1&open=true&owing=true');
    expect(owingCasesLink('https://union.example.cn', 'mediator', 'u1')).toBe('https://union.example.cn/app/cases?mediatorId=u1&open=true&owing=true');
  });
});

describe('deadline messages', () => {
  const everyCaseFact = (text: string) => {
    expect(text).toContain('SY-2027-00042');
    expect(text).toContain('23 名劳动者');
    expect(text).toContain('1,234,567.89 元');
    expect(text).toContain(LINK);
  };

  it('tells the mediation limit with the case facts and the days left', () => {
    const message = mediationLimitMessage({ ...CASE, limitOn: '2027-01-15', daysLeft: 3 });
    expect(message.title).toBe('【提醒】案件 SY-2027-00042 调解期限还有 3 天到期（2027-01-15）');
    everyCaseFact(message.body);
  });

  it('adds the countdown to the eve when it is given', () => {
    const message = mediationLimitMessage({ ...CASE, limitOn: '2027-01-15', daysLeft: 3, daysToEve: 24 });
    expect(message.body).toContain('距除夕还有 24 天');
  });

  it('tells an instalment due today with its amount', () => {
    const message = instalmentDueMessage({ ...CASE, instalmentFen: 5_000_000n, dueOn: '2027-01-20', daysLeft: 0 });
    expect(message.title).toBe('【紧急】案件 SY-2027-00042 调解协议分期款 50,000.00 元今天到期（2027-01-20）');
    everyCaseFact(message.body);
  });

  it('tells an overdue instalment with the days overdue', () => {
    const message = instalmentOverdueMessage({ ...CASE, unpaidFen: 1_250_050n, dueOn: '2027-01-20', daysOverdue: 4 });
    expect(message.title).toContain('已逾期 4 天（2027-01-20）');
    expect(message.title).toContain('未付 12,500.50 元');
    everyCaseFact(message.body);
  });

  it('tells tomorrow’s session with its time and place', () => {
    const message = sessionTomorrowMessage({ ...CASE, sessionOn: '2027-01-10', startsAt: '09:30', place: '县总工会三楼调解室' });
    expect(message.title).toBe('【明日调解】案件 SY-2027-00042：2027-01-10 09:30');
    expect(message.body).toContain('地点：县总工会三楼调解室');
    everyCaseFact(message.body);
  });

  it('tells an arbitration deadline by the name the legal clocks give it', () => {
    const message = arbitrationDeadlineMessage({ ...CASE, deadlineName: '仲裁裁决期限', dueOn: '2027-03-01', daysLeft: 7 });
    expect(message.title).toBe('【提醒】案件 SY-2027-00042 仲裁裁决期限还有 7 天到期（2027-03-01）');
    everyCaseFact(message.body);
  });

  it('tells the limitation deadline on its last day', () => {
    const message = limitationDeadlineMessage({ ...CASE, dueOn: '2027-06-30', daysLeft: 0 });
    expect(message.title).toBe('【紧急】案件 SY-2027-00042 仲裁时效今天到期（2027-06-30）');
    everyCaseFact(message.body);
  });
});

describe('digestMessage', () => {
  it('sums hundreds of rows exactly to the fen', () => {
    const rows = manyRows(400);
    const { totals } = digestMessage({ scopeName: '某县总工会', rows, paidSinceYesterdayFen: 0n, daysToEve: 10 });
    let fen = 0n;
    let cases = 0;
    let workers = 0;
    for (const row of rows) {
      fen += row.outstandingFen;
      cases += row.cases;
      workers += row.workers;
    }
    expect(totals).toEqual({ cases, workers, outstandingFen: fen });
  });

  it('stays exact beyond what a floating-point number can hold', () => {
    const rows: DigestRow[] = [
      { organisationName: '甲公司', cases: 1, workers: 1, outstandingFen: 9_007_199_254_740_993n },
      { organisationName: '乙公司', cases: 1, workers: 1, outstandingFen: 1n },
    ];
    const message = digestMessage({ scopeName: '某县总工会', rows, paidSinceYesterdayFen: 0n, daysToEve: 10 });
    expect(message.totals.outstandingFen).toBe(9_007_199_254_740_994n);
    expect(message.body).toContain('共 90,071,992,547,409.94 元');
  });

  it('states the totals, the payments since yesterday and the countdown', () => {
    const rows: DigestRow[] = [
      { organisationName: '宏达建筑劳务有限公司', cases: 2, workers: 15, outstandingFen: 45_000_000n },
      { organisationName: '恒通装饰工程有限公司', cases: 1, workers: 8, outstandingFen: 12_345_601n },
    ];
    const message = digestMessage({ scopeName: '某县总工会', rows, paidSinceYesterdayFen: 3_000_050n, daysToEve: 3 });
    expect(message.title).toBe('【提醒】某县总工会欠薪日报：距除夕还有 3 天');
    expect(message.body).toBe(
      [
        '距除夕还有 3 天。某县总工会仍欠薪：3 件案件，23 名劳动者，共 573,456.01 元。',
        '昨日以来已支付：30,000.50 元。',
        '按单位：',
        '- 宏达建筑劳务有限公司：2 件，15 人，450,000.00 元',
        '- 恒通装饰工程有限公司：1 件，8 人，123,456.01 元',
      ].join('\n'),
    );
  });

  it('lists the largest debt first', () => {
    const rows: DigestRow[] = [
      { organisationName: '小公司', cases: 1, workers: 2, outstandingFen: 100n },
      { organisationName: '大公司', cases: 1, workers: 2, outstandingFen: 10_000n },
    ];
    const body = digestMessage({ scopeName: '某县总工会', rows, paidSinceYesterdayFen: 0n, daysToEve: 3 }).body;
    expect(body.indexOf('大公司')).toBeLessThan(body.indexOf('小公司'));
  });

  it('says so when nothing is owed any more', () => {
    const message = digestMessage({ scopeName: '某县总工会', rows: [], paidSinceYesterdayFen: 500n, daysToEve: 0 });
    expect(message.totals).toEqual({ cases: 0, workers: 0, outstandingFen: 0n });
    expect(message.body).toContain('各单位均已无欠薪');
    expect(message.body).toContain('今天是除夕');
  });
});

describe('wecomMarkdown', () => {
  it('produces the WeCom group-robot markdown message', () => {
    expect(wecomMarkdown('标题', '正文')).toEqual({ msgtype: 'markdown', markdown: { content: '### 标题\n正文' } });
  });

  it('turns the case link into a markdown link that can be tapped', () => {
    const message = festivalMessage({ owing: [CASE], named: [CASE], lists: [], daysToEve: 7 });
    expect(wecomMarkdown(message.title, message.body).markdown.content).toContain(`查看案件：[${LINK}](${LINK})`);
  });

  it('serialises to JSON that reads back the same', () => {
    const payload = wecomMarkdown('标题', '正文');
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('cuts a long digest to 4096 bytes of UTF-8 without breaking a character', () => {
    const digest = digestMessage({ scopeName: '某县总工会', rows: manyRows(400), paidSinceYesterdayFen: 0n, daysToEve: 5 });
    const content = wecomMarkdown(digest.title, digest.body).markdown.content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
    expect(content.endsWith('…')).toBe(true);
    expect(content).not.toContain('\uFFFD');
  });
});
