import { describe, expect, it } from 'vitest';
import { CrisisSchema } from '#admin/schemas/crisis.ts';
import { createCrisisDetector } from '#search/crisis/crisis-detector.ts';

const crisis = CrisisSchema.parse({
  numbers: ['0800-0113', '0800-2000', '112'],
  situations: [
    {
      id: 'direct-gevaar',
      heading: 'Ben je nu in gevaar?',
      message: 'Bel dan meteen 112.',
      call: '112',
      phrases: ['in gevaar', 'vermoorden'],
    },
    {
      id: 'zelfdoding',
      heading: 'Denk je aan zelfmoord?',
      message: 'Praat erover met 113.',
      call: '0800-0113',
      phrases: ['zelfmoord', 'niet meer leven', 'wil dood'],
    },
    {
      id: 'geweld-thuis',
      heading: 'Is er geweld bij jou thuis?',
      message: 'Bel Veilig Thuis.',
      call: '0800-2000',
      phrases: ['huiselijk geweld', 'slaat me'],
    },
  ],
});
const urgentHelp = [
  { name: 'Alarmnummer', phone: '112', when: 'Bij direct gevaar.', available: 'dag en nacht' },
  { name: 'Veilig Thuis', phone: '0800-2000', when: 'Bij huiselijk geweld.', available: 'dag en nacht' },
  {
    name: '113 Zelfmoordpreventie',
    phone: '0800-0113',
    when: 'Als je aan zelfmoord denkt.',
    available: 'altijd',
  },
];
const detect = createCrisisDetector(crisis, urgentHelp);
const situations = (text: string) => detect(text)?.situations ?? [];

describe('crisis wording', () => {
  it('recognises whole sentences, with words in between and in other forms', () => {
    expect(situations('ik wil niet meer leven')).toEqual(['zelfdoding']);
    expect(situations('Ik wil echt niet meer leven')).toEqual(['zelfdoding']);
    expect(situations('ik wil gewoon dood')).toEqual(['zelfdoding']);
    expect(situations('mijn vriend slaat me steeds')).toEqual(['geweld-thuis']);
  });

  it('forgives typos in longer words and finds a word inside a longer one', () => {
    expect(situations('zelfmord')).toEqual(['zelfdoding']);
    expect(situations('zelfmoordgedachten')).toEqual(['zelfdoding']);
    expect(situations('huiselijk gewelt')).toEqual(['geweld-thuis']);
    expect(situations('hij wil me vermoordne')).toEqual(['direct-gevaar']);
  });

  it('does not forgive typos that turn an everyday word into a crisis word', () => {
    expect(detect('ik kan niet meer lezen')).toBeUndefined();
    expect(detect('geweldige uitjes')).toBeUndefined();
    expect(detect('dood')).toBeUndefined();
    expect(detect('')).toBeUndefined();
  });

  it('shows the recognised situation’s number first, then the others, with names from gemeente.yaml', () => {
    const help = detect('mijn man slaat me en ik ben in gevaar');
    expect(help?.situations).toEqual(['direct-gevaar', 'geweld-thuis']);
    expect(help?.heading).toBe('Ben je nu in gevaar?');
    expect(help?.numbers.map((number) => number.name)).toEqual([
      'Alarmnummer',
      'Veilig Thuis',
      '113 Zelfmoordpreventie',
    ]);
  });

  it('refuses a situation whose number is not among the numbers', () => {
    const result = CrisisSchema.safeParse({
      numbers: ['112'],
      situations: [
        {
          id: 'x',
          heading: 'Een vraag?',
          message: 'Een zin van tekst.',
          call: '0800-2000',
          phrases: ['a b'],
        },
      ],
    });
    expect(result.success).toBe(false);
  });
});
