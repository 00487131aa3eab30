/** What one benchmark reports: human lines for the console and numbers for the README and JSON output. */
export interface BenchResult {
  name: string;
  lines: string[];
  metrics: Record<string, number>;
}
