/** Administration's frame; each section keeps its own texts in its own folder. */
const zh = {
  title: '管理',
  sections: {
    organisations: '组织机构',
    users: '用户',
    duty: '值班表',
    holidays: '节假日',
    season: '专项行动与目标',
    'reminder-rules': '提醒规则',
    thresholds: '刑事立案标准',
    audit: '操作记录',
  },
};

const en: typeof zh = {
  title: 'Administration',
  sections: {
    organisations: 'Organisations',
    users: 'Users',
    duty: 'Duty roster',
    holidays: 'Holidays',
    season: 'Season and targets',
    'reminder-rules': 'Reminder rules',
    thresholds: 'Criminal thresholds',
    audit: 'Audit trail',
  },
};

export const adminMessages = { zh, en };
