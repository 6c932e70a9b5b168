import { Button } from 'antd-mobile';
import { api } from '../common/api/client';
import { currentSession, saveSession } from '../common/api/session';
import { useI18n } from '../common/i18n/i18n';

/**
 * 中文 ⇄ English on the phone pages, as common/layout/language-switch.tsx does on the desk (which is
 * antd): the page changes at once, this browser remembers it, and so does the server for the user.
 */
export function PhoneLanguageSwitch() {
  const { locale, m, setLocale } = useI18n();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  const change = () => {
    setLocale(next);
    const session = currentSession();
    if (session) {
      saveSession({ ...session, user: { ...session.user, locale: next } });
      void api.PUT('/auth/me/preferences', { body: { locale: next } });
    }
  };
  return (
    <Button fill="none" color="primary" onClick={change} aria-label={`${m.language.label}: ${m.language.switchTo}`} style={{ minHeight: 48 }}>
      <span lang={next}>{m.language.switchTo}</span>
    </Button>
  );
}
