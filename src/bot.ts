/**
 * The bot: every turn, the risk check runs first, on the raw activity, before state or dialogs.
 * An escalation goes out with no storage, network or dialog involved. Then the audience's
 * handler runs (public: the dialogs; staff in Teams: reference answers), and state is saved.
 */
import {
  type Activity,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, type DialogState, DialogTurnStatus, runDialog } from 'botbuilder-dialogs';
import { type HandoffState, handoffStatus } from './channels/handoff/events.ts';
import { createStaffHandler, type StaffHandler } from './channels/teams/staff.ts';
import type { Audience, Reply } from './common/reply.ts';
import type { Config } from './config.ts';
import { messageText } from './dialogs/activity-text.ts';
import type { DialogDeps } from './dialogs/deps.ts';
import { type ConversationFacts, newFacts, raise } from './dialogs/facts.ts';
import { MainDialog } from './dialogs/main-dialog.ts';
import { HANDOFF_ACCEPTED, HANDOFF_COMPLETED, WELCOME, WELCOME_WEB_EXIT } from './dialogs/messages.ts';
import { toActivities, toActivity } from './dialogs/render.ts';
import { EscalationMemo } from './escalation-memo.ts';
import type { Knowledge } from './knowledge/index.ts';
import { errorSummary, type Logger } from './logger.ts';
import { assessRisk, escalationReplies } from './safety/index.ts';
import type { RiskAssessment } from './safety/types.ts';
import type { StateStore } from './state/create-state.ts';

const RISK_KEY = Symbol('risk');
const FORGOTTEN_KEY = Symbol('forgotten');
const NO_RISK: RiskAssessment = Object.freeze({ level: 'none', rules: [] });

export interface BotDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly state: StateStore;
  readonly knowledge: Knowledge;
  readonly now: () => Date;
  readonly availability: (now: Date) => Reply;
  /** Just the sentence about live chat now (the welcome already gives 999 and Essex Compass). */
  readonly availabilityStatus: (now: Date) => string;
  readonly noPersonNow: (now: Date) => Reply;
  readonly canHandOff: (now: Date) => boolean;
}

export function audienceOf(activity: Partial<Activity>): Audience {
  return activity.channelId === 'msteams' ? 'staff' : 'public';
}

const WEB_CHANNELS = new Set(['webchat', 'directline']);

export class SupportBot extends TeamsActivityHandler {
  private readonly deps: BotDeps;
  private readonly facts: StatePropertyAccessor<ConversationFacts>;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialog: MainDialog;
  private readonly dialogSet: DialogSet;
  private readonly memo: EscalationMemo;
  private readonly staff: StaffHandler;
  readonly dialogDeps: DialogDeps;

  constructor(deps: BotDeps) {
    super();
    this.deps = deps;
    this.memo = new EscalationMemo({ ttlMs: deps.config.STATE_TTL_MINUTES * 60_000 });
    this.staff = createStaffHandler({ config: deps.config, logger: deps.logger, knowledge: deps.knowledge });
    this.facts = deps.state.conversationState.createProperty<ConversationFacts>('facts');
    this.dialogState = deps.state.conversationState.createProperty<DialogState>('dialog');
    this.dialogDeps = {
      knowledge: deps.knowledge,
      facts: (ctx) => this.facts.get(ctx, newFacts()),
      forget: (ctx) => this.forget(ctx),
      dangerPrompt: (ctx) => this.dangerPrompt(ctx),
      availability: deps.availability,
      noPersonNow: deps.noPersonNow,
      canHandOff: deps.canHandOff,
      now: deps.now,
    };
    this.dialog = new MainDialog(this.dialogDeps);
    this.dialogSet = new DialogSet(this.dialogState).add(this.dialog);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      if (audienceOf(context.activity) === 'staff') await this.staff.onInstall(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Staff in Teams get the install card, not the public welcome or the dialogs.
      if (audienceOf(context.activity) === 'staff') return next();
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id !== botId)) await this.welcome(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') await this.welcome(context);
      const handoff = handoffStatus(context.activity);
      if (handoff) await this.onHandoffStatus(context, handoff);
      await next();
    });
  }

  /** The turn: risk first, then the handlers, then state. */
  override async run(context: TurnContext): Promise<void> {
    const text = messageText(context.activity);
    const risk = text === undefined ? NO_RISK : assessRisk(text);
    context.turnState.set(RISK_KEY, risk);
    if (risk.level !== 'none') await this.escalate(context, risk);
    if (audienceOf(context.activity) === 'staff') {
      // Teams staff: tenant lock, then the stateless staff handlers. No state read or written.
      if (await this.staff.allowTenant(context)) await super.run(context);
      return;
    }
    try {
      await super.run(context);
      if (!context.turnState.get(FORGOTTEN_KEY)) {
        // Forced, so every turn restarts the quiet-time clock (STATE_TTL_MINUTES), not only turns
        // that changed something.
        await this.deps.state.conversationState.saveChanges(context, true);
      }
    } catch (err) {
      // The danger prompt has gone out and asked "Are you safe to keep chatting?". An apology
      // now would bury that question; the state just starts afresh next turn.
      if (risk.level !== 'immediate') throw err;
      this.deps.logger.error(
        { err: errorSummary(err), conversation: context.activity.conversation?.id, escalation: risk.level },
        'turn failed after escalation',
      );
    }
  }

  private async escalate(context: TurnContext, risk: RiskAssessment): Promise<void> {
    if (risk.level === 'none') return;
    const audience = audienceOf(context.activity);
    const before = this.memo.hit(context.activity.conversation?.id ?? '');
    const replies = escalationReplies(risk.level, audience, { repeat: before > 0 });
    await context.sendActivities(
      toActivities(replies, context.activity.channelId, { escalation: risk.level }) as Partial<Activity>[],
    );
    this.deps.logger.info(
      {
        conversation: context.activity.conversation?.id,
        channel: context.activity.channelId,
        escalation: risk.level,
        rules: risk.rules,
        repeat: before > 0,
      },
      'escalation',
    );
  }

  /** The danger prompt from inside a dialog ("No" to "Are you safe right now?"). */
  private async dangerPrompt(context: TurnContext): Promise<void> {
    await this.escalate(context, { level: 'immediate', rules: ['triage.not-safe'] });
    const facts = await this.facts.get(context, newFacts());
    facts.awaitingSafety = true;
    raise(facts, 'immediate');
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const risk = context.turnState.get(RISK_KEY) as RiskAssessment;
    if (audienceOf(context.activity) === 'staff') return this.staff.onMessage(context, risk);
    const facts = await this.facts.get(context, newFacts());
    if (risk.level !== 'none') raise(facts, risk.level);
    if (risk.level === 'immediate') {
      // The danger prompt asked "Are you safe to keep chatting?": wait for that answer.
      facts.awaitingSafety = audienceOf(context.activity) === 'public';
      return;
    }
    await this.runMain(context);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const facts = await this.facts.get(context, newFacts());
    if (facts.welcomed) return;
    facts.welcomed = true;
    const channelId = context.activity.channelId;
    await context.sendActivity(toActivity(WELCOME, channelId));
    const status = this.deps.availabilityStatus(this.deps.now());
    const next = WEB_CHANNELS.has(channelId) ? `${status}\n\n${WELCOME_WEB_EXIT}` : status;
    await context.sendActivity(toActivity({ text: next }, channelId));
    await this.runMain(context);
  }

  /** What the live-chat hub says about a handoff. Never rejected: the person is always told. */
  private async onHandoffStatus(context: TurnContext, state: HandoffState): Promise<void> {
    const channelId = context.activity.channelId;
    this.deps.logger.info(
      { conversation: context.activity.conversation?.id, handoff: state },
      'handoff status',
    );
    if (state === 'accepted') {
      await context.sendActivity(toActivity(HANDOFF_ACCEPTED, channelId));
    } else if (state === 'completed') {
      await context.sendActivity(toActivity(HANDOFF_COMPLETED, channelId));
    } else {
      await context.sendActivity(toActivity(this.deps.noPersonNow(this.deps.now()), channelId));
    }
  }

  /**
   * Runs the conversation. In the Emulator, through runDialog, whose per-turn "Bot State" trace
   * feeds the Emulator's state inspector. Elsewhere that trace is dropped by every channel, yet
   * building its memory snapshot was about a sixth of our CPU per turn (bench/profile.ts), so
   * the dialog set is driven directly: continue, or begin when nothing is active.
   */
  private async runMain(context: TurnContext): Promise<void> {
    if (context.activity.channelId === 'emulator') {
      await runDialog(this.dialog, context, this.dialogState);
      return;
    }
    const dc = await this.dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.dialog.id);
  }

  /** "delete my chat" and "exit": remove this conversation's and this user's state now. */
  private async forget(context: TurnContext): Promise<void> {
    context.turnState.set(FORGOTTEN_KEY, true);
    this.memo.forget(context.activity.conversation?.id ?? '');
    await Promise.all([
      this.deps.state.conversationState.delete(context),
      this.deps.state.userState.delete(context),
    ]);
    this.deps.logger.info({ conversation: context.activity.conversation?.id }, 'state deleted');
  }
}
