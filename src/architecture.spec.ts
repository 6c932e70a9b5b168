import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The features' import graph has no cycle: if A imports B, B never reaches A. Imports of another
 * feature's `domain/` do not count: those are pure rules (lint keeps them free of the framework, the
 * database and every other layer), shared like common/. Cycles are what the ports break (CaseAccess,
 * SecurityLog, UserAccounts): the lower feature declares what it needs, the higher one provides it.
 */
const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Feature → the features its code imports, each with one file that does, to name in a failure. */
function featureGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SRC)) {
    const [feature, ...rest] = relative(SRC, file).split('/');
    if (rest.length === 0) continue; // the application's edge (main.ts, app.module.ts...) imports everything
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const [target, second] = relative(SRC, normalize(join(dirname(file), specifier))).split('/');
      if (target === feature || target.startsWith('..') || second === 'domain' || second === undefined) continue;
      if (!graph.has(feature)) graph.set(feature, new Map());
      if (!graph.get(feature)!.has(target)) graph.get(feature)!.set(target, relative(SRC, file));
    }
  }
  return graph;
}

/** A path from `from` back to itself, or null. */
function cycleThrough(graph: Map<string, Map<string, string>>, from: string): string[] | null {
  const seen = new Set<string>();
  const walk = (node: string, path: string[]): string[] | null => {
    for (const next of graph.get(node)?.keys() ?? []) {
      if (next === from) return [...path, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(from, [from]);
}

describe('the features\' dependencies', () => {
  const graph = featureGraph();

  it('are read from the source (a graph with the features in it)', () => {
    expect(graph.get('payouts')?.has('cases')).toBe(true);
    expect(graph.get('reminders')?.has('legal-clocks')).toBe(true);
  });

  it.each([...graph.keys()].sort().map((feature) => [feature]))('%s reaches no path back to itself', (feature) => {
    const cycle = cycleThrough(graph, feature);
    const explained = cycle?.slice(1).map((to, index) => `${cycle[index]} → ${to} (${graph.get(cycle[index])!.get(to)})`);
    expect(explained ?? []).toEqual([]);
  });
});
