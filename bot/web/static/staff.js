// GOV.UK Frontend on the staff pages: the error summary and the success banner take focus,
// the menu folds on a phone. Without JavaScript the pages work the same (autofocus does it).
import { initAll } from '/static/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
