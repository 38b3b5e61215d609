// Stable error codes that cross the contract. The UI maps each to a translated message and an action.
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'forbidden',
  'not_found',
  'auth_failed',
  'network_unreachable',
  'rate_limited',
  'server_error',
  'keychain_locked',
  'keychain_unavailable',
  'keychain_timeout',
  'already_exists',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractError {
  readonly code: ErrorCode;
  /** Human-readable detail for logs and tooltips. Never contains a secret. */
  readonly message: string;
  /** For invalid_input: which fields failed. */
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractError };

/** Thrown inside main-side handlers; the router turns it into `{ ok: false, error }`. */
export class RoostError extends Error {
  readonly code: ErrorCode;
  /** For invalid_input found by main itself: the fields at fault, so the form can point at them. */
  readonly issues: ContractError['issues'];
  constructor(code: ErrorCode, message: string, issues?: ContractError['issues']) {
    super(message);
    this.name = 'RoostError';
    this.code = code;
    this.issues = issues;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
