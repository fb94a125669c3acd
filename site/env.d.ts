/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** True while demo listings are published; the layout then shows the "voorbeeldgegevens" notice. */
    showsDemoData: boolean;
    /** The logged-in back-office user, also while the second factor is still to come. */
    user?: import('#admin/accounts/user.ts').User;
    session?: import('#admin/accounts/sessions.ts').Session;
    /** Set only when the login is complete (second factor done where needed): who may act. */
    actor?: import('#admin/accounts/user.ts').Actor;
  }
}
