import { ValueTransformer } from 'typeorm';
import { fenFromDb } from '../common/money/money';

/** bigint columns (money in fen) come back from pg as strings; the code works in bigint throughout. */
export const fenColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : fenFromDb(value)),
};
