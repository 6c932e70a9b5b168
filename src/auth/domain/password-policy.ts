import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { FieldErrorCode } from '../../common/errors/error-codes';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Passwords common in China that the international lists rate as fine ("I love you 1314": forever).
 * They are fed to the strength estimator as a dictionary, so variations of them score low too.
 */
const CHINESE_COMMON = [
  'woaini', 'woaini1314', 'woaini520', '5201314', '1314520', 'aini1314', 'iloveyou', 'zhangwei', 'wangwei',
  'wangfang', 'liwei', 'zhongguo', 'beijing', 'shanghai', 'qwer1234', 'qq123456', 'a123456', 'abc123456',
  'a12345678', 'woshishui', 'nihao', 'nihao123', 'laopo', 'laogong', 'baobei', 'xiaoming', 'gonghui',
  'gonghui123', 'mima', 'mima123', 'admin123', 'password', 'wangyi', 'taobao', 'weixin',
];

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * Loaded and built on first use: its dictionaries take a tenth of a second to load and as much again to
 * rank, on every start of a service that sets a password now and then.
 */
function strength(): Promise<ZxcvbnFactory> {
  return (estimator ??= (async () => {
    const [{ ZxcvbnFactory }, { adjacencyGraphs, dictionary }] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    return new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary: { ...dictionary, chineseCommon: CHINESE_COMMON } });
  })());
}

/**
 * Accepts a password only if it is long enough and not guessable: common passwords, keyboard walks,
 * dates, and anything built on the user's own name score too low (zxcvbn score below 3).
 */
export async function passwordProblem(password: string, personal: string[]): Promise<FieldErrorCode | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return 'PASSWORD_TOO_SHORT';
  const lowered = password.toLowerCase();
  if (personal.some((word) => word.length >= 3 && lowered.includes(word.toLowerCase()))) {
    return 'PASSWORD_CONTAINS_NAME';
  }
  return (await strength()).check(password, personal).score < 3 ? 'PASSWORD_TOO_COMMON' : null;
}
