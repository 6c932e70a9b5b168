/**
 * Synthetic people and companies: names, resident id numbers (GB 11643), unified social credit codes
 * (GB 32100), mobile numbers and lawyers' licence numbers. Pure: randomness comes in as a Prng, and
 * uniqueness comes from counters, not from luck.
 */
import { faker } from '@faker-js/faker/locale/zh_CN';
import { creditCodeCheckCharacter } from '../../src/common/identifiers/credit-code';
import { provinceOfResidentId, residentIdCheckDigit } from '../../src/common/identifiers/resident-id';
import { isoDay } from './days';
import { Prng, Weighted } from './prng';

// ---------------------------------------------------------------------------------------------
// Names

/** The commonest surnames with their rough share (per mille) of the population; faker's rarer ones share the rest. */
const COMMON_SURNAMES: [string, number][] = [
  ['王', 72], ['李', 72], ['张', 69], ['刘', 54], ['陈', 45], ['杨', 31], ['赵', 20], ['黄', 19], ['周', 18],
  ['吴', 17], ['徐', 13], ['孙', 12], ['胡', 11], ['朱', 11], ['高', 11], ['林', 10], ['何', 10], ['郭', 10],
  ['马', 10], ['罗', 8], ['梁', 7], ['宋', 7], ['郑', 7], ['谢', 6], ['韩', 6], ['唐', 6], ['冯', 6], ['于', 6],
  ['董', 5], ['萧', 1], ['程', 5], ['曹', 5], ['袁', 5], ['邓', 5], ['许', 5], ['傅', 4], ['沈', 4], ['曾', 4],
  ['彭', 4], ['吕', 4], ['苏', 4], ['卢', 4], ['蒋', 4], ['蔡', 4], ['贾', 3], ['丁', 3], ['魏', 3], ['薛', 3],
  ['叶', 3], ['阎', 3], ['余', 3], ['潘', 3], ['杜', 3], ['戴', 3], ['夏', 3], ['钟', 3], ['汪', 3], ['田', 3],
  ['任', 3], ['姜', 3], ['范', 3], ['方', 3], ['石', 3], ['姚', 3], ['谭', 3], ['廖', 2], ['邹', 2], ['熊', 2],
  ['金', 2], ['陆', 2], ['郝', 2], ['孔', 2], ['白', 2], ['崔', 2], ['康', 2], ['毛', 2], ['邱', 2], ['秦', 2],
  ['江', 2], ['史', 2], ['顾', 2], ['侯', 2], ['邵', 2], ['孟', 2], ['龙', 2], ['万', 2], ['段', 2], ['雷', 2],
  ['钱', 2], ['汤', 2], ['尹', 2], ['黎', 2], ['易', 2], ['常', 2], ['武', 2], ['乔', 2], ['贺', 2], ['赖', 2],
  ['龚', 2], ['文', 2], ['牛', 2], ['樊', 1], ['葛', 1], ['邢', 1], ['安', 1], ['齐', 1], ['庞', 1], ['申', 1],
];

/** Given names of the generation that works on building sites today, to go with faker's younger ones. */
const OLDER_GIVEN_NAMES = {
  male: '建国 建军 建华 建平 国强 国庆 国华 卫东 卫国 红军 志刚 志勇 志强 永刚 永强 德明 德福 长海 长青 春生 金山 来福 满仓 铁柱 二牛 大伟 海涛 海军 学军 文革 向东 振华 玉林 守信 保国 宝山 富贵 庆丰 双喜 明亮 立新 新民 俊峰 军 伟 刚 勇 强 磊 涛 斌 鹏 杰 超 辉 波 亮 军伟 红星 树林 秋生 冬生'.split(' '),
  female: '秀英 桂英 秀兰 玉兰 桂兰 秀珍 凤英 玉珍 玉英 兰英 春梅 冬梅 红梅 海燕 丽华 淑珍 淑芬 翠花 春花 桂花 彩霞 美玲 小红 丽娟 艳 静 敏 霞 芳 娟 燕 红'.split(' '),
};

/** Chinese names: a frequency-weighted surname and a given name from faker's zh_CN lists or the older ones above. */
export class NameSource {
  private readonly surnames: Weighted<string>;
  private readonly male: string[];
  private readonly female: string[];

  constructor() {
    const fakerSurnames = faker.definitions.person.last_name?.generic ?? [];
    const common = new Set(COMMON_SURNAMES.map(([surname]) => surname));
    this.surnames = new Weighted<string>([
      ...COMMON_SURNAMES,
      ...fakerSurnames.filter((surname) => !common.has(surname)).map((surname): [string, number] => [surname, 0.15]),
    ]);
    const given = faker.definitions.person.first_name ?? {};
    this.male = [...OLDER_GIVEN_NAMES.male, ...OLDER_GIVEN_NAMES.male, ...(given.male ?? []), ...(given.generic ?? [])];
    this.female = [...OLDER_GIVEN_NAMES.female, ...OLDER_GIVEN_NAMES.female, ...(given.female ?? [])];
  }

  person(rng: Prng, male = rng.chance(0.5)): string {
    return this.surname(rng) + rng.pick(male ? this.male : this.female);
  }

  surname(rng: Prng): string {
    return this.surnames.pick(rng);
  }
}

// ---------------------------------------------------------------------------------------------
// Resident id numbers (公民身份号码, GB 11643-1999)

/**
 * Address codes of the counties Beijing's migrant workers mostly come from, with a rough weight. Only
 * the province (first two digits) is checked by the service; the counties make the numbers look real.
 */
export const HOME_REGIONS: readonly (readonly [code: string, weight: number])[] = [
  ['130102', 3], ['130429', 3], ['130528', 3], ['130624', 3], ['130984', 2], ['131121', 2], ['130821', 2], ['130229', 2],
  ['410102', 2], ['411302', 3], ['411421', 3], ['411522', 3], ['411623', 3], ['410221', 2], ['411723', 2], ['410523', 2],
  ['370102', 1], ['371321', 2], ['371427', 2], ['370883', 2], ['371522', 2],
  ['510104', 1], ['511321', 2], ['510922', 2], ['511623', 2], ['511902', 1], ['510824', 1],
  ['340104', 1], ['341221', 2], ['341321', 2], ['340421', 1], ['341623', 2],
  ['230102', 1], ['230621', 2], ['231181', 2],
  ['140105', 1], ['140621', 2], ['141022', 1],
  ['620102', 1], ['621121', 2], ['620421', 1],
  ['420102', 1], ['421123', 2], ['420982', 1],
  ['430102', 1], ['431021', 1], ['430524', 1],
  ['150102', 1], ['150421', 2],
  ['360102', 1], ['360721', 1],
  ['610102', 1], ['610527', 1],
  ['210102', 1], ['211421', 1],
  ['220102', 1], ['220381', 1],
  ['500101', 1], ['500230', 1],
  ['110105', 1.5], ['110111', 1], ['110228', 1],
  ['120102', 1], ['520102', 0.5], ['522427', 0.5], ['530102', 0.5], ['320102', 0.5], ['330102', 0.3],
  ['350102', 0.2], ['450102', 0.3], ['640102', 0.3], ['630102', 0.2], ['650102', 0.2],
];

/** Ages (in years at intake) of workers who come to the unions: mostly middle-aged. */
const AGE_BANDS = new Weighted<readonly [number, number]>([
  [[18, 24], 8],
  [[25, 34], 20],
  [[35, 44], 27],
  [[45, 54], 30],
  [[55, 60], 15],
]);

export interface GeneratedResident {
  idNumber: string;
  /** Index into HOME_REGIONS: a group recruited from one village shares it. */
  region: number;
  province: string;
  male: boolean;
}

/**
 * Resident id numbers that are valid and never repeat within one generator: every (county, birth
 * date, sex) cell hands out its 3-digit sequence codes through a counter (odd for men, even for women,
 * as GB 11643 §4.3 has it). `salt` moves where each cell's counter starts, so two runs on one database
 * (different salts) rarely pick the same number; the loader still lets the database's unique index decide.
 */
export class ResidentIdFactory {
  private readonly regions: Weighted<number>;
  private readonly counters: Uint16Array;
  private readonly firstBirthDay: number;
  private readonly birthDays: number;

  /** Births can fall between `firstBirthDay` and `lastBirthDay` (day numbers), i.e. ages 18-61 over the intake window. */
  constructor(
    firstIntakeDay: number,
    lastIntakeDay: number,
    private readonly salt: number,
  ) {
    this.regions = new Weighted(HOME_REGIONS.map(([, weight], index) => [index, weight] as const));
    this.firstBirthDay = firstIntakeDay - 62 * 366;
    this.birthDays = lastIntakeDay - this.firstBirthDay + 1;
    this.counters = new Uint16Array(HOME_REGIONS.length * this.birthDays * 2);
  }

  pickRegion(rng: Prng): number {
    return this.regions.pick(rng);
  }

  /** A new person aged 18-60 on `intakeDay`, from `region` if given. */
  next(rng: Prng, intakeDay: number, region = this.pickRegion(rng), male = rng.chance(0.82)): GeneratedResident {
    const [youngest, oldest] = AGE_BANDS.pick(rng);
    const ageDays = Math.floor((youngest + rng.next() * (oldest + 1 - youngest)) * 365.25);
    let birthDay = Math.min(intakeDay - ageDays, intakeDay - Math.ceil(18 * 365.25));
    for (;;) {
      const offset = birthDay - this.firstBirthDay;
      if (offset < 0 || offset >= this.birthDays) throw new RangeError(`birth day ${isoDay(birthDay)} outside the generator's range`);
      const cell = ((region * this.birthDays + offset) << 1) | (male ? 1 : 0);
      const used = this.counters[cell];
      if (used < 500) {
        this.counters[cell] = used + 1;
        const start = (Math.imul(cell ^ this.salt, 0x9e3779b1) >>> 0) % 500;
        const sequence = ((start + used) % 500) * 2 + (male ? 1 : 0);
        const first17 = `${HOME_REGIONS[region][0]}${isoDay(birthDay).replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
        const idNumber = first17 + residentIdCheckDigit(first17);
        return { idNumber, region, province: provinceOfResidentId(idNumber)!, male };
      }
      birthDay -= 1; // this cell is full: the day before is as good a birthday
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Unified social credit codes (统一社会信用代码, GB 32100-2015)

/** GB 32100-2015 §4.2 character set (no I, O, S, V, Z). */
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const MA_SPACE = 31 ** 7;
const LEGACY_SPACE = 100_000_000;

/**
 * Registration authority and type (登记管理部门 + 机构类别): 91 an enterprise registered with the market
 * regulator, 92 an individually owned business (个体工商户), 93 a farmers' cooperative.
 */
export type CreditCodePrefix = '91' | '92' | '93';

/**
 * Codes made from a counter: the 9-character subject code is either a post-2015 'MA' + 7 characters or
 * a pre-2015 organisation code (8 digits and its GB 11714 check character), both reached through a
 * bijective shuffle of the counter, so distinct counters give distinct codes and neighbours do not look
 * alike. The region code and prefix vary freely on top.
 */
export function creditCode(counter: number, prefix: CreditCodePrefix, regionCode: string, legacy: boolean): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`region code must be 6 digits: ${regionCode}`);
  const subject = legacy ? legacyOrganisationCode(counter) : maSubjectCode(counter);
  const first17 = `${prefix}${regionCode}${subject}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function maSubjectCode(counter: number): string {
  // 1_000_003 is prime to 31, so x → x·a + b (mod 31^7) is a bijection.
  let value = (counter * 1_000_003 + 7_777_777) % MA_SPACE;
  let text = '';
  for (let i = 0; i < 7; i++) {
    text = CREDIT_CHARSET[value % 31] + text;
    value = Math.floor(value / 31);
  }
  return `MA${text}`;
}

/** GB 11714-1997 organisation code: 8 digits and a check character (weights 3 7 9 10 5 8 4 2, mod 11). */
function legacyOrganisationCode(counter: number): string {
  // 48_271 is prime to 10, so the map is a bijection on 8-digit numbers.
  const digits = String((counter * 48_271 + 10_234_567) % LEGACY_SPACE).padStart(8, '0');
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * weights[i];
  const check = 11 - (sum % 11);
  return digits + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

// ---------------------------------------------------------------------------------------------
// Mobiles and licences

const MOBILE_PREFIXES = new Weighted<string>([
  ['130', 3], ['131', 3], ['132', 3], ['133', 2], ['134', 2], ['135', 4], ['136', 4], ['137', 4], ['138', 5], ['139', 5],
  ['150', 3], ['151', 3], ['152', 3], ['153', 2], ['155', 2], ['156', 2], ['157', 2], ['158', 3], ['159', 3],
  ['166', 1], ['173', 1], ['176', 1], ['177', 1], ['178', 1], ['180', 2], ['181', 2], ['182', 2], ['183', 2],
  ['185', 2], ['186', 2], ['187', 2], ['188', 2], ['189', 2], ['191', 1], ['198', 1], ['199', 1],
]);

/** An 11-digit mainland mobile number (1[3-9]…); not unique, as real ones are not across time either. */
export function mobileNumber(rng: Prng): string {
  return MOBILE_PREFIXES.pick(rng) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/**
 * 律师执业证号, 17 digits: certificate kind (1), region (1101 Beijing), year first licensed, lawyer
 * category (1 full-time), sex (1 man, 0 woman), and a 6-digit sequence from `counter`.
 */
export function licenceNumber(counter: number, firstLicensedYear: number, male: boolean): string {
  return `11101${firstLicensedYear}1${male ? 1 : 0}${String(counter % 1_000_000).padStart(6, '0')}`;
}
