import { readSource, sourceText } from './threshold-source';

describe("a threshold's source", () => {
  it('keeps the document and its date in one text, and reads them back', () => {
    const text = sourceText({ document: '北京市高级人民法院关于拒不支付劳动报酬罪数额标准的通知 ', date: '2014-03-10' });
    expect(text).toBe('北京市高级人民法院关于拒不支付劳动报酬罪数额标准的通知（2014-03-10）');
    expect(readSource(text)).toEqual({ document: '北京市高级人民法院关于拒不支付劳动报酬罪数额标准的通知', date: '2014-03-10' });
  });

  it('reads a source entered without a date (through the API) as the document alone', () => {
    expect(readSource('京高法发〔2014〕号')).toEqual({ document: '京高法发〔2014〕号' });
    expect(sourceText({ document: '京高法发〔2014〕号' })).toBe('京高法发〔2014〕号');
  });
});
