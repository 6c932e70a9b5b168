import { creditCodeCheckCharacter } from '../../src/common/identifiers/credit-code';
import { residentIdCheckDigit } from '../../src/common/identifiers/resident-id';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '建国明华强军伟杰磊涛斌超勇峰刚辉鹏俊飞龙海波林平东亮文成志红春雷兵福'.split('');

/** The n-th of a run of distinct Chinese names (two or three characters). */
export function workerName(n: number): string {
  const surname = SURNAMES[n % SURNAMES.length];
  const first = GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length];
  const second = n % 3 === 0 ? '' : GIVEN[(n * 7) % GIVEN.length];
  return `${surname}${first}${second}`;
}

const REGIONS = ['410102', '411302', '510104', '340104', '130102', '370102', '430102', '500101'];

/** A resident id number with a correct check digit; distinct for distinct n below 96 million. */
export function residentId(n: number): string {
  const sequence = String(n % 1000).padStart(3, '0');
  const region = REGIONS[Math.floor(n / 1000) % REGIONS.length];
  const birthDay = Math.floor(n / (1000 * REGIONS.length)) % 12_000; // born 1960 to 1992
  const birth = new Date(Date.UTC(1960, 0, 1) + birthDay * 86_400_000);
  const birthText = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${region}${birthText}${sequence}`;
  return first17 + residentIdCheckDigit(first17);
}

/** A unified social credit code with a correct check character; distinct for distinct n. */
export function creditCode(n: number): string {
  const first17 = `91110113MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export function mobile(n: number): string {
  return `139${String(n).padStart(8, '0')}`;
}

export function licenceNumber(n: number): string {
  return `1110120${String(n).padStart(10, '0')}`;
}
