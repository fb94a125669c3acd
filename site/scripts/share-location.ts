// "Gebruik mijn locatie" exists only with JavaScript; without it the wijk list does the job.
// The button sits inside a GET form: the shared position becomes its lat/lng fields (rounded to
// about 100 m, enough to find a wijk, not an address) and the form is submitted.

export function enhanceLocationButtons(): void {
  for (const wrapper of document.querySelectorAll<HTMLElement>('[data-geolocate]')) {
    const form = wrapper.closest('form');
    if (!form || !('geolocation' in navigator) || wrapper.dataset.ready) continue;
    wrapper.dataset.ready = 'true';
    wrapper.hidden = false;
    const status = wrapper.querySelector<HTMLElement>('[data-geolocate-status]');
    wrapper.querySelector('button')?.addEventListener('click', () => {
      if (status) status.textContent = 'Je locatie wordt opgezocht…';
      navigator.geolocation.getCurrentPosition(
        (position) => {
          for (const [name, value] of [
            ['lat', position.coords.latitude.toFixed(3)],
            ['lng', position.coords.longitude.toFixed(3)],
          ] as const) {
            let input = form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
            if (!input) {
              input = document.createElement('input');
              input.type = 'hidden';
              input.name = name;
              form.append(input);
            }
            input.value = value;
          }
          const near = form.querySelector<HTMLSelectElement>('select[name="bij"]');
          if (near) near.value = '';
          form.requestSubmit();
        },
        () => {
          if (status) status.textContent = 'Je locatie is niet gevonden. Kies je wijk in de lijst.';
        },
        { timeout: 10_000, maximumAge: 300_000 },
      );
    });
  }
}
