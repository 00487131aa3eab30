import { digestHex } from '../digest.js';
import type { PackageFile } from '../package-input.js';
import { byPath, utf8 } from '../text-bytes.js';
import { bagInfoText, humanSize } from './bag-info.js';

export interface BagDescription {
  sourceOrganization: string;
  externalIdentifier: string;
  externalDescription: string;
  /** RFC 3339 time; its date is the Bagging-Date. */
  baggedAt: string;
  softwareAgent: string;
}

const ALGORITHMS = ['sha256', 'sha512'] as const;

/** A payload file as a bag's manifests and bag-info.txt describe it: its path under the bag, size and digests. */
export interface BagEntry {
  /** 'data/…' */
  path: string;
  size: number;
  sha256: string;
  sha512: string;
}

/**
 * A BagIt 1.0 bag (RFC 8493) as files relative to the bag's base folder: the declaration,
 * bag-info.txt, the payload under data/, a payload manifest and a tag manifest per algorithm.
 * Payload paths are safe (no CR, LF or '%'), so manifests need no percent-encoding.
 */
export function buildBag(payload: readonly PackageFile[], info: BagDescription): PackageFile[] {
  const data = payload.map((f) => ({ path: `data/${f.path}`, bytes: f.bytes })).sort(byPath);
  const entries = data.map((f) => ({ path: f.path, size: f.bytes.length, sha256: digestHex('sha256', f.bytes), sha512: digestHex('sha512', f.bytes) }));
  return [...bagTagFiles(entries, info), ...data].sort(byPath);
}

/**
 * A bag's tag files (declaration, bag-info.txt, manifests, tag manifests) from what is known of
 * its payload, which need not be in memory: the edition bag's is written a document at a time.
 * `data`: sorted by path, one entry per file.
 */
export function bagTagFiles(data: readonly BagEntry[], info: BagDescription): PackageFile[] {
  const octets = data.reduce((sum, f) => sum + f.size, 0);
  const tags: PackageFile[] = [
    { path: 'bagit.txt', bytes: utf8('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') },
    {
      path: 'bag-info.txt',
      bytes: utf8(
        bagInfoText([
          ['Source-Organization', info.sourceOrganization],
          ['External-Identifier', info.externalIdentifier],
          ['External-Description', info.externalDescription],
          ['Bagging-Date', info.baggedAt.slice(0, 10)],
          ['Payload-Oxum', `${octets}.${data.length}`],
          ['Bag-Size', humanSize(octets)],
          ['Bag-Software-Agent', info.softwareAgent],
        ]),
      ),
    },
  ];
  for (const algorithm of ALGORITHMS) tags.push({ path: `manifest-${algorithm}.txt`, bytes: utf8(data.map((f) => `${f[algorithm]}  ${f.path}\n`).join('')) });
  const tagManifests = ALGORITHMS.map((algorithm) => ({ path: `tagmanifest-${algorithm}.txt`, bytes: manifest(algorithm, [...tags].sort(byPath)) }));
  return [...tags, ...tagManifests].sort(byPath);
}

/** "<hex digest>  <path>" lines, sorted by path: the form sha256sum -c reads too. */
function manifest(algorithm: (typeof ALGORITHMS)[number], files: readonly PackageFile[]): Uint8Array {
  return utf8(files.map((f) => `${digestHex(algorithm, f.bytes)}  ${f.path}\n`).join(''));
}
