import { Worker } from 'node:worker_threads';

interface Task<In, Out> {
  input: In;
  resolve(out: Out): void;
  reject(error: Error): void;
}

/**
 * A fixed set of worker threads running one module, each doing one task at a time; tasks wait
 * in a queue. A worker that dies fails its task (the caller reports it for that document) and is
 * replaced, so one bad document never stops the batch.
 */
export class WorkerPool<In, Out> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task<In, Out>>();
  private readonly queue: Task<In, Out>[] = [];
  private closed = false;

  constructor(
    private readonly script: URL,
    size: number,
    private readonly workerData: unknown,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  run(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: this.workerData });
    worker.on('message', (out: Out) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      task?.resolve(out);
      this.next();
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.lost(worker, new Error(`the worker thread stopped (exit code ${code})`));
    });
    // An idle pool must not keep the process alive.
    worker.unref();
    return worker;
  }

  private lost(worker: Worker, error: Error): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    else if (task === undefined) return; // already handled (error, then exit)
    task?.reject(error);
    if (!this.closed) {
      this.idle.push(this.spawn());
      this.next();
    }
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const task = this.queue.shift() as Task<In, Out>;
      this.busy.set(worker, task);
      worker.ref();
      worker.postMessage(task.input);
    }
    for (const w of this.idle) w.unref();
  }
}
