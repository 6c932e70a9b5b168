import { ErrorCode, FieldErrorCode } from './error-codes';

export type Language = 'zh' | 'en';
type Message = { zh: string; en: string };

/** Chinese first: the people at the service centers read Chinese; English on request (Accept-Language: en). */
export const ERROR_MESSAGES: Record<ErrorCode, Message> = {
  VALIDATION_FAILED: { zh: '提交的内容有 {count} 处需要修改', en: '{count} field(s) need correcting' },
  ROSTER_INVALID: {
    zh: '名单有 {count} 处错误，整份名单未导入；请改正后重新上传',
    en: 'The roster has {count} problem(s); nothing was imported. Correct them and upload it again',
  },
  MALFORMED_REQUEST: { zh: '请求无法解析：{detail}', en: 'The request could not be read: {detail}' },
  REQUEST_TOO_DEEP: {
    zh: '提交的内容嵌套超过 {max} 层，无法处理；请按接口文档的格式发送',
    en: 'The request is nested more than {max} levels deep; send the data flat, as the API document shows',
  },
  INVALID_PATH_ID: { zh: '地址中的编号格式不正确：{value}', en: 'The id in the address is not valid: {value}' },
  UNAUTHENTICATED: {
    zh: '请先登录（{reason}）',
    en: 'Please log in ({reason})',
  },
  LOGIN_FAILED: { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  ACCOUNT_DISABLED: { zh: '该账号已停用，请联系管理员', en: 'This account is deactivated; ask an administrator' },
  FORBIDDEN: {
    zh: '您的角色（{role}）无权执行此操作',
    en: 'Your role ({role}) is not allowed to do this',
  },
  FULL_ID_NUMBERS_NOT_ALLOWED: {
    zh: '您的角色（{role}）不能查看完整身份证号。可以打印身份证号部分隐藏的协议书；需要完整身份证号的，请{roles}打印',
    en: 'Your role ({role}) may not see full id numbers: print the agreement with them masked, or ask a {roles} to print it in full',
  },
  EXPORTS_BUSY: {
    zh: '正在导出的报表较多，请 {seconds} 秒后再试',
    en: 'Too many exports are running; try again in {seconds} seconds',
  },
  LOGIN_THROTTLED: {
    zh: '登录失败次数过多，请 {seconds} 秒后再试',
    en: 'Too many failed logins; try again in {seconds} seconds',
  },
  ACCOUNT_LOCKED: {
    zh: '登录失败次数过多，已暂时锁定，请 {minutes} 分钟后再试或联系管理员',
    en: 'Too many failed logins: locked for now; try again in {minutes} minutes or ask an administrator',
  },
  ADDRESS_LOCKED: {
    zh: '从这个网络地址登录失败的次数过多，该地址已暂时锁定，请 {minutes} 分钟后再试（同一地址的其他人也须等待）',
    en: 'Too many failed logins from this network address: it is locked for now; try again in {minutes} minutes (everyone behind this address waits too)',
  },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '该 Idempotency-Key 已用于另一个不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  CHANNEL_NOT_SET_UP: {
    zh: '还没有填写{channel}的地址：请先填写并保存，再发送测试',
    en: 'No {channel} address yet: enter and save one, then send the test',
  },
  EMAIL_SERVER_NOT_SET_UP: {
    zh: '系统还没有配置发信的邮件服务器，暂时无法发送电子邮件；请联系管理员设置 SMTP_URL',
    en: 'No mail server is configured, so no e-mail can be sent yet; ask an administrator to set SMTP_URL',
  },
  CHANNEL_REFUSED: {
    zh: '测试消息被拒收（{channel}：{detail}）：请检查地址是否填写正确',
    en: 'The test message was refused ({channel}: {detail}): check that the address is right',
  },
  CHANNEL_UNREACHABLE: {
    zh: '发送测试消息时对方没有应答（{channel}：{detail}）：请检查地址，或稍后再试',
    en: 'Nothing answered the test message ({channel}: {detail}): check the address, or try again later',
  },
  PERSONAL_DATA_UNREADABLE: {
    zh: '劳动者"{name}"的身份证号或手机号无法解密：本系统的个人信息密钥打不开这条记录（记录已损坏，或是用另一把密钥写入的）。请告知管理员核对密钥和备份；其他记录不受影响',
    en: 'The id number or mobile of worker "{name}" cannot be decrypted: the personal-data key does not open this record (it is damaged, or was written under another key). Tell the administrator to check the key and the backups; other records are not affected',
  },
  CRIMINAL_THRESHOLD_NOT_ENTERED: {
    zh: '{province}的刑事立案标准（拒不支付劳动报酬罪数额标准）尚未录入，请管理员在接口文档 /docs 中用 PUT {route} 录入后再查询',
    en: 'The criminal thresholds of {province} (refusal to pay wages) have not been entered yet: an administrator enters them with PUT {route} (see /docs), then ask again',
  },
  IDEMPOTENCY_KEY_IN_USE: {
    zh: '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试',
    en: 'A request with this Idempotency-Key is still being processed; retry shortly',
  },
  ROUTE_NOT_FOUND: { zh: '没有这个接口：{method} {path}', en: 'No such endpoint: {method} {path}' },
  CASE_NOT_FOUND: { zh: '案件不存在', en: 'Case not found' },
  CLAIM_NOT_FOUND: { zh: '该案件下没有这条诉求', en: 'No such claim on this case' },
  EMPLOYER_NOT_FOUND: { zh: '用人单位不存在', en: 'Employer not found' },
  ORGANISATION_NOT_FOUND: { zh: '组织不存在', en: 'Organisation not found' },
  PROJECT_NOT_FOUND: { zh: '项目不存在', en: 'Project not found' },
  USER_NOT_FOUND: { zh: '用户不存在', en: 'User not found' },
  WORKER_NOT_FOUND: { zh: '劳动者不存在', en: 'Worker not found' },
  SESSION_NOT_FOUND: { zh: '该案件没有这次调解', en: 'No such mediation session on this case' },
  REMINDER_NOT_FOUND: { zh: '没有这条提醒', en: 'No such reminder' },
  DUTY_SHIFT_NOT_FOUND: { zh: '没有这个值班安排', en: 'No such duty shift' },
  CONSULTATION_NOT_FOUND: { zh: '咨询记录不存在', en: 'Consultation not found' },
  EARLY_WARNING_NOT_FOUND: { zh: '预警不存在', en: 'Early warning not found' },
  LAWYER_ALREADY_ON_DUTY: {
    zh: '该律师当天已有值班安排',
    en: 'This lawyer is already on duty that day',
  },
  ALREADY_A_CASE: { zh: '已据此立案，不能重复立案', en: 'A case has already been opened from this' },
  AGREEMENT_NOT_FOUND: { zh: '该案件尚未签订调解协议', en: 'This case has no mediation agreement yet' },
  PAYOUT_NOT_FOUND: { zh: '本案件没有这笔支付记录', en: 'This case has no such payout' },
  CORRECTION_NOT_FOUND: { zh: '本案件没有这项冲正申请', en: 'This case has no such correction request' },
  PAYOUT_NOT_HELD: {
    zh: '这笔支付是直接付给工人的，不是代管款项，无需移交',
    en: 'This payout went to the worker: it is not money held for him',
  },
  HELD_MONEY_HANDED_OVER: { zh: '这笔代管款项已经移交给工人', en: 'This money has already been handed over to the worker' },
  FILE_NOT_FOUND: { zh: '本案件没有这个文件', en: 'This case has no such file' },
  FILE_REQUIRED: { zh: '请上传文件：请求正文应是文件本身，且不能为空', en: 'Send the file itself as the request body; it may not be empty' },
  FILE_TYPE_NOT_ACCEPTED: {
    zh: '这个文件是{found}，不能作为证据上传：请上传照片（JPEG、PNG、HEIC）或 PDF 扫描件',
    en: 'This file is {found}: upload a photo (JPEG, PNG, HEIC) or a PDF scan',
  },
  CHALLENGE_FAILED: {
    zh: '页面的安全验证没有通过或已过期，请稍等几秒再提交一次（所填内容不会丢失）',
    en: 'The page\'s security check failed or expired; wait a few seconds and send it again (nothing typed is lost)',
  },
  REPORT_NOT_FOUND: { zh: '没有这条网上反映，或不在您的范围内', en: 'No such online report in your scope' },
  REPORT_LOOKUP_FAILED: {
    zh: '回执号或查询码不对，请对照回执图片重新输入',
    en: 'The receipt number or the lookup code is wrong; check them against the receipt picture',
  },
  REPORT_ALREADY_HANDLED: { zh: '这条网上反映已经处理过了', en: 'This online report has already been handled' },
  REPORT_PHOTOS_CLOSED: {
    zh: '这条反映已经在处理中（或已超过一天），不能再补传照片；请带上照片到工会服务中心或拨打 12351',
    en: 'This report is already being handled (or is more than a day old): bring further photos to the service center or call 12351',
  },
  REPORT_PHOTO_LIMIT: { zh: '每条反映最多上传 {max} 张照片', en: 'A report takes at most {max} photos' },
  RATING_NOT_OPEN: {
    zh: '案件办结后才能评价，每条反映只能评价一次',
    en: 'A case is rated once, after it is concluded',
  },
  REPORTS_FROM_ADDRESS_LIMIT: {
    zh: '从这个网络一天内提交的反映已达 {max} 条，请明天再提交，或到工会服务中心、拨打 12351 反映',
    en: 'This network has sent {max} reports today; send more tomorrow, or come to the service center or call 12351',
  },
  REPORTS_FOR_ID_NUMBER_LIMIT: {
    zh: '同一身份证号 {days} 天内最多网上反映 {max} 次；要补充情况，请凭回执号拨打 12351 或到工会服务中心',
    en: 'One id number may report online {max} times in {days} days; to add to a report, call 12351 or come to the service center with the receipt number',
  },
  LOOKUP_THROTTLED: {
    zh: '查询错误次数太多，请 {minutes} 分钟后再试',
    en: 'Too many wrong lookups; try again in {minutes} minutes',
  },
  CALLBACK_NOT_FOUND: { zh: '本案件没有这次回访', en: 'This case has no such callback' },
  CALLBACK_ALREADY_ANSWERED: { zh: '这次回访已经记录过结果（或因案件重新办理而取消）', en: 'This callback has already been recorded (or was cancelled when the case was reopened)' },
  CALLBACK_NOT_TO_FOLLOW_UP: {
    zh: '只有回访结果为"不满意"且尚未跟进的回访需要领导跟进',
    en: 'Only a callback answered "not satisfied" and not yet followed up is followed up',
  },
  OWN_CORRECTION: {
    zh: '冲正须由申请人以外的负责人或管理员审批，不能审批自己提出的申请',
    en: 'A correction must be approved by a leader or administrator other than the person who asked for it',
  },
  PAYOUT_ALREADY_CORRECTED: { zh: '这笔支付已经冲正过，请对更正后的记录提出冲正', en: 'This payout has already been corrected; correct the entry that replaced it instead' },
  PAYOUT_CORRECTION_PENDING: {
    zh: '这笔支付已有一项冲正申请在等待审批，请先审批或驳回该申请',
    en: 'A correction of this payout is already waiting for approval; approve or reject it first',
  },
  REVERSAL_NOT_CORRECTABLE: { zh: '冲销记录本身不能再冲正', en: 'A reversing entry cannot itself be corrected' },
  CORRECTION_NOT_PENDING: { zh: '该冲正申请已经处理（{status}），不能再审批', en: 'This correction has already been decided ({status})' },
  MEDIATOR_DOUBLE_BOOKED: {
    zh: '调解员在该时段已有调解（案件 {caseNumber}，{at}）',
    en: 'The mediator already has a session then (case {caseNumber}, {at})',
  },
  ROOM_DOUBLE_BOOKED: {
    zh: '调解室在该时段已被占用（案件 {caseNumber}，{at}）',
    en: 'The room is already taken then (case {caseNumber}, {at})',
  },
  SESSION_NOT_SCHEDULED: { zh: '这次调解{status}，不能再登记结果', en: 'This session is {status}; its outcome cannot be recorded' },
  SESSION_NOT_YET_HELD: {
    zh: '这次调解定于 {day}，当天或之后才能登记结果',
    en: 'This session is booked for {day}; its outcome can be recorded from that day on',
  },
  AGREEMENT_EXISTS: { zh: '本案已签订调解协议', en: 'This case already has an agreement' },
  AGREEMENT_EXCEEDS_OUTSTANDING: {
    zh: '协议金额 {amount} 元超过尚欠金额 {outstanding} 元',
    en: 'The agreed {amount} yuan is more than the {outstanding} yuan still owed',
  },
  TRANSITION_NOT_ALLOWED: {
    zh: '案件状态不能从"{from}"变为"{to}"',
    en: 'A case cannot move from "{from}" to "{to}"',
  },
  AGREEMENT_REQUIRED: {
    zh: '请录入调解协议：协议录入后案件即为"已达成调解协议"，不能直接改为该状态',
    en: 'Record the agreement: recording it moves the case to agreed, which cannot be chosen by hand',
  },
  MEDIATOR_REQUIRED: { zh: '请先指派调解员，再开始调解', en: 'Assign a mediator before mediation starts' },
  NO_CLAIMS: { zh: '案件还没有任何劳动者的诉求', en: 'The case has no worker claims yet' },
  CLAIMS_NOT_CONFIRMED: {
    zh: '还有 {count} 名劳动者的金额未核实确认',
    en: '{count} worker claim(s) have no confirmed amount yet',
  },
  MONEY_OUTSTANDING: {
    zh: '还有 {workers} 名劳动者共 {amount} 元未支付，不能以"全额支付"结案',
    en: '{workers} worker(s) are still owed {amount} yuan; the case cannot close as paid in full',
  },
  NOTHING_PAID: {
    zh: '尚无任何支付记录，不能以"部分支付"结案',
    en: 'Nothing has been paid, so the case cannot close as partly paid',
  },
  NOTHING_OUTSTANDING: {
    zh: '所有款项已付清，请以"全额支付"结案',
    en: 'Everything has been paid: close the case as paid in full',
  },
  CASE_NOT_OPEN: { zh: '案件状态为"{status}"，不能再修改', en: 'The case is {status} and can no longer be changed' },
  PAYOUT_NOT_ALLOWED_IN_STATUS: {
    zh: '案件处于"{status}"状态，不能登记支付',
    en: 'Payouts cannot be recorded while the case is "{status}"',
  },
  PAYOUT_EXCEEDS_OUTSTANDING: {
    zh: '支付金额 {amount} 元超过该劳动者未付金额 {outstanding} 元',
    en: 'The payout of {amount} yuan is more than the {outstanding} yuan still owed to this worker',
  },
  CLAIM_NOT_CONFIRMED: {
    zh: '该劳动者的金额尚未核实确认，不能登记支付',
    en: "This worker's amount has not been confirmed; payouts need a confirmed amount",
  },
  CONFIRMED_BELOW_PAID: {
    zh: '确认金额 {confirmed} 元低于已支付的 {paid} 元',
    en: 'The confirmed amount of {confirmed} yuan is less than the {paid} yuan already paid',
  },
  STALE_VERSION: {
    zh: '该记录已被他人修改（当前版本 {current}），请刷新后再改',
    en: 'Someone else changed this record (now version {current}); reload it and try again',
  },
  CREDIT_CODE_TAKEN: {
    zh: '统一社会信用代码 {creditCode} 已登记为另一家用人单位',
    en: 'Unified social credit code {creditCode} is already registered to another employer',
  },
  ID_NUMBER_TAKEN: { zh: '该身份证号已登记', en: 'This resident id number is already registered' },
  ORGANISATION_CODE_TAKEN: { zh: '组织简码 {code} 已被使用', en: 'Organisation code {code} is already used' },
  ROOM_NAME_TAKEN: { zh: '本单位已有名为“{name}”的调解室，请换一个名称', en: 'This organisation already has a mediation room named "{name}": choose another name' },
  USERNAME_TAKEN: { zh: '用户名 {username} 已被使用', en: 'Username {username} is already taken' },
  LICENCE_NUMBER_TAKEN: { zh: '该律师执业证号已登记', en: 'This practice licence number is already registered' },
  WORKER_ALREADY_CLAIMANT: {
    zh: '该劳动者在本案中已有诉求',
    en: 'This worker already has a claim on this case',
  },
  EMPLOYER_ALREADY_ON_CASE: { zh: '该用人单位已在本案中', en: 'This employer is already on the case' },
  ORGANISATION_CYCLE: { zh: '组织不能隶属于自己的下级', en: 'An organisation cannot sit under its own descendant' },
  METHOD_NOT_ALLOWED: { zh: '该接口不支持此方法', en: 'This method is not allowed here' },
  PAYLOAD_TOO_LARGE: {
    zh: '提交的内容太大（上限 {limit}），请分批提交',
    en: 'The request is too large (limit {limit}); send it in parts',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '不支持的内容类型 {type}；请使用 {accepted}',
    en: 'Unsupported content type {type}; use {accepted}',
  },
  DATABASE_UNAVAILABLE: {
    zh: '数据库暂时无法访问，请稍后重试',
    en: 'The database is unavailable right now; try again shortly',
  },
  INTERNAL_ERROR: {
    zh: '系统内部错误，请联系管理员（编号 {reference}）',
    en: 'Internal error; please tell the administrator (reference {reference})',
  },
};

export const FIELD_MESSAGES: Record<FieldErrorCode, Message> = {
  REQUIRED: { zh: '必填', en: 'is required' },
  UNKNOWN_FIELD: { zh: '不认识这个字段，请删除', en: 'is not a known field; remove it' },
  CONTROL_CHARACTER: {
    zh: '含有看不见的控制字符（多为从别处复制粘贴带入），请删除后重新输入',
    en: 'contains an invisible control character (usually brought in by copy and paste); delete it and type it again',
  },
  NOT_A_STRING: { zh: '应为文字', en: 'must be text' },
  NOT_A_NUMBER: { zh: '应为数字', en: 'must be a number' },
  NOT_AN_INTEGER: { zh: '应为整数', en: 'must be a whole number' },
  NOT_A_BOOLEAN: { zh: '应为 true 或 false', en: 'must be true or false' },
  NOT_A_LIST: { zh: '应为列表', en: 'must be a list' },
  NOT_AN_OBJECT: { zh: '应为对象', en: 'must be an object' },
  SEARCH_TOO_BROAD: {
    zh: '含有这几个字的记录超过 {max} 条，无法列出：请多输入几个字（完整的姓名或单位名称）、案件编号，或完整的身份证号',
    en: 'is in more than {max} records, too many to list: type more of the name, a case number, or a whole id number',
  },
  TOO_SHORT: { zh: '至少 {min} 个字', en: 'must have at least {min} characters' },
  TOO_LONG: { zh: '最多 {max} 个字', en: 'must have at most {max} characters' },
  TOO_SMALL: { zh: '不能小于 {min}', en: 'must be at least {min}' },
  TOO_LARGE: { zh: '不能大于 {max}', en: 'must be at most {max}' },
  TOO_FEW_ITEMS: { zh: '至少需要 {min} 项', en: 'needs at least {min} item(s)' },
  TOO_MANY_ITEMS: { zh: '最多 {max} 项', en: 'may have at most {max} items' },
  NOT_ONE_OF: { zh: '应为以下之一：{allowed}', en: 'must be one of: {allowed}' },
  INVALID_UUID: { zh: '编号格式不正确', en: 'is not a valid id' },
  INVALID_DATE: { zh: '日期应为 YYYY-MM-DD 格式的真实日期', en: 'must be a real date written YYYY-MM-DD' },
  DATE_IN_FUTURE: { zh: '日期不能晚于今天', en: 'cannot be later than today' },
  BEFORE_INTAKE: {
    zh: '日期不能早于案件受理日 {intakeDate}',
    en: 'cannot be before the case was opened on {intakeDate}',
  },
  BEFORE_LAST_STATUS_CHANGE: {
    zh: '日期不能早于上一次状态变更的日期 {day}',
    en: 'cannot be before the previous status change on {day}',
  },
  BEFORE_EARLIER_STEP: {
    zh: '日期不能早于{earlierZh}的日期 {day}',
    en: 'cannot be before {earlierEn} on {day}',
  },
  AFTER_LATER_STEP: {
    zh: '日期不能晚于已录入的{laterZh}日期 {day}',
    en: 'cannot be after {laterEn}, recorded as {day}',
  },
  PERIOD_ENDS_BEFORE_START: { zh: '结束日期早于开始日期', en: 'ends before it starts' },
  INVALID_FORMAT: { zh: '格式不正确', en: 'has the wrong format' },
  MONEY_FORMAT: {
    zh: '金额应写成元，如 "12000" 或 "12000.50"（用文字，不带逗号）',
    en: 'must be an amount in yuan written as text, like "12000" or "12000.50" (no commas)',
  },
  MONEY_TOO_MANY_DECIMALS: { zh: '金额最多精确到分（两位小数）', en: 'may have at most two decimals (fen)' },
  MONEY_NEGATIVE: { zh: '金额不能为负数', en: 'cannot be negative' },
  MONEY_TOO_LARGE: { zh: '金额过大', en: 'is too large' },
  MONEY_ZERO: { zh: '金额必须大于 0', en: 'must be more than 0' },
  ID_NUMBER_FORMAT: { zh: '身份证号应为18位（最后一位可为X）', en: 'must be 18 characters: 17 digits and a digit or X' },
  ID_NUMBER_REGION: { zh: '身份证号前两位不是有效的省份代码', en: 'does not start with a valid province code' },
  ID_NUMBER_BIRTH_DATE: { zh: '身份证号中的出生日期不正确', en: 'contains an impossible birth date' },
  ID_NUMBER_CHECK_DIGIT: {
    zh: '身份证号校验位不对，请核对是否抄错',
    en: 'has a wrong check digit; check it for a copying mistake',
  },
  ID_NUMBER_AS_SPREADSHEET_NUMBER: {
    zh: '身份证号在表格中被存成了数字，后几位已丢失；请把该列设为"文本"后重新填写',
    en: 'was stored as a number in the spreadsheet, which loses its last digits; format the column as text and re-enter it',
  },
  CREDIT_CODE_FORMAT: {
    zh: '统一社会信用代码应为18位数字或大写字母（不含 I、O、S、V、Z）',
    en: 'must be 18 digits or capital letters (without I, O, S, V, Z)',
  },
  CREDIT_CODE_CHECK_CHARACTER: {
    zh: '统一社会信用代码校验位不对，请核对是否抄错',
    en: 'has a wrong check character; check it for a copying mistake',
  },
  CREDIT_CODE_REQUIRED: {
    zh: '除个人包工头外，用人单位必须填写统一社会信用代码',
    en: 'is required for every employer except an individual contractor',
  },
  MOBILE_FORMAT: { zh: '手机号应为1开头的11位数字', en: 'must be an 11-digit mobile number starting with 1' },
  LICENCE_NUMBER_FORMAT: { zh: '律师执业证号应为17位数字', en: 'must be the 17-digit practice licence number' },
  ORGANISATION_CODE_FORMAT: {
    zh: '组织简码应为2-8位大写字母或数字（用于案件编号，如 SY）',
    en: 'must be 2-8 capital letters or digits (it starts case numbers, like SY)',
  },
  UNKNOWN_PROVINCE: { zh: '不是有效的省级行政区名称，如"河南省"', en: 'is not a province name such as 河南省' },
  DUPLICATE_IN_REQUEST: { zh: '与第 {other} 项重复', en: 'repeats item {other}' },
  NOT_FOUND: { zh: '找不到该记录', en: 'refers to a record that does not exist' },
  NAME_MISMATCH: {
    zh: '该身份证号已登记为"{registered}"，与填写的姓名不符',
    en: 'this id number is registered to "{registered}", not to the name given',
  },
  // Outside the user's scope the registered name is not told (src/workers/domain/disclosure.ts).
  NAME_MISMATCH_OUTSIDE_SCOPE: {
    zh: '该身份证号已登记在另一姓名下，请对照身份证核对姓名和身份证号',
    en: 'this id number is registered under another name; check the name and the id number against the ID card',
  },
  ALREADY_CLAIMANT: { zh: '该劳动者在本案中已有诉求', en: 'this worker already has a claim on this case' },
  ALREADY_ON_DUTY: {
    zh: '该律师 {day} 已在"{organisation}"值班，一天只能在一个服务站值班',
    en: 'this lawyer is already on duty at "{organisation}" on {day}; a lawyer is on duty at one center a day',
  },
  OUTSIDE_MONTH: { zh: '不在 {month} 月内', en: 'is not in {month}' },
  TIME_IN_FUTURE: { zh: '时间不能晚于现在（{now}）', en: 'cannot be later than now ({now})' },
  CONSULTATION_DATED_IN_FUTURE: {
    zh: '该咨询记录的时间（{consultedAt}）晚于今天，不能作为立案日期；请按实际时间重新登记这次咨询，再据此立案',
    en: "the consultation is dated {consultedAt}, later than today, so it cannot be the case's intake day; log it again with the time it took place, then open the case from it",
  },
  WRONG_ROLE: { zh: '该用户没有{role}角色', en: 'this user does not hold the {role} role' },
  LAST_ADMIN: {
    zh: '这是最后一位在用的管理员，不能去掉其管理员角色或停用；请先让另一位用户成为管理员',
    en: 'this is the last active administrator, who cannot lose the admin role or be deactivated; make someone else an administrator first',
  },
  USER_INACTIVE: { zh: '该用户已停用', en: 'this user is deactivated' },
  CANNOT_SEE_CASE: {
    zh: '该人员所在组织看不到本案件，请指派本组织或上级组织的人员',
    en: "belongs to an organisation that cannot see this case; assign someone of the case's organisation or above it",
  },
  NOT_ON_CASE: { zh: '不属于本案件', en: 'does not belong to this case' },
  PERSON_NAME_FORMAT: {
    zh: '请填写身份证上的姓名：只能是汉字或字母，少数民族姓名可用“·”',
    en: 'use the name on the ID card: Chinese characters or letters, with "·" in minority names',
  },
  MARKUP_NOT_ALLOWED: { zh: '不能含有“<”或“>”', en: 'may not contain "<" or ">"' },
  CONSENT_REQUIRED: {
    zh: '请先阅读并同意个人信息的使用说明，工会才能处理您的反映',
    en: 'read and agree to how your personal information is used, so the union can handle your report',
  },
  NOT_TAKING_REPORTS: { zh: '这个组织不受理网上反映，请从列表中选择', en: 'this organisation does not take online reports; choose one from the list' },
  NOT_WHEN_UNREACHED: { zh: '未联系上工人时不填写满意度', en: 'is not given when nobody was reached' },
  BEFORE_RECEIVED: { zh: '早于这笔钱代管入账的日期 {receivedOn}', en: 'is before the money was received to be held ({receivedOn})' },
  BEFORE_CLOSING: { zh: '早于结案日期 {closedOn}', en: 'is before the case was closed ({closedOn})' },
  NOT_WITH_VOID: {
    zh: '作废一笔支付时不填写更正后的劳动者、金额或日期',
    en: 'is not given when a payout is voided (no money was paid)',
  },
  CHANGES_NOTHING: {
    zh: '更正后的劳动者、金额和支付日期与原记录完全相同，请至少修改一项，或选择"作废"',
    en: 'the corrected worker, amount and day are the same as the original: change at least one, or void the payout',
  },
  EXCEEDS_OUTSTANDING: {
    zh: '支付 {amount} 元超过未付金额 {outstanding} 元',
    en: 'the payout of {amount} yuan is more than the {outstanding} yuan still owed',
  },
  NOT_CONFIRMED: { zh: '金额尚未核实确认', en: 'the amount has not been confirmed yet' },
  MISSING_COLUMN: { zh: '缺少"{column}"列', en: 'the column "{column}" is missing' },
  EMPTY_ROSTER: { zh: '名单中没有任何劳动者', en: 'the roster has no workers' },
  UNREADABLE_FILE: { zh: '文件无法读取：{detail}', en: 'the file cannot be read: {detail}' },
  ROSTER_TOO_MANY_ROWS: {
    zh: '一份名单最多 {max} 名劳动者；请把名单拆成每份不超过 {max} 行的几个文件，分批导入',
    en: 'a roster may list at most {max} workers; split it into files of at most {max} rows and import them one after another',
  },
  WORKBOOK_TOO_LARGE: {
    zh: 'Excel 文件解压后超过 {max} MB，不像一份名单；请只保留名单工作表、删去图片和超长的单元格后重新保存，或另存为 CSV 再上传',
    en: 'the Excel file unzips to more than {max} MB, more than any roster needs; keep only the roster sheet, remove pictures and overlong cells and save it again, or save it as CSV and upload that',
  },
  PASSWORD_TOO_SHORT: { zh: '密码至少 10 位', en: 'must have at least 10 characters' },
  PASSWORD_TOO_COMMON: {
    zh: '密码太常见或太容易猜到，请换一个更长、更少见的',
    en: 'is too common or easy to guess; choose a longer, less usual one',
  },
  PASSWORD_CONTAINS_NAME: { zh: '密码不能包含用户名或姓名', en: 'must not contain your username or name' },
  WRONG_PASSWORD: { zh: '当前密码不正确', en: 'is not your current password' },
  INVALID_SEASON: { zh: '专项行动设置有误：{problems}', en: 'the season does not hold together: {problems}' },
  DUE_BEFORE_SIGNING: { zh: '分期到期日早于协议签订日', en: 'falls before the agreement was signed' },
  ENDS_BEFORE_START: { zh: '结束时间应晚于开始时间', en: 'must be after the start' },
  NOT_A_CLAIMANT: { zh: '不是本案的劳动者', en: 'is not a worker of this case' },
  CLAIM_REQUIRED: { zh: '按人分期时每期都要指明劳动者', en: 'each instalment of a per-worker schedule names the claim' },
  CLAIM_NOT_ALLOWED: { zh: '按总额分期时不指明劳动者', en: 'instalments of the total name no claim' },
  INVALID: { zh: '内容不正确', en: 'is not valid' },
};

export function render(message: Message, language: Language, params: Record<string, string | number> = {}): string {
  return message[language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** `Accept-Language: en-GB,en;q=0.9` asks for English; anything else (or nothing) gets Chinese. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
