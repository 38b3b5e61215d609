// The one way main reports a failure it cannot hand to anyone: a scope and the error's message, never its
// stack or the input that caused it (inputs may hold secrets).
export function logFailure(scope: string, error: unknown): void {
  console.error(`[roost] ${scope}:`, error instanceof Error ? error.message : 'unknown error');
}
