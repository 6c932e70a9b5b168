/** The lawyer's desk's texts; the catalogues of both languages take their `desk` section from here. */
const zh = {
  title: '律师工作台',
};

const en: typeof zh = {
  title: 'Lawyer’s desk',
};

export const deskMessages = { zh, en };
