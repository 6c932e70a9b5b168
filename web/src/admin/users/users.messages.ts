/** Administration of users: texts; the catalogues of both languages take their `adminUsers` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const usersMessages = { zh, en };
