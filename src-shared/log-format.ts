/**
 * One log line format for the desktop app and the server, both pino (src-main/services/logger.ts,
 * src-server/logger.ts): a JSON line with the level as a word ("info", not 30), an ISO time
 * under `time` and the message under `msg`. Plain options only (no pino import): src-shared
 * stays free of Node.
 */
export const LOG_FORMAT = {
  messageKey: 'msg',
  formatters: { level: (label: string) => ({ level: label }) },
  timestamp: () => `,"time":"${new Date().toISOString()}"`,
} as const;
