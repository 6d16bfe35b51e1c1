/**
 * Process entry: read config, build the app, listen, shut down cleanly.
 * A bad configuration prints one line per bad variable and exits with code 2 before listening.
 */
import { enableCompileCache } from 'node:module';
import { ConfigError, loadConfig } from './config.ts';

// V8's code cache on disk (in the OS temp folder): later starts skip recompiling botbuilder and
// the rest. Holds compiled code only, never data. Silently off where the folder is not writable.
enableCompileCache();

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

const { buildApp } = await import('./app.ts');
let app: ReturnType<typeof buildApp>;
try {
  app = buildApp(config);
} catch (err) {
  // Broken content files and a bad live-chat timetable are configuration errors too.
  const name = err instanceof Error ? err.name : '';
  if (name === 'ContentError' || name === 'TimetableError') {
    process.stderr.write(`Invalid configuration:\n  - ${(err as Error).message}\n`);
    process.exit(2);
  }
  throw err;
}
const { logger } = app;

app.server.listen(config.PORT, config.HOST, () => {
  const addr = app.server.address();
  // The start-up line is written at any level but silent: operators and tests read the port from it.
  const startup = config.LOG_LEVEL === 'silent' ? logger : logger.child({}, { level: 'info' });
  startup.info({ port: addr.port, host: config.HOST, env: config.NODE_ENV }, 'listening');
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    logger.warn('shutdown timed out; exiting');
    process.exit(1);
  }, 9_000);
  force.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(force);
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason instanceof Error ? reason.name : typeof reason }, 'unhandled rejection');
});
