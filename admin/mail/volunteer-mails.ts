import type { OutgoingMail } from './outbox.ts';

/**
 * Mail about volunteers, residents' activities, requests for help and reports. Like every mail they
 * carry a link and what to do with it, never anyone's details: to a team "nieuwe aanmelding in je
 * werkbak", to a volunteer or organiser their own personal link.
 */

const signature = (siteName: string): string =>
  `\n\nMet vriendelijke groet,\n${siteName}\n\nDit is een automatisch bericht. Antwoorden op deze mail worden niet gelezen.`;

const personal = (to: string, subject: string, text: string): OutgoingMail => ({
  to,
  subject,
  text,
  toResident: true,
});

/** To a team's mailbox, the desk or an editor: something waits in the back office. */
export function workQueueMail(
  to: string,
  options: { siteName: string; what: string; reference: string; link: string },
): OutgoingMail {
  return {
    to,
    subject: `${options.what} ${options.reference} in je werkbak`,
    text:
      `Hallo,\n\nEr staat een ${options.what.toLowerCase()} (${options.reference}) in je werkbak.\n\n` +
      `Bekijk het in het beveiligde beheer:\n${options.link}\n\n` +
      `Om de privacy van inwoners en vrijwilligers te beschermen staan de gegevens zelf niet in deze mail.` +
      signature(options.siteName),
  };
}

export function confirmVolunteerMail(
  to: string,
  options: { siteName: string; reference: string; link: string },
): OutgoingMail {
  return personal(
    to,
    `Bevestig je aanmelding als vrijwilliger (${options.reference})`,
    `Hallo,\n\nBedankt dat je iets voor een ander wilt doen!\n\n` +
      `Bevestig je aanmelding via deze link. Pas daarna ziet het team je aanmelding:\n${options.link}\n\n` +
      `De link werkt 7 dagen. Bevestig je niet, dan verwijderen we je aanmelding vanzelf.\n\n` +
      `Via dezelfde link kom je later op je eigen pagina. Daar zie je hoe het met je aanmelding staat, en kun je hem aanpassen, pauzeren of intrekken. Bewaar deze mail dus goed.\n\n` +
      `Heb je je niet aangemeld? Dan hoef je niets te doen.` +
      signature(options.siteName),
  );
}

export function volunteerDecisionMail(
  to: string,
  options: {
    siteName: string;
    reference: string;
    link: string;
    decision: 'approved' | 'changes-requested' | 'declined';
  },
): OutgoingMail {
  const text = {
    approved:
      `Goed nieuws: je aanmelding als vrijwilliger (${options.reference}) is goedgekeurd. ` +
      `Als iemand jouw hulp kan gebruiken, neemt de vrijwilligerscentrale of het wijkteam contact met je op.`,
    'changes-requested':
      `Het team heeft je aanmelding (${options.reference}) bekeken en vraagt je iets aan te passen. ` +
      `Op je eigen pagina lees je wat, en kun je je aanmelding aanpassen.`,
    declined:
      `Het team heeft je aanmelding (${options.reference}) bekeken en kan hem helaas niet gebruiken. ` +
      `Op je eigen pagina lees je waarom.`,
  }[options.decision];
  return personal(
    to,
    `Je aanmelding als vrijwilliger (${options.reference})`,
    `Hallo,\n\n${text}\n\nJe eigen pagina:\n${options.link}` + signature(options.siteName),
  );
}

export function availabilityCheckMail(
  to: string,
  options: { siteName: string; reference: string; yesLink: string; noLink: string; pageLink: string },
): OutgoingMail {
  return personal(
    to,
    `Ben je nog beschikbaar als vrijwilliger? (${options.reference})`,
    `Hallo,\n\nEen half jaar geleden heb je laten weten dat je iets voor een ander wilt doen. Ben je nog beschikbaar?\n\n` +
      `Ja, ik help nog graag:\n${options.yesLink}\n\n` +
      `Nee, zet mijn aanmelding op pauze:\n${options.noLink}\n\n` +
      `Antwoord je niet binnen 30 dagen, dan zetten we je aanmelding op pauze. Niemand vraagt je dan nog om hulp.\n\n` +
      `Wil je iets aanpassen of je aanmelding intrekken? Dat kan op je eigen pagina:\n${options.pageLink}` +
      signature(options.siteName),
  );
}

export function pausedMail(
  to: string,
  options: { siteName: string; reference: string; link: string; deleteAfterMonths: number },
): OutgoingMail {
  return personal(
    to,
    `Je aanmelding als vrijwilliger staat op pauze (${options.reference})`,
    `Hallo,\n\nWe hebben niets van je gehoord, dus we hebben je aanmelding op pauze gezet. Niemand vraagt je nu om hulp.\n\n` +
      `Wil je weer helpen? Zet je aanmelding aan op je eigen pagina:\n${options.link}\n\n` +
      `Na ${options.deleteAfterMonths} maanden op pauze verwijderen we je aanmelding en je gegevens.` +
      signature(options.siteName),
  );
}

export function followUpMail(
  to: string,
  options: {
    siteName: string;
    reference: string;
    yesLink: string;
    noLink: string;
    side: 'requester' | 'volunteer';
  },
): OutgoingMail {
  const intro =
    options.side === 'requester'
      ? 'Twee weken geleden hebben we je in contact gebracht met een vrijwilliger.'
      : 'Twee weken geleden hebben we je in contact gebracht met iemand die je hulp kon gebruiken.';
  return personal(
    to,
    `Is het gelukt? (${options.reference})`,
    `Hallo,\n\n${intro} Is het gelukt?\n\n` +
      `Ja, het is gelukt:\n${options.yesLink}\n\n` +
      `Nee, het is niet gelukt:\n${options.noLink}\n\n` +
      `Je antwoord helpt ons om vrijwilligers en inwoners goed bij elkaar te brengen. Je krijgt hierover geen mail meer.` +
      signature(options.siteName),
  );
}

export function requestReceivedMail(
  to: string,
  options: { siteName: string; reference: string; deskName: string },
): OutgoingMail {
  return personal(
    to,
    `We hebben je aanvraag ontvangen (${options.reference})`,
    `Hallo,\n\nBedankt voor je aanvraag. ${options.deskName} neemt contact met je op en brengt je in contact met de vrijwilliger.\n\n` +
      `Je referentienummer is ${options.reference}.` +
      signature(options.siteName),
  );
}

export function confirmActivityMail(
  to: string,
  options: { siteName: string; reference: string; link: string },
): OutgoingMail {
  return personal(
    to,
    `Bevestig je activiteit (${options.reference})`,
    `Hallo,\n\nBedankt voor het aanmelden van je activiteit!\n\n` +
      `Bevestig je aanmelding via deze link. Daarna bekijkt het team je activiteit, en zet het hem op de site:\n${options.link}\n\n` +
      `De link werkt 7 dagen. Bevestig je niet, dan verwijderen we de aanmelding vanzelf.\n\n` +
      `Via dezelfde link kun je je activiteit later aanpassen of intrekken. Bewaar deze mail dus goed.` +
      signature(options.siteName),
  );
}

export function activityDecisionMail(
  to: string,
  options: {
    siteName: string;
    reference: string;
    link: string;
    decision: 'approved' | 'changes-requested' | 'declined';
  },
): OutgoingMail {
  const text = {
    approved: `Je activiteit (${options.reference}) staat op de site. Bewoners vinden hem nu bij zoeken, op de wijkpagina en op de kaart.`,
    'changes-requested': `Het team heeft je activiteit (${options.reference}) bekeken en vraagt je iets aan te passen. Op je eigen pagina lees je wat.`,
    declined: `Het team heeft je activiteit (${options.reference}) bekeken en kan hem niet op de site zetten. Op je eigen pagina lees je waarom.`,
  }[options.decision];
  return personal(
    to,
    `Je activiteit (${options.reference})`,
    `Hallo,\n\n${text}\n\nJe eigen pagina:\n${options.link}` + signature(options.siteName),
  );
}

export function newLinksMail(to: string, options: { siteName: string; links: string[] }): OutgoingMail {
  return personal(
    to,
    `Je persoonlijke link voor ${options.siteName}`,
    `Hallo,\n\nJe vroeg om een nieuwe link. Hiermee kom je weer op je eigen pagina:\n\n${options.links.join('\n\n')}\n\n` +
      `Oudere links werken niet meer. Heb je hier niet om gevraagd? Dan hoef je niets te doen.` +
      signature(options.siteName),
  );
}
