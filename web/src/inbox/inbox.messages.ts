/** The inbox page's and the channel settings' texts (the header's badge keeps `inbox`); the catalogues of both languages take their `inboxPage` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const inboxMessages = { zh, en };
