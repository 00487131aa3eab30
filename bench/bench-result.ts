/** What one benchmark reports: human lines for the console and numbers for the README and JSON output. */
export interface BenchResult {
  name: string;
  lines: string[];
  metrics: Record<string, number>;
  /** Removes what the bench left on disk (when that is slow enough to do after the figures are printed). */
  cleanUp?: () => void;
}
