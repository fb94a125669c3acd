import type { OutgoingMail } from './outbox.ts';

/**
 * The mails the back office sends. They carry a link and what to do with it, never anyone's
 * personal data: mail passes through servers we do not control.
 */

const signature = (siteName: string): string =>
  `\n\nMet vriendelijke groet,\n${siteName}\n\nDit is een automatisch bericht. Antwoorden op deze mail worden niet gelezen.`;

export function inviteMail(
  to: string,
  options: { siteName: string; link: string; days: number },
): OutgoingMail {
  return {
    to,
    subject: `Uitnodiging voor het beheer van ${options.siteName}`,
    text:
      `Hallo,\n\nJe bent uitgenodigd om mee te werken in het beheer van ${options.siteName}.\n\n` +
      `Kies je wachtwoord via deze link:\n${options.link}\n\n` +
      `De link werkt ${options.days} dagen en maar één keer. Verwachtte je deze mail niet? Dan kun je hem negeren.` +
      signature(options.siteName),
  };
}

export function passwordResetMail(to: string, options: { siteName: string; link: string }): OutgoingMail {
  return {
    to,
    subject: `Nieuw wachtwoord voor ${options.siteName}`,
    text:
      `Hallo,\n\nIemand heeft gevraagd om een nieuw wachtwoord voor dit e-mailadres.\n\n` +
      `Kies een nieuw wachtwoord via deze link:\n${options.link}\n\n` +
      `De link werkt 1 uur en maar één keer. Heb je dit niet zelf gevraagd? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.` +
      signature(options.siteName),
  };
}

export interface StaleListingLine {
  title: string;
  lastVerifiedAt: string;
  editLink: string;
}

export function staleListingsMail(
  to: string,
  options: { siteName: string; organisationName: string; listings: StaleListingLine[]; overviewLink: string },
): OutgoingMail {
  const lines = options.listings
    .map(
      (listing) =>
        `- ${listing.title} (laatst gecontroleerd op ${listing.lastVerifiedAt})\n  ${listing.editLink}`,
    )
    .join('\n');
  return {
    to,
    subject: `Klopt uw aanbod nog? ${options.listings.length} ${options.listings.length === 1 ? 'onderdeel' : 'onderdelen'} van ${options.organisationName}`,
    text:
      `Hallo,\n\nInwoners vertrouwen op de informatie in ${options.siteName}. Dit aanbod van ${options.organisationName} is meer dan een half jaar niet gecontroleerd:\n\n` +
      `${lines}\n\n` +
      `Klopt alles nog? Klik dan bij elk aanbod op "Klopt nog". Is er iets veranderd? Pas het aan. Bestaat het niet meer? Archiveer het.\n\n` +
      `Al uw aanbod: ${options.overviewLink}` +
      signature(options.siteName),
  };
}

/** To the team's shared mailbox: that there is a question, never what it says or who asked. */
export function newQuestionMail(
  to: string,
  options: { siteName: string; teamName: string; reference: string; link: string; forwarded?: boolean },
): OutgoingMail {
  return {
    to,
    subject: `${options.forwarded ? 'Doorgezette' : 'Nieuwe'} vraag ${options.reference} in de inbox van ${options.teamName}`,
    text:
      `Hallo,\n\nEr staat een ${options.forwarded ? 'doorgezette' : 'nieuwe'} vraag (${options.reference}) in de inbox van ${options.teamName}.\n\n` +
      `Lees de vraag in de beveiligde inbox:\n${options.link}\n\n` +
      `Om de privacy van de inwoner te beschermen staat de vraag zelf niet in deze mail.` +
      signature(options.siteName),
  };
}

/** To the resident, when they gave an e-mail address: the reference and what happens next. */
export function questionReceivedMail(
  to: string,
  options: { siteName: string; teamName: string; reference: string; responseDays: number },
): OutgoingMail {
  return {
    to,
    toResident: true,
    subject: `We hebben je vraag ontvangen (${options.reference})`,
    text:
      `Hallo,\n\nBedankt voor je vraag. We hebben hem goed ontvangen.\n\n` +
      `Je referentienummer is ${options.reference}. Noem dit nummer als je contact met ons opneemt.\n\n` +
      `Wat gebeurt er nu? Het ${options.teamName} neemt binnen ${options.responseDays} werkdagen contact met je op.\n\n` +
      `Heb je direct hulp nodig? Bel bij gevaar 112. Bij huiselijk geweld of kindermishandeling: Veilig Thuis, 0800-2000 (dag en nacht, gratis).` +
      signature(options.siteName),
  };
}

/**
 * To an organisation's editors (or its public address): that a referral waits in their werkbak,
 * never who it is about or what they told.
 */
export function newReferralMail(
  to: string,
  options: { siteName: string; organisationName: string; reference: string; link: string; urgent: boolean },
): OutgoingMail {
  return {
    to,
    subject: `${options.urgent ? 'Spoed: nieuwe' : 'Nieuwe'} verwijzing ${options.reference} voor ${options.organisationName}`,
    text:
      `Hallo,\n\nHet wijkteam heeft een inwoner naar ${options.organisationName} verwezen (${options.reference}).` +
      `${options.urgent ? ' Het wijkteam vraagt om snel contact.' : ''}\n\n` +
      `Er staat een nieuwe verwijzing in je werkbak:\n${options.link}\n\n` +
      `Laat daar weten of het contact gelukt is en of de hulp is gestart. Om de privacy van de inwoner te beschermen staat er in deze mail niets over de inwoner. ` +
      `Om verwijzingen te openen heb je tweestapsverificatie nodig.` +
      signature(options.siteName),
  };
}

/** Once per referral, when an organisation did not react within the working days agreed. */
export function referralReminderMail(
  to: string,
  options: { siteName: string; organisationName: string; count: number; link: string },
): OutgoingMail {
  const many = options.count > 1;
  return {
    to,
    subject: `Herinnering: ${options.count} ${many ? 'verwijzingen wachten' : 'verwijzing wacht'} op een reactie van ${options.organisationName}`,
    text:
      `Hallo,\n\n${many ? `Er wachten ${options.count} verwijzingen` : 'Er wacht een verwijzing'} van het wijkteam nog op een reactie van ${options.organisationName}.\n\n` +
      `Laat in je werkbak weten of het contact gelukt is:\n${options.link}\n\n` +
      `Zo weet het wijkteam of de inwoner geholpen wordt, of dat er iets anders nodig is.` +
      signature(options.siteName),
  };
}

/** To the teamlid who referred: something changed, look in the werkbak (never what changed). */
export function referralChangedMail(
  to: string,
  options: { siteName: string; reference: string; link: string },
): OutgoingMail {
  return {
    to,
    subject: `Verwijzing ${options.reference} is bijgewerkt`,
    text:
      `Hallo,\n\nEen organisatie heeft laten weten hoe het gaat met verwijzing ${options.reference}.\n\n` +
      `Bekijk het in de beveiligde werkbak:\n${options.link}` +
      signature(options.siteName),
  };
}

/** Public information about one listing, as the handover mail to a resident repeats it. */
export interface HandoverMailListing {
  title: string;
  organisationName: string;
  summary: string;
  where: string;
  when: string[];
  whatToBring?: string | undefined;
  contact: string[];
  link: string;
}

/**
 * To the resident, when they asked for it: the public information about the listings they were
 * referred to, as on the handover sheet. Nothing about their situation: no reason, no note, no
 * team, no name.
 */
export function handoverMail(
  to: string,
  options: { siteName: string; listings: HandoverMailListing[] },
): OutgoingMail {
  const blocks = options.listings.map((listing) =>
    [
      `${listing.title} (${listing.organisationName})`,
      listing.summary,
      `Waar: ${listing.where}`,
      ...(listing.when.length > 0 ? [`Wanneer: ${listing.when.join('; ')}`] : []),
      ...(listing.whatToBring ? [`Neem mee: ${listing.whatToBring}`] : []),
      ...(listing.contact.length > 0 ? [`Contact: ${listing.contact.join(', ')}`] : []),
      `Meer informatie: ${listing.link}`,
    ].join('\n'),
  );
  return {
    to,
    toResident: true,
    subject: `De informatie die je vroeg, van ${options.siteName}`,
    text:
      `Hallo,\n\nJe vroeg ons om deze informatie te mailen. Hier is het.\n\n${blocks.join('\n\n')}\n\n` +
      `Heb je direct hulp nodig? Bel bij gevaar 112. Bij huiselijk geweld of kindermishandeling: Veilig Thuis, 0800-2000 (dag en nacht, gratis).` +
      signature(options.siteName),
  };
}
