/** bag-info.txt of RFC 8493 §2.2.2: "Label: value" lines; a value's line breaks become continuation lines. */
export function bagInfoText(fields: readonly [string, string][]): string {
  return fields.map(([label, value]) => `${label}: ${foldValue(value)}\n`).join('');
}

function foldValue(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => (i === 0 ? line : `  ${line}`))
    .join('\n');
}

/** Bag-Size as RFC 8493 suggests it: a human-readable size ("12.3 KB"). */
export function humanSize(octets: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let size = octets;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${octets} bytes` : `${size.toFixed(1)} ${units[unit]}`;
}
