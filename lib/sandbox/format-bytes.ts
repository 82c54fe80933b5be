// Human-readable byte sizes for limit messages ("64 KiB", "1 MiB (1,048,578 bytes)").

const KIB = 1024;
const MIB = 1024 * 1024;

function trimmed(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

export function formatBytes(bytes: number): string {
  if (bytes < KIB) return `${bytes} bytes`;
  if (bytes < MIB) return `${trimmed(bytes / KIB)} KiB`;
  return `${trimmed(bytes / MIB)} MiB`;
}

/** The rounded size plus the exact count when rounding hides it. */
export function formatBytesExact(bytes: number): string {
  const rounded = formatBytes(bytes);
  return bytes < KIB ? rounded : `${rounded} (${bytes.toLocaleString('en-US')} bytes)`;
}

/** Length of a string once encoded as UTF-8, without allocating the encoding. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
