import { capitalAmount } from './capital-numerals';

describe('capital numerals', () => {
  it.each([
    [1_200_000n, '壹万贰仟元整'],
    [1_200_050n, '壹万贰仟元伍角'],
    [1_000_005n, '壹万元零伍分'],
    [1_200_000_000n, '壹仟贰佰万元整'],
    [171_428_6n, '壹万柒仟壹佰肆拾贰元捌角陆分'],
    [30n, '叁角'],
  ])('writes %s fen as %s', (fen, words) => {
    expect(capitalAmount(fen)).toBe(words);
  });
});
