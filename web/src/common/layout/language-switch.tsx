import { Button } from 'antd';
import { api } from '../api/client';
import { currentSession, saveSession } from '../api/session';
import { useI18n } from '../i18n/i18n';

/** 中文 ⇄ English; remembered for the user by the server (and for this browser before login). */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
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
    <Button type="text" onClick={change} lang={next} aria-label={`${m.language.label}: ${m.language.switchTo}`} style={onDark ? { color: '#fff' } : undefined}>
      {m.language.switchTo}
    </Button>
  );
}
