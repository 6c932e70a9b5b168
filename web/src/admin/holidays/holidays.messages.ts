/** The holiday calendars' texts; the catalogues of both languages take their `adminHolidays` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const holidaysMessages = { zh, en };
