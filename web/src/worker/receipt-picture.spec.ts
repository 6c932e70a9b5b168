import { wrapText } from './receipt-picture';

// every character one unit wide: what fits is counted in characters
const measure = (text: string) => [...text].length;

describe('the receipt picture’s lines', () => {
  it('breaks Chinese between any two characters', () => {
    expect(wrapText('请在2026年12月7日前等待工会联系', 8, measure)).toEqual(['请在2026年', '12月7日前等待', '工会联系']);
  });

  it('keeps a web address whole on a line of its own when it fits there', () => {
    expect(wrapText('凭回执号和查询码在 http://union.lan/app/report/follow 查询进度', 40, measure)).toEqual([
      '凭回执号和查询码在',
      'http://union.lan/app/report/follow 查询进度',
    ]);
  });

  it('breaks an address wider than a line between its characters', () => {
    expect(wrapText('在 http://union.lan/app/report/follow 查询', 12, measure)).toEqual(['在 http://uni', 'on.lan/app/r', 'eport/follow', '查询']);
  });
});
