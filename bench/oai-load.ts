/**
 * A load of OAI-PMH harvesters on loopback: each harvester walks a whole ListRecords (or
 * ListIdentifiers) harvest following resumption tokens, with GetRecord requests for records it
 * has seen mixed in, and starts again until the load ends. Used by the correctness test (bounded
 * by harvests, errors must be 0, every harvest complete) and by the bench (bounded by time,
 * figures). Servers are tried in turn, so with several URLs every harvest moves between them.
 */
export interface LoadOptions {
  /** OAI-PMH endpoints (…/oai); request n goes to urls[n % urls.length]. */
  urls: readonly string[];
  harvesters: number;
  /** Whole harvests per harvester (when `seconds` is not given). */
  harvests?: number;
  /** Run for this long instead, finishing each harvester's current request. */
  seconds?: number;
  /** One GetRecord after every `getRecordEvery` list pages. */
  getRecordEvery?: number;
  metadataPrefix?: string;
  /** Called with every completed harvest's identifiers, to check them. */
  onHarvest?: (identifiers: string[]) => void;
}

export interface LoadResult {
  requests: number;
  errors: string[];
  harvests: number;
  /** Records (or headers) received in list pages. */
  records: number;
  seconds: number;
  latenciesMs: number[];
}

const TOKEN = /<resumptionToken[^>]*>([^<]*)<\/resumptionToken>/;
const IDENTIFIER = /<header(?: status="deleted")?><identifier>([^<]+)<\/identifier>/g;

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export async function runOaiLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, errors: [], harvests: 0, records: 0, seconds: 0, latenciesMs: [] };
  const prefix = options.metadataPrefix ?? 'oai_dc';
  const every = options.getRecordEvery ?? 3;
  const started = performance.now();
  const deadline = options.seconds === undefined ? Infinity : started + options.seconds * 1000;
  let turn = 0;

  async function ask(query: string): Promise<string | undefined> {
    const url = `${options.urls[turn++ % options.urls.length]}?${query}`;
    const t0 = performance.now();
    try {
      const res = await fetch(url);
      const body = await res.text();
      result.latenciesMs.push(performance.now() - t0);
      result.requests++;
      if (res.status !== 200) {
        result.errors.push(`HTTP ${res.status} for ${query}`);
        return undefined;
      }
      const code = /<error code="([^"]+)"/.exec(body)?.[1];
      if (code !== undefined) {
        result.errors.push(`${code} for ${query}`);
        return undefined;
      }
      return body;
    } catch (error) {
      result.requests++;
      result.errors.push(`${(error as Error).message} for ${query}`);
      return undefined;
    }
  }

  async function harvester(n: number): Promise<void> {
    const verb = n % 2 === 0 ? 'ListRecords' : 'ListIdentifiers';
    for (let h = 0; options.seconds !== undefined || h < (options.harvests ?? 1); h++) {
      if (performance.now() >= deadline) return;
      const ids: string[] = [];
      let query = `verb=${verb}&metadataPrefix=${prefix}`;
      for (let page = 0; ; page++) {
        if (performance.now() >= deadline) return;
        const xml = await ask(query);
        if (xml === undefined) return;
        const found = [...xml.matchAll(IDENTIFIER)].map((m) => m[1] as string);
        // Kept only when asked for: each id is a slice of its page, and would keep the whole page alive
        // (a timed soak of a million records ran the bench out of memory that way).
        if (options.onHarvest !== undefined) ids.push(...found);
        result.records += found.length;
        if (page % every === every - 1 && found.length > 0) {
          const id = found[(page * 7) % found.length] as string;
          const record = await ask(`verb=GetRecord&metadataPrefix=${prefix}&identifier=${encodeURIComponent(id)}`);
          if (record !== undefined && !record.includes(`<identifier>${id}</identifier>`)) result.errors.push(`GetRecord ${id} answered another record`);
        }
        const token = TOKEN.exec(xml)?.[1];
        if (token === undefined || token === '') break;
        query = `verb=${verb}&resumptionToken=${encodeURIComponent(token)}`;
      }
      result.harvests++;
      options.onHarvest?.(ids);
    }
  }

  await Promise.all(Array.from({ length: options.harvesters }, (_, n) => harvester(n)));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
