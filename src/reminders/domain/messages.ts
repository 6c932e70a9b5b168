/**
 * The Chinese texts of reminders. Every message about a case says which case (案件编号), how many workers
 * are still owed, how much is outstanding and how many days are left, and links to the case, so that
 * whoever reads it on a phone knows what to do without opening anything else.
 *
 * Bodies are plain text (in-app inbox, e-mail); `wecomMarkdown` wraps one for a WeCom group robot.
 *
 * Pure: no framework, no database, no clock.
 */
import { labelOf } from '../../common/labels/labels';
import { formatYuan, sumFen } from '../../common/money/money';
import { urgencyOf, Urgency } from './reminder-policy';

export interface Message {
  title: string;
  body: string;
}

/** What every message about a case repeats. */
export interface CaseSummary {
  caseNumber: string;
  workersOwed: number;
  outstandingFen: bigint;
  /** `caseLink(baseUrl, caseId)`. */
  link: string;
  /** When given, a deadline message also counts down to the festival's eve: the deadline behind every other. */
  daysToEve?: number;
}

export interface DigestRow {
  organisationName: string;
  cases: number;
  workers: number;
  outstandingFen: bigint;
}

export interface DigestTotals {
  cases: number;
  workers: number;
  outstandingFen: bigint;
}

export interface DigestMessage extends Message {
  /** The sums of the rows, exact to the fen: the figures in the text are these. */
  totals: DigestTotals;
}

export interface WecomMarkdownMessage {
  msgtype: 'markdown';
  markdown: { content: string };
}

/** WeCom rejects markdown content over 4096 bytes of UTF-8 (errcode 40058), so longer text is cut. */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

/** 【紧急】, 【提醒】, 【通知】: the tag a title starts with. */
function urgencyTag(urgency: Urgency): string {
  return `【${labelOf('urgency', urgency)}】`;
}

/** The case page in the web application. */
export function caseLink(baseUrl: string, caseId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/app/cases/${encodeURIComponent(caseId)}`;
}

/** The case list in the web application, filtered: a person's open cases still owing, as lawyer or as mediator. */
export function owingCasesLink(baseUrl: string, role: 'lawyer' | 'mediator', personId: string): string {
  const filter = new URLSearchParams({ [role === 'lawyer' ? 'lawyerId' : 'mediatorId']: personId, open: 'true', owing: 'true' });
  return `${baseUrl.replace(/\/+$/, '')}/app/cases?${filter}`;
}

/** Yuan with two decimals and thousands separators: 1234567890n → '12,345,678.90'. */
export function formatYuanGrouped(fen: bigint): string {
  const [sign, digits] = fen < 0n ? ['-', formatYuan(-fen)] : ['', formatYuan(fen)];
  const [yuan, decimals] = digits.split('.');
  return `${sign}${yuan.replace(/\B(?=(\d{3})+$)/g, ',')}.${decimals}`;
}

/** 距除夕还有 7 天 / 今天是除夕 / 除夕已过 2 天. */
export function eveCountdown(daysToEve: number): string {
  if (daysToEve > 0) return `距除夕还有 ${daysToEve} 天`;
  if (daysToEve === 0) return '今天是除夕';
  return `除夕已过 ${-daysToEve} 天`;
}

/** 还有 3 天到期 / 今天到期 / 已逾期 2 天, with the date. */
export function deadlineCountdown(daysLeft: number, dueOn: string): string {
  if (daysLeft > 0) return `还有 ${daysLeft} 天到期（${dueOn}）`;
  if (daysLeft === 0) return `今天到期（${dueOn}）`;
  return `已逾期 ${-daysLeft} 天（${dueOn}）`;
}

/** How many of a person's owing cases his festival countdown names, most owed first; the rest are counted. */
export const FESTIVAL_CASES_NAMED = 10;

/** One owing case in a festival countdown. */
export interface FestivalCaseLine {
  caseNumber: string;
  workersOwed: number;
  outstandingFen: bigint;
  link: string;
}

/**
 * 春节倒计时: one message to a lawyer or mediator on a countdown day about all his owing cases: how many,
 * how many workers are still owed and how much (summed here from `owing`, so the text cannot disagree
 * with it), the most owed of them by name (`named`, at most FESTIVAL_CASES_NAMED, most owed first) and
 * the case lists of them all (`lists`: as lawyer, as mediator). One owing case is named in the title.
 */
export function festivalMessage(input: {
  owing: { workersOwed: number; outstandingFen: bigint }[];
  named: FestivalCaseLine[];
  lists: { role: 'lawyer' | 'mediator'; link: string }[];
  daysToEve: number;
}): Message {
  const cases = input.owing.length;
  const workers = input.owing.reduce((sum, line) => sum + line.workersOwed, 0);
  const amount = formatYuanGrouped(sumFen(input.owing.map((line) => line.outstandingFen)));
  const countdown = eveCountdown(input.daysToEve);
  const only = cases === 1 ? input.named[0] : undefined;
  const unnamed = cases - input.named.length;
  return {
    title: only
      ? `${urgencyTag(urgencyOf(input.daysToEve))}${countdown}：案件 ${only.caseNumber} 仍欠 ${workers} 名劳动者 ${amount} 元`
      : `${urgencyTag(urgencyOf(input.daysToEve))}${countdown}：您的 ${cases} 件案件仍欠 ${workers} 名劳动者 ${amount} 元`,
    body: lines(
      only
        ? `案件 ${only.caseNumber}：仍有 ${workers} 名劳动者被欠薪，尚欠 ${amount} 元。`
        : `您承办或调解的 ${cases} 件案件仍有 ${workers} 名劳动者被欠薪，共欠 ${amount} 元。`,
      `${countdown}。劳动者要回家过年，请在除夕前督促用人单位和总包单位足额支付。`,
      only ? `查看案件：${only.link}` : `欠款最多的 ${input.named.length} 件：`,
      ...(only ? [] : input.named.map((line) => `${line.caseNumber}：${line.workersOwed} 名劳动者，尚欠 ${formatYuanGrouped(line.outstandingFen)} 元 ${line.link}`)),
      unnamed > 0 ? `另有 ${unnamed} 件。` : null,
      ...(only ? [] : input.lists.map((list) => `${list.role === 'lawyer' ? '您承办' : '您调解'}的全部欠薪案件：${list.link}`)),
    ),
  };
}

/** 调解期限: mediation must end within 15 days of the application (LDMAA art. 14), then arbitration opens. */
export function mediationLimitMessage(input: CaseSummary & { limitOn: string; daysLeft: number }): Message {
  return deadlineMessage(input, {
    what: labelOf('clockKind', 'mediation'),
    daysLeft: input.daysLeft,
    dueOn: input.limitOn,
    advice: '期满未达成调解协议的，劳动者可以依法申请仲裁，请及时告知并协助准备材料。',
  });
}

/** 分期款到期: an instalment of a mediation agreement falls due. */
export function instalmentDueMessage(input: CaseSummary & { instalmentFen: bigint; dueOn: string; daysLeft: number }): Message {
  return deadlineMessage(input, {
    what: `调解协议分期款 ${formatYuanGrouped(input.instalmentFen)} 元`,
    daysLeft: input.daysLeft,
    dueOn: input.dueOn,
    advice: '请提醒用人单位按期支付，并在到账后登记。',
  });
}

/** 分期款逾期: repeated every day while the instalment stays unpaid. */
export function instalmentOverdueMessage(
  input: CaseSummary & { unpaidFen: bigint; dueOn: string; daysOverdue: number },
): Message {
  return deadlineMessage(input, {
    what: `调解协议分期款（未付 ${formatYuanGrouped(input.unpaidFen)} 元）`,
    daysLeft: -input.daysOverdue,
    dueOn: input.dueOn,
    advice: '用人单位未按协议履行的，可以依法申请支付令或申请仲裁，请尽快跟进。',
  });
}

/** 明日调解: the session is tomorrow, so people can still arrange to be there. */
export function sessionTomorrowMessage(
  input: CaseSummary & { sessionOn: string; startsAt: string | null; place: string | null },
): Message {
  const when = input.startsAt ? `${input.sessionOn} ${input.startsAt}` : input.sessionOn;
  return {
    title: `【明日调解】案件 ${input.caseNumber}：${when}`,
    body: lines(
      `案件 ${input.caseNumber} 明天开调解会：${when}${input.place ? `，地点：${input.place}` : ''}。`,
      caseFacts(input),
      input.daysToEve === undefined ? null : `${eveCountdown(input.daysToEve)}。`,
      `查看案件：${input.link}`,
    ),
  };
}

/** 结案回访: the case is closed; the worker (or the group's representative) is to be called and asked. */
export function callbackDueMessage(input: { caseNumber: string; link: string; closedOn: string; dueOn: string; daysLeft: number }): Message {
  const when = input.daysLeft === 0 ? '今天' : `${input.dueOn} 前`;
  return {
    title: `${urgencyTag(urgencyOf(input.daysLeft))}案件 ${input.caseNumber} 结案回访：${when}`,
    body: lines(
      `案件 ${input.caseNumber} 已于 ${input.closedOn} 结案，请${when}回访工人（或工人代表）：工资是否已经到手，对处理结果是否满意。`,
      '回访后在案件页记录是否联系上和满意度；“不满意”会转给领导跟进。',
      `查看案件：${input.link}`,
    ),
  };
}

/** The queue of workers' online reports in the web application, opened at one report. */
export function workerReportLink(baseUrl: string, reportId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/app/online-reports?report=${encodeURIComponent(reportId)}`;
}

/** 网上反映超期: a worker's online report has waited past the days it may wait. */
export function workerReportOverdueMessage(input: {
  receiptNumber: string;
  organisationName: string;
  employerName: string;
  coWorkers: number;
  submittedOn: string;
  handleByOn: string;
  daysOver: number;
  link: string;
}): Message {
  const who = input.coWorkers > 0 ? `（他说还有 ${input.coWorkers} 名工友被欠）` : '';
  return {
    title: `${urgencyTag('urgent')}工人网上反映 ${input.receiptNumber} 已超期 ${input.daysOver} 天未处理`,
    body: lines(
      `工人于 ${input.submittedOn} 向${input.organisationName}网上反映${input.employerName}欠薪${who}，应在 ${input.handleByOn} 前处理，至今未受理、并案或答复。`,
      '工人凭回执号能看到处理进度：请尽快立案、并入已有案件，或写明不予受理的理由。',
      `去处理：${input.link}`,
    ),
  };
}

/** 回访不满意: a worker said he is not satisfied; a leader of the case's scope is to follow it up. */
export function callbackUnsatisfiedMessage(input: { caseNumber: string; link: string; calledOn: string; daysSince: number }): Message {
  return {
    title: `${urgencyTag('urgent')}案件 ${input.caseNumber} 回访不满意，待跟进`,
    body: lines(
      `案件 ${input.caseNumber} 在 ${input.calledOn} 的结案回访中，工人表示不满意${input.daysSince > 1 ? `，已过去 ${input.daysSince} 天仍未跟进` : ''}。`,
      '请了解原因、督促解决，并在案件页记录跟进情况。',
      `查看案件：${input.link}`,
    ),
  };
}

/** 仲裁期限: a deadline of arbitration (acceptance, award) from the legal clocks, named by the caller. */
export function arbitrationDeadlineMessage(
  input: CaseSummary & { deadlineName: string; dueOn: string; daysLeft: number },
): Message {
  return deadlineMessage(input, {
    what: input.deadlineName,
    daysLeft: input.daysLeft,
    dueOn: input.dueOn,
    advice: '期满未受理或未作出裁决的，劳动者可以依法直接向人民法院起诉，请及时跟进。',
  });
}

/** 仲裁时效: the one-year limitation (LDMAA art. 27); once it runs out the worker may lose the claim. */
export function limitationDeadlineMessage(input: CaseSummary & { dueOn: string; daysLeft: number }): Message {
  return deadlineMessage(input, {
    what: labelOf('clockKind', 'limitation'),
    daysLeft: input.daysLeft,
    dueOn: input.dueOn,
    advice: '时效届满前请申请仲裁或向用人单位书面主张权利，使时效中断。',
  });
}

/**
 * 每日汇总 for a leader: what is still unpaid in the scope, by organisation, and what was paid since the
 * day before. The totals are summed here from the rows, so the text can never disagree with them.
 */
export function digestMessage(input: {
  scopeName: string;
  rows: DigestRow[];
  paidSinceYesterdayFen: bigint;
  daysToEve: number;
}): DigestMessage {
  const totals = digestTotals(input.rows);
  const countdown = eveCountdown(input.daysToEve);
  return {
    title: `${urgencyTag(urgencyOf(input.daysToEve))}${input.scopeName}欠薪日报：${countdown}`,
    body: lines(
      `${countdown}。${input.scopeName}仍欠薪：${totals.cases} 件案件，${totals.workers} 名劳动者，共 ${formatYuanGrouped(totals.outstandingFen)} 元。`,
      `昨日以来已支付：${formatYuanGrouped(input.paidSinceYesterdayFen)} 元。`,
      input.rows.length === 0 ? '各单位均已无欠薪。' : '按单位：',
      ...byLargestDebt(input.rows).map(digestLine),
    ),
    totals,
  };
}

/** Exact sums of the rows: counts as numbers, money as bigint fen. */
export function digestTotals(rows: DigestRow[]): DigestTotals {
  return {
    cases: rows.reduce((sum, row) => sum + row.cases, 0),
    workers: rows.reduce((sum, row) => sum + row.workers, 0),
    outstandingFen: sumFen(rows.map((row) => row.outstandingFen)),
  };
}

/**
 * The WeCom (企业微信) group-robot message: `{ msgtype: 'markdown', markdown: { content } }`, POSTed as
 * JSON to the robot's webhook. The title becomes a heading and bare links become markdown links so they
 * can be tapped; content is cut to WeCom's 4096-byte limit on a character boundary.
 */
export function wecomMarkdown(title: string, body: string): WecomMarkdownMessage {
  const content = `### ${title}\n${body.replace(/(https?:\/\/[^\s)）]+)/g, '[$1]($1)')}`;
  return { msgtype: 'markdown', markdown: { content: truncateUtf8(content, WECOM_MARKDOWN_MAX_BYTES) } };
}

function deadlineMessage(
  summary: CaseSummary,
  deadline: { what: string; daysLeft: number; dueOn: string; advice: string },
): Message {
  const countdown = deadlineCountdown(deadline.daysLeft, deadline.dueOn);
  return {
    title: `${urgencyTag(urgencyOf(deadline.daysLeft))}案件 ${summary.caseNumber} ${deadline.what}${countdown}`,
    body: lines(
      `案件 ${summary.caseNumber} 的${deadline.what}${countdown}。`,
      caseFacts(summary),
      summary.daysToEve === undefined ? null : `${eveCountdown(summary.daysToEve)}。`,
      deadline.advice,
      `查看案件：${summary.link}`,
    ),
  };
}

function caseFacts(summary: CaseSummary): string {
  return `仍有 ${summary.workersOwed} 名劳动者被欠薪，尚欠 ${formatYuanGrouped(summary.outstandingFen)} 元。`;
}

function digestLine(row: DigestRow): string {
  return `- ${row.organisationName}：${row.cases} 件，${row.workers} 人，${formatYuanGrouped(row.outstandingFen)} 元`;
}

/** The largest debts first, because that is where a leader's call helps most; ties by name. */
function byLargestDebt(rows: DigestRow[]): DigestRow[] {
  return [...rows].sort((a, b) => {
    if (a.outstandingFen !== b.outstandingFen) return a.outstandingFen > b.outstandingFen ? -1 : 1;
    return a.organisationName.localeCompare(b.organisationName, 'zh-Hans-CN');
  });
}

function lines(...parts: (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).join('\n');
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, never splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsis = '…';
  let bytes = Buffer.byteLength(ellipsis, 'utf8');
  let kept = '';
  for (const character of text) {
    bytes += Buffer.byteLength(character, 'utf8');
    if (bytes > maxBytes) break;
    kept += character;
  }
  return kept + ellipsis;
}
