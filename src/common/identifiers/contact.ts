/**
 * Contact identifiers recorded for workers and their lawyers.
 */

/**
 * Mainland China mobile number: 11 digits, '1' then a second digit 3-9
 * (the 13x-19x number segments allocated by the MIIT numbering plan).
 * No country code, spaces or dashes: callers normalize before storing.
 */
export function isMobileNumber(s: string): boolean {
  return /^1[3-9][0-9]{9}$/.test(s);
}

/**
 * Lawyer practice certificate number (律师执业证号): 17 digits, as issued
 * under the Ministry of Justice's 律师执业证管理办法.
 */
export function isLawyerLicenceNumber(s: string): boolean {
  return /^[0-9]{17}$/.test(s);
}
