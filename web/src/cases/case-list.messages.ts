/**
 * The case list's own texts: the filters that have no control of their own (a figure's drill-down from the
 * dashboard or a breakdown), shown as tags that can be taken off.
 */
const zh = {
  filters: {
    prefix: '筛选：',
    remove: (what: string) => `去掉筛选“${what}”`,
    directEmployer: '直接用人单位',
    project: '项目',
    industry: '行业',
    organisationOnly: '仅本单位直接承办',
    noEmployer: '无用人单位',
    noProject: '无项目',
    noIndustry: '行业未填写',
    noLawyer: '未指派律师',
    noMediator: '未指派调解员',
    concluded: (range: string) => `办结日期 ${range}`,
    paid: (range: string) => `支付日期 ${range}`,
    since: (from: string) => `${from} 起`,
    until: (to: string) => `${to} 止`,
    owing: '尚有欠款',
    open: '在办',
    paidInFull: '已全额支付',
    unverified: '有未核实金额',
  },
};

const en: typeof zh = {
  filters: {
    prefix: 'Filter: ',
    remove: (what: string) => `Remove the filter "${what}"`,
    directEmployer: 'Direct employer',
    project: 'Project',
    industry: 'Industry',
    organisationOnly: 'The organisation’s own cases only',
    noEmployer: 'No employer',
    noProject: 'No project',
    noIndustry: 'No industry recorded',
    noLawyer: 'No lawyer',
    noMediator: 'No mediator',
    concluded: (range: string) => `Concluded ${range}`,
    paid: (range: string) => `Paid ${range}`,
    since: (from: string) => `from ${from}`,
    until: (to: string) => `until ${to}`,
    owing: 'Still owing',
    open: 'Open',
    paidInFull: 'Paid in full',
    unverified: 'Amounts unverified',
  },
};

export const caseListMessages = { zh, en };
