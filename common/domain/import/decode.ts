import { ImportError, fileLabel } from './importError';
import { format } from '../../messages/format';

/** How the bytes of a file should be read, decided from their first bytes. */
export type Container = 'zip' | 'text';

const KDBX_SIGNATURE = [0x03, 0xd9, 0xa2, 0x9a];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];

/** Bytes examined when deciding whether text is really binary data. */
const SAMPLE_CHARS = 8192;
/** Share of control or replacement characters above which a "text" is treated as binary. */
const MAX_SUSPICIOUS_SHARE = 0.02;

/**
 * Windows-1252 code points for bytes 0x80–0x9F (the rest equals Latin-1). The five bytes the code
 * page leaves undefined map to the C1 control of the same value, as the WHATWG Encoding spec does.
 * A table rather than `TextDecoder('windows-1252')`: Node 20's decoder maps this range to Latin-1
 * (0x80 → U+0080 instead of €), so results would differ between the tests and Electron.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decides how to open a file from its first bytes, refusing files that are certainly not exports:
 * empty files, KeePass databases (`.kdbx`) and old Office documents.
 */
export function sniffContainer(bytes: Uint8Array, fileName: string): Container {
  if (bytes.length === 0)
    throw new ImportError('empty', format('importFile.empty', { file: fileLabel(fileName) }));
  if (startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, EMPTY_ZIP_SIGNATURE)) return 'zip';
  if (startsWith(bytes, KDBX_SIGNATURE)) {
    throw new ImportError('binary', format('importFile.kdbx', { file: fileLabel(fileName) }));
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw new ImportError('binary', format('importFile.office', { file: fileLabel(fileName) }));
  }
  return 'text';
}

/**
 * Decodes an export to text: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, UTF-16 without BOM
 * when every other byte of the start is zero, and Windows-1252 when the bytes are not valid UTF-8
 * (what Excel writes for "CSV" on Western Windows). The BOM is removed. Throws `binary` for data
 * that is not text and `empty` for a file with nothing but whitespace.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  return decodeExport(bytes, fileName).text;
}

/** The encodings {@link decodeText} reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** {@link decodeText}, also saying which encoding the bytes were read as. */
export function decodeExport(bytes: Uint8Array, fileName: string): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0)
    throw new ImportError('empty', format('importFile.empty', { file: fileLabel(fileName) }));
  const utf16 = sniffUtf16(bytes);
  let text: string;
  let encoding: TextEncoding;
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes);
    encoding = utf16;
  } else {
    if (bytes.includes(0)) throw binaryError(fileName);
    ({ text, encoding } = decodeUtf8OrWindows1252(bytes));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) throw binaryError(fileName);
  if (text.trim() === '')
    throw new ImportError('empty', format('importFile.empty', { file: fileLabel(fileName) }));
  return { text, encoding };
}

function binaryError(fileName: string): ImportError {
  return new ImportError('binary', format('importFile.binary', { file: fileLabel(fileName) }));
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a BOM, only call it UTF-16 when the start is unmistakably ASCII in 16-bit units:
  // every high byte zero and every low byte non-zero.
  const sample = Math.min(bytes.length - (bytes.length % 2), 64);
  if (sample < 4) return null;
  let isLittleEndian = true;
  let isBigEndian = true;
  for (let i = 0; i < sample; i += 2) {
    const first = bytes[i] ?? 0;
    const second = bytes[i + 1] ?? 0;
    if (!(first !== 0 && second === 0)) isLittleEndian = false;
    if (!(first === 0 && second !== 0)) isBigEndian = false;
  }
  if (isLittleEndian) return 'utf-16le';
  if (isBigEndian) return 'utf-16be';
  return null;
}

function decodeUtf8OrWindows1252(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + chunk);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] ?? 0;
      codes.push(byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function looksBinary(text: string): boolean {
  const length = Math.min(text.length, SAMPLE_CHARS);
  let suspicious = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const isControl =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) ||
      (code >= 0x7f && code <= 0x9f);
    if (isControl || code === 0xfffd || code === 0) suspicious++;
  }
  return suspicious > 0 && suspicious > length * MAX_SUSPICIOUS_SHARE;
}
