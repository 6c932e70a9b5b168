import { fitWithin } from './photos';

describe('a photo made small before it is sent', () => {
  it('is drawn with its longest side at 1600 pixels, keeping its shape', () => {
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(1080, 2400, 1600)).toEqual({ width: 720, height: 1600 });
  });

  it('is never made larger than it is', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1, 1, 1600)).toEqual({ width: 1, height: 1 });
  });
});
