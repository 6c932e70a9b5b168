import { httpStatusOf, renderError } from './http-error.filter';
import { AppError } from './common/errors/app-error';
import { ERROR_CODES, FIELD_ERROR_CODES } from './common/errors/error-codes';
import { ERROR_MESSAGES, FIELD_MESSAGES, languageOf, render } from './common/errors/messages';

describe('error messages', () => {
  it.each(ERROR_CODES)('%s has a status and a message in both languages', (code) => {
    expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
    expect(ERROR_MESSAGES[code].zh).toMatch(/\p{Script=Han}/u);
    expect(ERROR_MESSAGES[code].en).toMatch(/[a-z]/);
  });

  it.each(FIELD_ERROR_CODES)('field problem %s reads in both languages', (code) => {
    expect(FIELD_MESSAGES[code].zh).toMatch(/\p{Script=Han}/u);
    expect(FIELD_MESSAGES[code].en).toMatch(/[a-z]/);
  });

  it('fills in the parameters and names statuses in the reader’s language', () => {
    const error = new AppError('TRANSITION_NOT_ALLOWED', { from: 'agreed', to: 'rejected' });
    expect(renderError(error, 'zh').message).toBe('案件状态不能从"已达成协议"变为"不予受理"');
    expect(renderError(error, 'en').message).toBe('A case cannot move from "agreed" to "rejected"');
    expect(renderError(error, 'en').details).toEqual({ from: 'agreed', to: 'rejected' });
  });

  it('renders each field problem with its row and field', () => {
    const error = new AppError('ROSTER_INVALID', { count: 1 }, [
      { row: 14, field: 'idNumber', code: 'DUPLICATE_IN_REQUEST', params: { other: 3 } },
    ]);
    expect(renderError(error, 'zh')).toEqual({
      statusCode: 400,
      code: 'ROSTER_INVALID',
      message: '名单有 1 处错误，整份名单未导入；请改正后重新上传',
      details: { count: 1 },
      errors: [{ row: 14, field: 'idNumber', code: 'DUPLICATE_IN_REQUEST', message: '与第 3 项重复' }],
    });
  });

  it('leaves an unknown placeholder visible rather than printing "undefined"', () => {
    expect(render({ zh: '第 {row} 行', en: 'row {row}' }, 'en')).toBe('row {row}');
  });

  it.each([
    [undefined, 'zh'],
    ['zh-CN,zh;q=0.9', 'zh'],
    ['en-US,en;q=0.8', 'en'],
    ['EN', 'en'],
    ['fr-FR', 'zh'],
  ])('Accept-Language %s reads as %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});
