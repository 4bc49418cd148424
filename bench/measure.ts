/** Median wall time of `runs` calls of `work`, after one warm-up call. */
export function medianMs(runs: number, work: () => void): number {
  work();
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
