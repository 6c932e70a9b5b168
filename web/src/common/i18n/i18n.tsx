import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import { Messages, zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
const STORAGE_KEY = 'wages.locale';

/**
 * Chinese comes with every page; English, which few read, is loaded when it is chosen (every page's
 * texts in both languages in the first download put the pages over their size budgets).
 */
const catalogues: Partial<Record<Locale, Messages>> = { 'zh-CN': zhCN };

/** Makes the catalogue of this language ready; the language switch waits for it before switching. */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (!catalogues[locale]) catalogues[locale] = (await import('./en')).en;
}

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
      // (a language is only ever set once its catalogue is loaded: at start-up, or by setLocale below)
      m: catalogues[locale] ?? zhCN,
      setLocale: (next) => {
        void loadCatalogue(next).then(() => {
          localStorage.setItem(STORAGE_KEY, next);
          setLocaleState(next);
        });
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

/** A page's own texts in both languages (a `*.messages.ts` beside the page). */
export interface PageMessages<T> {
  zh: T;
  en: T;
}

/**
 * The messages of the language on screen with a page's own sections beside them, as `m.<name>`. A
 * page's texts come with the page's code, not with every page's first download.
 */
export function useMessagesWith<S extends Record<string, PageMessages<unknown>>>(
  sections: S,
): Messages & { [Name in keyof S]: S[Name]['zh'] } {
  const { m, locale } = useI18n();
  // the same object on every render (as useMessages gives), so effects that depend on it do not re-run
  const byNames = withSections.get(m) ?? new Map<string, Messages>();
  withSections.set(m, byNames);
  const names = Object.keys(sections).sort().join(' ');
  let merged = byNames.get(names);
  if (!merged) {
    merged = { ...m, ...Object.fromEntries(Object.entries(sections).map(([name, texts]) => [name, locale === 'en' ? texts.en : texts.zh])) };
    byNames.set(names, merged);
  }
  return merged as Messages & { [Name in keyof S]: S[Name]['zh'] };
}

/** Per catalogue, the catalogue with each set of page sections (by their names) beside it. */
const withSections = new WeakMap<Messages, Map<string, Messages>>();

// Chinese system fonts first (macOS, Windows, Linux), so Chinese is never drawn in a Latin font's fallback;
// none is downloaded: service centers may have no internet.
export const FONT_STACK =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Hiragino Sans GB", -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
