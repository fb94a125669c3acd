/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** True while demo listings are published; the layout then shows the "voorbeeldgegevens" notice. */
    showsDemoData: boolean;
  }
}
