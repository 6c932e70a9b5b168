import { PROVINCES } from '../../common/identifiers/resident-id';
import { labelOf } from '../../common/labels/labels';
import { CLAIM_KINDS, ClaimKind } from '../claim.record';

/**
 * The words a roster's enumerated columns are written in, as clerks write them, and the words a refusal
 * answers in. A roster with Chinese headings speaks 工资/劳务费/其他, so a refused 类别 is told
 * "应为以下之一：工资、劳务费、其他", not the API's codes.
 *
 * Synonyms are taken only where a clerk cannot have meant anything else. Refused on purpose, so the clerk
 * chooses: 欠薪 (arrears of either kind), 人工费 (a labour cost: wages or a labour subcontractor's fees),
 * 工程款 (project money, not pay), 加班费, 补贴, 奖金 (pay items a clerk may want to keep apart in the note).
 */
const KIND_SYNONYMS: Record<ClaimKind, readonly string[]> = {
  wages: ['工资', '工钱', '薪资', '薪水', '薪酬', 'wages', 'wage'],
  labour_fees: ['劳务费', '劳务', '劳务费用', '劳务报酬', 'labour_fees', 'labour_fee', 'labor_fees', 'labor_fee'],
  other: ['其他', '其它', 'other'],
};

/** "Labour fees", "labour-fees", " 劳务费 " all read as one word. */
function wordKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, '_');
}

const KIND_OF_WORD: ReadonlyMap<string, ClaimKind> = new Map(
  CLAIM_KINDS.flatMap((kind) => KIND_SYNONYMS[kind].map((word) => [wordKey(word), kind] as const)),
);

/** The claim kind a cell names, or null when it names none. */
export function kindOfWord(text: string): ClaimKind | null {
  return KIND_OF_WORD.get(wordKey(text)) ?? null;
}

export type RosterLanguage = 'zh' | 'en';

const CHINESE = /\p{Script=Han}/u;

/**
 * Which words the clerk used for a column: Chinese when its heading or the value is Chinese (类别,
 * or a JSON row's kind "劳务"), otherwise the API's codes (a file headed `kind`, a JSON row).
 */
export function languageOf(heading: string | undefined, value: string): RosterLanguage {
  return CHINESE.test(heading ?? '') || CHINESE.test(value) ? 'zh' : 'en';
}

/** The kinds a refused 类别 may be, in the clerk's words: 工资、劳务费、其他, or wages, labour_fees, other. */
export function allowedKinds(language: RosterLanguage): string {
  return language === 'zh' ? CLAIM_KINDS.map((kind) => labelOf('claimKind', kind, 'zh')).join('、') : CLAIM_KINDS.join(', ');
}

/**
 * 籍贯 as clerks write it: the full name (河南省, 广西壮族自治区) or its usual short form (河南, 广西).
 * Nothing looser: 河北区 is in Tianjin and 海南州 in Qinghai, so a longer place name is not cut down to
 * the province it seems to start with.
 */
const PROVINCE_OF_WORD: ReadonlyMap<string, string> = new Map(
  PROVINCES.flatMap((name) => {
    const short = name.replace(/(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
    return [
      [name, name],
      [short, name],
    ];
  }),
);

/** The province a 籍贯 cell names, or the text as it is (the worker's own validation then refuses it). */
export function provinceOfWord(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, '');
  return PROVINCE_OF_WORD.get(trimmed) ?? text;
}
