import { join } from 'node:path';
import { inspect } from 'node:util';
import type { NodeLogger } from 'electron-log';

/** The log file rotates at this size; electron-log keeps the previous one as main.old.log. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** How many recent errors main keeps in memory for the diagnostics text. */
export const RECENT_ERRORS_KEPT = 50;

export interface MainLog {
  /** Path of the current log file. */
  file: string;
  /** The last errors and warnings logged, oldest first, as one-line text. */
  recentErrors(): string[];
}

/**
 * Main's log: a rotating file in the user-data folder (userData/logs/main.log), and console.* in
 * main routed to it, so the security guards' refusals and caught errors land there without each
 * module importing a logger. Uses electron-log's Node logger on purpose: electron-log/main would
 * register its own `__ELECTRON_LOG__` IPC handler, a channel outside the checked contract.
 */
export function configureMainLog(log: NodeLogger, { userDataDir, console: target = console }: { userDataDir: string; console?: Console }): MainLog {
  const file = join(userDataDir, 'logs', 'main.log');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  const recent: string[] = [];
  log.hooks.push((message) => {
    if (message.level === 'error' || message.level === 'warn') {
      const text = message.data
        .map((part) =>
          typeof part === 'string' ? part : part instanceof Error ? `${part.name}: ${part.message}` : inspect(part, { depth: 2, breakLength: Infinity }),
        )
        .join(' ');
      recent.push(`${message.date.toISOString()} ${message.level} ${text}`);
      if (recent.length > RECENT_ERRORS_KEPT) recent.shift();
    }
    return message;
  });
  Object.assign(target, { log: log.info, info: log.info, warn: log.warn, error: log.error, debug: log.debug });
  return { file, recentErrors: () => [...recent] };
}
