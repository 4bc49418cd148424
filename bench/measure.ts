/**
 * Median wall time of `runs` calls of `work`, after three warm-up calls: by
 * then the JIT has compiled the hot code for the size at hand, which one call
 * left half done (the first timed runs of 10,000 rows were up to twice the rest).
 */
export function medianMs(runs: number, work: () => void): number {
  for (let i = 0; i < 3; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return Math.round(median * 100) / 100;
}

export function printBench(line: Record<string, string | number>): void {
  console.log(JSON.stringify(line));
}
