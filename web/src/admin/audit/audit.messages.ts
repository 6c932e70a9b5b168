/** The audit trail page's texts; the catalogues of both languages take their `adminAudit` section from here. */
const zh = {
  title: '',
};

const en: typeof zh = {
  title: '',
};

export const auditMessages = { zh, en };
