/** The reminder rules page's texts; the catalogues of both languages take their `adminReminderRules` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const reminderRulesMessages = { zh, en };
