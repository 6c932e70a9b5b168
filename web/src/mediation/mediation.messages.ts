/** The mediator's phone pages' texts; the catalogues of both languages take their `mediation` section from here. */
const zh = {
  dayTitle: '今日调解',
};

const en: typeof zh = {
  dayTitle: 'My day',
};

export const mediationMessages = { zh, en };
