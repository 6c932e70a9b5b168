import { RowBuffer } from './row-buffer';
import { dayNumber, stamp } from './days';

/** Reads PostgreSQL's binary COPY format back: each row as its fields' bytes (null for NULL). */
function decode(payload: Buffer): (Buffer | null)[][] {
  expect(payload.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  let at = 19;
  const rows: (Buffer | null)[][] = [];
  for (;;) {
    const fields = payload.readInt16BE(at);
    at += 2;
    if (fields === -1) break;
    const row: (Buffer | null)[] = [];
    for (let i = 0; i < fields; i++) {
      const length = payload.readInt32BE(at);
      at += 4;
      row.push(length < 0 ? null : payload.subarray(at, at + length));
      if (length > 0) at += length;
    }
    rows.push(row);
  }
  expect(at).toBe(payload.length);
  return rows;
}

function payloadOf(buffer: RowBuffer): Buffer {
  return (buffer as unknown as { binary: { finish(): Buffer } }).binary.finish();
}

describe('binary COPY rows', () => {
  const specs = [
    ['id', 'uuid'], ['name', 'text'], ['on', 'date'], ['at', 'timestamptz'], ['fen', 'bigint'], ['n', 'integer'], ['ok', 'boolean'],
    ['data', 'jsonb'], ['nothing', 'text'],
  ] as const;

  it('encodes each type as PostgreSQL sends it', () => {
    const buffer = new RowBuffer('t', specs, 'copy');
    buffer.push('01a202ba-e59a-7087-a8b2-2494425305e4', '王建国', '2000-01-02', '2000-01-01T08:00:01+08:00', 12_345_678_901, -7, true, '{"a":1}', null);
    const [[id, name, on, at, fen, n, ok, data, nothing]] = decode(payloadOf(buffer));
    expect(id!.toString('hex')).toBe('01a202bae59a7087a8b22494425305e4');
    expect(name!.toString('utf8')).toBe('王建国');
    expect(on!.readInt32BE(0)).toBe(1); // days after 2000-01-01
    expect(Number(at!.readBigInt64BE(0))).toBe(1_000_000); // microseconds after 2000-01-01T00:00Z
    expect(Number(fen!.readBigInt64BE(0))).toBe(12_345_678_901);
    expect(n!.readInt32BE(0)).toBe(-7);
    expect([...ok!]).toEqual([1]);
    expect(data![0]).toBe(1); // jsonb format version
    expect(data!.subarray(1).toString('utf8')).toBe('{"a":1}');
    expect(nothing).toBeNull();
  });

  it('reads day numbers and stamps the same as their text', () => {
    const asText = new RowBuffer('t', [['on', 'date'], ['at', 'timestamptz']], 'copy');
    asText.push('2026-11-22', '2026-11-22T09:30:00+08:00');
    const asNumbers = new RowBuffer('t', [['on', 'date'], ['at', 'timestamptz']], 'copy');
    asNumbers.push(dayNumber('2026-11-22'), stamp(dayNumber('2026-11-22'), 9 * 60 + 30));
    expect(payloadOf(asNumbers)).toEqual(payloadOf(asText));
  });

  it('refuses what is not a uuid instead of writing garbage', () => {
    const buffer = new RowBuffer('t', [['id', 'uuid']], 'copy');
    expect(() => buffer.push('not-a-uuid')).toThrow(/not a uuid/);
    expect(() => buffer.push('01a202ba-e59a-7087-a8b2-2494425305eZ')).toThrow(/not a uuid/);
  });

  it('cannot take ON CONFLICT, which only the unnest mode has', () => {
    expect(() => new RowBuffer('t', [['id', 'uuid']], 'copy', 'ON CONFLICT DO NOTHING')).toThrow();
  });
});
