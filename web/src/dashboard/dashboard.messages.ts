/** The dashboard's and the breakdowns' texts; the catalogues of both languages take their `dashboard` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const dashboardMessages = { zh, en };
