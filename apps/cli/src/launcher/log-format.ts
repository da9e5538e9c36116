const COLORS = [36, 35, 33, 32, 34, 91, 96];
const LEVEL_COLORS: Record<string, number> = {
  fatal: 41,
  error: 31,
  warn: 33,
  info: 32,
  debug: 90,
  trace: 90,
};

export function colorize(text: string, code: number, enabled: boolean): string {
  return enabled ? `\x1b[${code}m${text}\x1b[0m` : text;
}

export function serviceColor(index: number): number {
  return COLORS[index % COLORS.length];
}

/**
 * Services log JSON lines (for machines); in a terminal the launcher shows them compactly: time, level,
 * message and the error if there is one. Anything that is not JSON passes through unchanged.
 */
export function formatLogLine(line: string, color: boolean): string {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line) as {
      time?: string;
      level?: string;
      msg?: string;
      err?: { message?: string };
      url?: string;
    };
    const time = entry.time?.slice(11, 19) ?? '';
    const level = colorize((entry.level ?? '').padEnd(5), LEVEL_COLORS[entry.level ?? ''] ?? 0, color);
    const extra = [entry.url, entry.err?.message].filter(Boolean).join(' ');
    return `${time} ${level} ${entry.msg ?? ''}${extra ? ` ${extra}` : ''}`;
  } catch {
    return line;
  }
}
