/**
 * A third table, only for despair and abuse (the two kinds the first tables under-sampled), written
 * before the rules were changed for it and measured once before any change (figures in
 * safety-accuracy.test.ts). Voices vary on purpose: terse, long, lowercase, typos, non-native
 * English, sarcasm, shouting. The benign rows look like the risky ones on the surface (tiredness,
 * "stupid", "garbage", "throw", "quit", "break", capitals) but a human mentor would not step in.
 */
import type { SafetyCase } from './safety-table.ts';

const c =
  (expected: SafetyCase['expected']) =>
  (text: string): SafetyCase => ({ text, expected });
const despairing = c('despairing');
const abusive = c('abusive');
const benign = c('none');

export const frustrationHoldout2: readonly SafetyCase[] = [
  despairing('i think im just too stupid for this job'),
  despairing('Honestly thinking about quitting my job and leaving software altogether.'),
  despairing("haven't slept in 3 days trying to get this working and I'm still nowhere"),
  despairing('been crying in the bathroom at work again because of this ticket'),
  despairing("I'm exhausted. Every day I feel dumber than the day before."),
  despairing("maybe i'm not meant to be a programmer"),
  despairing(
    "My lead is going to find out I'm incompetent and fire me, and honestly I'd deserve it",
  ),
  despairing(
    'I am very tired, I think I am not good for this work. Maybe I go back to my old job.',
  ),
  despairing('whats wrong with me, evrything i touch breaks'),
  despairing('I feel like such a disappointment to my team'),
  despairing("Oh great, another error. I'm clearly the dumbest person on this team."),
  despairing('cant sleep, cant focus, cant code. whats the use'),
  despairing("I'm so tired of feeling stupid every single day"),
  despairing(
    'Three months in and I still understand nothing. I think switching careers was a huge mistake.',
  ),
  despairing("i'm done. telling my manager tomorrow that i'm quitting"),

  abusive("you are the dumbest thing I've ever used"),
  abusive('this tool is useless garbage'),
  abusive("I swear I'm going to throw my laptop out the window"),
  abusive('Wow, thanks genius, another wrong answer. Are you even trying, you useless heap?'),
  abusive('WHY DO YOU KEEP GIVING ME THE SAME STUPID ANSWER I ALREADY TOLD YOU IT DOESNT WORK'),
  abusive('this so-called mentor is a complete joke'),
  abusive('ur hints r crap'),
  abusive('honestly, what a pile of garbage this thing is'),
  abusive('i will smash this keyboard if you give me one more hint'),
  abusive('Your explanations are bullshit'),
  abusive('Stop wasting my time, you dumb piece of software'),
  abusive('you are very bad teacher, you not understand nothing'),
  abusive('f this useless thing'),

  benign("I'm too tired to continue today, let's pick this up tomorrow"),
  benign('Is webpack a useless tool for small projects?'),
  benign('how do I throw an exception when the input is empty?'),
  benign('my cat walked over my keyboard and broke a key, so typing is slow today'),
  benign("the quit button doesn't close the app, what am I missing?"),
  benign('I quit my old job to do this bootcamp and I love it'),
  benign("I slept badly but I'm ready to go"),
  benign('the stupid mistake was mine, I forgot to await'),
  benign("You're a lifesaver, thanks!"),
  benign('the function returns garbage values when the array is empty'),
  benign('the tests finally pass, I could cry with joy'),
  benign('Is it stupid to use a class here?'),
  benign('I feel stupid asking this, but what does this refer to in an arrow function?'),
  benign('how do I break out of a nested loop?'),
  benign('ARE ENV VARS LIKE DATABASE_URL ALWAYS UPPERCASE BY CONVENTION?'),
  benign('sleep(1000) does not exist in JS, what is the equivalent?'),
  benign('My career goal is to become a backend developer, where should I start?'),
  benign('the exit code is useless, it is always 1'),
  benign('this error message is garbage, how do I get a stack trace?'),
];
