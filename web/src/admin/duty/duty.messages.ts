/** The duty roster grid's texts; the catalogues of both languages take their `adminDuty` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const dutyMessages = { zh, en };
