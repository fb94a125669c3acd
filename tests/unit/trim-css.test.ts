import { expect, it } from 'vitest';
import { trimStylesheet } from '../../scripts/build/trim-css.ts';

const used = { names: new Set(['utrecht-button', 'ww-card']), prefixes: ['ww-marker--'] };

it('drops rules for component variants the site never uses, and keeps everything else', () => {
  const css = `
    .utrecht-button { color: red }
    .utrecht-button--danger { color: maroon }
    .utrecht-button:is(:hover, .utrecht-button--hover) { color: blue }
    .utrecht-button:not(.utrecht-button--disabled) { cursor: pointer }
    .ww-card, .ww-unknown { padding: 1rem }
    .ww-marker--activiteit { color: purple }
    .leaflet-container { font: inherit }
    @media (min-width: 10rem) { .utrecht-button--danger { color: maroon } }
    @media (min-width: 20rem) { .ww-card { margin: 0 } }
    a:focus-visible { outline: 2px solid }
  `;
  const trimmed = trimStylesheet(css, used);
  expect(trimmed).toContain('.utrecht-button{color:red}');
  expect(trimmed).not.toContain('danger');
  expect(trimmed).toContain('.utrecht-button:hover{color:#00f}');
  expect(trimmed).toContain('.utrecht-button:not(.utrecht-button--disabled){cursor:pointer}');
  expect(trimmed).toContain('.ww-card{padding:1rem}');
  expect(trimmed).not.toContain('ww-unknown');
  expect(trimmed).toContain('.ww-marker--activiteit');
  expect(trimmed).toContain('.leaflet-container');
  expect(trimmed).toContain('@media (width>=20rem){.ww-card{margin:0}}');
  expect(trimmed).not.toContain('10rem');
  expect(trimmed).toContain('a:focus-visible');
});
