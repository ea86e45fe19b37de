// Every text of the editor's UI in Finnish, Swedish and English (English is the fallback for a missing string).
// index.html marks its texts with data-i18n="key" (text) and data-i18n-attr="aria-label=key" (attributes); the modules
// call t('key', {name: value}) with {name} placeholders. The language is the user's choice (header, kept in
// localStorage), else the browser's language when it is Finnish or Swedish, else English; <html lang> follows it.

export const uiLanguages = ['fi', 'sv', 'en'];
const storageKey = 'aurora-editor-language';

const strings = {
  en: {
    'app.title': 'AuroraBots editor',
    'app.skip': 'Skip to the editor',
    'app.uiLanguage': 'Interface language',
    'app.signOut': 'Sign out',
    'app.whoami': 'Signed in as {name} ({roles})',
    'role.editor': 'editor', 'role.publisher': 'publisher', 'role.admin': 'admin', 'role.agent': 'agent (live chat)', 'role.none': 'no role',
    'language.fi': 'Finnish', 'language.sv': 'Swedish', 'language.en': 'English',
    'common.bot': 'Bot', 'common.actions': 'Actions', 'common.cancel': 'Cancel',
    'api.unreachable': 'The editor server cannot be reached. Check your connection and try again.',
    'api.status': 'The server answered {status}.',

    'signin.title': 'Sign in',
    'signin.intro': 'Sign in with the editor account your administrator gave you.',
    'signin.name': 'Name', 'signin.password': 'Password', 'signin.submit': 'Sign in',
    'signin.missing': 'Enter your name and password.',
    'signin.busy': 'Signing in…',
    'signin.wrong': 'Wrong name or password.',
    'signout.confirm': 'You have unsaved changes. Sign out anyway?',
    'signout.done': 'You have signed out.',
    'session.ended': 'Your session has ended. Sign in again to continue; the open file and your unsaved changes are kept.',

    'nav.label': 'Bots, files and steps', 'nav.title': 'Content', 'nav.shared': 'Shared content', 'nav.steps': 'Steps of this flow',
    'nav.group.flows': 'Flows', 'nav.group.settings': 'Settings and texts', 'nav.group.intents': 'Intents', 'nav.group.tests': 'Tests',
    'tabs.label': 'Views', 'tabs.edit': 'Edit', 'tabs.tests': 'Tests', 'tabs.versions': 'Versions', 'tabs.coverage': 'Translations',
    'tabs.audit': 'Audit log', 'tabs.users': 'Users',

    'edit.chooseFile': 'Choose a file on the left',
    'edit.viewSwitch': 'Editing view', 'edit.form': 'Form', 'edit.save': 'Save', 'edit.yamlSource': 'YAML source',
    'edit.discardConfirm': 'You have unsaved changes in this file. Discard them?',
    'edit.opening': 'Opening {path}…',
    'edit.cannotOpen': 'Cannot open {path}: {message}',
    'edit.open': '{path} is open.',
    'edit.syntaxError': 'The YAML has a syntax error, so the form cannot show it. Fix it in the YAML view (see Validation below).',
    'edit.dirty': 'Unsaved changes.', 'edit.clean': 'No unsaved changes.',
    'form.step': 'Step {n}',
    'form.empty': 'This file is empty. Use the YAML view to write it.',
    'form.yamlOnly': 'Edit this value in the YAML view.',
    'form.missing': 'missing', 'form.emptyMark': 'empty', 'form.outdated': 'outdated',
    'form.addLanguage': 'Add {language}',
    'validation.title': 'Validation',
    'validation.checking': 'Checking…',
    'validation.unavailable': 'Validation is not available right now: {message}',
    'validation.none': 'No errors: the draft is valid.',
    'validation.count': '{count} error(s) in the draft.',
    'validation.countHere': '{count} error(s) in the draft, {here} in this file.',
    'save.busy': 'Saving…',
    'save.valid': 'Saved {path}. The draft is valid.',
    'save.invalid': 'Saved {path}. The draft has {count} error(s); it cannot be published until they are fixed.',
    'save.failed': 'Not saved: {message}',
    'conflict.status': 'Not saved: someone else changed this file.',
    'conflict.title': 'Someone else changed this file since you opened it.',
    'conflict.text': 'Your changes have not been saved, and nothing was overwritten. Reload the file to see their version, then apply your change again. Your text stays in the YAML view until you reload; copy it first if you need it.',
    'conflict.reload': 'Reload the file (discards my changes)',

    'tests.title': 'Transcript tests',
    'tests.intro': 'Tests run against the draft, in every language they declare.',
    'tests.run': "Run the bot's tests",
    'tests.count': '{count} test(s) in {bot}. Run them to see the results.',
    'tests.noTests': '{bot} has no transcript tests yet.',
    'tests.running': 'Running the tests of {bot} against the draft…',
    'tests.summary': '{passed} passed, {failed} failed.',
    'tests.draftInvalid': 'The draft does not load, so its tests cannot run. Fix the errors first.',
    'tests.passed': 'Passed', 'tests.failed': 'Failed', 'tests.turn': 'Turn {n}:',
    'tests.diffLabel': 'Expected (−) and actual (+) bot messages',
    'tests.expected': 'expected', 'tests.actual': 'actual', 'tests.same': 'same',

    'versions.title': 'Versions',
    'versions.publishComment': 'What changed (comment for the new version)',
    'versions.publish': 'Publish the draft',
    'versions.failuresTitle': 'Transcript tests that fail on the draft',
    'versions.compareTitle': 'Compare versions',
    'versions.compare': 'Compare version', 'versions.with': 'with', 'versions.showDiff': 'Show differences',
    'versions.textsIn': 'Changed texts in', 'versions.allLanguages': 'all languages', 'versions.showTexts': 'Show changed texts',
    'versions.caption': 'Published versions, newest first',
    'versions.colVersion': 'Version', 'versions.colWhen': 'When', 'versions.colWho': 'Who', 'versions.colComment': 'Comment',
    'versions.colFiles': 'Files', 'versions.colLanguage': 'Language',
    'versions.serving': 'The bots serve version {version}',
    'versions.catchingUp': 'this server is still on version {version} (it catches up automatically)',
    'versions.redis': 'shared by {count} server(s) through Redis',
    'versions.files': 'stored in files on this server',
    'versions.rollback': 'Roll back to version {version}',
    'versions.live': '(live)',
    'versions.rollbackOf': '(rollback to {version})',
    'versions.option': 'Version {version}',
    'versions.optional': 'optional',
    'versions.rollbackWhy': 'Why roll back to version {version}?',
    'versions.rollbackConfirm': 'Confirm rollback',
    'versions.rollingBack': 'Rolling back to version {version}…',
    'versions.rolledBack': 'Version {version} is live: it is version {of} again ({count} file(s) changed). The bots use it now.',
    'versions.rollbackFailed': 'Rollback failed: {message}',
    'versions.needComment': 'Write a comment saying what changed.',
    'versions.publishing': 'Publishing…',
    'versions.published': 'Published version {version} ({count} file(s) changed). The bots use it now.',
    'versions.invalidDraft': 'Not published: the draft has {count} error(s). Fix them first (see Validation in the Edit tab).',
    'versions.testsFail': 'Not published: {count} transcript test(s) fail on the draft. Fix the content or update the tests (listed below), then publish again.',
    'versions.notPublished': 'Not published: {message}',
    'versions.same': 'Versions {from} and {to} have the same content.',
    'versions.filesDiffer': '{count} file(s) differ between version {from} and version {to}.',
    'versions.noTextChanges': 'No text changed in {language} between version {from} and version {to}.',
    'versions.textsDiffer': '{count} text(s) changed in {language} between version {from} and version {to}.',
    'versions.textsCaption': 'Changed texts, version {from} → version {to}',
    'versions.before': 'Before (version {version})', 'versions.after': 'After (version {version})',
    'versions.noText': '(no text)',
    'versions.textDiffUnavailable': 'This server cannot compare texts yet.',
    'change.added': 'added', 'change.removed': 'removed', 'change.modified': 'changed', 'change.changed': 'changed',

    'reviews.title': 'Reviews',
    'reviews.required': 'Publishing needs an approved review: submit the draft for review below; another person with the publisher role approves it, which publishes it.',
    'reviews.comment': 'Note for the reviewer: the change, and what to check',
    'reviews.submit': 'Submit for review',
    'reviews.needComment': 'Say what changed, so the reviewer knows what to look at.',
    'reviews.submitted': 'The draft was submitted for review.',
    'reviews.none': 'No reviews yet.',
    'reviews.unavailable': 'This server has no reviews yet.',
    'reviews.state.pending': 'Waiting for review', 'reviews.state.approved': 'Approved', 'reviews.state.rejected': 'Rejected',
    'reviews.state.superseded': 'Replaced by a newer submission',
    'reviews.by': 'submitted by {author}, {when}',
    'reviews.approvedBy': 'Approved by {name}, {when}. ',
    'reviews.rejectedBy': 'Rejected by {name}, {when}: ',
    'reviews.decidedBy': 'Decided by {name}, {when}. ',
    'reviews.version': '(published as version {version})',
    'reviews.decisionComment': 'Comment on your decision',
    'reviews.ownReview': 'You submitted this: someone else must approve it.',
    'reviews.approve': 'Approve and publish', 'reviews.reject': 'Reject',
    'reviews.rejectNeedsComment': 'Say why you reject it, so the author knows what to change.',
    'reviews.approving': 'Approving and publishing…', 'reviews.rejecting': 'Rejecting…',
    'reviews.approved': 'Approved: published version {version} ({count} file(s) changed). The bots use it now.',
    'reviews.rejected': "Rejected; {author} sees your comment.",
    'reviews.failed': 'Not done: {message}',

    'coverage.title': 'Translation coverage',
    'coverage.intro': 'Texts with a language missing or empty, and texts changed in one language since the others were last edited.',
    'coverage.of': 'Translations of {bot}',
    'coverage.summary': '{bot}: {complete} of {texts} texts complete in {languages}',
    'coverage.allGood': 'Every text is translated and up to date.',
    'coverage.gaps': 'Missing or empty', 'coverage.text': 'Text', 'coverage.missing': 'Missing', 'coverage.empty': 'Empty',
    'coverage.outdated': 'Changed in one language since the others were edited',
    'coverage.changed': 'Changed', 'coverage.check': 'Check', 'coverage.by': 'By',

    'audit.title': 'Audit log', 'audit.caption': 'Newest entries first', 'audit.time': 'Time', 'audit.user': 'User',
    'audit.action': 'Action', 'audit.target': 'Target', 'audit.outcome': 'Outcome', 'audit.detail': 'Detail',
    'audit.ok': 'ok', 'audit.failed': 'failed',

    'users.title': 'Users',
    'users.intro': "Users defined in the host's configuration (Editor:Users) can only be changed there; users added here are kept by the editor. A higher role includes the lower ones: an editor edits drafts and runs tests, a publisher also publishes and rolls back, an admin also manages users.",
    'users.caption': 'Everyone who may sign in', 'users.name': 'Name', 'users.roles': 'Roles', 'users.source': 'Defined in',
    'users.addTitle': 'Add a user', 'users.newName': "New user's name",
    'users.newPassword': "New user's password (at least 12 characters)", 'users.newRole': "New user's role", 'users.add': 'Add user',
    'users.roleOf': 'Role of {name}', 'users.changeRole': 'Change role of {name}', 'users.remove': 'Remove {name}',
    'users.fromConfiguration': 'host configuration', 'users.fromEditor': 'editor',
    'users.changed': 'Changed {name}.', 'users.removed': 'Removed {name}; they can no longer sign in.', 'users.added': 'Added {name}.',

    'preview.title': 'Preview (draft)', 'preview.language': 'Language', 'preview.municipality': 'Municipality website',
    'preview.noMunicipality': 'No municipality', 'preview.restart': 'Restart preview',
    'preview.testName': 'Test name', 'preview.saveTest': 'Save as test', 'preview.chat': 'Preview chat', 'preview.trace': 'Trace',
    'preview.noWebChat': 'Web Chat did not load.',
    'preview.chooseBot': 'Choose a bot to preview.',
    'preview.starting': 'Starting a preview of the draft of {bot}…',
    'preview.invalidDraft': 'The current draft of {bot} has {count} error(s); the preview runs the last draft that loaded.',
    'preview.running': 'Preview of the draft of {bot} ({locale}).',
    'preview.asMunicipality': ' As on the website of {name}.',
    'preview.failed': 'The preview could not start: {message}',
    'preview.startFirst': 'Start a preview conversation first.',
    'preview.nameTest': 'Give the test a name.',
    'preview.testSaved': 'Saved the conversation as the test {path}.',
    'preview.testExists': 'A test with that name exists already; choose another name.',
    'trace.spoken': 'trace: bot {bot}, flow {flow}, step {step}',
    'trace.you': 'You: {text}', 'trace.none': '(no trace)', 'trace.cards': '[{count} card(s)]',
  },

  fi: {
    'app.title': 'AuroraBots-editori',
    'app.skip': 'Siirry editoriin',
    'app.uiLanguage': 'Käyttöliittymän kieli',
    'app.signOut': 'Kirjaudu ulos',
    'app.whoami': 'Kirjautunut: {name} ({roles})',
    'role.editor': 'muokkaaja', 'role.publisher': 'julkaisija', 'role.admin': 'ylläpitäjä', 'role.agent': 'asiakaspalvelija (chat)', 'role.none': 'ei roolia',
    'language.fi': 'suomi', 'language.sv': 'ruotsi', 'language.en': 'englanti',
    'common.bot': 'Botti', 'common.actions': 'Toiminnot', 'common.cancel': 'Peruuta',
    'api.unreachable': 'Editorin palvelimeen ei saada yhteyttä. Tarkista yhteys ja yritä uudelleen.',
    'api.status': 'Palvelin vastasi {status}.',

    'signin.title': 'Kirjaudu sisään',
    'signin.intro': 'Kirjaudu editorin tunnuksella, jonka ylläpitäjä antoi sinulle.',
    'signin.name': 'Nimi', 'signin.password': 'Salasana', 'signin.submit': 'Kirjaudu',
    'signin.missing': 'Kirjoita nimesi ja salasanasi.',
    'signin.busy': 'Kirjaudutaan…',
    'signin.wrong': 'Väärä nimi tai salasana.',
    'signout.confirm': 'Sinulla on tallentamattomia muutoksia. Kirjaudutaanko silti ulos?',
    'signout.done': 'Olet kirjautunut ulos.',
    'session.ended': 'Istuntosi on päättynyt. Kirjaudu uudelleen jatkaaksesi; avoin tiedosto ja tallentamattomat muutoksesi säilyvät.',

    'nav.label': 'Botit, tiedostot ja vaiheet', 'nav.title': 'Sisältö', 'nav.shared': 'Yhteinen sisältö', 'nav.steps': 'Tämän keskustelupolun vaiheet',
    'nav.group.flows': 'Keskustelupolut', 'nav.group.settings': 'Asetukset ja tekstit', 'nav.group.intents': 'Aikeet', 'nav.group.tests': 'Testit',
    'tabs.label': 'Näkymät', 'tabs.edit': 'Muokkaa', 'tabs.tests': 'Testit', 'tabs.versions': 'Versiot', 'tabs.coverage': 'Käännökset',
    'tabs.audit': 'Tapahtumaloki', 'tabs.users': 'Käyttäjät',

    'edit.chooseFile': 'Valitse tiedosto vasemmalta',
    'edit.viewSwitch': 'Muokkausnäkymä', 'edit.form': 'Lomake', 'edit.save': 'Tallenna', 'edit.yamlSource': 'YAML-lähdeteksti',
    'edit.discardConfirm': 'Tässä tiedostossa on tallentamattomia muutoksia. Hylätäänkö ne?',
    'edit.opening': 'Avataan {path}…',
    'edit.cannotOpen': 'Tiedostoa {path} ei voi avata: {message}',
    'edit.open': '{path} on auki.',
    'edit.syntaxError': 'YAML-tekstissä on syntaksivirhe, joten lomake ei voi näyttää sitä. Korjaa se YAML-näkymässä (ks. Tarkistus alla).',
    'edit.dirty': 'Tallentamattomia muutoksia.', 'edit.clean': 'Ei tallentamattomia muutoksia.',
    'form.step': 'Vaihe {n}',
    'form.empty': 'Tiedosto on tyhjä. Kirjoita se YAML-näkymässä.',
    'form.yamlOnly': 'Muokkaa tätä arvoa YAML-näkymässä.',
    'form.missing': 'puuttuu', 'form.emptyMark': 'tyhjä', 'form.outdated': 'vanhentunut',
    'form.addLanguage': 'Lisää kieli: {language}',
    'validation.title': 'Tarkistus',
    'validation.checking': 'Tarkistetaan…',
    'validation.unavailable': 'Tarkistus ei ole juuri nyt käytettävissä: {message}',
    'validation.none': 'Ei virheitä: luonnos on kunnossa.',
    'validation.count': 'Luonnoksessa on {count} virhettä.',
    'validation.countHere': 'Luonnoksessa on {count} virhettä, tässä tiedostossa {here}.',
    'save.busy': 'Tallennetaan…',
    'save.valid': '{path} tallennettu. Luonnos on kunnossa.',
    'save.invalid': '{path} tallennettu. Luonnoksessa on {count} virhettä; sitä ei voi julkaista ennen kuin ne on korjattu.',
    'save.failed': 'Ei tallennettu: {message}',
    'conflict.status': 'Ei tallennettu: joku muu muutti tätä tiedostoa.',
    'conflict.title': 'Joku muu on muuttanut tätä tiedostoa sen jälkeen, kun avasit sen.',
    'conflict.text': 'Muutoksiasi ei tallennettu, eikä mitään kirjoitettu yli. Lataa tiedosto uudelleen nähdäksesi hänen versionsa ja tee muutoksesi uudelleen. Tekstisi pysyy YAML-näkymässä, kunnes lataat tiedoston; kopioi se ensin, jos tarvitset sitä.',
    'conflict.reload': 'Lataa tiedosto uudelleen (hylkää omat muutokseni)',

    'tests.title': 'Keskustelutestit',
    'tests.intro': 'Testit ajetaan luonnosta vasten kaikilla kielillä, jotka testi mainitsee.',
    'tests.run': 'Aja botin testit',
    'tests.count': 'Botilla {bot} on {count} testiä. Aja ne nähdäksesi tulokset.',
    'tests.noTests': 'Botilla {bot} ei ole vielä keskustelutestejä.',
    'tests.running': 'Ajetaan botin {bot} testejä luonnosta vasten…',
    'tests.summary': '{passed} onnistui, {failed} epäonnistui.',
    'tests.draftInvalid': 'Luonnos ei lataudu, joten sen testejä ei voi ajaa. Korjaa virheet ensin.',
    'tests.passed': 'Onnistui', 'tests.failed': 'Epäonnistui', 'tests.turn': 'Vuoro {n}:',
    'tests.diffLabel': 'Odotetut (−) ja todelliset (+) botin viestit',
    'tests.expected': 'odotettu', 'tests.actual': 'todellinen', 'tests.same': 'sama',

    'versions.title': 'Versiot',
    'versions.publishComment': 'Mitä muuttui (kommentti uudelle versiolle)',
    'versions.publish': 'Julkaise luonnos',
    'versions.failuresTitle': 'Luonnoksessa epäonnistuvat keskustelutestit',
    'versions.compareTitle': 'Vertaa versioita',
    'versions.compare': 'Vertaa versiota', 'versions.with': 'versioon', 'versions.showDiff': 'Näytä erot',
    'versions.textsIn': 'Muuttuneet tekstit kielellä', 'versions.allLanguages': 'kaikki kielet', 'versions.showTexts': 'Näytä muuttuneet tekstit',
    'versions.caption': 'Julkaistut versiot, uusin ensin',
    'versions.colVersion': 'Versio', 'versions.colWhen': 'Milloin', 'versions.colWho': 'Kuka', 'versions.colComment': 'Kommentti',
    'versions.colFiles': 'Tiedostoja', 'versions.colLanguage': 'Kieli',
    'versions.serving': 'Botit käyttävät versiota {version}',
    'versions.catchingUp': 'tämä palvelin on vielä versiossa {version} (se päivittyy automaattisesti)',
    'versions.redis': 'jaettu {count} palvelimen kesken Redisin kautta',
    'versions.files': 'tallennettu tiedostoihin tällä palvelimella',
    'versions.rollback': 'Palauta versio {version}',
    'versions.live': '(käytössä)',
    'versions.rollbackOf': '(versio {version} palautettu)',
    'versions.option': 'Versio {version}',
    'versions.optional': 'vapaaehtoinen',
    'versions.rollbackWhy': 'Miksi versio {version} palautetaan?',
    'versions.rollbackConfirm': 'Vahvista palautus',
    'versions.rollingBack': 'Palautetaan versiota {version}…',
    'versions.rolledBack': 'Versio {version} on käytössä: se on taas versio {of} ({count} tiedostoa muuttui). Botit käyttävät sitä nyt.',
    'versions.rollbackFailed': 'Palautus epäonnistui: {message}',
    'versions.needComment': 'Kirjoita kommentti siitä, mitä muuttui.',
    'versions.publishing': 'Julkaistaan…',
    'versions.published': 'Versio {version} julkaistu ({count} tiedostoa muuttui). Botit käyttävät sitä nyt.',
    'versions.invalidDraft': 'Ei julkaistu: luonnoksessa on {count} virhettä. Korjaa ne ensin (ks. Tarkistus Muokkaa-välilehdellä).',
    'versions.testsFail': 'Ei julkaistu: {count} keskustelutestiä epäonnistuu luonnoksessa. Korjaa sisältö tai päivitä testit (alla), ja julkaise sitten uudelleen.',
    'versions.notPublished': 'Ei julkaistu: {message}',
    'versions.same': 'Versioiden {from} ja {to} sisältö on sama.',
    'versions.filesDiffer': '{count} tiedostoa eroaa versioiden {from} ja {to} välillä.',
    'versions.noTextChanges': 'Yksikään teksti ({language}) ei muuttunut versioiden {from} ja {to} välillä.',
    'versions.textsDiffer': '{count} tekstiä muuttui ({language}) versioiden {from} ja {to} välillä.',
    'versions.textsCaption': 'Muuttuneet tekstit, versio {from} → versio {to}',
    'versions.before': 'Ennen (versio {version})', 'versions.after': 'Jälkeen (versio {version})',
    'versions.noText': '(ei tekstiä)',
    'versions.textDiffUnavailable': 'Tämä palvelin ei vielä osaa verrata tekstejä.',
    'change.added': 'lisätty', 'change.removed': 'poistettu', 'change.modified': 'muutettu', 'change.changed': 'muutettu',

    'reviews.title': 'Tarkastukset',
    'reviews.required': 'Julkaiseminen vaatii hyväksytyn tarkastuksen: lähetä luonnos tarkastettavaksi alla; toinen julkaisija hyväksyy sen, jolloin se julkaistaan.',
    'reviews.comment': 'Mitä muuttui, ja mihin tarkastajan kannattaa katsoa?',
    'reviews.submit': 'Lähetä tarkastettavaksi',
    'reviews.needComment': 'Kerro, mitä muuttui, jotta tarkastaja tietää, mitä katsoa.',
    'reviews.submitted': 'Luonnos lähetettiin tarkastettavaksi.',
    'reviews.none': 'Ei vielä tarkastuksia.',
    'reviews.unavailable': 'Tällä palvelimella ei vielä ole tarkastuksia.',
    'reviews.state.pending': 'Odottaa tarkastusta', 'reviews.state.approved': 'Hyväksytty', 'reviews.state.rejected': 'Hylätty',
    'reviews.state.superseded': 'Korvattu uudemmalla',
    'reviews.by': 'lähettäjä {author}, {when}',
    'reviews.approvedBy': 'Hyväksyjä {name}, {when}. ',
    'reviews.rejectedBy': 'Hylkääjä {name}, {when}: ',
    'reviews.decidedBy': 'Päättäjä {name}, {when}. ',
    'reviews.version': '(julkaistu versiona {version})',
    'reviews.decisionComment': 'Kommentti päätökseesi',
    'reviews.ownReview': 'Lähetit tämän itse: jonkun muun on hyväksyttävä se.',
    'reviews.approve': 'Hyväksy ja julkaise', 'reviews.reject': 'Hylkää',
    'reviews.rejectNeedsComment': 'Kerro, miksi hylkäät, jotta lähettäjä tietää, mitä muuttaa.',
    'reviews.approving': 'Hyväksytään ja julkaistaan…', 'reviews.rejecting': 'Hylätään…',
    'reviews.approved': 'Hyväksytty: versio {version} julkaistu ({count} tiedostoa muuttui). Botit käyttävät sitä nyt.',
    'reviews.rejected': 'Hylätty; {author} näkee kommenttisi.',
    'reviews.failed': 'Ei tehty: {message}',

    'coverage.title': 'Käännösten kattavuus',
    'coverage.intro': 'Tekstit, joista puuttuu kieli tai joissa kieli on tyhjä, sekä tekstit, joita on muutettu yhdellä kielellä muiden jälkeen.',
    'coverage.of': 'Botin {bot} käännökset',
    'coverage.summary': '{bot}: {complete}/{texts} tekstiä valmiina kielillä {languages}',
    'coverage.allGood': 'Kaikki tekstit on käännetty ja ajan tasalla.',
    'coverage.gaps': 'Puuttuu tai tyhjä', 'coverage.text': 'Teksti', 'coverage.missing': 'Puuttuu', 'coverage.empty': 'Tyhjä',
    'coverage.outdated': 'Muutettu yhdellä kielellä muiden jälkeen',
    'coverage.changed': 'Muutettu', 'coverage.check': 'Tarkista', 'coverage.by': 'Kuka',

    'audit.title': 'Tapahtumaloki', 'audit.caption': 'Uusimmat ensin', 'audit.time': 'Aika', 'audit.user': 'Käyttäjä',
    'audit.action': 'Toiminto', 'audit.target': 'Kohde', 'audit.outcome': 'Tulos', 'audit.detail': 'Lisätieto',
    'audit.ok': 'ok', 'audit.failed': 'epäonnistui',

    'users.title': 'Käyttäjät',
    'users.intro': 'Palvelimen asetuksissa (Editor:Users) määriteltyjä käyttäjiä voi muuttaa vain siellä; tässä lisätyt käyttäjät säilyttää editori. Ylempi rooli sisältää alemmat: muokkaaja muokkaa luonnoksia ja ajaa testejä, julkaisija myös julkaisee ja palauttaa versioita, ylläpitäjä myös hallitsee käyttäjiä.',
    'users.caption': 'Kaikki, jotka voivat kirjautua', 'users.name': 'Nimi', 'users.roles': 'Roolit', 'users.source': 'Määritelty',
    'users.addTitle': 'Lisää käyttäjä', 'users.newName': 'Uuden käyttäjän nimi',
    'users.newPassword': 'Uuden käyttäjän salasana (vähintään 12 merkkiä)', 'users.newRole': 'Uuden käyttäjän rooli', 'users.add': 'Lisää käyttäjä',
    'users.roleOf': 'Käyttäjän {name} rooli', 'users.changeRole': 'Vaihda käyttäjän {name} rooli', 'users.remove': 'Poista {name}',
    'users.fromConfiguration': 'palvelimen asetukset', 'users.fromEditor': 'editori',
    'users.changed': 'Käyttäjää {name} muutettu.', 'users.removed': '{name} poistettu; hän ei voi enää kirjautua.', 'users.added': '{name} lisätty.',

    'preview.title': 'Esikatselu (luonnos)', 'preview.language': 'Kieli', 'preview.municipality': 'Kunnan verkkosivu',
    'preview.noMunicipality': 'Ei kuntaa', 'preview.restart': 'Aloita esikatselu alusta',
    'preview.testName': 'Testin nimi', 'preview.saveTest': 'Tallenna testiksi', 'preview.chat': 'Esikatselukeskustelu', 'preview.trace': 'Jäljitys',
    'preview.noWebChat': 'Web Chat ei latautunut.',
    'preview.chooseBot': 'Valitse esikatseltava botti.',
    'preview.starting': 'Käynnistetään botin {bot} luonnoksen esikatselu…',
    'preview.invalidDraft': 'Botin {bot} nykyisessä luonnoksessa on {count} virhettä; esikatselu käyttää viimeisintä latautunutta luonnosta.',
    'preview.running': 'Botin {bot} luonnoksen esikatselu ({locale}).',
    'preview.asMunicipality': ' Kuin kunnan {name} verkkosivulla.',
    'preview.failed': 'Esikatselu ei käynnistynyt: {message}',
    'preview.startFirst': 'Aloita ensin esikatselukeskustelu.',
    'preview.nameTest': 'Anna testille nimi.',
    'preview.testSaved': 'Keskustelu tallennettiin testiksi {path}.',
    'preview.testExists': 'Samanniminen testi on jo olemassa; valitse toinen nimi.',
    'trace.spoken': 'jäljitys: botti {bot}, keskustelupolku {flow}, vaihe {step}',
    'trace.you': 'Sinä: {text}', 'trace.none': '(ei jäljitystä)', 'trace.cards': '[{count} korttia]',
  },

  sv: {
    'app.title': 'AuroraBots-editorn',
    'app.skip': 'Hoppa till editorn',
    'app.uiLanguage': 'Gränssnittets språk',
    'app.signOut': 'Logga ut',
    'app.whoami': 'Inloggad som {name} ({roles})',
    'role.editor': 'redaktör', 'role.publisher': 'publicerare', 'role.admin': 'administratör', 'role.agent': 'kundtjänst (chatt)', 'role.none': 'ingen roll',
    'language.fi': 'finska', 'language.sv': 'svenska', 'language.en': 'engelska',
    'common.bot': 'Bot', 'common.actions': 'Åtgärder', 'common.cancel': 'Avbryt',
    'api.unreachable': 'Editorns server kan inte nås. Kontrollera anslutningen och försök igen.',
    'api.status': 'Servern svarade {status}.',

    'signin.title': 'Logga in',
    'signin.intro': 'Logga in med det editorkonto som administratören gav dig.',
    'signin.name': 'Namn', 'signin.password': 'Lösenord', 'signin.submit': 'Logga in',
    'signin.missing': 'Skriv ditt namn och lösenord.',
    'signin.busy': 'Loggar in…',
    'signin.wrong': 'Fel namn eller lösenord.',
    'signout.confirm': 'Du har osparade ändringar. Logga ut ändå?',
    'signout.done': 'Du har loggat ut.',
    'session.ended': 'Din session har tagit slut. Logga in igen för att fortsätta; den öppna filen och dina osparade ändringar finns kvar.',

    'nav.label': 'Bottar, filer och steg', 'nav.title': 'Innehåll', 'nav.shared': 'Gemensamt innehåll', 'nav.steps': 'Stegen i det här flödet',
    'nav.group.flows': 'Flöden', 'nav.group.settings': 'Inställningar och texter', 'nav.group.intents': 'Avsikter', 'nav.group.tests': 'Tester',
    'tabs.label': 'Vyer', 'tabs.edit': 'Redigera', 'tabs.tests': 'Tester', 'tabs.versions': 'Versioner', 'tabs.coverage': 'Översättningar',
    'tabs.audit': 'Granskningslogg', 'tabs.users': 'Användare',

    'edit.chooseFile': 'Välj en fil till vänster',
    'edit.viewSwitch': 'Redigeringsvy', 'edit.form': 'Formulär', 'edit.save': 'Spara', 'edit.yamlSource': 'YAML-källtext',
    'edit.discardConfirm': 'Filen har osparade ändringar. Vill du kasta dem?',
    'edit.opening': 'Öppnar {path}…',
    'edit.cannotOpen': 'Kan inte öppna {path}: {message}',
    'edit.open': '{path} är öppen.',
    'edit.syntaxError': 'YAML-texten har ett syntaxfel, så formuläret kan inte visa den. Rätta det i YAML-vyn (se Validering nedan).',
    'edit.dirty': 'Osparade ändringar.', 'edit.clean': 'Inga osparade ändringar.',
    'form.step': 'Steg {n}',
    'form.empty': 'Filen är tom. Skriv den i YAML-vyn.',
    'form.yamlOnly': 'Redigera det här värdet i YAML-vyn.',
    'form.missing': 'saknas', 'form.emptyMark': 'tom', 'form.outdated': 'föråldrad',
    'form.addLanguage': 'Lägg till {language}',
    'validation.title': 'Validering',
    'validation.checking': 'Kontrollerar…',
    'validation.unavailable': 'Valideringen är inte tillgänglig just nu: {message}',
    'validation.none': 'Inga fel: utkastet är giltigt.',
    'validation.count': '{count} fel i utkastet.',
    'validation.countHere': '{count} fel i utkastet, {here} i den här filen.',
    'save.busy': 'Sparar…',
    'save.valid': '{path} har sparats. Utkastet är giltigt.',
    'save.invalid': '{path} har sparats. Utkastet har {count} fel; det kan inte publiceras förrän de är rättade.',
    'save.failed': 'Inte sparat: {message}',
    'conflict.status': 'Inte sparat: någon annan ändrade filen.',
    'conflict.title': 'Någon annan har ändrat filen sedan du öppnade den.',
    'conflict.text': 'Dina ändringar har inte sparats, och inget skrevs över. Ladda om filen för att se deras version och gör sedan din ändring igen. Din text finns kvar i YAML-vyn tills du laddar om; kopiera den först om du behöver den.',
    'conflict.reload': 'Ladda om filen (kastar mina ändringar)',

    'tests.title': 'Samtalstester',
    'tests.intro': 'Testerna körs mot utkastet på alla språk som de anger.',
    'tests.run': 'Kör botens tester',
    'tests.count': '{count} test i {bot}. Kör dem för att se resultaten.',
    'tests.noTests': '{bot} har inga samtalstester ännu.',
    'tests.running': 'Kör testerna för {bot} mot utkastet…',
    'tests.summary': '{passed} lyckades, {failed} misslyckades.',
    'tests.draftInvalid': 'Utkastet laddas inte, så dess tester kan inte köras. Rätta felen först.',
    'tests.passed': 'Lyckades', 'tests.failed': 'Misslyckades', 'tests.turn': 'Tur {n}:',
    'tests.diffLabel': 'Förväntade (−) och faktiska (+) botmeddelanden',
    'tests.expected': 'förväntat', 'tests.actual': 'faktiskt', 'tests.same': 'samma',

    'versions.title': 'Versioner',
    'versions.publishComment': 'Vad ändrades (kommentar till den nya versionen)',
    'versions.publish': 'Publicera utkastet',
    'versions.failuresTitle': 'Samtalstester som misslyckas med utkastet',
    'versions.compareTitle': 'Jämför versioner',
    'versions.compare': 'Jämför version', 'versions.with': 'med', 'versions.showDiff': 'Visa skillnader',
    'versions.textsIn': 'Ändrade texter på', 'versions.allLanguages': 'alla språk', 'versions.showTexts': 'Visa ändrade texter',
    'versions.caption': 'Publicerade versioner, nyaste först',
    'versions.colVersion': 'Version', 'versions.colWhen': 'När', 'versions.colWho': 'Vem', 'versions.colComment': 'Kommentar',
    'versions.colFiles': 'Filer', 'versions.colLanguage': 'Språk',
    'versions.serving': 'Bottarna använder version {version}',
    'versions.catchingUp': 'den här servern har ännu version {version} (den kommer ikapp automatiskt)',
    'versions.redis': 'delad av {count} server(ar) via Redis',
    'versions.files': 'sparad i filer på den här servern',
    'versions.rollback': 'Återställ version {version}',
    'versions.live': '(i bruk)',
    'versions.rollbackOf': '(återställning av version {version})',
    'versions.option': 'Version {version}',
    'versions.optional': 'valfritt',
    'versions.rollbackWhy': 'Varför återställa version {version}?',
    'versions.rollbackConfirm': 'Bekräfta återställningen',
    'versions.rollingBack': 'Återställer version {version}…',
    'versions.rolledBack': 'Version {version} är i bruk: den är version {of} igen ({count} fil(er) ändrades). Bottarna använder den nu.',
    'versions.rollbackFailed': 'Återställningen misslyckades: {message}',
    'versions.needComment': 'Skriv en kommentar om vad som ändrades.',
    'versions.publishing': 'Publicerar…',
    'versions.published': 'Version {version} publicerad ({count} fil(er) ändrades). Bottarna använder den nu.',
    'versions.invalidDraft': 'Inte publicerat: utkastet har {count} fel. Rätta dem först (se Validering på fliken Redigera).',
    'versions.testsFail': 'Inte publicerat: {count} samtalstest misslyckas med utkastet. Rätta innehållet eller uppdatera testerna (nedan) och publicera sedan igen.',
    'versions.notPublished': 'Inte publicerat: {message}',
    'versions.same': 'Version {from} och {to} har samma innehåll.',
    'versions.filesDiffer': '{count} fil(er) skiljer sig mellan version {from} och version {to}.',
    'versions.noTextChanges': 'Ingen text ändrades på {language} mellan version {from} och version {to}.',
    'versions.textsDiffer': '{count} text(er) ändrades på {language} mellan version {from} och version {to}.',
    'versions.textsCaption': 'Ändrade texter, version {from} → version {to}',
    'versions.before': 'Före (version {version})', 'versions.after': 'Efter (version {version})',
    'versions.noText': '(ingen text)',
    'versions.textDiffUnavailable': 'Den här servern kan inte jämföra texter ännu.',
    'change.added': 'tillagd', 'change.removed': 'borttagen', 'change.modified': 'ändrad', 'change.changed': 'ändrad',

    'reviews.title': 'Granskningar',
    'reviews.required': 'Publicering kräver en godkänd granskning: skicka utkastet på granskning nedan; en annan person med rollen publicerare godkänner det, och då publiceras det.',
    'reviews.comment': 'Vad ändrades, och vad ska granskaren titta på?',
    'reviews.submit': 'Skicka på granskning',
    'reviews.needComment': 'Berätta vad som ändrades, så att granskaren vet vad hen ska titta på.',
    'reviews.submitted': 'Utkastet skickades på granskning.',
    'reviews.none': 'Inga granskningar ännu.',
    'reviews.unavailable': 'Den här servern har inga granskningar ännu.',
    'reviews.state.pending': 'Väntar på granskning', 'reviews.state.approved': 'Godkänd', 'reviews.state.rejected': 'Avvisad',
    'reviews.state.superseded': 'Ersatt av en nyare',
    'reviews.by': 'inskickad av {author}, {when}',
    'reviews.approvedBy': 'Godkänd av {name}, {when}. ',
    'reviews.rejectedBy': 'Avvisad av {name}, {when}: ',
    'reviews.decidedBy': 'Avgjord av {name}, {when}. ',
    'reviews.version': '(publicerad som version {version})',
    'reviews.decisionComment': 'Kommentar till ditt beslut',
    'reviews.ownReview': 'Du skickade in den här: någon annan måste godkänna den.',
    'reviews.approve': 'Godkänn och publicera', 'reviews.reject': 'Avvisa',
    'reviews.rejectNeedsComment': 'Berätta varför du avvisar, så att skribenten vet vad som ska ändras.',
    'reviews.approving': 'Godkänner och publicerar…', 'reviews.rejecting': 'Avvisar…',
    'reviews.approved': 'Godkänd: version {version} publicerad ({count} fil(er) ändrades). Bottarna använder den nu.',
    'reviews.rejected': 'Avvisad; {author} ser din kommentar.',
    'reviews.failed': 'Inte gjort: {message}',

    'coverage.title': 'Översättningstäckning',
    'coverage.intro': 'Texter där ett språk saknas eller är tomt, och texter som ändrats på ett språk sedan de andra senast redigerades.',
    'coverage.of': 'Översättningar för {bot}',
    'coverage.summary': '{bot}: {complete} av {texts} texter färdiga på {languages}',
    'coverage.allGood': 'Alla texter är översatta och aktuella.',
    'coverage.gaps': 'Saknas eller tom', 'coverage.text': 'Text', 'coverage.missing': 'Saknas', 'coverage.empty': 'Tom',
    'coverage.outdated': 'Ändrad på ett språk sedan de andra redigerades',
    'coverage.changed': 'Ändrad', 'coverage.check': 'Kontrollera', 'coverage.by': 'Av',

    'audit.title': 'Granskningslogg', 'audit.caption': 'Nyaste först', 'audit.time': 'Tid', 'audit.user': 'Användare',
    'audit.action': 'Åtgärd', 'audit.target': 'Mål', 'audit.outcome': 'Resultat', 'audit.detail': 'Detalj',
    'audit.ok': 'ok', 'audit.failed': 'misslyckades',

    'users.title': 'Användare',
    'users.intro': 'Användare som definierats i serverns konfiguration (Editor:Users) kan bara ändras där; användare som läggs till här sparas av editorn. En högre roll omfattar de lägre: en redaktör redigerar utkast och kör tester, en publicerare publicerar och återställer också, en administratör hanterar också användare.',
    'users.caption': 'Alla som får logga in', 'users.name': 'Namn', 'users.roles': 'Roller', 'users.source': 'Definierad i',
    'users.addTitle': 'Lägg till en användare', 'users.newName': 'Den nya användarens namn',
    'users.newPassword': 'Den nya användarens lösenord (minst 12 tecken)', 'users.newRole': 'Den nya användarens roll', 'users.add': 'Lägg till användaren',
    'users.roleOf': 'Roll för {name}', 'users.changeRole': 'Ändra roll för {name}', 'users.remove': 'Ta bort {name}',
    'users.fromConfiguration': 'serverns konfiguration', 'users.fromEditor': 'editorn',
    'users.changed': '{name} har ändrats.', 'users.removed': '{name} har tagits bort och kan inte längre logga in.', 'users.added': '{name} har lagts till.',

    'preview.title': 'Förhandsvisning (utkast)', 'preview.language': 'Språk', 'preview.municipality': 'Kommunens webbplats',
    'preview.noMunicipality': 'Ingen kommun', 'preview.restart': 'Starta om förhandsvisningen',
    'preview.testName': 'Testets namn', 'preview.saveTest': 'Spara som test', 'preview.chat': 'Förhandsvisningens chatt', 'preview.trace': 'Spårning',
    'preview.noWebChat': 'Web Chat laddades inte.',
    'preview.chooseBot': 'Välj en bot att förhandsvisa.',
    'preview.starting': 'Startar en förhandsvisning av utkastet till {bot}…',
    'preview.invalidDraft': 'Det nuvarande utkastet till {bot} har {count} fel; förhandsvisningen kör det senaste utkastet som laddades.',
    'preview.running': 'Förhandsvisning av utkastet till {bot} ({locale}).',
    'preview.asMunicipality': ' Som på webbplatsen för {name}.',
    'preview.failed': 'Förhandsvisningen kunde inte starta: {message}',
    'preview.startFirst': 'Starta ett förhandsvisningssamtal först.',
    'preview.nameTest': 'Ge testet ett namn.',
    'preview.testSaved': 'Samtalet sparades som testet {path}.',
    'preview.testExists': 'Det finns redan ett test med det namnet; välj ett annat namn.',
    'trace.spoken': 'spårning: bot {bot}, flöde {flow}, steg {step}',
    'trace.you': 'Du: {text}', 'trace.none': '(ingen spårning)', 'trace.cards': '[{count} kort]',
  },
};

/** Every UI string by language (read-only; tests check that Finnish and Swedish are complete). */
export const uiStrings = Object.freeze(strings);

// Finnish and Swedish language names are lower case in running text but start a label.
const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

let current = 'en';
const listeners = new Set();

export const language = () => current;

/** Locale for dates and sorting: Finnish, Finland-Swedish, British English. */
export const locale = () => ({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' })[current];

/**
 * The string `key` in the UI language (English when missing), with {name} placeholders filled from `params`.
 * @param {string} key  @param {Record<string, unknown>} [params]  @param {string} [fallback] when no language has the key
 */
export function t(key, params = {}, fallback = key) {
  const template = strings[current][key] ?? strings.en[key] ?? fallback;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

export const roleName = (role) => t(`role.${role}`, {}, role);

/** A language's name as a label (capitalised). */
export const languageLabel = (code) => capitalised(t(`language.${code}`, {}, code));

function preferred() {
  try {
    const stored = localStorage.getItem(storageKey);
    if (uiLanguages.includes(stored)) return stored;
  } catch { /* storage blocked: fall back to the browser */ }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = String(tag).slice(0, 2).toLowerCase();
    if (primary === 'fi' || primary === 'sv') return primary;
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** Puts the strings into the static page: data-i18n (text) and data-i18n-attr="attr=key;attr=key". */
export function localizeStatic(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split('=').map((s) => s.trim());
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
  // Option labels of languages read as labels: capitalised.
  for (const option of root.querySelectorAll('#diff-language option[value]:not([value=""])')) option.textContent = languageLabel(option.value);
  document.title = t('app.title');
}

export function setLanguage(code, { remember = true } = {}) {
  if (!uiLanguages.includes(code)) return;
  current = code;
  document.documentElement.lang = code;
  if (remember) {
    try { localStorage.setItem(storageKey, code); } catch { /* not remembered: still switched */ }
  }
  const select = document.getElementById('ui-language');
  if (select) select.value = code;
  localizeStatic();
  for (const listener of listeners) listener(code);
}

export const onLanguageChange = (listener) => listeners.add(listener);

/** The language at start (stored choice, else the browser's), and the header switch. */
export function initLanguage() {
  setLanguage(preferred(), { remember: false });
  document.getElementById('ui-language')?.addEventListener('change', (event) => setLanguage(event.target.value));
}
