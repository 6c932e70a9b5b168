/** The season and targets page's texts; the catalogues of both languages take their `adminSeason` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const seasonMessages = { zh, en };
