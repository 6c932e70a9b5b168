import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { FONT_STACK, useI18n } from '../i18n/i18n';
import { ToastProvider } from './toast';

// antd's default blue, secondary grey and placeholder grey fail WCAG AA contrast on white (axe): all darkened.
const THEME = {
  token: {
    fontFamily: FONT_STACK,
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorLinkHover: '#003eb3',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    // antd's red (#ff4d4f) is 3.3:1 on white, too faint for the small text of a field's error (WCAG AA asks 4.5:1)
    colorError: '#cf1322',
  },
};

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeToMotionPreference(onChange: () => void) {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * Whether the user asked the system for less motion. antd animates its dialogs, drawers and messages
 * whatever the system says; people who get dizzy from motion ask for none, and a dialog that is
 * already where it will stay is also one a browser test can click at once.
 */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribeToMotionPreference, () => window.matchMedia(REDUCED_MOTION).matches);
}

/** Ant Design in the language on screen, for the desk pages (the login page included). */
export function AntdRoot({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => ({ token: { ...THEME.token, motion: !reducedMotion } }), [reducedMotion]);
  return (
    // antd puts a space between two Chinese characters on a button (保 存) unless told not to
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <ToastProvider>{children}</ToastProvider>
    </ConfigProvider>
  );
}
