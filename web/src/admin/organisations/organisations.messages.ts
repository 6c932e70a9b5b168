/** Administration of organisations: texts; the catalogues of both languages take their `adminOrganisations` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const organisationsMessages = { zh, en };
