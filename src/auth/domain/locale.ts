/** The languages of the pages and of the API's messages; Chinese is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
