import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, warmRedaction } from '../../src/privacy/redact.ts';

warmRedaction();

describe('redact: personal details are replaced', () => {
  it.each([
    // UK phone numbers, as people type them
    ['text me on 07700 900123 please', 'text me on [phone] please'],
    ['my number is +44 7700 900123.', 'my number is [phone].'],
    ['ring 01234 567890 after 6', 'ring [phone] after 6'],
    ['the landline is 020 7946 0000', 'the landline is [phone]'],
    ['07700900123', '[phone]'],
    ['+447700900123', '[phone]'],
    ['(01245) 123456', '[phone]'],
    ['+44 (0)7700 900123', '[phone]'],
    ['07700-900-123 or 0800 123 4567', '[phone] or [phone]'],
    // e-mail
    ['email me at sarah.jones@example.co.uk', 'email me at [email]'],
    ['SARAH.JONES@EXAMPLE.CO.UK is mine', '[email] is mine'],
    ['(jo+safe@mail.com)', '([email])'],
    // URLs
    ['his page is https://www.facebook.com/some.person?id=1', 'his page is [url]'],
    ['see www.example.org, it has my photos', 'see [url], it has my photos'],
    ['facebook.com/sarah.jones', '[url]'],
    // IP addresses
    ['the login came from 192.168.1.20.', 'the login came from [ip].'],
    // UK postcodes, any case, with or without the space
    ['I live at CM1 1AA', 'I live at [postcode]'],
    ['SS0 7AB and RM17 6SL', '[postcode] and [postcode]'],
    ['near cm11aa now', 'near [postcode] now'],
    // names after an introduction
    ['my name is Sarah Jones', 'my name is [name]'],
    ['My name is sarah jones and I need help', 'My name is [name] and I need help'],
    ["I'm called Jo.", "I'm called [name]."],
    ['call me Sam', 'call me [name]'],
    ['Hello, this is Priya Patel.', 'Hello, this is [name].'],
    ['Hi, I’m Sarah-Jane O’Neil.', 'Hi, I’m [name].'],
    // social media handles
    ['his insta is @dave_smith_88', 'his insta is [handle]'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('redacts every detail in one message', () => {
    const text =
      'My name is Sarah Jones, I live at 12 Park Road, Chelmsford CM1 1AA. ' +
      'My mobile is 07700 900123 and my email is sarah@example.com.';
    const out = redact(text);
    for (const detail of ['Sarah', 'Jones', 'CM1 1AA', '07700 900123', 'sarah@example.com']) {
      expect(out).not.toContain(detail);
    }
    expect(out).toContain('[name]');
    expect(out).toContain('[postcode]');
    expect(out).toContain('[phone]');
    expect(out).toContain('[email]');
  });
});

describe('redact: ordinary words are left alone', () => {
  it.each([
    'Which protection might fit me?',
    'He keeps turning up at my work and I am scared.',
    'yes',
    'skip',
    'What is a Stalking Protection Order?',
    "I'm not sure. This is really hard.",
    'call me back later please',
    'It started in 2019 and he has sent 12 texts since 10:30 this morning.',
    'He followed me on 12/03/2024 at 6pm.',
    'Is it stalking if he messages me 3 or 4 times a day?',
    'I am worried about my children.',
    '',
  ])('%j', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('leaves any sentence of everyday words unchanged', () => {
    const words = fc.constantFrom(
      'he',
      'keeps',
      'following',
      'me',
      'home',
      'from',
      'work',
      'i',
      'am',
      'scared',
      'what',
      'can',
      'do',
      'police',
      'order',
      'stalking',
      'harassment',
      'help',
      'is',
      'this',
      'at',
      'night',
      'messages',
      'texts',
      'my',
      'phone',
      'door',
      'outside',
      'the',
      'a',
      'and',
      'not',
      'sure',
      'call',
      'name',
    );
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 40 }), (ws) => {
        const text = ws.join(' ');
        expect(redact(text)).toBe(text);
      }),
    );
  });
});

describe('redact: safety properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(typeof redact(s)).toBe('string');
      }),
    );
  });

  it('returns an empty string for a missing text (a card submit has none)', () => {
    expect(redact(undefined as unknown as string)).toBe('');
  });

  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
  const ukPhone = fc.oneof(
    digits(9).map((d) => `07${d.slice(0, 3)} ${d.slice(3)}`),
    digits(9).map((d) => `+44 7${d.slice(0, 3)} ${d.slice(3)}`),
    digits(9).map((d) => `+447${d}`),
    digits(9).map((d) => `01${d.slice(0, 3)} ${d.slice(3)}`),
    digits(9).map((d) => `(01${d.slice(0, 3)}) ${d.slice(3)}`),
    digits(8).map((d) => `020 ${d.slice(0, 4)} ${d.slice(4)}`),
    digits(9).map((d) => `07${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`),
  );
  const around = fc.string({ maxLength: 60 });

  it('never lets a phone number through, wherever it sits in a message', () => {
    fc.assert(
      fc.property(around, ukPhone, around, (before, phone, after) => {
        const out = redact(`${before} ${phone} ${after}`);
        expect(out).not.toContain(phone);
        // Not even its last six digits, in any layout.
        const lastSix = phone.replace(/\D/g, '').slice(-6);
        expect(out.replace(/[\s()-]/g, '')).not.toContain(lastSix);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets an e-mail address through, wherever it sits in a message', () => {
    fc.assert(
      fc.property(around, fc.emailAddress(), around, (before, email, after) => {
        const out = redact(`${before} ${email} ${after}`);
        expect(out).not.toContain(email);
        expect(out).not.toContain(email.slice(email.indexOf('@')));
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a UK postcode through', () => {
    const letter = fc.constantFrom(...'ABCDEFGHJKLMNOPRSTUWYZ');
    const postcode = fc
      .tuple(letter, fc.option(letter, { nil: '' }), fc.integer({ min: 1, max: 99 }), digit, letter, letter)
      .map(([a, b, n, d, x, y]) => `${a}${b}${n} ${d}${x}${y}`);
    fc.assert(
      fc.property(around, postcode, around, (before, pc, after) => {
        expect(redact(`${before} ${pc} ${after}`)).not.toContain(pc);
      }),
      { numRuns: 300 },
    );
  });
});
