// `npm run fake-spotify -- [--port N] [--users K] [--tracks M] [--latency MS] [--client-id HEX]
// [--rotate-refresh-tokens] [--seed S]`: starts the fake Spotify, prints how to point the app at
// it, and runs until SIGINT/SIGTERM. Bad arguments exit with code 2 and say which one.
import { parseArgs } from 'node:util';
import { AppError } from '../../electron/core/errors/app-error.js';
import { startFakeSpotify, type FakeSpotifyOptions } from './index.js';
import { REGISTERED_REDIRECT_URI } from './redirect-uri.js';

const USAGE = `Usage: npm run fake-spotify -- [--port N] [--users K] [--tracks M] [--latency MS]
       [--client-id 32-HEX] [--rotate-refresh-tokens] [--seed S]`;

class UsageError extends AppError<'fake_cli_usage'> {}

function parseOptions(argv: string[]): FakeSpotifyOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        users: { type: 'string' },
        tracks: { type: 'string' },
        latency: { type: 'string' },
        'client-id': { type: 'string' },
        'rotate-refresh-tokens': { type: 'boolean' },
        seed: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError('fake_cli_usage', error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  return {
    port: wholeNumber('--port', v.port),
    users: wholeNumber('--users', v.users),
    tracks: wholeNumber('--tracks', v.tracks),
    latencyMs: wholeNumber('--latency', v.latency),
    clientId: v['client-id'],
    rotateRefreshTokens: v['rotate-refresh-tokens'] ?? false,
    seed: wholeNumber('--seed', v.seed),
  };
}

function wholeNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new UsageError('fake_cli_usage', `${flag} must be a whole number, got "${text}"`);
  return Number(text);
}

async function main(): Promise<void> {
  let fake;
  try {
    fake = await startFakeSpotify(parseOptions(process.argv.slice(2)));
  } catch (error) {
    if (error instanceof AppError) {
      // Option names in library form (clientId) read oddly next to CLI flags; name the flag too.
      console.error(`fake-spotify: ${error.message.replace(/^clientId/, '--client-id')}\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  const lines = [
    `Fake Spotify listening on ${fake.baseUrl}`,
    `Client ID: ${fake.clientId}`,
    `Redirect URI to use: ${REGISTERED_REDIRECT_URI} (any port on 127.0.0.1 or [::1])`,
    'Seeded users (username / password):',
    ...fake.users.map(
      (u) => `  ${u.username} / ${u.password}  (id ${u.id}, ${u.displayName ?? 'no display name'})`,
    ),
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));
  const stop = (): void => {
    fake
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('fake-spotify: failed to close', error);
        process.exit(1);
      });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
