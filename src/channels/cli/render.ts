/** How the terminal chat shows an activity: its text, then its buttons as a numbered list. */
import type { Activity } from 'botbuilder';

interface Button {
  title?: string;
  value?: unknown;
}

/** Choices the library already wrote into the text as a numbered list ("1. Yes"). */
function listedChoices(text: string | undefined): string[] {
  const out: string[] = [];
  for (const line of (text ?? '').split('\n')) {
    const m = /^\s*(\d{1,2})\. (.+)$/.exec(line);
    if (m && Number(m[1]) === out.length + 1) out.push(m[2]!.trim());
  }
  return out;
}

/** Buttons carried as suggested actions or on cards. */
function actionTitles(activity: Partial<Activity>): string[] {
  const out: string[] = [];
  for (const a of activity.suggestedActions?.actions ?? []) out.push(a.title ?? String(a.value));
  for (const att of activity.attachments ?? []) {
    const content = att.content as { buttons?: Button[]; actions?: Button[] } | undefined;
    for (const b of [...(content?.buttons ?? []), ...(content?.actions ?? [])]) {
      if (b.title) out.push(b.title);
    }
  }
  return out;
}

export function buttonTitles(activity: Partial<Activity>): string[] {
  return [...listedChoices(activity.text), ...actionTitles(activity)];
}

export function renderForTerminal(activity: Partial<Activity>): string {
  const list = actionTitles(activity)
    .map((b, i) => `  ${i + 1}. ${b}`)
    .join('\n');
  return [activity.text ?? '', list].filter((s) => s.length > 0).join('\n');
}
