import { maskIdNumber, maskMobile } from './masking';

describe('masking', () => {
  it('shows the region and the last four characters of an id number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('shows the first three and last four digits of a mobile number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('hides short values entirely rather than leaking most of them', () => {
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskMobile('12345')).toBe('*****');
  });
});
