import { fenToYuan } from '../common/money';
import { messageBesideLines, normaliseAmount, problemsByLine, tick, toggle, untick, visibleLines } from './bulk-lines';
import { isOverMax, maxOfLine, payDayLines, payDayTotal, payoutItems } from './pay-day';

const worker = (name: string) => ({ id: `w-${name}`, name, idNumber: '110105********1234', mobile: null, homeProvince: null });
const claim = (id: string, name: string, confirmed: string | null, outstanding: string) => ({
  id,
  worker: worker(name),
  amountConfirmed: confirmed,
  amountOutstanding: outstanding,
});

// The browser test's landscaping crew: six workers, one already paid, one not yet confirmed.
const CLAIMS = [
  claim('c1', '张建国', '12000.50', '12000.50'),
  claim('c2', '李春生', '8000.00', '3000.00'), // 5,000 paid on an earlier pay day
  claim('c3', '王秀英', '3500.25', '0.00'), // paid in full
  claim('c4', '赵德胜', null, '6100.00'), // claimed, not confirmed
  claim('c5', '刘桂兰', '0.10', '0.10'),
  claim('c6', '陈志强', '0.20', '0.20'),
];

describe('a pay day', () => {
  it('offers every worker with a confirmed amount still owed, prefilled with what he is owed', () => {
    const { lines, unconfirmed } = payDayLines(CLAIMS);
    expect(lines.map((line) => [line.workerName, line.amount])).toEqual([
      ['张建国', '12000.50'],
      ['李春生', '3000.00'],
      ['刘桂兰', '0.10'],
      ['陈志强', '0.20'],
    ]);
    // 王秀英 is paid in full; 赵德胜 waits for his amount to be confirmed
    expect(unconfirmed).toBe(1);
    expect(lines.every((line) => line.receiptReference === '')).toBe(true);
  });

  it('adds up the ticked lines exactly, to the fen', () => {
    const { lines } = payDayLines(CLAIMS);
    // 0.10 + 0.20 is 0.30000000000000004 in floating point
    const small = payDayTotal(lines, new Set(['c5', 'c6']));
    expect(small).toEqual({ count: 2, fen: 30n, unreadable: 0 });
    expect(fenToYuan(small.fen)).toBe('0.30');
    const all = payDayTotal(lines, new Set(lines.map((line) => line.claimId)));
    expect(fenToYuan(all.fen)).toBe('15000.80');
    expect(payDayTotal(lines, new Set())).toEqual({ count: 0, fen: 0n, unreadable: 0 });
  });

  it('counts an amount typed on a Chinese keyboard, and says when one cannot be read', () => {
    const { lines } = payDayLines(CLAIMS);
    const typed = lines.map((line) =>
      line.claimId === 'c1' ? { ...line, amount: '１２，０００．５' } : line.claimId === 'c2' ? { ...line, amount: '三千' } : line,
    );
    const total = payDayTotal(typed, new Set(['c1', 'c2']));
    expect(total.count).toBe(2);
    expect(fenToYuan(total.fen)).toBe('12000.50');
    expect(total.unreadable).toBe(1);
    // an unticked line does not count, readable or not
    expect(payDayTotal(typed, new Set(['c1'])).unreadable).toBe(0);
  });

  it('knows the most a line can be: what the worker is still owed', () => {
    const [first, second] = payDayLines(CLAIMS).lines;
    expect(maxOfLine(first)).toBe(1_200_050n);
    expect(maxOfLine(second)).toBe(300_000n);
    expect(isOverMax({ ...second, amount: '3000.00' })).toBe(false);
    expect(isOverMax({ ...second, amount: '3000.01' })).toBe(true);
    expect(isOverMax({ ...second, amount: '2999.99' })).toBe(false);
    // not an amount at all: for the API to say, not a "too much"
    expect(isOverMax({ ...second, amount: 'abc' })).toBe(false);
  });

  it('builds one item per ticked line, in the order shown, with a receipt only where one is typed', () => {
    const { lines } = payDayLines(CLAIMS);
    const edited = lines.map((line) =>
      line.claimId === 'c1' ? { ...line, amount: '6000', receiptReference: ' ICBC-0001 ' } : line.claimId === 'c2' ? { ...line, amount: '3,000.00' } : line,
    );
    expect(payoutItems(edited, new Set(['c2', 'c1', 'c6']))).toEqual([
      { claimId: 'c1', amount: '6000', receiptReference: 'ICBC-0001' },
      { claimId: 'c2', amount: '3000.00' },
      { claimId: 'c6', amount: '0.20' },
    ]);
    expect(payoutItems(edited, new Set())).toEqual([]);
  });

  it('puts the API’s refusal of item 2 on the worker of item 2, in its own words', () => {
    const sent = ['c1', 'c2', 'c6'];
    const { lines, rest } = problemsByLine(sent, [
      { field: 'items.1.amount', message: '支付 3,000.01 元超过未付金额 3,000.00 元' },
      { field: 'items.2.receiptReference', message: '最多 100 个字符' },
      { field: 'paidOn', message: '日期不能晚于今天' },
      { message: '提交的内容有 3 处需要修改' },
    ]);
    expect(lines).toEqual({ c2: { amount: '支付 3,000.01 元超过未付金额 3,000.00 元' }, c6: { receiptReference: '最多 100 个字符' } });
    expect(rest.map((problem) => problem.field)).toEqual(['paidOn', undefined]);
  });

  it('keeps a problem of an item beyond the request apart, and joins two on one field', () => {
    const { lines, rest } = problemsByLine(['c1'], [
      { field: 'items.0.claimId', message: '不属于本案件' },
      { field: 'items.0.claimId', message: '金额尚未核实确认' },
      { field: 'items.5.amount', message: '?' },
    ]);
    expect(lines).toEqual({ c1: { claimId: '不属于本案件；金额尚未核实确认' } });
    expect(rest).toHaveLength(1);
  });

  it('says the request-wide problems in one sentence above the button, and nothing when there are none', () => {
    expect(messageBesideLines('提交的内容有 2 处需要修改', [{ field: 'paidOn', message: '日期不能晚于今天' }])).toBe(
      '提交的内容有 2 处需要修改；日期不能晚于今天',
    );
    expect(messageBesideLines(null, [])).toBeNull();
  });
});

describe('ticking workers', () => {
  const ids = ['c1', 'c2', 'c5', 'c6'];

  it('ticks all, none, or those a search found, leaving the others as they were', () => {
    expect([...tick(new Set(), ids)]).toEqual(ids);
    expect([...untick(new Set(ids), ids)]).toEqual([]);
    // a search for 刘 found c5: ticking "these" adds it to what was ticked before
    expect([...tick(new Set(['c1']), ['c5'])].sort()).toEqual(['c1', 'c5']);
    expect([...untick(new Set(['c1', 'c5']), ['c5'])]).toEqual(['c1']);
    expect([...toggle(new Set(['c1']), 'c2', true)].sort()).toEqual(['c1', 'c2']);
    expect([...toggle(new Set(['c1']), 'c1', false)]).toEqual([]);
  });

  it('shows the lines a search found, in the form’s order', () => {
    const lines = ids.map((claimId) => ({ claimId }));
    expect(visibleLines(lines, null)).toHaveLength(4);
    expect(visibleLines(lines, new Set(['c6', 'c1'])).map((line) => line.claimId)).toEqual(['c1', 'c6']);
  });

  it('reads full-width digits, the Chinese point and grouping commas', () => {
    expect(normaliseAmount('１２，０００．５０')).toBe('12000.50');
    expect(normaliseAmount(' 3 000。5 ')).toBe('3000.5');
    expect(normaliseAmount('abc')).toBe('abc');
  });
});
