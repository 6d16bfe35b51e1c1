/**
 * The Teams staff behaviour: short commands and free-text questions answered with compact
 * reference cards, the installation welcome, and the staff tenant lock. Stateless: no dialogs,
 * no state reads. The bot has already run the risk check and sent any escalation before this runs.
 * Logs carry ids, tenant ids, topic ids and levels only: never message text.
 */
import { type Activity, CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { Config } from '../../config.ts';
import { messageText } from '../../dialogs/activity-text.ts';
import type { Knowledge, TopicId } from '../../knowledge/index.ts';
import type { Logger } from '../../logger.ts';
import type { RiskAssessment } from '../../safety/types.ts';
import { type AdaptiveCard, chooseCard, helpCard, menuCard, referenceCard } from './cards.ts';
import { parseCommand } from './commands.ts';
import { decideTenant } from './tenant.ts';

export interface StaffDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly knowledge: Knowledge;
}

export interface StaffHandler {
  /** A message from Teams. risk = the assessment the bot already made (escalation already sent). */
  onMessage(context: TurnContext, risk: RiskAssessment): Promise<void>;
  /** Installation (personal/team): a welcome card. */
  onInstall(context: TurnContext): Promise<void>;
  /** true if this Teams activity comes from an allowed tenant; otherwise it has already sent the one polite refusal. */
  allowTenant(context: TurnContext): Promise<boolean>;
}

export const REFUSAL = "Sorry, this bot is only for the charity's staff.";
export const NOT_FOUND = "I didn't find that. Pick a topic, or try a command such as spo or non-mol.";

const REFUSED = Symbol('teams.refused');

/**
 * The words of a Teams message: the bot's @mention removed (channel and group chat), other
 * <at> tags and non-breaking spaces tidied. Card submits (no text) come from value via messageText.
 */
export function staffText(activity: Partial<Activity>): string | undefined {
  let source = activity;
  if (typeof activity.text === 'string' && activity.recipient?.id) {
    // removeRecipientMention changes the activity's text, and throws when there is no text or an
    // entity has no type: work on a copy, and fall back to removing the tags below.
    const copy = { ...activity } as Activity;
    try {
      TurnContext.removeRecipientMention(copy);
      source = copy;
    } catch {
      source = activity;
    }
  }
  const raw = messageText(source);
  if (raw === undefined) return undefined;
  const cleaned = raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? undefined : cleaned;
}

const QUESTION_START =
  /^(what|what's|whats|who|whom|which|when|where|why|how|can|could|does|do|did|is|are|was|will|would|should|has|have)\b/i;

/** "…can he be arrested for breaking the non-mol?" is clearly also a question; "he's outside" is not. */
export function isClearlyQuestion(text: string): boolean {
  if (text.includes('?')) return true;
  return text
    .split(/[.,;:!]\s*/)
    .some((part) => QUESTION_START.test(part.trim().replace(/^(and|but|so|also)\s+/i, '')));
}

function cardActivity(card: AdaptiveCard, topic?: TopicId): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (topic) activity.channelData = { topic };
  return activity;
}

type Answer =
  | { readonly kind: 'topic'; readonly topic: TopicId; readonly section?: string; readonly advice: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'menu' }
  | { readonly kind: 'choose'; readonly candidates: readonly TopicId[]; readonly advice: boolean }
  | { readonly kind: 'none'; readonly advice: boolean };

function answerFor(text: string | undefined, knowledge: Knowledge): Answer {
  if (text === undefined) return { kind: 'menu' };
  const command = parseCommand(text, knowledge);
  if (command?.kind === 'topic') return { ...command, advice: false };
  if (command) return command;
  const match = knowledge.match(text);
  switch (match.kind) {
    case 'answer':
      return { kind: 'topic', topic: match.topic, section: match.section, advice: match.advice };
    case 'choose':
      return { kind: 'choose', candidates: match.candidates, advice: match.advice };
    default:
      return { kind: 'none', advice: match.advice };
  }
}

function render(answer: Answer, knowledge: Knowledge): Partial<Activity> {
  switch (answer.kind) {
    case 'topic':
      return cardActivity(
        referenceCard(knowledge, answer.topic, answer.section, { advice: answer.advice }),
        answer.topic,
      );
    case 'help':
      return cardActivity(helpCard(knowledge, 'help'));
    case 'menu':
      return cardActivity(menuCard(knowledge));
    case 'choose':
      return cardActivity(chooseCard(knowledge, answer.candidates, { advice: answer.advice }));
    case 'none':
      return cardActivity(menuCard(knowledge, NOT_FOUND, { advice: answer.advice }));
  }
}

export function createStaffHandler(deps: StaffDeps): StaffHandler {
  const { config, logger, knowledge } = deps;
  const allowed = config.STAFF_TENANT_IDS;
  if (allowed.length === 0) {
    logger.warn('STAFF_TENANT_IDS is empty: every Microsoft Teams activity will be refused');
  }

  async function allowTenant(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (activity.channelId !== 'msteams') return true;
    const decision = decideTenant(activity, allowed);
    if (decision.allowed) {
      logger.debug({ tenant: decision.tenant }, 'teams tenant allowed');
      return true;
    }
    if (!context.turnState.get(REFUSED)) {
      context.turnState.set(REFUSED, true);
      logger.info({ tenant: decision.tenant }, 'teams tenant refused');
      // Only a message gets the refusal; installs, reactions and invokes get nothing.
      if (activity.type === 'message') await context.sendActivity(MessageFactory.text(REFUSAL));
    }
    return false;
  }

  return {
    allowTenant,

    async onMessage(context, risk) {
      // Belt and braces: the bot checks the tenant first, but content never goes out without it.
      if (!(await allowTenant(context))) return;
      const conversation = context.activity.conversation?.id;
      const text = staffText(context.activity);
      const answer = answerFor(text, knowledge);
      if (risk.level === 'immediate') {
        // The staff escalation is already on screen: add nothing that could bury it, unless the
        // message was also clearly a question that has a topic answer (then it goes after it).
        const asked = text !== undefined && isClearlyQuestion(text) && answer.kind === 'topic';
        if (!asked) {
          logger.info({ conversation, escalation: risk.level, reply: 'none' }, 'teams staff reply');
          return;
        }
      }
      await context.sendActivity(render(answer, knowledge));
      logger.info(
        {
          conversation,
          reply: answer.kind,
          topic: answer.kind === 'topic' ? answer.topic : undefined,
          section: answer.kind === 'topic' ? answer.section : undefined,
          escalation: risk.level === 'none' ? undefined : risk.level,
        },
        'teams staff reply',
      );
    },

    async onInstall(context) {
      if (!(await allowTenant(context))) return;
      await context.sendActivity(cardActivity(helpCard(knowledge, 'welcome')));
      logger.info({ conversation: context.activity.conversation?.id }, 'teams welcome');
    },
  };
}
