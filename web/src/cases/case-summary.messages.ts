/** The printed one-page case summary's texts; the catalogues of both languages take their `caseSummary` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const caseSummaryMessages = { zh, en };
