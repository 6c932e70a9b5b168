/** Everything the service writes to its output (stdout, stderr and the console) while `run` runs. */
export async function captureOutput(run: () => Promise<unknown>): Promise<string> {
  const written: string[] = [];
  const keep = (chunk: unknown) => (written.push(String(chunk)), true);
  jest.spyOn(process.stdout, 'write').mockImplementation(keep);
  jest.spyOn(process.stderr, 'write').mockImplementation(keep);
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));
  }
  try {
    await run();
  } finally {
    jest.restoreAllMocks();
  }
  return written.join('\n');
}
