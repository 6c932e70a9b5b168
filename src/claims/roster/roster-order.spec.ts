import { inRosterOrder } from './roster-order';
import { RawCell, RawRosterRow } from './roster-reader';

/** A roster row of a worker, with its 序号 cell if the file has that column. */
function row(line: number, name: string, serial?: RawCell): RawRosterRow {
  return { row: line, cells: { name, ...(serial !== undefined && { serial }) }, unknownKeys: [] };
}

/** The rows' claims (here, just their row and name) in the order the case will keep. */
function order(rows: RawRosterRow[]): [number, string][] {
  const claims = rows.map((raw) => ({ row: raw.row, name: String(raw.cells.name) }));
  return inRosterOrder(claims, rows).map((claim) => [claim.row, claim.name]);
}

describe("a roster's order", () => {
  it('is the file order when there is no 序号 column', () => {
    expect(order([row(2, '王五'), row(3, '张三'), row(4, '李四')])).toEqual([
      [2, '王五'],
      [3, '张三'],
      [4, '李四'],
    ]);
  });

  it('follows the 序号 column, typed as numbers or as text, whatever order the rows are in', () => {
    expect(order([row(2, '李四', 3), row(3, '王五', '1'), row(4, '张三', ' 2. ')])).toEqual([
      [3, '王五'],
      [4, '张三'],
      [2, '李四'],
    ]);
  });

  it('puts rows with a blank or wordy 序号 after the numbered ones in file order, and keeps equal numbers in file order', () => {
    expect(order([row(2, '赵六', ''), row(3, '李四', 2), row(4, '王五', '一'), row(5, '张三', 2), row(6, '孙七', null)])).toEqual([
      [3, '李四'],
      [5, '张三'],
      [2, '赵六'],
      [4, '王五'],
      [6, '孙七'],
    ]);
  });
});
