import { allowedKinds, kindOfWord, languageOf, provinceOfWord } from './roster-words';

describe('the words of a roster', () => {
  it('reads a kind in the words clerks write, in either language', () => {
    expect(['工资', '工钱', '薪水', ' wages ', 'Wage'].map(kindOfWord)).toEqual(['wages', 'wages', 'wages', 'wages', 'wages']);
    expect(['劳务费', '劳务', '劳务报酬', 'labour_fees', 'Labour fees', 'labor-fees'].map(kindOfWord)).toEqual(Array(6).fill('labour_fees'));
    expect(['其他', '其它', 'OTHER'].map(kindOfWord)).toEqual(['other', 'other', 'other']);
  });

  it('takes no guess at words that could be either kind, or neither', () => {
    expect(['欠薪', '人工费', '工程款', '加班费', '工资款项', 'salary'].map(kindOfWord)).toEqual(Array(6).fill(null));
  });

  it('answers in Chinese words when the heading or the value is Chinese, in codes otherwise', () => {
    expect(languageOf('类别', 'bonus')).toBe('zh');
    expect(languageOf('kind', '人工费')).toBe('zh');
    expect(languageOf(undefined, '人工费')).toBe('zh');
    expect(languageOf('kind', 'bonus')).toBe('en');
    expect(allowedKinds('zh')).toBe('工资、劳务费、其他');
    expect(allowedKinds('en')).toBe('wages, labour_fees, other');
  });

  it('reads a province by its full or its short name, and nothing looser', () => {
    expect(['河南省', '河南', ' 广西 ', '内蒙古', '新疆', '北京', '香港'].map(provinceOfWord)).toEqual([
      '河南省',
      '河南省',
      '广西壮族自治区',
      '内蒙古自治区',
      '新疆维吾尔自治区',
      '北京市',
      '香港特别行政区',
    ]);
    // left as written, for the worker's validation to refuse: a district of Tianjin, a prefecture of Qinghai
    expect(['河北区', '海南州', '河南周口'].map(provinceOfWord)).toEqual(['河北区', '海南州', '河南周口']);
  });
});
