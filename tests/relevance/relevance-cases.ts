import type { SearchQueryInput } from '#search/search-query.ts';

/**
 * What residents type when something is wrong — whole sentences, typos, compounds typed apart,
 * their own words — and which aanbod answers it. Each case names every listing (by slug) or
 * wijk page (by path) that would be a right answer; one of them must be among the first three.
 * Written from the residents' side, not from what an engine returned.
 */
export interface RelevanceCase {
  query: string;
  /** Filters chosen on /zoeken on top of the words. */
  filters?: SearchQueryInput['filters'];
  top3: string[];
}

const SCHULDHULP = [
  'schuldhulp-gemeente',
  'schuldhulpmaatje',
  'geldloket-slikkerveer',
  'geldloket-drievliet',
];
const GELDLOKET = ['geldloket-slikkerveer', 'geldloket-drievliet'];
const FORMULIEREN = ['formulierenhulp-bibliotheek', ...GELDLOKET, 'digitaal-hulp-slikkerveer'];
const DIGITAAL = ['digitaal-cafe', 'digitaal-hulp-slikkerveer', 'formulierenhulp-bibliotheek'];
const NEDERLANDS = ['nt2-les', 'taalcafe', 'taalmaatje', 'taalhuis'];
const MANTELZORG = [
  'mantelzorgondersteuning',
  'mantelzorgcafe',
  'mantelzorg-respijt-vrijwilliger',
  'oppasdienst-mantelzorg',
];
const DEMENTIE = [
  'dementie-ontmoetingscentrum',
  'alzheimer-cafe',
  'oppasdienst-mantelzorg',
  'dagbesteding-ouderen',
];
const CONSULTATIEBUREAU = [
  'consultatiebureau-bolnes',
  'consultatiebureau-drievliet',
  'consultatiebureau-west',
];
const SOMBER = [
  'ggz-inloop-yulius',
  'steunpunt-ggz-centrum',
  'psychische-klachten-jongeren',
  'maatje-voor-jongeren',
];
const EENZAAM = ['koffieochtend-fuik', 'maatjesproject', 'buurthuiskamer-bolnes', 'eettafel-riederborgh'];
const ROUW = ['rouwgroep', 'rouwcafe-fuik'];
const GEWELD = ['veilig-thuis', 'huiselijk-geweld-vivenz'];
const HUISWERK = ['huiswerkbegeleiding-oost', 'huiswerkbegeleiding-slikkerveer'];
const JONGERENWERK = ['jongerenwerk-drievliet', 'jongerenwerk-oost', 'tienerinloop'];
const OUDERENADVIES = ['ouderenadviseur-karaat', 'vrijwillige-ouderenadviseur'];
const VERVOER = ['automaatje', 'regiotaxi'];
const KLUSSEN = ['klussendienst', 'present-klusgroep'];
const BEWEGEN = ['gym-50plus', 'beweegcursus-ouderen', 'buurtsportcoach-wandelen'];

export const RELEVANCE_CASES: RelevanceCase[] = [
  // Geld en schulden
  { query: 'ik heb schulden', top3: SCHULDHULP },
  { query: 'schuldhlup', top3: ['schuldhulp-gemeente', 'schuldhulpmaatje'] },
  { query: 'schuld hulp', top3: ['schuldhulp-gemeente', 'schuldhulpmaatje'] },
  { query: 'ik kan mijn rekeningen niet meer betalen', top3: SCHULDHULP },
  { query: 'er staat een deurwaarder aan de deur', top3: SCHULDHULP },
  { query: 'ik sta rood', top3: [...SCHULDHULP, 'budgetcursus'] },
  { query: 'geldzorgen', top3: SCHULDHULP },
  { query: 'hoe kom ik rond met weinig geld', top3: ['budgetcursus', ...GELDLOKET, 'schuldhulp-gemeente'] },
  { query: 'voedsel bank', top3: ['voedselbank'] },
  { query: 'voedselbnak', top3: ['voedselbank'] },
  { query: 'ik heb geen geld voor eten', top3: ['voedselbank', 'noodfonds'] },
  { query: 'voedselpakket aanvragen', top3: ['voedselbank'] },
  { query: 'gratis kleren voor mijn kinderen', top3: ['kledingbank'] },
  { query: 'toeslag aanvragen', top3: FORMULIEREN },
  { query: 'wie helpt mij met formulieren invullen', top3: FORMULIEREN },
  { query: 'ik snap de brief van de belastingdienst niet', top3: FORMULIEREN },
  { query: 'mijn post stapelt zich op', top3: ['thuisadministratie-humanitas'] },
  { query: 'mijn administratie is een puinhoop', top3: ['thuisadministratie-humanitas', 'schuldhulpmaatje'] },
  { query: 'ik kan de huur niet betalen', top3: ['huurachterstand-woonvisie'] },
  { query: 'bang dat ik uit huis gezet word', top3: ['huurachterstand-woonvisie'] },
  { query: 'mijn energierekening is te hoog', top3: ['energiecoach'] },
  { query: 'energie besparen', top3: ['energiecoach'] },
  { query: 'ik zit acuut zonder geld', top3: ['noodfonds', ...GELDLOKET] },
  { query: 'kerstpakket', top3: ['sinterklaas-kerstpakket'] },

  // Taal en digitaal
  { query: 'hulp met digi d', top3: DIGITAAL },
  { query: 'inloggen met digid lukt niet', top3: DIGITAAL },
  { query: 'ik snap mijn telefoon niet', top3: ['digitaal-cafe', 'digitaal-hulp-slikkerveer'] },
  { query: 'videobellen met mijn kleinkinderen leren', top3: ['digitaal-cafe'] },
  { query: 'iemand die thuis helpt met de computer', top3: ['digitaal-hulp-slikkerveer'] },
  { query: 'nederlands leren', top3: NEDERLANDS },
  { query: 'ik wil beter nederlands praten', top3: ['taalcafe', 'taalmaatje', 'nt2-les'] },
  { query: 'inburgeringscursus', top3: ['nt2-les'] },
  { query: 'taalles', top3: NEDERLANDS },
  { query: 'ik vind lezen en schrijven moeilijk', top3: ['taalhuis'] },
  { query: 'laaggeletterd', top3: ['taalhuis'] },
  { query: 'voorlezen aan mijn kind', top3: ['voorlezen-thuis'] },
  { query: 'praten met de juf van mijn kind lukt niet in het nederlands', top3: ['taal-en-ouders'] },
  { query: 'ik kom uit syrie en wil de taal leren', top3: NEDERLANDS },

  // Werk
  { query: 'ik zoek werk', top3: ['werkcoach-gemeente', 'jongerenloket', 'taalcoach-werk'] },
  { query: 'ik ben mijn baan kwijt', top3: ['werkcoach-gemeente', 'jongerenloket'] },
  { query: 'hulp bij mijn cv', top3: ['taalcoach-werk', 'werkcoach-gemeente'] },
  { query: 'sollicitatiegesprek oefenen', top3: ['taalcoach-werk'] },
  { query: 'ik wil vrijwilligerswerk doen', top3: ['vrijwilligerspunt', 'vrijwilligers-voedselbank'] },
  { query: 'werkervaring opdoen', top3: ['werkervaring-kringloop'] },
  { query: 'ik ben 19 en zit zonder school of werk', top3: ['jongerenloket'] },
  { query: 'dagbesteding', top3: ['dagbesteding-ouderen', 'dagbesteding-pameijer'] },

  // Gezondheid en zorg
  { query: 'mantelzrog', top3: MANTELZORG },
  { query: 'ik zorg voor mijn zieke man en ik kan niet meer', top3: MANTELZORG },
  { query: 'even vrij van de zorg voor mijn moeder', top3: MANTELZORG },
  { query: 'respijtzorg', top3: ['mantelzorgondersteuning', 'mantelzorg-respijt-vrijwilliger'] },
  { query: 'mijn vader wordt vergeetachtig', top3: DEMENTIE },
  { query: 'dementie', top3: DEMENTIE },
  { query: 'iemand die oppast bij mijn man met alzheimer', top3: ['oppasdienst-mantelzorg'] },
  { query: 'scootmobiel aanvragen', top3: ['wmo-loket'] },
  { query: 'rolstoel', top3: ['wmo-loket'] },
  { query: 'traplift', top3: ['woningaanpassing'] },
  { query: 'ik kan de trap niet meer op', top3: ['woningaanpassing'] },
  { query: 'hulp bij schoonmaken', top3: ['huishoudelijke-hulp-wmo'] },
  { query: 'huishoudelijke hulp', top3: ['huishoudelijke-hulp-wmo'] },
  { query: 'thuiszorg', top3: ['wijkverpleging-aafje'] },
  { query: 'verpleegkundige aan huis', top3: ['wijkverpleging-aafje'] },
  { query: 'wie helpt mijn moeder met douchen', top3: ['wijkverpleging-aafje'] },
  { query: 'ik ben bang om te vallen', top3: ['valpreventie'] },
  { query: 'gym voor ouderen', top3: BEWEGEN },
  { query: 'ik wil meer bewegen', top3: BEWEGEN },
  { query: 'zwemmen met een handicap', top3: ['zwemmen-beperking'] },
  { query: 'iemand die meegaat naar mijn gesprek bij de wmo', top3: ['clientondersteuning-mee'] },
  { query: 'ouderenadviseur', top3: OUDERENADVIES },
  { query: 'kan ik thuis blijven wonen als ik ouder word', top3: OUDERENADVIES },

  // Psychisch en verslaving
  { query: 'ik voel me al weken somber', top3: SOMBER },
  { query: 'depressief', top3: SOMBER },
  { query: 'ik heb veel stress en slaap slecht', top3: ['mindfulness-stress', 'ggz-inloop-yulius'] },
  { query: 'paniekaanvallen', top3: SOMBER },
  { query: 'mijn zoon blowt elke dag', top3: ['verslavingszorg-antes'] },
  { query: 'ik drink te veel alcohol', top3: ['verslavingszorg-antes'] },
  { query: 'gokverslaving', top3: ['verslavingszorg-antes'] },
  {
    query: 'mijn dochter van 15 is heel angstig',
    top3: ['psychische-klachten-jongeren', 'maatje-voor-jongeren'],
  },
  { query: 'buddy voor mijn zoon', top3: ['maatje-voor-jongeren'] },
  { query: 'herstelgroep', top3: ['steunpunt-ggz-centrum'] },

  // Opvoeden en opgroeien
  { query: 'mijn kind heeft driftbuien', top3: ['opvoedspreekuur'] },
  { query: 'mijn puber luistert niet', top3: ['opvoedspreekuur', 'jeugd-en-gezinsteam-jeugdhulp'] },
  {
    query: 'veel ruzie thuis met de kinderen',
    top3: ['jeugd-en-gezinsteam-jeugdhulp', 'opvoedspreekuur', 'huiselijk-geweld-vivenz'],
  },
  { query: 'peuterspeelzaal', top3: ['peuterochtend-drievliet', 'moeder-kind-groep'] },
  { query: 'consultatiebureau', top3: CONSULTATIEBUREAU },
  { query: 'prik voor mijn baby', top3: CONSULTATIEBUREAU },
  {
    query: 'ik ben net bevallen',
    top3: [...CONSULTATIEBUREAU, 'thuisbezoek-nieuwe-ouders', 'moeder-kind-groep'],
  },
  { query: 'vragen over borstvoeding', top3: CONSULTATIEBUREAU },
  { query: 'huiswerkbegeleiding', top3: HUISWERK },
  { query: 'bijles voor mijn dochter', top3: HUISWERK },
  { query: 'huiswek', top3: HUISWERK },
  {
    query: 'mijn kind wordt gepest op school',
    top3: ['schoolmaatschappelijk-werk', 'weerbaarheidstraining-jongeren'],
  },
  { query: 'speelgoed lenen', top3: ['speel-o-theek'] },
  { query: 'mijn kind heeft autisme', top3: ['jeugd-beperking-pameijer', 'psychische-klachten-jongeren'] },
  { query: 'waar kan mijn zoon van 12 naartoe na school', top3: [...JONGERENWERK, ...HUISWERK] },
  { query: 'mama cafe', top3: ['moeder-kind-groep'] },
  {
    query: 'opvoeden wordt me te veel',
    top3: ['thuisbezoek-nieuwe-ouders', 'jeugd-en-gezinsteam-jeugdhulp', 'opvoedspreekuur'],
  },

  // Ontmoeten en meedoen
  { query: 'ik voel me zo alleen', top3: EENZAAM },
  { query: 'eenzaam', top3: EENZAAM },
  { query: 'mijn moeder is eenzaam sinds papa dood is', top3: [...EENZAAM, ...ROUW] },
  { query: 'samen eten', top3: ['eettafel-riederborgh', 'eettafel-rijsoord'] },
  { query: 'breien', top3: ['handwerkclub'] },
  { query: 'mijn fiets is kapot', top3: ['repair-cafe'] },
  { query: 'dagje uit voor ouderen', top3: ['buurtbus-uitjes'] },
  {
    query: 'koffie drinken in de buurt',
    top3: ['koffieochtend-fuik', 'buurthuiskamer-bolnes', 'ontmoeting-oostendam'],
  },
  { query: 'wie kan mijn hond uitlaten', top3: ['burenhulp-slikkerveer'] },
  { query: 'ik wil nieuwe mensen leren kennen', top3: EENZAAM },

  // Zingeving en rouw
  { query: 'mijn vrouw is overleden', top3: ROUW },
  { query: 'rouwverwerking', top3: ROUW },
  {
    query: 'ik wil praten over het geloof',
    top3: ['gesprek-zingeving', 'moskee-jongeren', 'stiltecentrum-bolnes'],
  },
  { query: 'een kaarsje aansteken', top3: ['stiltecentrum-bolnes'] },
  { query: 'bezoek voor mijn oma', top3: ['seniorenpastoraat-rijsoord', 'maatjesproject'] },

  // Veiligheid
  { query: 'huiselijk geweld', top3: GEWELD },
  { query: 'mijn man slaat mij', top3: GEWELD },
  { query: 'ik word gecontroleerd door mijn partner', top3: ['huiselijk-geweld-vivenz', 'veilig-thuis'] },
  { query: 'buurman maakt lawaai', top3: ['buurtbemiddeling'] },
  { query: 'herrie van de buren', top3: ['buurtbemiddeling'] },
  { query: 'burenruzie', top3: ['buurtbemiddeling'] },
  { query: 'kapotte lantaarnpaal in mijn straat', top3: ['woonfraude-overlast-melden'] },
  { query: 'oplichters aan de telefoon', top3: ['inbraakpreventie'] },
  { query: 'ik wil met de wijkagent praten', top3: ['wijkagent-spreekuur-drievliet'] },

  // Vervoer en boodschappen
  { query: 'vervoer naar het ziekenhuis', top3: VERVOER },
  { query: 'ik kan niet meer zelf autorijden', top3: VERVOER },
  { query: 'regiotaxi', top3: ['regiotaxi'] },
  { query: 'boodschappen doen lukt niet meer', top3: ['boodschappenhulp'] },
  { query: 'ik wil leren fietsen', top3: ['fietsles'] },
  { query: 'oefenen met mijn scootmobiel', top3: ['scootmobielcursus'] },

  // Wonen en huishouden
  { query: 'mijn kraan lekt', top3: KLUSSEN },
  { query: 'klusjes in huis', top3: KLUSSEN },
  { query: 'mijn tuin is een oerwoud', top3: ['present-klusgroep'] },
  { query: 'we hebben net een huis gekregen als vluchteling', top3: ['wonen-statushouders'] },

  // Wijken, wijkteams en ankerplaatsen
  { query: 'bolnes', top3: ['/wijken/bolnes'] },
  { query: 'spreekuur wijkteam slikkerveer', top3: ['/wijken/slikkerveer'] },
  { query: 'wijkteam rijsoord', top3: ['/wijken/rijsoord'] },
  { query: 'waar kan ik binnenlopen in oost', top3: ['/wijken/oost'] },
  { query: 'koffie', filters: { neighbourhoods: ['drievliet-het-zand'] }, top3: ['koffieochtend-fuik'] },
];

/** What someone in danger types: every one must put the crisis numbers first, with results after. */
export const CRISIS_QUERIES: { query: string; situation: string }[] = [
  { query: 'ik wil niet meer leven', situation: 'zelfdoding' },
  { query: 'ik wil echt niet meer leven', situation: 'zelfdoding' },
  { query: 'Ik wil dood', situation: 'zelfdoding' },
  { query: 'zelfmoord', situation: 'zelfdoding' },
  { query: 'zelfmord', situation: 'zelfdoding' },
  { query: 'ik heb zelfmoordgedachten', situation: 'zelfdoding' },
  { query: 'ik wil er een eind aan maken', situation: 'zelfdoding' },
  { query: 'ik zie het niet meer zitten', situation: 'zelfdoding' },
  { query: 'ik snij mezelf', situation: 'zelfdoding' },
  { query: 'suicide', situation: 'zelfdoding' },
  { query: 'mijn man slaat me', situation: 'geweld-thuis' },
  { query: 'mijn vader slaat mijn moeder', situation: 'geweld-thuis' },
  { query: 'ik word mishandelt', situation: 'geweld-thuis' },
  { query: 'huiselijk gewelt', situation: 'geweld-thuis' },
  { query: 'ik ben bang voor mijn ex', situation: 'geweld-thuis' },
  { query: 'hij wil me vermoorden', situation: 'direct-gevaar' },
  { query: 'ik ben in gevaar', situation: 'direct-gevaar' },
];

/** Everyday searches that share words with crisis phrases and must not raise the alarm. */
export const NOT_CRISIS_QUERIES: string[] = [
  'levensvragen',
  'ik kan niet meer lezen',
  'geweldige activiteiten voor kinderen',
  'mijn hond is dood',
  'rouwgroep na de dood van mijn vader',
  'zelfhulpgroep',
  'ik wil niet meer alleen zijn',
  'snijden en plakken met kinderen',
  'bang om te vallen',
];
