/**
 * Every fact in the charity's own text (../shared/seed/stalking-and-harassment-law.txt) must be reachable
 * in the bot: each check names the fact, the topic and section that carry it, the words that must be
 * there, and a question that must lead to that topic.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge, type TopicId } from '../../src/knowledge/index.ts';

const knowledge = loadKnowledge();

interface SeedFact {
  readonly fact: string;
  readonly topic: TopicId;
  /** undefined: the topic summary */
  readonly section?: string;
  readonly words: readonly string[];
  /** A question a person might type; the matcher must lead to this topic. */
  readonly ask: string;
}

const SEED_FACTS: readonly SeedFact[] = [
  {
    fact: 'In 2012 the Protection from Harassment Act 1997 was amended to make stalking a criminal offence',
    topic: 'stalking-offence',
    section: 'what',
    words: ['crime', '2012', 'Protection from Harassment Act 1997', 'changed'],
    ask: 'when was stalking made illegal',
  },
  {
    fact: 'the same amendment, seen from the Harassment Act',
    topic: 'harassment-act',
    section: 'changes',
    words: ['2012', 'stalking a crime'],
    ask: 'was the protection from harassment act amended',
  },
  {
    fact: 'stalking carries up to a 10 year prison sentence',
    topic: 'stalking-offence',
    section: 'does',
    words: ['up to 10 years in prison'],
    ask: 'what prison sentence can a stalker get',
  },
  {
    fact: 'the Stalking Protection Act 2019 introduced Stalking Protection Orders (SPO)',
    topic: 'spo',
    section: 'what',
    words: ['Stalking Protection Act 2019', 'Stalking Protection Orders (SPOs)'],
    ask: 'which law brought in stalking protection orders',
  },
  {
    fact: 'an SPO is a civil order',
    topic: 'spo',
    section: 'what',
    words: ['civil order', 'not a criminal conviction'],
    ask: 'is an spo a civil order',
  },
  {
    fact: 'breach of an SPO is a criminal offence: prison and/or a fine',
    topic: 'spo',
    section: 'breach',
    words: ['crime', 'prison', 'fined, or both'],
    ask: 'what if the stalker breaches the spo',
  },
  {
    fact: 'an SPO can prohibit acts, e.g. attending places the victim is likely to be',
    topic: 'spo',
    section: 'does',
    words: ['ban the stalker from doing things', 'places where they know you are likely to be'],
    ask: 'can an spo stop him going where I am',
  },
  {
    fact: 'an SPO can require acts, e.g. engaging with an intervention programme for stalking behaviour',
    topic: 'spo',
    section: 'does',
    words: ['make them do things', 'programme', 'stalking behaviour'],
    ask: 'can a stalking protection order make him get help for his behaviour',
  },
  {
    fact: 'a victim does not have to support a criminal prosecution to get an SPO',
    topic: 'spo',
    section: 'prosecution',
    words: ['do not have to support a criminal prosecution', 'SPO'],
    ask: 'can I get an spo if I do not want him prosecuted',
  },
  {
    fact: 'the purpose of an SPO is to protect the victim from further stalking',
    topic: 'spo',
    section: 'what',
    words: ['purpose is to protect you from more stalking'],
    ask: 'why would I want a stalking protection order',
  },
  {
    fact: 'the Home Office is strengthening SPOs and making them more widely available',
    topic: 'spo-updates',
    section: 'what',
    words: ['Home Office', 'stronger', 'more widely available', 'more protection'],
    ask: 'is the home office changing stalking protection orders',
  },
  {
    fact: 'the orders can ban stalkers from going within a distance of victims or contacting them, even from prison',
    topic: 'spo-updates',
    section: 'does',
    words: ['within a certain distance', 'contacting you', 'even from prison'],
    ask: 'can the new orders stop him contacting me from jail',
  },
  {
    fact: 'the orders can compel stalkers to attend a perpetrator programme for the root causes',
    topic: 'spo-updates',
    section: 'does',
    words: ['perpetrator programme', 'root causes of their behaviour'],
    ask: 'what is a perpetrator programme for stalkers',
  },
  {
    fact: 'stalkers face real consequences',
    topic: 'spo-updates',
    section: 'what',
    words: ['stalkers face real consequences'],
    ask: 'will stalkers face real consequences under the new rules',
  },
  {
    fact: 'currently SPOs can only be made if the police apply',
    topic: 'spo-updates',
    section: 'who',
    words: ['Today', 'only', 'if the police apply'],
    ask: 'is it only the police who can ask for a stalking order at the moment',
  },
  {
    fact: 'the same, where the SPO topic says who can apply',
    topic: 'spo',
    section: 'who',
    words: ['only the police can apply'],
    ask: 'who applies for an spo',
  },
  {
    fact: 'courts will be given the power to impose SPOs at conviction, or even on acquittal if still a risk',
    topic: 'spo-updates',
    section: 'changes',
    words: ['will be given the power', 'when they convict', 'found not guilty', 'still a risk'],
    ask: 'will courts be able to give an spo when they find someone guilty',
  },
  {
    fact: 'a Non-Molestation Order (Non-Mol) is a court order protecting a victim and their children',
    topic: 'non-molestation-order',
    words: [
      'Non-Molestation Order',
      'non-mol',
      'court order',
      'you and your children',
      'harmed or threatened',
    ],
    ask: 'what is a non-mol',
  },
  {
    fact: 'the same, in the section on what it does',
    topic: 'non-molestation-order',
    section: 'does',
    words: ['protect your children'],
    ask: 'does a non molestation order cover my kids',
  },
  {
    fact: 'against a partner, ex-partner, close family member, or someone they live or lived with',
    topic: 'non-molestation-order',
    section: 'who',
    words: ['partner or ex-partner', 'close family member', 'someone you live or lived with'],
    ask: 'can I get a non-mol against someone I used to live with',
  },
  {
    fact: 'if the abuser breaches a Non-Mol they can be arrested',
    topic: 'non-molestation-order',
    section: 'breach',
    words: ['can be arrested'],
    ask: 'will he be arrested if he breaks the non mol',
  },
  {
    fact: 'the Online Safety Act 2023 makes sending threats on social media or online messaging a criminal offence',
    topic: 'online-safety-act',
    section: 'what',
    words: ['Online Safety Act 2023', 'crime', 'social media or online messaging', 'send threats'],
    ask: 'is sending threats on social media a crime',
  },
  {
    fact: 'Essex Compass, the local domestic abuse service, on 0330 333 7 444',
    topic: 'get-help',
    section: 'essex-compass',
    words: ['Essex Compass', 'domestic abuse service', '0330 333 7 444'],
    ask: 'phone number for essex compass',
  },
  {
    fact: 'in immediate danger, call 999',
    topic: 'get-help',
    section: 'emergency',
    words: ['in danger now, call 999'],
    ask: 'I am in danger who do I call',
  },
];

describe('every fact in the seed text is in the bot', () => {
  it.each(SEED_FACTS)('$fact ($topic#$section)', ({ topic, section, words, ask }) => {
    const text =
      section === undefined ? knowledge.topic(topic).summary : knowledge.section(topic, section)?.text;
    expect(text, `${topic}#${section} is missing`).toBeDefined();
    for (const w of words)
      expect(text?.toLowerCase(), `"${w}" is not in ${topic}#${section ?? 'summary'}`).toContain(
        w.toLowerCase(),
      );

    const r = knowledge.match(ask);
    const reached =
      (r.kind === 'answer' && r.topic === topic) || (r.kind === 'choose' && r.candidates.includes(topic));
    expect(reached, `"${ask}" -> ${JSON.stringify(r)}`).toBe(true);
  });

  it('including the 2 safety numbers, in the danger line of the summary people see first', () => {
    const help = knowledge.topic('get-help').summary;
    expect(help).toContain('999');
    expect(help).toContain('0330 333 7 444');
  });
});
