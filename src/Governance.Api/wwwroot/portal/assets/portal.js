// Progressive enhancement only: every page works without this file. A browser that runs modules runs
// govuk-frontend, so the page is marked as scripted and supported (the components style themselves by these
// classes) and the components on the page are started.
import { initAll } from './govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
