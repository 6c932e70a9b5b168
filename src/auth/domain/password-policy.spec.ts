import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('refuses short passwords', async () => {
    expect(await passwordProblem('Xk7#q2', [])).toBe('PASSWORD_TOO_SHORT');
  });

  it.each(['password123', '1qaz2wsx3edc', 'qwertyuiop', 'woaini1314520', 'zhangwei888888', '12345678910'])(
    'refuses the common password %s',
    async (password) => {
      expect(await passwordProblem(password, [])).toBe('PASSWORD_TOO_COMMON');
    },
  );

  it('refuses a password built on the user name', async () => {
    expect(await passwordProblem('wang.lawyer2027!', ['wang.lawyer', '王律师'])).toBe('PASSWORD_CONTAINS_NAME');
  });

  it('accepts a long, unguessable passphrase', async () => {
    expect(await passwordProblem('Shunyi-winter-ledger-47', ['wang.lawyer'])).toBeNull();
  });
});
