/** The criminal thresholds page's texts; the catalogues of both languages take their `adminThresholds` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const thresholdsMessages = { zh, en };
