/**
 * The words people read for every enumerated value the server shows them: in error messages, exports,
 * the printable agreement, roster checks and reminders. One place, so a status reads the same in a
 * spreadsheet as in an error, and a new value cannot go out as a code word (labels.spec.ts checks that
 * every value of every enum the server shows has its label here, and nothing else).
 *
 * Chinese is what the service centers read; English is for `Accept-Language: en`. The web client has its
 * own catalogue (web/src/common/i18n), which may word a value for a screen's narrower space.
 *
 * Pure data: common/ knows no feature, so the groups are keyed by the values' spelling, not their types.
 */
export type Language = 'zh' | 'en';
export interface Label {
  zh: string;
  en: string;
}

const l = (zh: string, en: string): Label => ({ zh, en });

export const LABELS = {
  /** CASE_STATUSES (cases/domain/case-status.ts) */
  caseStatus: {
    received: l('已受理', 'received'),
    verifying: l('核实中', 'verifying'),
    mediating: l('调解中', 'mediating'),
    agreed: l('已达成协议', 'agreed'),
    paying: l('支付中', 'paying'),
    closed: l('已结案', 'closed'),
    arbitration: l('转仲裁', 'in arbitration'),
    litigation: l('转诉讼', 'in litigation'),
    referred: l('已移送', 'referred'),
    withdrawn: l('已撤回', 'withdrawn'),
    rejected: l('不予受理', 'rejected'),
  },
  /** CLOSING_OUTCOMES */
  closingOutcome: {
    paid_in_full: l('全额支付', 'paid in full'),
    partly_paid: l('部分支付', 'partly paid'),
  },
  /** REFERRAL_TARGETS */
  referralTarget: {
    labour_inspection: l('劳动保障监察', 'labour inspection'),
    police: l('公安机关', 'police'),
  },
  /** INTAKE_CHANNELS (cases/case.record.ts) */
  intakeChannel: {
    walk_in: l('来访', 'walk-in'),
    hotline_12351: l('12351热线', '12351 hotline'),
    outreach_visit: l('走访发现', 'outreach visit'),
    labour_bureau_referral: l('人社部门转办', 'labour bureau referral'),
    online: l('网上', 'online'),
  },
  /** CHAIN_ROLES (cases/case-employer.record.ts): an employer's place in the subcontracting chain of a case */
  chainRole: {
    employer: l('用人单位', 'employer'),
    project_owner: l('建设单位', 'project owner'),
    general_contractor: l('施工总承包单位', 'general contractor'),
    subcontractor: l('分包单位', 'subcontractor'),
    labour_subcontractor: l('劳务分包单位', 'labour subcontractor'),
    individual_contractor: l('包工头', 'labour-gang head'),
  },
  /** EVIDENCE_KINDS (cases/case-evidence.record.ts) */
  evidenceKind: {
    contract: l('劳动合同', 'contract'),
    attendance: l('考勤记录', 'attendance record'),
    wage_sheet: l('工资表', 'wage sheet'),
    iou: l('欠条', 'IOU'),
    chat_records: l('聊天记录', 'chat records'),
    witness: l('证人证言', 'witness statement'),
    bank_records: l('银行流水', 'bank records'),
    other: l('其他', 'other'),
  },
  /** CLAIM_KINDS (claims/claim.record.ts) */
  claimKind: {
    wages: l('工资', 'wages'),
    labour_fees: l('劳务费', 'labour fees'),
    other: l('其他', 'other'),
  },
  /** CLAIM_STANDINGS (claims/dto/claim.dto.ts) */
  claimStanding: {
    unconfirmed: l('未核实', 'unconfirmed'),
    owed: l('尚欠', 'still owed'),
    paid: l('已付清', 'paid in full'),
  },
  /** EMPLOYER_KINDS (employers/employer.record.ts) */
  employerKind: {
    company: l('公司', 'company'),
    project_owner: l('建设单位', 'project owner'),
    general_contractor: l('施工总承包单位', 'general contractor'),
    subcontractor: l('分包单位', 'subcontractor'),
    labour_subcontractor: l('劳务分包单位', 'labour subcontractor'),
    individual_contractor: l('包工头（个人）', 'labour-gang head (a person)'),
  },
  /** INDUSTRIES (employers/employer.record.ts) */
  industry: {
    construction: l('建筑业', 'construction'),
    landscaping: l('园林绿化', 'landscaping'),
    manufacturing: l('制造业', 'manufacturing'),
    catering: l('餐饮业', 'catering'),
    logistics: l('物流业', 'logistics'),
    property_services: l('物业服务', 'property services'),
    retail: l('零售业', 'retail'),
    domestic_services: l('家政服务', 'domestic services'),
    other: l('其他', 'other'),
  },
  /** SUBCONTRACT_ROLES (projects/project-subcontract.record.ts) */
  subcontractRole: {
    subcontractor: l('分包单位', 'subcontractor'),
    labour_subcontractor: l('劳务分包单位', 'labour subcontractor'),
    individual_contractor: l('包工头', 'labour-gang head'),
  },
  /** PAYER_KINDS (payouts/payout.record.ts) */
  payerKind: {
    employer: l('用人单位', 'employer'),
    general_contractor: l('施工总承包单位（先行清偿）', 'general contractor (pays first)'),
    project_owner: l('建设单位（垫付）', 'project owner (advance)'),
    guarantee_deposit: l('工资保证金', 'wage guarantee deposit'),
    emergency_fund: l('应急周转金', 'emergency revolving fund'),
    court_enforcement: l('法院强制执行', 'court enforcement'),
  },
  /** PAYOUT_CHANNELS (payouts/payout.record.ts) */
  payoutChannel: {
    bank_transfer: l('转账至本人银行卡', "transfer to the worker's own card"),
    dedicated_wage_account: l('工资专用账户代发', 'dedicated wage account'),
    cash_with_signature: l('现金（本人签收）', 'cash, signed for'),
  },
  /** ROLES (auth/domain/roles.ts) */
  role: {
    admin: l('管理员', 'administrator'),
    leader: l('工会领导', 'union leader'),
    lawyer: l('律师', 'lawyer'),
    mediator: l('调解员', 'mediator'),
    intake_clerk: l('受理员', 'intake clerk'),
  },
  /** ORGANISATION_KINDS (organisations/organisation.record.ts) */
  organisationKind: {
    city_federation: l('市总工会', 'city federation of trade unions'),
    district_federation: l('区总工会', 'district federation of trade unions'),
    industry_union: l('产业工会', 'industry union'),
    service_center: l('职工服务中心', 'worker service center'),
  },
  /** SESSION_STATUSES (mediation/dto/mediation.dto.ts) */
  sessionStatus: {
    scheduled: l('已安排', 'scheduled'),
    held: l('已召开', 'held'),
    cancelled: l('已取消', 'cancelled'),
  },
  /** SESSION_OUTCOMES */
  sessionOutcome: {
    agreement: l('达成协议', 'agreement reached'),
    no_agreement: l('未达成协议', 'no agreement'),
    adjourned: l('延期', 'adjourned'),
  },
  /** ATTENDANCE_PARTIES */
  attendanceParty: {
    worker_representative: l('劳动者代表', "workers' representative"),
    worker: l('劳动者', 'worker'),
    employer: l('用人单位', 'employer'),
    lawyer: l('律师', 'lawyer'),
    other: l('其他', 'other'),
  },
  /** AGREEMENT_SCHEDULES */
  agreementSchedule: {
    total: l('按总额分期', 'instalments of the total'),
    per_worker: l('按人分期', 'instalments per worker'),
  },
  /** ID_NUMBER_DISPLAYS (mediation/dto/agreement-document.dto.ts): how the printable agreement shows id numbers */
  idNumberDisplay: {
    masked: l('部分隐藏', 'masked'),
    full: l('完整', 'in full'),
  },
  /** INSTALMENT_STATES (mediation/domain/instalments.ts) */
  instalmentState: {
    paid: l('已付清', 'paid'),
    upcoming: l('未到期', 'not yet due'),
    due_today: l('今日到期', 'due today'),
    overdue: l('逾期', 'overdue'),
  },
  /** CLOCK_KINDS (legal-clocks/domain/legal-clocks.ts) */
  clockKind: {
    mediation: l('调解期限', 'mediation period'),
    arbitration_acceptance: l('仲裁受理期限', 'arbitration acceptance period'),
    arbitration_award: l('仲裁裁决期限', 'arbitration award period'),
    limitation: l('仲裁时效', 'limitation period'),
    instalment: l('调解协议分期履行', 'agreement instalment'),
    payment_order_acceptance: l('支付令受理期限', 'payment order acceptance period'),
    payment_order_issue: l('支付令发出期限', 'payment order issue period'),
    payment_order_objection: l('支付令异议期', 'payment order objection period'),
    labour_bureau_order: l('责令限期支付', 'labour bureau order to pay'),
  },
  /** CLOCK_STATES */
  clockState: {
    running: l('进行中', 'running'),
    due_today: l('今日到期', 'due today'),
    overdue: l('已逾期', 'overdue'),
    satisfied: l('已满足', 'satisfied'),
    not_running: l('未起算', 'not running'),
    concluded: l('已结案，不再计算', 'case concluded'),
  },
  /** CASE_CONCLUSIONS (legal-clocks/domain/legal-clocks.ts): how a concluded case ended */
  caseConclusion: {
    paid_in_full: l('全额支付结案', 'closed, paid in full'),
    partly_paid: l('部分支付结案', 'closed, partly paid'),
    withdrawn: l('已撤回', 'withdrawn'),
    rejected: l('不予受理', 'not accepted'),
  },
  /** CRIMINAL_THRESHOLD_REASONS (legal-clocks/domain/criminal-threshold.ts) */
  criminalThresholdReason: {
    individual: l('单个劳动者欠薪达到数额标准', "one worker's arrears reach the amount"),
    group: l('十名以上劳动者欠薪达到数额标准', "ten or more workers' arrears reach the amount"),
    no_government_order: l('尚无政府部门责令支付后仍不支付的记录', 'no record of refusing to pay after a government order'),
  },
  /** CASE_EVENT_KINDS (timeline/case-event.record.ts) */
  caseEventKind: {
    case_opened: l('受理立案', 'case opened'),
    case_updated: l('修改案件信息', 'case changed'),
    case_dispatched: l('派单', 'dispatched'),
    status_changed: l('状态变更', 'status changed'),
    lawyer_assigned: l('指派律师', 'lawyer assigned'),
    mediator_assigned: l('指派调解员', 'mediator assigned'),
    employer_added: l('添加用人单位', 'employer added'),
    evidence_added: l('收到证据', 'evidence received'),
    note_added: l('备注', 'note'),
    claims_added: l('添加劳动者诉求', 'workers added'),
    claim_updated: l('修改诉求', 'claim corrected'),
    claims_confirmed: l('确认金额', 'amounts confirmed'),
    payouts_recorded: l('登记支付', 'payouts recorded'),
    session_scheduled: l('安排调解会', 'session scheduled'),
    session_held: l('召开调解会', 'session held'),
    session_cancelled: l('取消调解会', 'session cancelled'),
    representatives_elected: l('推选代表', 'representatives elected'),
    agreement_signed: l('签订调解协议', 'agreement signed'),
    legal_dates_recorded: l('登记法律程序日期', 'legal dates recorded'),
    payout_correction_requested: l('申请冲正', 'payout correction requested'),
    payout_corrected: l('冲正生效', 'payout corrected'),
    payout_correction_rejected: l('驳回冲正', 'payout correction rejected'),
    callback_answered: l('结案回访', 'callback made'),
    callback_followed_up: l('回访不满意已跟进', 'dissatisfaction followed up'),
    held_money_handed_over: l('代管款项移交工人', 'held money handed over'),
    file_attached: l('上传证据材料', 'evidence file attached'),
  },
  /** REFUSED_KINDS (case-files/domain/file-types.ts): what a refused upload was found to be */
  refusedFileKind: {
    windows_program: l('一个 Windows 程序（.exe 等）', 'a Windows program (.exe or alike)'),
    linux_program: l('一个 Linux 程序', 'a Linux program'),
    zip_or_office: l('一个压缩包或 Office 文档', 'a ZIP archive or an Office document'),
    gif: l('一张 GIF 动图', 'a GIF image'),
    unknown: l('无法识别的格式', 'of a kind not recognised'),
  },
  /** HELD_PLACES (payouts/payout.record.ts) */
  heldPlace: {
    union_account: l('工会账户代管', 'held in the union’s account'),
    labour_bureau_account: l('劳动保障部门账户代管', 'held in the labour bureau’s account'),
  },
  /** SATISFACTIONS (callbacks/domain/callback-rules.ts) */
  satisfaction: {
    satisfied: l('满意', 'satisfied'),
    basically_satisfied: l('基本满意', 'basically satisfied'),
    not_satisfied: l('不满意', 'not satisfied'),
  },
  /** CALLBACK_STATUSES (callbacks/domain/callback-rules.ts) */
  callbackStatus: {
    open: l('待回访', 'to call'),
    answered: l('已回访', 'called'),
    cancelled: l('已取消', 'cancelled'),
  },
  /** CORRECTION_STATUSES (payouts/domain/correction-rules.ts) */
  correctionStatus: {
    pending: l('待审批', 'pending'),
    approved: l('已批准', 'approved'),
    rejected: l('已驳回', 'rejected'),
  },
  /** REMINDER_KINDS (reminders/domain/reminder-policy.ts) */
  reminderKind: {
    festival_countdown: l('春节倒计时', 'festival countdown'),
    leader_digest: l('欠薪日报', 'daily digest'),
    mediation_limit: l('调解期限', 'mediation period'),
    instalment_due: l('分期款到期', 'instalment due'),
    instalment_overdue: l('分期款逾期', 'instalment overdue'),
    session_tomorrow: l('明日调解', 'session tomorrow'),
    arbitration_deadline: l('仲裁期限', 'arbitration deadline'),
    limitation_deadline: l('仲裁时效', 'limitation deadline'),
    callback_due: l('结案回访', 'callback due'),
    callback_unsatisfied: l('回访不满意', 'callback not satisfied'),
    worker_report_overdue: l('网上反映超期', 'online report overdue'),
  },
  /** URGENCIES (reminders/domain/reminder-policy.ts): the tag a reminder's title starts with */
  urgency: {
    info: l('通知', 'notice'),
    warning: l('提醒', 'reminder'),
    urgent: l('紧急', 'urgent'),
  },
  /** CHANNELS (reminders/channels.ts): where reminders are delivered */
  reminderChannel: {
    email: l('电子邮件', 'e-mail'),
    wecom: l('企业微信', 'WeCom'),
    webhook: l('Webhook 接口', 'webhook'),
  },
  /** DELIVERY_STATUSES (reminders/dto/reminders.dto.ts) */
  deliveryStatus: {
    pending: l('待发送', 'pending'),
    delivered: l('已发送', 'delivered'),
  },
  /** CONSULTATION_CHANNELS (desk/dto/desk.dto.ts) */
  consultationChannel: {
    walk_in: l('来访', 'walk-in'),
    hotline_12351: l('12351热线', '12351 hotline'),
    phone: l('电话', 'phone'),
    online: l('网上', 'online'),
    outreach_visit: l('走访中', 'on an outreach visit'),
  },
  /** CONSULTATION_TOPICS */
  consultationTopic: {
    unpaid_wages: l('拖欠工资', 'unpaid wages'),
    unpaid_labour_fees: l('拖欠劳务费', 'unpaid labour fees'),
    no_written_contract: l('未签劳动合同', 'no written contract'),
    work_injury: l('工伤', 'work injury'),
    social_insurance: l('社会保险', 'social insurance'),
    dismissal: l('解除劳动关系', 'dismissal'),
    other: l('其他', 'other'),
  },
  /** FINDINGS_OR_NA (FINDINGS without not_applicable): what an outreach visit found */
  finding: {
    in_order: l('规范', 'in order'),
    incomplete: l('不完整', 'incomplete'),
    missing: l('没有', 'missing'),
    not_applicable: l('不适用', 'not applicable'),
  },
  /** EARLY_WARNING_STATUSES */
  earlyWarningStatus: {
    open: l('待处理', 'open'),
    case_opened: l('已立案', 'case opened'),
    dismissed: l('已撤销', 'dismissed'),
  },
  /** STATUTORY_FESTIVALS (calendar/domain/statutory-holidays.ts): the festivals of the national holidays regulation */
  statutoryFestival: {
    new_year: l('元旦', "New Year's Day"),
    spring_festival: l('春节', 'Spring Festival'),
    qingming: l('清明节', 'Qingming Festival'),
    labour_day: l('劳动节', 'Labour Day'),
    dragon_boat: l('端午节', 'Dragon Boat Festival'),
    mid_autumn: l('中秋节', 'Mid-Autumn Festival'),
    national_day: l('国庆节', 'National Day'),
  },
  /** TARGET_SCOPES (campaign/domain/season.ts): which cases a season's target applies to */
  targetScope: {
    verified_cases: l('已核实的案件', 'verified cases'),
    all_cases: l('全部案件', 'all cases'),
  },
  /** JOINT_PUNISHMENT_CRITERIA (reports/domain/joint-punishment.ts) */
  jointPunishmentCriterion: {
    criminal_amount: l('欠薪达到拒不支付劳动报酬罪的数额标准', 'arrears reach the amount of the crime of refusing to pay'),
    order_ignored: l('经责令限期支付仍未支付', 'not paid by the date the labour bureau ordered'),
    police_referral: l('案件已移送公安机关', 'a case was referred to the police'),
    large_group_unpaid: l('大量劳动者未获支付', 'a large group of workers left unpaid'),
    repeated_arrears: l('多次拖欠', 'repeated arrears'),
  },
  /** AUDIT_ACTIONS (audit/dto/audit-query.dto.ts) */
  auditAction: {
    insert: l('新增', 'added'),
    update: l('修改', 'changed'),
    delete: l('删除', 'deleted'),
    reveal: l('查看完整号码', 'full number shown'),
    download: l('打开文件', 'file opened'),
    login: l('登录', 'logged in'),
    login_failed: l('登录失败', 'login failed'),
    logout: l('退出登录', 'logged out'),
    lookup: l('工人查询进度', 'worker looked up his report'),
    lookup_failed: l('查询进度失败（回执号或查询码不对）', 'lookup failed (wrong receipt number or code)'),
  },
  /** REPORT_STATUSES (worker-reports/domain/report-rules.ts): a worker's online report in the union's queue */
  workerReportStatus: {
    submitted: l('待处理', 'waiting'),
    accepted: l('已立案', 'accepted into a case'),
    joined: l('已并案', 'joined to a case'),
    declined: l('不予受理', 'declined'),
  },
  /** WORKER_STAGES (worker-reports/domain/report-rules.ts): where his report and case are, as the worker reads it */
  workerStage: {
    waiting: l('已收到，等待工会处理', 'received, waiting for the union'),
    declined: l('工会不予受理', 'declined by the union'),
    verifying: l('正在核实欠薪情况', 'the arrears are being checked'),
    mediating: l('正在调解', 'in mediation'),
    paying: l('已达成协议，正在付款', 'agreed, being paid'),
    closed: l('已办结', 'concluded'),
    elsewhere: l('已转仲裁、诉讼、劳动监察或公安', 'moved to arbitration, a court, labour inspection or the police'),
    ended: l('已撤回或不予受理', 'withdrawn or not accepted'),
  },
  /** Why a request was taken for not logged in (UNAUTHENTICATED's reason): sentences, not names */
  unauthenticatedReason: {
    missing_token: l('请求未携带登录凭证', 'the request carries no access token'),
    invalid_token: l('登录凭证无效或已注销', 'the access token is invalid or was revoked'),
    expired_token: l('登录已过期，请刷新或重新登录', 'the access token has expired; refresh it or log in again'),
    invalid_refresh_token: l('刷新凭证无效或已过期，请重新登录', 'the refresh token is invalid or expired; log in again'),
  },
} as const satisfies Record<string, Record<string, Label>>;

export type LabelGroup = keyof typeof LABELS;

/** The label of a value in a language; an unknown value is shown as it is (never an empty cell). */
export function labelOf(group: LabelGroup, value: string, language: Language = 'zh'): string {
  const labels: Record<string, Label> = LABELS[group];
  return Object.hasOwn(labels, value) ? labels[value][language] : value;
}

/** For export columns: the Chinese label, and null stays null (an empty cell). */
export function chineseLabel(group: LabelGroup, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : labelOf(group, value, 'zh');
}

/**
 * The group an `allowed` list of codes comes from, to label it: the group of exactly these values, else
 * the one smallest group holding them all (FINDINGS is `finding` without not_applicable); null when none
 * is, or when two groups would do equally well (their words might differ).
 */
export function groupOfValues(values: readonly string[]): LabelGroup | null {
  const holding = (Object.keys(LABELS) as LabelGroup[])
    .map((group) => ({ group, keys: Object.keys(LABELS[group]) }))
    .filter(({ keys }) => values.every((value) => keys.includes(value)));
  const smallest = Math.min(...holding.map(({ keys }) => keys.length));
  const best = holding.filter(({ keys }) => keys.length === smallest);
  return best.length === 1 ? best[0].group : null;
}
