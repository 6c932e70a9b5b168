/**
 * The few words the case page's ledger needs with the page (the tags of its lines, its two buttons); the
 * corrections' own texts load with their list and forms (corrections.messages.ts).
 */
const zh = {
  ask: '申请冲正',
  reversal: '冲销',
  replacement: '更正后',
  reversedTag: '已冲正',
  // money held for workers (代管): where it is held, and whether it reached the worker
  held: { union_account: '工会代管', labour_bureau_account: '劳动部门代管' } as Record<string, string>,
  handedOver: (day: string) => `${day} 已移交`,
  handOver: '移交工人',
};

const en: typeof zh = {
  ask: 'Correct',
  reversal: 'Reversal',
  replacement: 'Corrected',
  reversedTag: 'Corrected',
  held: { union_account: 'Held by the union', labour_bureau_account: 'Held by the bureau' } as Record<string, string>,
  handedOver: (day: string) => `Handed over ${day}`,
  handOver: 'Hand over',
};

export const ledgerMessages = { zh, en };
