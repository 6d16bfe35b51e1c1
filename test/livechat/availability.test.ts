import { describe, expect, it } from 'vitest';
import { EMERGENCY, ESSEX_COMPASS } from '../../src/common/contacts.ts';
import type { Reply } from '../../src/common/reply.ts';
import { availabilityReply, liveChatState, noPersonNowReply } from '../../src/livechat/availability.ts';
import { parseTimetable } from '../../src/livechat/hours.ts';

const weekdays = parseTimetable('Mon-Fri 09:00-17:00', ['2026-12-25']);
const never = parseTimetable('closed', []);

const MONDAY_10AM_BST = new Date('2026-06-29T09:00:00Z');
const FRIDAY_6PM_BST = new Date('2026-07-03T17:00:00Z');
const on = { handoffEnabled: true };
const off = { handoffEnabled: false };

/** Phrases that would tell someone a person is coming. */
const PROMISES_A_PERSON = /connecting you|someone will be with you|a person will|passing you to|hold on/i;

const allReplies = (): Reply[] =>
  [MONDAY_10AM_BST, FRIDAY_6PM_BST].flatMap((now) =>
    [on, off].flatMap((opts) =>
      [weekdays, never].flatMap((t) => [availabilityReply(t, now, opts), noPersonNowReply(t, now, opts)]),
    ),
  );

describe('availabilityReply', () => {
  it('in hours, says live chat is open now without promising an instant answer', () => {
    const { text } = availabilityReply(weekdays, MONDAY_10AM_BST, on);
    expect(text).toContain('Live chat is open now');
    expect(text).toContain('wait');
    expect(text).not.toContain('No one is on live chat');
  });

  it('out of hours, says no one is on and when live chat opens again', () => {
    const { text } = availabilityReply(weekdays, FRIDAY_6PM_BST, on);
    expect(text).toContain('No one is on live chat right now.');
    expect(text).toContain('Live chat opens again Monday at 9am.');
    expect(text).not.toContain('open now');
  });

  it('says so plainly when live chat is not due to open at all', () => {
    const { text } = availabilityReply(never, FRIDAY_6PM_BST, on);
    expect(text).toContain('Live chat is not due to open in the next 3 weeks.');
    expect(text).not.toContain('opens again');
  });

  it('when handoff is off, never claims live chat is open or gives hours, even in office hours', () => {
    const { text } = availabilityReply(weekdays, MONDAY_10AM_BST, off);
    expect(text).toContain("Talking to a person isn't available in this chat window yet.");
    expect(text).not.toContain('open now');
    expect(text).not.toContain('opens again');
    expect(liveChatState(weekdays, MONDAY_10AM_BST, off)).toEqual({ kind: 'not-connected' });
  });

  it('always gives Essex Compass 24 hours a day and 999', () => {
    for (const now of [MONDAY_10AM_BST, FRIDAY_6PM_BST]) {
      for (const opts of [on, off]) {
        const { text } = availabilityReply(weekdays, now, opts);
        expect(text).toContain('0330 333 7 444, 24 hours a day');
        expect(text).toContain('call 999');
      }
    }
  });
});

describe('noPersonNowReply', () => {
  it('out of hours, explains no one is on now and when live chat opens, with call buttons', () => {
    const reply = noPersonNowReply(weekdays, FRIDAY_6PM_BST, on);
    expect(reply.text).toContain("No one is on live chat right now, so I can't pass you to a person.");
    expect(reply.text).toContain('Live chat opens again Monday at 9am.');
    expect(reply.buttons).toEqual([
      { title: 'Call Essex Compass', tel: ESSEX_COMPASS.tel },
      { title: 'Call 999', tel: EMERGENCY.tel },
      { title: 'Keep chatting with the bot' },
    ]);
  });

  it('when handoff is off, says this window is not connected instead of giving hours', () => {
    const reply = noPersonNowReply(weekdays, MONDAY_10AM_BST, off);
    expect(reply.text).toContain("Talking to a person isn't available in this chat window yet.");
    expect(reply.text).not.toContain('opens again');
    expect(reply.buttons?.map((b) => b.title)).toContain('Call Essex Compass');
  });

  it('if a handoff fails during hours, says so and asks the person to try again later', () => {
    const reply = noPersonNowReply(weekdays, MONDAY_10AM_BST, on);
    expect(reply.text).toContain("I couldn't pass you to a person just now.");
  });

  it('over Christmas, gives the first working day after the closed date', () => {
    const christmasEveEvening = new Date('2026-12-24T18:00:00Z');
    expect(noPersonNowReply(weekdays, christmasEveEvening, on).text).toContain(
      'Live chat opens again Monday at 9am.',
    );
  });
});

describe('every live-chat message follows the style guide', () => {
  it('never promises a person is coming', () => {
    for (const reply of allReplies()) expect(reply.text).not.toMatch(PROMISES_A_PERSON);
  });

  it('keeps every sentence to 25 words or fewer', () => {
    for (const reply of allReplies()) {
      for (const sentence of reply.text.split(/(?<=[.!?])\s+/)) {
        expect(sentence.split(/\s+/).filter(Boolean).length, sentence).toBeLessThanOrEqual(25);
      }
    }
  });

  it('writes phone numbers exactly as the contacts list does', () => {
    for (const reply of allReplies()) {
      const numbers = reply.text.match(/\d[\d ]*\d|\d/g) ?? [];
      for (const n of numbers.filter((x) => x.replace(/ /g, '').length >= 3)) {
        expect(['999', ESSEX_COMPASS.display], reply.text).toContain(n);
      }
    }
  });
});
