// Parses one WebSocket message into a request frame. Anything malformed becomes an invalid_input
// answer rather than an exception, so a hostile page cannot break the connection for the real one.
import type { RawData } from 'ws';
import type { ContractError } from '../../src-shared/contract/errors.ts';

export type ParsedFrame =
  | { readonly ok: true; readonly id: number; readonly method: string; readonly input: unknown }
  | { readonly ok: false; readonly id: number | null; readonly error: ContractError };

export function parseRequestFrame(data: RawData, isBinary: boolean): ParsedFrame {
  if (isBinary) return malformed(null, 'Binary frames are not accepted');
  let value: unknown;
  try {
    value = JSON.parse(rawToString(data));
  } catch {
    return malformed(null, 'Frame is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return malformed(null, 'Frame must be a JSON object');
  }
  const record = value as Record<string, unknown>;
  const id = Number.isSafeInteger(record.id) ? (record.id as number) : null;
  if (id === null) return malformed(null, 'Frame id must be an integer');
  if (record.kind !== 'request') return malformed(id, 'Frame kind must be "request"');
  if (typeof record.method !== 'string') return malformed(id, 'Frame method must be a string');
  return { ok: true, id, method: record.method, input: record.input };
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function malformed(id: number | null, message: string): ParsedFrame {
  return { ok: false, id, error: { code: 'invalid_input', message } };
}
