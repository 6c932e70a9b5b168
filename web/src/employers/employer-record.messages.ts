/** The employer record's texts; the catalogues of both languages take their `employerRecord` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const employerRecordMessages = { zh, en };
