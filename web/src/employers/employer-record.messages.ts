import { formatYuan } from '../common/money';

/** The employer record's texts; the catalogues of both languages take their `employerRecord` section from here. */
const zh = {
  title: '用人单位档案',
  creditCode: '统一社会信用代码',
  kind: '单位类型',
  industry: '行业',
  district: '所在区',
  notFound: '没有找到这家单位',
  totals: '涉及案件合计',
  cases: '案件',
  caseCount: (n: number) => `${n} 件`,
  owed: '应付金额',
  owedHint: '已确认的按确认金额，未确认的按主张金额',
  outcomes: '案件结果',
  closedAs: (outcome: string) => `已结案（${outcome}）`,
  caseList: '该单位的全部案件',
  caseListHint: '单位在用工链条中担任任何角色的案件都在此列出；点一行打开案件。',
  noCases: '您的权限范围内没有这家单位的案件',
  role: '在链条中的角色',
  closedOn: '结案日期',
  workersOwed: (owed: number, all: number) => `${owed} / ${all} 人`,
  workersOwedTitle: '仍被欠薪 / 全部工人',
  export: '导出 Excel',
  punishment: {
    title: '失信联合惩戒对象名单条件',
    intro:
      '依据《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条：经人社部门责令限期支付工资、逾期仍未支付，并且拖欠数额达到拒不支付劳动报酬罪的数额标准（或引发群体性事件等严重不良社会影响）的，列入名单。是否列入由人社部门决定，以下供向其反映时参考。',
    meets: '符合列入名单的条件：两项条件都已满足。可以向人社部门反映，建议将其列入失信联合惩戒对象名单。',
    doesNotMeet: (missing: number) => `目前不符合列入名单的条件：两项条件中有 ${missing} 项未满足。`,
    conditions: '列入条件（两项须同时满足）',
    clues: '其他线索（系统不记录群体性事件，以下情况仅供判断是否有严重不良社会影响）',
    met: '满足',
    notMet: '不满足',
    cases: (numbers: string) => `涉及案件：${numbers}`,
    basis: (basis: string) => `依据：${basis}`,
    criteria: {
      order_ignored: {
        met: '人社部门已责令限期支付工资，该单位逾期仍未付清。',
        notMet: '没有记录显示人社部门责令限期支付后逾期未付。',
      },
      criminal_amount: {
        met: '该单位直接拖欠的工资已达到拒不支付劳动报酬罪的数额标准（各案累计）。',
        notMet: '该单位直接拖欠的工资未达到拒不支付劳动报酬罪的数额标准（各案累计）。',
      },
      police_referral: {
        met: '有案件已移送公安机关。',
        notMet: '没有移送公安机关的案件。',
      },
      large_group_unpaid: {
        met: '有案件中十名以上工人仍被欠薪。',
        notMet: '没有十名以上工人仍被欠薪的案件。',
      },
      repeated_arrears: {
        met: '在两个以上冬季专项行动期间都有欠薪案件。',
        notMet: '欠薪案件只出现在一个冬季专项行动期间。',
      },
    } as Record<string, { met: string; notMet: string }>,
    province: '按哪个省的标准判断',
    lowest: '法律允许的最低标准',
    notEntered: '（未录入）',
    judgedBy: (province: string | null, individual: string, group: string) =>
      `${province ? `按${province}的标准` : '未选省份，按法律允许的最低标准'}：一名工人被欠三个月以上工资且达 ¥${formatYuan(individual)}，或十名以上工人合计达 ¥${formatYuan(group)}。`,
    provinceMissing: (province: string) => `${province}的刑事立案标准尚未录入，下面暂按法律允许的最低标准判断。`,
    whoEnters: '标准由管理员在“管理 → 刑事立案标准”中录入。',
  },
};

const en: typeof zh = {
  title: 'Employer record',
  creditCode: 'Unified social credit code',
  kind: 'Kind',
  industry: 'Industry',
  district: 'District',
  notFound: 'No such employer',
  totals: 'All its cases',
  cases: 'Cases',
  caseCount: (n: number) => `${n} ${n === 1 ? 'case' : 'cases'}`,
  owed: 'Owed',
  owedHint: 'Confirmed amounts where confirmed, else the amounts claimed',
  outcomes: 'Outcomes',
  closedAs: (outcome: string) => `Closed (${outcome})`,
  caseList: 'Every case of this employer',
  caseListHint: 'Cases where the employer has any role in the chain; click a row to open the case.',
  noCases: 'No case of this employer in your scope',
  role: 'Role in the chain',
  closedOn: 'Closed on',
  workersOwed: (owed: number, all: number) => `${owed} / ${all}`,
  workersOwedTitle: 'Workers still owed / all',
  export: 'Export to Excel',
  punishment: {
    title: 'Joint punishment list (失信联合惩戒)',
    intro:
      "Art. 5 of MOHRSS's interim measures of 2021: an employer that the labour bureau ordered to pay wages by a date and that did not pay, and whose arrears reach the amount of the crime of refusing to pay wages (or caused a mass incident with serious adverse social impact), is listed. The labour bureau decides; this is for raising it with them.",
    meets: 'Meets the listing test: both conditions hold. Raise it with the labour bureau for the joint punishment list.',
    doesNotMeet: (missing: number) => `Does not meet the listing test now: ${missing} of the two conditions ${missing === 1 ? 'does' : 'do'} not hold.`,
    conditions: 'Listing conditions (both must hold)',
    clues: 'Other signs (incidents are not recorded here; these only point to a serious adverse social impact)',
    met: 'Holds',
    notMet: 'Does not hold',
    cases: (numbers: string) => `Cases: ${numbers}`,
    basis: (basis: string) => `Basis: ${basis}`,
    criteria: {
      order_ignored: {
        met: 'The labour bureau ordered payment by a date, and the employer has not paid in full since.',
        notMet: 'No record of a labour-bureau order to pay that was ignored.',
      },
      criminal_amount: {
        met: "The wages the employer itself owes reach the amount of the crime of refusing to pay wages (all cases added up).",
        notMet: "The wages the employer itself owes do not reach the amount of the crime of refusing to pay wages (all cases added up).",
      },
      police_referral: {
        met: 'A case was referred to the police.',
        notMet: 'No case was referred to the police.',
      },
      large_group_unpaid: {
        met: 'In a case, ten or more workers are still owed.',
        notMet: 'No case with ten or more workers still owed.',
      },
      repeated_arrears: {
        met: 'Arrears cases in two or more winter campaigns.',
        notMet: 'Arrears cases in one winter campaign only.',
      },
    } as Record<string, { met: string; notMet: string }>,
    province: "Judged by the figures of",
    lowest: 'the lowest the law allows',
    notEntered: ' (not entered)',
    judgedBy: (province: string | null, individual: string, group: string) =>
      `${province ? `By ${province}'s figures` : 'No province chosen: by the lowest figures the law allows'}: one worker owed three months' pay or more and ¥${formatYuan(individual)}, or ten workers or more owed ¥${formatYuan(group)} in total.`,
    provinceMissing: (province: string) => `${province}'s criminal thresholds are not entered yet; judged below by the lowest figures the law allows.`,
    whoEnters: 'An administrator enters them under Administration → Criminal thresholds.',
  },
};

export const employerRecordMessages = { zh, en };
