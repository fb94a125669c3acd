// After a failed submit the error summary is what a resident meets first: without JavaScript the
// page opens scrolled to it (the form's action ends in its #fragment); with it, it also has focus,
// so a screen reader starts reading there.
export function focusOnLoad(): void {
  document.querySelector<HTMLElement>('[data-focus-on-load] #foutmeldingen')?.focus();
}
