import cliProgress from 'cli-progress';

export interface ProgressUpdate {
  /** A build phase ('tei', 'decode', 'derive') or another batch name ('ingest'). */
  phase: string;
  done: number;
  total: number;
}

export interface ProgressReporter {
  update(progress: ProgressUpdate): void;
  stop(): void;
}

const PHASE_LABELS: Record<string, string> = {
  ingest: 'Reading pages',
  tei: 'Encoding TEI ',
  decode: 'Reading TEI  ',
  derive: 'Deriving     ',
};

/** A progress bar on stderr, only for people at a terminal: logs and pipes get no control codes. */
export function createProgressReporter(enabled: boolean): ProgressReporter {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: string | undefined;
  return {
    update(progress) {
      if (phase !== progress.phase) {
        if (phase !== undefined) bar.stop();
        phase = progress.phase;
        bar.start(progress.total, 0, { phase: PHASE_LABELS[progress.phase] ?? progress.phase });
      }
      bar.update(progress.done);
    },
    stop() {
      if (phase !== undefined) bar.stop();
    },
  };
}
