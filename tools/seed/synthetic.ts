/**
 * The synthetic city: its districts and unions, its employers and projects, the size of its groups of
 * workers and what they are owed. Pure generators and tables; the loader (seed-database.ts) decides
 * what goes where and writes it.
 */
import type { EmployerKind, Industry } from '../../src/employers/employer.record';
import { dayNumber, isoDay } from './days';
import { Prng, Weighted } from './prng';

// ---------------------------------------------------------------------------------------------
// The city

export interface DistrictSpec {
  /** Suffix of its organisation code: BJ + CY = BJCY. */
  abbreviation: string;
  /** As in organisations.district and employers.district: 朝阳区. */
  name: string;
  /** GB/T 2260 code, which starts the credit codes of employers registered there. */
  regionCode: string;
  /** Share of the city's wage-arrears cases (building sites are in the outer districts). */
  weight: number;
  /** Streets (街道/乡镇) with a worker service center each. */
  centres: string[];
  roads: string[];
}

export const DISTRICTS: readonly DistrictSpec[] = [
  { abbreviation: 'DC', name: '东城区', regionCode: '110101', weight: 2, centres: ['东华门', '和平里'], roads: ['东四北大街', '安定门外大街', '和平里中街'] },
  { abbreviation: 'XC', name: '西城区', regionCode: '110102', weight: 2, centres: ['德胜', '广安门'], roads: ['德胜门外大街', '广安门内大街', '西直门南大街'] },
  { abbreviation: 'CY', name: '朝阳区', regionCode: '110105', weight: 13, centres: ['望京', '双井', '十八里店', '东坝'], roads: ['望京西路', '东三环中路', '十八里店南路', '东坝中路', '北苑路'] },
  { abbreviation: 'FT', name: '丰台区', regionCode: '110106', weight: 7, centres: ['卢沟桥', '花乡', '南苑'], roads: ['丰台北路', '花乡四合庄路', '南苑路', '卢沟桥南路'] },
  { abbreviation: 'SJS', name: '石景山区', regionCode: '110107', weight: 2, centres: ['古城', '鲁谷'], roads: ['古城大街', '鲁谷路', '八角东街'] },
  { abbreviation: 'HD', name: '海淀区', regionCode: '110108', weight: 9, centres: ['中关村', '西北旺', '上地'], roads: ['中关村大街', '西北旺东路', '上地信息路', '学院路'] },
  { abbreviation: 'MTG', name: '门头沟区', regionCode: '110109', weight: 1, centres: ['永定', '龙泉'], roads: ['石龙北路', '滨河路'] },
  { abbreviation: 'FS', name: '房山区', regionCode: '110111', weight: 6, centres: ['良乡', '长阳', '窦店'], roads: ['良乡西路', '长阳路', '京石路', '窦店大街'] },
  { abbreviation: 'TZ', name: '通州区', regionCode: '110112', weight: 10, centres: ['宋庄', '梨园', '台湖', '永顺'], roads: ['运河东大街', '梨园北街', '台湖大街', '宋庄路', '新华西街'] },
  { abbreviation: 'SY', name: '顺义区', regionCode: '110113', weight: 6, centres: ['后沙峪', '仁和', '马坡'], roads: ['安泰大街', '顺平路', '府前街', '马坡大街'] },
  { abbreviation: 'CP', name: '昌平区', regionCode: '110114', weight: 8, centres: ['回龙观', '沙河', '北七家'], roads: ['回龙观西大街', '沙河镇中街', '北七家镇定泗路', '政府街'] },
  { abbreviation: 'DX', name: '大兴区', regionCode: '110115', weight: 10, centres: ['黄村', '亦庄', '西红门', '旧宫'], roads: ['兴华大街', '荣华南路', '西红门路', '旧宫东路', '金星西路'] },
  { abbreviation: 'HR', name: '怀柔区', regionCode: '110116', weight: 2, centres: ['雁栖', '庙城'], roads: ['青春路', '雁栖大街'] },
  { abbreviation: 'PG', name: '平谷区', regionCode: '110117', weight: 2, centres: ['兴谷', '马坊'], roads: ['新平北路', '林荫北街'] },
  { abbreviation: 'MY', name: '密云区', regionCode: '110118', weight: 2, centres: ['鼓楼', '果园'], roads: ['鼓楼大街', '新中街'] },
  { abbreviation: 'YQ', name: '延庆区', regionCode: '110119', weight: 1, centres: ['儒林', '百泉'], roads: ['妫水北街', '高塔街'] },
];

/** Industries of the employers that owe: building sites first, as everywhere in the statistics. */
export const INDUSTRY_WEIGHTS = new Weighted<Industry>([
  ['construction', 46],
  ['landscaping', 8],
  ['manufacturing', 10],
  ['catering', 10],
  ['logistics', 7],
  ['property_services', 7],
  ['retail', 5],
  ['domestic_services', 3],
  ['other', 4],
]);

export interface IndustryUnionSpec {
  abbreviation: string;
  name: string;
  industries: Industry[];
}

export const INDUSTRY_UNIONS: readonly IndustryUnionSpec[] = [
  { abbreviation: 'JZ', name: '建筑业工会', industries: ['construction', 'landscaping'] },
  { abbreviation: 'JT', name: '交通运输工会', industries: ['logistics'] },
  { abbreviation: 'SM', name: '商贸服务业工会', industries: ['catering', 'retail', 'property_services', 'domestic_services'] },
  { abbreviation: 'JX', name: '机械冶金建材工会', industries: ['manufacturing'] },
];

// ---------------------------------------------------------------------------------------------
// Employers and projects

/** The kind of an employer that owes wages directly, by industry: on sites, mostly the bottom of the chain. */
export function directEmployerKind(rng: Prng, industry: Industry): EmployerKind {
  if (industry === 'construction') {
    const r = rng.next();
    return r < 0.42 ? 'labour_subcontractor' : r < 0.64 ? 'subcontractor' : r < 0.94 ? 'individual_contractor' : 'company';
  }
  if (industry === 'landscaping') {
    const r = rng.next();
    return r < 0.55 ? 'company' : r < 0.75 ? 'labour_subcontractor' : 'individual_contractor';
  }
  return rng.chance(0.04) ? 'individual_contractor' : 'company';
}

const TRADE_CHARACTERS = '宏达鑫盛华泰恒信隆兴源顺博安嘉瑞丰通汇金诚佳宇龙辉建明天广利成昌东方远新海祥和中正德永富润福茂荣合腾骏凯卓越联创峰锦程立冠启铭志伟'.split('');

const INDUSTRY_WORDS: Record<Industry, string[]> = {
  construction: ['建筑工程', '建设工程', '装饰工程', '市政工程', '钢结构工程', '机电安装工程', '防水工程', '幕墙工程'],
  landscaping: ['园林绿化', '园林景观', '绿化工程', '生态园林'],
  manufacturing: ['机械制造', '电子科技', '食品', '包装制品', '服装', '家具制造', '汽车配件'],
  catering: ['餐饮管理', '餐饮', '饮食文化', '快餐'],
  logistics: ['物流', '快递服务', '运输', '供应链管理', '货运代理'],
  property_services: ['物业管理', '保洁服务', '物业服务', '安保服务'],
  retail: ['商贸', '超市', '百货', '商业管理'],
  domestic_services: ['家政服务', '家政', '养老服务'],
  other: ['科技', '文化传媒', '商务服务', '会展服务', '人力资源'],
};

const KIND_WORDS: Partial<Record<EmployerKind, string[]>> = {
  labour_subcontractor: ['建筑劳务', '建设劳务', '劳务', '劳务分包'],
  general_contractor: ['建设集团', '建工集团', '城建集团', '建设工程集团', '路桥集团'],
  project_owner: ['房地产开发', '置业', '城市开发建设', '投资发展', '保障房建设投资'],
};

export function tradeName(rng: Prng): string {
  const length = rng.chance(0.75) ? 2 : 3;
  let name = '';
  for (let i = 0; i < length; i++) {
    let c = rng.pick(TRADE_CHARACTERS);
    while (name.includes(c)) c = rng.pick(TRADE_CHARACTERS);
    name += c;
  }
  return name;
}

/** 北京宏达建筑劳务有限公司; big contractors are sometimes from other provinces (中建某局 style). */
export function companyName(rng: Prng, kind: EmployerKind, industry: Industry): string {
  const words = KIND_WORDS[kind] ?? INDUSTRY_WORDS[industry];
  const place = kind === 'general_contractor' && rng.chance(0.3) ? rng.pick(['河北', '河南', '江苏', '浙江', '山东', '中铁', '中建']) : '北京';
  const suffix = kind === 'general_contractor' ? '有限公司' : rng.chance(0.88) ? '有限公司' : rng.chance(0.6) ? '有限责任公司' : '股份有限公司';
  const branch = kind === 'company' && (industry === 'catering' || industry === 'retail') && rng.chance(0.3) ? `${rng.pick(['朝阳', '海淀', '丰台', '通州', '大兴'])}分公司` : '';
  return `${place}${tradeName(rng)}${rng.pick(words)}${suffix}${branch}`;
}

const PROJECT_KINDS = [
  '保障性住房项目', '安置房工程', '商业综合体项目', '住宅小区二期工程', '学校改扩建工程', '地铁站配套工程',
  '道路改造工程', '产业园厂房工程', '医院新建工程', '棚户区改造项目', '写字楼装修工程', '老旧小区综合整治工程',
];
const LANDSCAPE_PROJECT_KINDS = ['绿化景观工程', '公园提升改造工程', '河道绿化工程', '道路绿化养护项目'];

export function projectName(rng: Prng, district: DistrictSpec, landscaping: boolean): string {
  const street = rng.pick(district.centres);
  const lot = rng.chance(0.5) ? `${rng.pick(['东', '西', '南', '北'])}区` : rng.chance(0.5) ? `${rng.int(1, 9)}号地` : '';
  return `${district.name}${street}${lot}${rng.pick(landscaping ? LANDSCAPE_PROJECT_KINDS : PROJECT_KINDS)}`;
}

export function siteAddress(rng: Prng, district: DistrictSpec): string {
  return `北京市${district.name}${rng.pick(district.roads)}${rng.int(1, 299)}号`;
}

/** A Beijing landline of a company office. */
export function landline(rng: Prng): string {
  return `010-${rng.int(5, 8)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/**
 * How many cases each direct employer ends up with: a truncated power law (Zipf-like), mean about 4,
 * so most employers appear once or twice and a few repeat offenders have dozens to hundreds of cases.
 */
export class CasesPerEmployer {
  private readonly table: Weighted<number>;

  constructor(maximum = 400, exponent = 2.05) {
    this.table = new Weighted(Array.from({ length: maximum }, (_, i) => [i + 1, (i + 1) ** -exponent] as const));
  }

  next(rng: Prng): number {
    return this.table.pick(rng);
  }
}

// ---------------------------------------------------------------------------------------------
// Groups of workers and their money

/**
 * Workers per case: mostly one to five, some groups of 10-50, a few hundred, rarely about a thousand
 * (700+ landscaping workers in one Beijing case). The mean is about 5.
 */
export function groupSize(rng: Prng): number {
  const r = rng.next();
  if (r < 0.64) return 1;
  if (r < 0.87) return rng.int(2, 5);
  if (r < 0.96) return rng.logUniformInt(6, 20);
  if (r < 0.992) return rng.logUniformInt(21, 60);
  if (r < 0.9992) return rng.logUniformInt(61, 300);
  return rng.logUniformInt(301, 1000);
}

export interface PayTerms {
  kind: 'wages' | 'labour_fees' | 'other';
  /** Daily rate in fen for site work, monthly wage in fen otherwise. */
  rateFen: number;
  daily: boolean;
  monthsOwed: number;
  periodEndDay: number;
  periodStartDay: number;
}

const MONTHS_OWED = new Weighted<number>([
  [1, 12], [2, 20], [3, 18], [4, 13], [5, 9], [6, 8], [7, 5], [8, 4], [9, 3], [10, 3], [11, 2], [12, 3],
]);

/** What a group was promised and for how long it went unpaid, ending shortly before intake. */
export function payTerms(rng: Prng, industry: Industry, intakeDay: number): PayTerms {
  const site = industry === 'construction' || industry === 'landscaping';
  const monthsOwed = MONTHS_OWED.pick(rng);
  const periodEndDay = intakeDay - rng.int(0, 45);
  const periodStartDay = periodEndDay - Math.round(monthsOwed * 30.4) + rng.int(0, 10);
  const kind = site && rng.chance(0.4) ? 'labour_fees' : rng.chance(0.02) ? 'other' : 'wages';
  const rateFen = site
    ? rng.int(22, 48) * 1000 // 220-480 yuan a day
    : rng.int(40, 95) * 10_000; // 4,000-9,500 yuan a month
  return { kind, rateFen, daily: site, monthsOwed, periodEndDay, periodStartDay };
}

/**
 * One worker's claimed amount in fen: days (or months) worked in the unpaid period at his rate, less
 * what he was advanced; rounded to the yuan (to ten yuan for site work, as foremen's ledgers are).
 */
export function claimedFen(rng: Prng, terms: PayTerms): number {
  const skill = 0.8 + rng.next() * 0.5;
  if (terms.daily) {
    const days = Math.max(5, Math.round(terms.monthsOwed * (18 + rng.next() * 9)));
    const advanced = rng.chance(0.3) ? 0.1 + rng.next() * 0.3 : 0;
    return Math.max(100_00, Math.round((days * terms.rateFen * skill * (1 - advanced)) / 1000) * 1000);
  }
  const months = Math.max(0.5, terms.monthsOwed - (rng.chance(0.2) ? 0.5 : 0));
  const amount = Math.round((months * terms.rateFen * skill) / 100) * 100;
  return Math.max(100_00, rng.chance(0.1) ? amount + rng.int(1, 99) * 10 : amount);
}

/** The amount confirmed on verification: mostly what was claimed, sometimes less after checking the ledger. */
export function confirmedFen(rng: Prng, claimed: number): number {
  if (rng.chance(0.72)) return claimed;
  return Math.max(100_00, Math.round((claimed * (0.6 + rng.next() * 0.38)) / 1000) * 1000);
}

/** '12000.50' from fen, as the API and the timeline write money. */
export function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const JOBS: Record<Industry, string[]> = {
  construction: ['钢筋工', '木工', '瓦工', '架子工', '电焊工', '力工', '水电工', '油漆工', '抹灰工'],
  landscaping: ['绿化工', '养护工', '苗木种植工'],
  manufacturing: ['操作工', '普工', '装配工'],
  catering: ['厨师', '服务员', '洗碗工', '配菜员'],
  logistics: ['快递员', '货车司机', '分拣员', '装卸工'],
  property_services: ['保洁员', '保安员', '维修工'],
  retail: ['营业员', '理货员', '收银员'],
  domestic_services: ['保姆', '育儿嫂', '护工'],
  other: ['临时工', '杂工'],
};

/** The case summary as an intake clerk writes it. */
export function caseSummary(rng: Prng, employerName: string, workers: number, terms: PayTerms, totalFen: number, inCampaign: boolean): string {
  const what = terms.kind === 'labour_fees' ? '劳务费' : '工资';
  const period = `${isoDay(terms.periodStartDay).slice(0, 7).replace('-', '年')}月至${isoDay(terms.periodEndDay).slice(0, 7).replace('-', '年')}月`;
  const amount = `${Math.round(totalFen / 100).toLocaleString('en-US')}元`;
  if (workers === 1) {
    return `申请人在${employerName}从事工作，${period}${what}${amount}未获支付，多次索要未果`;
  }
  return rng.chance(0.5)
    ? `${employerName}拖欠${workers}名农民工${period}${what}共计${amount}`
    : `${workers}名农民工反映${employerName}拖欠${period}${what}，合计约${amount}，${inCampaign ? '要求在春节前结清' : '要求尽快支付'}`;
}

export function jobTitle(rng: Prng, industry: Industry): string {
  return rng.pick(JOBS[industry]);
}

const EVIDENCE = new Weighted<readonly [kind: string, description: string]>([
  [['wage_sheet', '工资表复印件'], 20],
  [['attendance', '考勤记录'], 18],
  [['iou', '用人单位（包工头）出具的欠条'], 14],
  [['chat_records', '微信聊天记录截图'], 16],
  [['contract', '劳动合同'], 8],
  [['witness', '工友证人证言'], 8],
  [['bank_records', '银行流水'], 8],
  [['other', '工作证、出入证照片'], 8],
]);

export function evidenceItem(rng: Prng): readonly [kind: string, description: string] {
  return EVIDENCE.pick(rng);
}

export const CONSULTATION_TOPICS = new Weighted<string>([
  ['unpaid_wages', 40],
  ['unpaid_labour_fees', 12],
  ['no_written_contract', 12],
  ['work_injury', 10],
  ['social_insurance', 10],
  ['dismissal', 10],
  ['other', 6],
]);

const ADVICE: Record<string, string[]> = {
  unpaid_wages: ['告知收集考勤、工资表、欠条等证据，可申请工会调解或劳动仲裁', '建议先与用人单位协商，协商不成到工会服务中心申请调解', '已指导填写欠薪投诉登记表，转值班律师跟进'],
  unpaid_labour_fees: ['告知劳务费纠纷可申请调解，并向总承包单位主张先行清偿', '建议固定与包工头的聊天记录及转账记录'],
  no_written_contract: ['告知未签书面劳动合同可主张二倍工资差额，注意一年时效', '建议保存工作证、工资流水等证明劳动关系的材料'],
  work_injury: ['告知先申请工伤认定，认定后再主张工伤保险待遇', '建议及时就医并保存病历，一年内申请工伤认定'],
  social_insurance: ['告知社会保险补缴向社保经办机构或劳动监察投诉', '解释社会保险缴费基数与个人权益记录查询方式'],
  dismissal: ['告知违法解除可主张赔偿金，建议申请劳动仲裁', '建议要求用人单位出具解除劳动合同证明'],
  other: ['已解答相关法律问题', '告知相关政策并留存联系方式'],
};

export function adviceFor(rng: Prng, topic: string): string {
  return rng.pick(ADVICE[topic] ?? ADVICE.other);
}

export const VISIT_FINDINGS = {
  arrears: ['现场发现劳务分包单位拖欠部分农民工工资，已督促限期支付', '工人反映两个月工资未发，工资表与实名制记录不一致', '包工头未按月足额支付工资，已约谈总承包单位'],
  clean: ['工资支付台账齐全，按月足额发放', '实名制管理规范，工资专用账户按月拨付', '未发现拖欠，已开展普法宣传'],
};

/** The first day of the intake window: at least four full seasons before today, from a 1 November. */
export function firstIntakeDay(today: number): number {
  const fourYearsBefore = today - 4 * 365 - 1;
  const year = Number(isoDay(fourYearsBefore).slice(0, 4));
  const november = dayNumber(`${year}-11-01`);
  return november <= fourYearsBefore ? november : dayNumber(`${year - 1}-11-01`);
}
