import type { components } from '../api/schema';
import { formatYuan } from '../money';

// every kind of timeline event the API names has its words (a new kind fails the type-check until it has)
export type CaseEventKind = components['schemas']['CaseEventKind'];

/**
 * Every text people read, in Chinese (the default). Keyed by meaning; the English catalogue has the same
 * shape (its type is this object's), so a missing translation fails the type-check.
 */
export const zhCN = {
  app: { name: '欠薪维权案件管理', shortName: '欠薪维权' },
  common: {
    save: '保存', cancel: '取消', submit: '提交', confirm: '确认', search: '搜索', reset: '重置', back: '返回',
    loading: '加载中…', none: '无', yes: '是', no: '否', all: '全部', export: '导出 Excel', actions: '操作',
    yuan: '元', retry: '重试', close: '关闭', unknown: '未知', open: '打开', days: (n: number) => `${n} 天`,
    people: (n: number) => `${n} 人`, total: '合计', notFound: '找不到该页面', goHome: '回到首页',
    loadFailed: '加载失败', refresh: '刷新',
  },
  language: { switchTo: 'English', label: '语言' },
  auth: {
    title: '登录', username: '用户名', password: '密码', login: '登录', logout: '退出登录',
    expired: '登录已过期，请重新登录。您填写的内容仍保留在页面上。', reloginTitle: '请重新登录',
    changePassword: '修改密码', currentPassword: '当前密码', newPassword: '新密码', repeatPassword: '再次输入新密码',
    passwordsDiffer: '两次输入的新密码不一致', mustChange: '管理员为您设置了初始密码，请先设置您自己的新密码。',
    passwordChanged: '密码已修改，请用新密码登录。', passwordHint: '至少 10 个字符，不要使用常见密码或与用户名相近的密码。',
  },
  nav: { main: '主菜单', desk: '律师工作台', day: '今日调解', cases: '案件', newCase: '新建案件', inbox: '提醒', home: '首页', breakdowns: '分类统计', heldMoney: '代管款项', onlineReports: '网上反映', admin: '管理', account: '账户',
    who: (name: string, roles: string[]) => `${name} · ${roles.join('、')}` },
  roles: { admin: '管理员', leader: '工会领导', lawyer: '值班律师', mediator: '调解员', intake_clerk: '受理员' },
  festival: {
    countdown: (days: number) => (days > 0 ? `距除夕还有 ${days} 天` : days === 0 ? '今天是除夕' : `除夕已过 ${-days} 天`),
    eve: '除夕',
  },
  status: {
    received: '已受理', verifying: '核实中', mediating: '调解中', agreed: '已达成协议', paying: '支付中', closed: '已结案',
    arbitration: '转仲裁', litigation: '转诉讼', referred: '已移送', withdrawn: '已撤回', rejected: '不予受理',
  } as Record<string, string>,
  outcome: { paid_in_full: '全额支付', partly_paid: '部分支付' } as Record<string, string>,
  channel: {
    walk_in: '来访', hotline_12351: '12351 热线', outreach_visit: '走访发现', labour_bureau_referral: '人社部门转办', online: '网上',
  } as Record<string, string>,
  chainRole: {
    employer: '用人单位', project_owner: '建设单位', general_contractor: '施工总承包', subcontractor: '分包单位',
    labour_subcontractor: '劳务分包', individual_contractor: '包工头',
  } as Record<string, string>,
  payerKind: {
    employer: '用人单位', general_contractor: '总承包单位（先行清偿）', project_owner: '建设单位（垫付）', guarantee_deposit: '工资保证金',
    emergency_fund: '应急周转金', court_enforcement: '法院强制执行',
  } as Record<string, string>,
  payoutChannel: { bank_transfer: '转账至工人银行卡', dedicated_wage_account: '工资专用账户', cash_with_signature: '现金（本人签收）' } as Record<string, string>,
  instalmentState: { paid: '已付清', upcoming: '未到期', due_today: '今日到期', overdue: '逾期' } as Record<string, string>,
  sessionStatus: { scheduled: '已安排', held: '已召开', cancelled: '已取消' } as Record<string, string>,
  sessionOutcome: { agreement: '达成协议', no_agreement: '未达成协议', adjourned: '延期' } as Record<string, string>,
  clock: {
    mediation: '调解期限（15 日）', arbitration_acceptance: '仲裁受理（5 日）', arbitration_award: '仲裁裁决（45 日）', limitation: '仲裁时效（1 年）',
    instalment: '调解协议分期履行', payment_order_acceptance: '支付令受理', payment_order_issue: '发出支付令', payment_order_objection: '支付令异议期',
    labour_bureau_order: '责令限期支付',
  } as Record<string, string>,
  caseConclusion: { paid_in_full: '全额支付结案', partly_paid: '部分支付结案', withdrawn: '已撤回', rejected: '不予受理' } as Record<string, string>,
  clockState: { running: '进行中', due_today: '今日到期', overdue: '已逾期', satisfied: '已满足', not_running: '未起算', concluded: '已结案' } as Record<string, string>,
  eventKind: {
    case_opened: '受理立案', case_updated: '修改案件信息', case_dispatched: '派单', status_changed: '状态变更', lawyer_assigned: '指派律师',
    mediator_assigned: '指派调解员', employer_added: '添加用人单位', evidence_added: '收到证据', note_added: '备注', claims_added: '添加工人诉求',
    claim_updated: '修改诉求', claims_confirmed: '确认金额', payouts_recorded: '登记支付', session_scheduled: '安排调解会', session_held: '召开调解会',
    session_cancelled: '取消调解会', representatives_elected: '推选代表', agreement_signed: '签订调解协议', legal_dates_recorded: '登记法律日期',
    payout_correction_requested: '申请冲正', payout_corrected: '冲正生效', payout_correction_rejected: '驳回冲正',
    callback_answered: '结案回访', callback_followed_up: '回访不满意已跟进', held_money_handed_over: '代管款项移交工人', file_attached: '上传证据材料',
  } satisfies Record<CaseEventKind, string> as Record<string, string>,
  intake: {
    project: '工程项目（可不填）', 
    lawyerActedFor: (employer: string) => `注意：承办律师曾代理过 ${employer}，请确认是否需要回避`, 
    title: '受理新案件', fromConsultation: '由咨询转为案件：咨询中的单位、日期和来源会带入案件。', fromWarning: '由预警转为案件：预警中的单位和情况会带入案件。',
    organisation: '承办单位', channel: '来源', intakeDate: '受理日期', summary: '案情摘要', employers: '用工链条中的单位',
    employer: '单位', role: '在链条中的角色', addEmployer: '添加单位', newEmployer: '登记新单位', employerName: '单位名称',
    creditCode: '统一社会信用代码', employerKind: '单位类型', industry: '行业', similar: '已登记的相似单位，是否就是其中之一？', useThis: '用这家',
    registerAnyway: '确认登记新单位', lawyer: '律师', mediator: '调解员', workers: '工人及其诉求', workerName: '姓名', idNumber: '身份证号',
    mobile: '手机号（可不填）', amountClaimed: '主张金额（元）', addWorker: '添加工人', remove: '删除', roster: '上传工人名单（Excel 或 CSV）',
    rosterHelp: '列：姓名、身份证号、主张金额（必填）；手机号、类别、开始日期、结束日期、备注（可选）。',
    rosterRead: (n: number, total: string, file: string) => `已读取 ${file}：${n} 名工人，合计 ¥${formatYuan(total)}`,
    rosterBad: (n: number) => `名单有 ${n} 处错误，请在文件中改正后重新上传（表单的其他内容不受影响）：`,
    rosterRow: (row: number) => `第 ${row} 行`, removeRoster: '移除名单', total: (n: number, total: string) => `共 ${n} 名工人，主张合计 ¥${formatYuan(total)}`,
    submit: '受理立案', created: '已立案', tooMany: '一次最多 2000 名工人；更多的请立案后在案件页导入。',
    kinds: { company: '公司', project_owner: '建设单位', general_contractor: '施工总承包', subcontractor: '分包单位', labour_subcontractor: '劳务分包', individual_contractor: '包工头（个人）' } as Record<string, string>,
    industries: { construction: '建筑业', landscaping: '园林绿化', manufacturing: '制造业', catering: '餐饮业', logistics: '物流业', property_services: '物业服务', retail: '零售业', domestic_services: '家政服务', other: '其他' } as Record<string, string>,
  },
  cases: {
    intakeFrom: '受理日期起', intakeTo: '受理日期止', 
    listTitle: '案件清单', caseNumber: '案件编号', status: '状态', organisation: '承办单位', employer: '用人单位',
    lawyer: '律师', mediator: '调解员', intakeDate: '受理日期', intakeRange: '受理日期范围', workers: '人数',
    claimed: '主张金额', confirmed: '确认金额', paid: '已支付', outstanding: '未支付', searchPlaceholder: '案件编号、工人姓名或用人单位',
    exporting: '正在导出…', exportFailed: '导出失败', totalCount: (n: number) => `共 ${n} 件`, summary: '案情',
    channel: '来源', project: '项目', unassigned: '未指派', festival: '春节倒计时',
  },
  casePage: {
    printSummary: '打印案件摘要',
    noWorkers: '没有符合条件的工人', 
    conflicts: '需要注意', claimingElsewhere: (name: string, caseNumber: string | null) => caseNumber === null ? `${name} 在您范围以外的未结案件中也有诉求` : `${name} 在另一起未结案件 ${caseNumber} 中也有诉求`, 
    signedOn: '签订日期', movedOn: '发生日期', recordedAt: (at: string) => `${at} 录入`, 
    labourInspection: '劳动监察', police: '公安机关', sentTo: '已告知工人去往', note: '备注', editSummary: '修改案情', reapply: '用我的修改覆盖', staleTitle: '记录已被他人修改', currentValue: '当前内容', yourValue: '您的修改', saved: '已保存', overdueCount: (n: number) => `${n} 期逾期`, noDeadlines: '暂无法定期限', workerCount: (n: number) => `共 ${n} 名工人`, 
    overview: '概况', chain: '用工链条', workers: '工人与金额', payouts: '支付记录', sessions: '调解会', agreement: '调解协议',
    timeline: '时间线', deadlines: '法定期限', nextSteps: '下一步', noSteps: '您的角色在此状态下没有可执行的操作。',
    move: (to: string) => `转为“${to}”`, moveConfirm: (to: string) => `确定将案件转为“${to}”吗？`, reason: '原因',
    outcome: '结案结果', referredTo: '移送至', refused: '操作未被接受', moved: '状态已更新', searchWorkers: '按姓名搜索工人',
    worker: '工人', idNumber: '身份证号', mobile: '手机号', kind: '类别', period: '欠薪期间', totals: '合计',
    daysLeft: (n: number) => (n >= 0 ? `剩 ${n} 天` : `已超 ${-n} 天`), dueOn: '截止日', calendarMissing: '该年节假日安排未录入，期限可能不准',
    calendarProvisional: '该年节假日安排国务院尚未公布，已按法定节日推算；调休安排公布后期限可能变动', endedOn: '止于',
    paidOn: '支付日期', payer: '支付方', payChannel: '支付方式', amount: '金额', instalments: '分期', due: '应付日', instalmentPaid: '已付',
    overdue: '逾期', pending: '未到期', noAgreement: '尚未达成调解协议', printAgreement: '打印调解协议', printAgreementFull: '打印签字版（完整身份证号）',
    printFullHint: '供双方签字的协议书，印有工人完整的身份证号；每次打印都记入审计日志', noSessions: '暂无调解会',
    scheduledAt: '时间', room: '地点', sessionOutcome: '结果', noPayouts: '暂无支付记录', version: '版本',
  },
  inbox: { title: '提醒', unread: (n: number) => `${n} 条未读`, empty: '没有提醒', markRead: '标为已读' },
  errors: {
    network: '无法连接服务器，请检查网络后重试。', stale: '其他人已修改了这条记录。下面是最新的内容，请核对后重新提交。',
    server: '服务器出错了，请稍后重试；如果一直出现，请联系管理员。', forbidden: '您的角色不能执行此操作。',
  },
};

export type Messages = typeof zhCN;
