/**
 * What must never reach a client, whatever it sent: a stack trace, a path of the source on the server,
 * or the database's own words (its error texts, SQL). Each pattern is matched against the answer's
 * headers and body after every text the request itself carried is cut out (the service may quote a
 * value back: `'; DROP TABLE cases; --` is not a leak when the client sent it).
 */
const LEAK_PATTERNS: [string, RegExp][] = [
  ['stack frame', /\n\s+at [\w.<>[\]]+ \(|\bat (?:async )?[\w.]+ \([^)]*:\d+:\d+\)/],
  ['source path', /(?:\/work\/|\/home\/|\/usr\/src\/|node_modules|\bdist\/src\/|\bsrc\/[\w/-]+\.[jt]s\b|\.ts:\d+)/],
  ['error class', /\b(?:QueryFailedError|EntityNotFoundError|TypeORMError|TypeError|ReferenceError|RangeError|SyntaxError|DatabaseError)\b/],
  ['JavaScript error text', /Cannot read propert|is not a function|is not defined|Maximum call stack|Unexpected token .* in JSON/],
  [
    'PostgreSQL error text',
    /duplicate key value|violates (?:foreign key|unique|check|not-null) constraint|invalid input syntax|syntax error at or near|relation "[^"]+" does not exist|column "[^"]+" (?:does not exist|of relation)|value too long for type|out of range for type|invalid byte sequence|current transaction is aborted|could not serialize|deadlock detected|date\/time field value out of range|division by zero|numeric field overflow/i,
  ],
  ['SQL', /\b(?:SELECT\s+[\w*"., ]+\s+FROM|INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM)\s+"?\w/],
  ['server error code', /"code"\s*:\s*"(?:INTERNAL_ERROR|2[0-9A-Z]{4}|42[0-9A-Z]{3}|23[0-9]{3})"/],
];

export function leaksIn(answer: string, sent: string[]): string[] {
  // Most answers match nothing: cutting every sent text out of a 600 KB answer (10,000 field errors for a
  // 10,000-item array) first would take the suite minutes.
  if (!LEAK_PATTERNS.some(([, pattern]) => pattern.test(answer))) return [];
  let text = answer;
  for (const value of [...new Set(sent)].sort((a, b) => b.length - a.length)) {
    if (value.length < 3) continue;
    text = text.split(value).join('');
    const asJson = JSON.stringify(value).slice(1, -1);
    if (asJson !== value) text = text.split(asJson).join('');
  }
  return LEAK_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name, pattern]) => `${name}: ${excerptAround(text, pattern)}`);
}

function excerptAround(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) return '';
  return JSON.stringify(text.slice(Math.max(0, match.index - 60), match.index + match[0].length + 60));
}

/** Every string inside a value (a parsed body, a query), to cut out of the answer before looking for leaks. */
export function stringsIn(value: unknown, into: string[] = []): string[] {
  const pending = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') into.push(item);
    else if (typeof item === 'number') into.push(String(item));
    else if (item && typeof item === 'object' && !Buffer.isBuffer(item)) {
      for (const [key, child] of Object.entries(item)) {
        into.push(key);
        pending.push(child);
      }
    }
  }
  return into;
}
