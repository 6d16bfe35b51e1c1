/** Redaction speed: a 40-word message should take well under 2 ms (median). */
import { performance } from 'node:perf_hooks';
import { redact, warmRedaction } from '../src/privacy/redact.ts';
import { type BenchRow, percentile, printTable, round, timeCalls } from './lib.ts';

const FORTY_WORDS = [
  // no personal details
  'He keeps turning up outside my work every evening and waits by my car. I have asked him to stop ' +
    'many times but he says he just wants to talk. Is this stalking and what can the police actually do about it?',
  // a phone number, an e-mail address and a postcode
  'My name is Sarah Jones and I live near CM1 1AA. He keeps ringing me on 07700 900123 from withheld numbers ' +
    'and emails sarah.jones@example.co.uk every night. I changed my number once already. What should I do next?',
  // a URL, an IP address and a landline
  'He made a page about me at https://www.facebook.com/fake.page.123 and my router shows logins from ' +
    '192.168.1.20 that are not mine. He also calls my mum on 01245 123456 at all hours. Can I report this?',
  // many numbers that are not personal
  'It started in 2019, stopped for 3 months, then began again on 12/03/2024. Since then he has sent about ' +
    '40 texts a day, sometimes 100, mostly between 10pm and 2am. I kept a diary of every one of them.',
];

export async function run(): Promise<BenchRow[]> {
  const t0 = performance.now();
  warmRedaction();
  const warmMs = performance.now() - t0;

  const rows: BenchRow[] = [{ name: 'warmRedaction (load + first call)', ms: round(warmMs, 1) }];
  const row = (name: string, inputs: readonly string[], rounds: number): BenchRow => {
    const us = timeCalls(inputs, redact, rounds);
    return {
      name,
      calls: us.length,
      'median µs': round(percentile(us, 50)),
      'p95 µs': round(percentile(us, 95)),
      'p99 µs': round(percentile(us, 99)),
    };
  };
  rows.push(row('40-word messages (4 kinds)', FORTY_WORDS, 500));
  const long = FORTY_WORDS.join(' ').repeat(4); // about 640 words, 3,500 characters
  rows.push(row(`long message (${long.length} chars)`, [long], 50));
  // Hostile input: one 8,000-character word. The recognizers backtrack on these; chunking keeps it linear.
  const hostile = ['1.'.repeat(4000), 'a'.repeat(8000), '0'.repeat(8000)];
  rows.push(row('8,000 chars, no spaces (worst cases)', hostile, 10));
  return rows;
}

if (import.meta.main) {
  printTable('redact', await run());
}
