import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import { en } from './en';
import { Messages, zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
const CATALOGUES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'wages.locale';

/** The language of this browser until a user logs in; then the user's own, remembered by the server. */
export function storedLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

let currentLocale: Locale = storedLocale();
/** For the API client: every request asks for messages in the language on screen. */
export const localeNow = () => currentLocale;

interface I18n {
  locale: Locale;
  m: Messages;
  setLocale(locale: Locale): void;
}
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(currentLocale);
  const value = useMemo<I18n>(() => {
    currentLocale = locale;
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
    return {
      locale,
      m: CATALOGUES[locale],
      setLocale: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        setLocaleState(next);
      },
    };
  }, [locale]);
  return (
<I18nContext.Provider value={value}>{children}</I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/** The messages of the language on screen. */
export const useMessages = () => useI18n().m;

// Chinese system fonts first (macOS, Windows, Linux), so Chinese is never drawn in a Latin font's fallback;
// none is downloaded: service centers may have no internet.
export const FONT_STACK =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Hiragino Sans GB", -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
