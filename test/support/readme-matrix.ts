import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The permission matrix as the README states it: permission → roles with a ✓. Tests hold both the
 * code and the running service to this table, so the README cannot drift from what is enforced.
 */
export function readmePermissionMatrix(): Map<string, Set<string>> {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const lines = readme.split('\n');
  const header = lines.findIndex((line) => /^\|\s*permission\s*\|/.test(line));
  if (header === -1) throw new Error('README has no permission table');
  const roles = cells(lines[header]).slice(1);
  const matrix = new Map<string, Set<string>>();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [permission, ...marks] = cells(line);
    matrix.set(permission, new Set(roles.filter((_, i) => marks[i] === '✓')));
  }
  return matrix;
}

function cells(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}
