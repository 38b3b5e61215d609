// Lists edited as text, one entry per line: blank lines are dropped, order and spelling are kept for main
// to check and tidy.
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function textOf(lines: readonly string[]): string {
  return lines.join('\n');
}
