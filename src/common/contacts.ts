/**
 * The phone numbers the bot gives, written the same way everywhere (style guide).
 * Sources: the seed text (Essex Compass, 999) and ../shared/knowledge-sources.md (55, 101, helplines).
 */
export interface Contact {
  /** How the number is written in every message. */
  readonly display: string;
  /** The tel: URI for call buttons. */
  readonly tel: string;
}

export const EMERGENCY: Contact = { display: '999', tel: 'tel:999' };
export const ESSEX_COMPASS: Contact = { display: '0330 333 7 444', tel: 'tel:+443303337444' };
export const POLICE_NON_EMERGENCY: Contact = { display: '101', tel: 'tel:101' };
export const NATIONAL_STALKING_HELPLINE: Contact = { display: '0808 802 0300', tel: 'tel:+448088020300' };
export const NATIONAL_DOMESTIC_ABUSE_HELPLINE: Contact = {
  display: '0808 2000 247',
  tel: 'tel:+448082000247',
};
export const VICTIM_SUPPORT: Contact = { display: '08 08 16 89 111', tel: 'tel:+448081689111' };

/** The one danger line used in the welcome, in escalations and in error replies. */
export const DANGER_LINE = "If you are in danger now, call 999. If you can't speak, call 999 and press 55.";
export const COMPASS_LINE = 'Essex Compass can help: call 0330 333 7 444, 24 hours a day.';
