// The console's interface texts in fi/sv/en (a test checks every key exists in every language).
export const texts = {
  fi: {
    skip: 'Siirry sisältöön', title: 'Asiakaspalvelijan työpöytä', language: 'Kieli', signOut: 'Kirjaudu ulos', signInTitle: 'Kirjaudu sisään',
    name: 'Käyttäjätunnus', password: 'Salasana', signIn: 'Kirjaudu', settings: 'Asetukset', available: 'Vastaan uusiin chatteihin',
    notify: 'Ilmoitukset uusista chateista (ääni ja otsikko)', tabChats: 'Chatit', tabRequests: 'Jätetyt viestit', queues: 'Jonot',
    myChats: 'Omat chatit', noChat: 'Valitse tai ota chat jonosta', shared: 'Asiakkaan luvalla näytettävät tiedot', conversation: 'Keskustelu',
    message: 'Viesti', send: 'Lähetä', canned: 'Valmis vastaus', insert: 'Lisää', transferTo: 'Siirrä jonoon', transfer: 'Siirrä',
    end: 'Lopeta keskustelu', requestsTitle: 'Viestit, jotka asiakkaat jättivät',
    requestsIntro: 'Asiakas antoi luvan tallentaa yhteystietonsa. Viestit poistuvat säilytysajan jälkeen.',
    wrongPassword: 'Väärä käyttäjätunnus tai salasana.', noRole: 'Käyttäjällä ei ole asiakaspalvelijan roolia.', failed: 'Toiminto epäonnistui: ',
    emptyQueue: 'Ei jonossa olevia', accept: 'Ota', waiting: 'odottanut {0}', onDuty: 'Päivystämässä: {0}', none: 'Ei chatteja',
    open: 'Avaa', taken: 'Toinen asiakaspalvelija ehti ensin.', transcriptShared: 'keskustelu alusta alkaen', transcriptNew: 'vain uudet viestit',
    noAttributes: 'ei muita tietoja', citizen: 'Asiakas', bot: 'Botti', you: 'Sinä', typing: 'Asiakas kirjoittaa…', ended: 'Keskustelu päättyi',
    endedByCitizen: 'Asiakas lopetti keskustelun.', endedByAgent: 'Lopetit keskustelun.', active: 'käynnissä', newChat: 'Uusi chat',
    markDone: 'Merkitse hoidetuksi', markUndone: 'Palauta hoitamattomaksi', done: 'Hoidettu ({0})', expires: 'poistuu {0}',
    phone: 'Puhelin', email: 'Sähköposti', noRequests: 'Ei jätettyjä viestejä', languageName: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },
    chatIn: '{0} · kieli: {1}', storeDown: 'Tallennus ei ole juuri nyt käytettävissä; yritetään uudelleen.', confirmEnd: 'Lopetetaanko keskustelu?',
  },
  sv: {
    skip: 'Till innehållet', title: 'Kundtjänstens arbetsbord', language: 'Språk', signOut: 'Logga ut', signInTitle: 'Logga in',
    name: 'Användarnamn', password: 'Lösenord', signIn: 'Logga in', settings: 'Inställningar', available: 'Jag tar emot nya chattar',
    notify: 'Aviseringar om nya chattar (ljud och rubrik)', tabChats: 'Chattar', tabRequests: 'Lämnade meddelanden', queues: 'Köer',
    myChats: 'Mina chattar', noChat: 'Välj eller ta en chatt från kön', shared: 'Uppgifter som kunden gett lov att visa', conversation: 'Konversation',
    message: 'Meddelande', send: 'Skicka', canned: 'Färdigt svar', insert: 'Infoga', transferTo: 'Flytta till kö', transfer: 'Flytta',
    end: 'Avsluta chatten', requestsTitle: 'Meddelanden som kunder lämnat',
    requestsIntro: 'Kunden har gett lov att spara sina kontaktuppgifter. Meddelandena raderas efter lagringstiden.',
    wrongPassword: 'Fel användarnamn eller lösenord.', noRole: 'Användaren har inte rollen kundtjänstmedarbetare.', failed: 'Åtgärden misslyckades: ',
    emptyQueue: 'Ingen i kön', accept: 'Ta', waiting: 'väntat {0}', onDuty: 'I tjänst: {0}', none: 'Inga chattar',
    open: 'Öppna', taken: 'En annan medarbetare hann före.', transcriptShared: 'konversationen från början', transcriptNew: 'bara nya meddelanden',
    noAttributes: 'inga andra uppgifter', citizen: 'Kund', bot: 'Bot', you: 'Du', typing: 'Kunden skriver…', ended: 'Chatten har avslutats',
    endedByCitizen: 'Kunden avslutade chatten.', endedByAgent: 'Du avslutade chatten.', active: 'pågår', newChat: 'Ny chatt',
    markDone: 'Markera som klar', markUndone: 'Markera som inte klar', done: 'Klar ({0})', expires: 'raderas {0}',
    phone: 'Telefon', email: 'E-post', noRequests: 'Inga lämnade meddelanden', languageName: { fi: 'finska', sv: 'svenska', en: 'engelska' },
    chatIn: '{0} · språk: {1}', storeDown: 'Lagringen är inte tillgänglig just nu; vi försöker igen.', confirmEnd: 'Avsluta chatten?',
  },
  en: {
    skip: 'Skip to content', title: 'Agent console', language: 'Language', signOut: 'Sign out', signInTitle: 'Sign in',
    name: 'User name', password: 'Password', signIn: 'Sign in', settings: 'Settings', available: 'I take new chats',
    notify: 'Notify me of new chats (sound and title)', tabChats: 'Chats', tabRequests: 'Messages left', queues: 'Queues',
    myChats: 'My chats', noChat: 'Pick a chat or take one from a queue', shared: 'What the citizen agreed to show you', conversation: 'Conversation',
    message: 'Message', send: 'Send', canned: 'Canned answer', insert: 'Insert', transferTo: 'Transfer to queue', transfer: 'Transfer',
    end: 'End chat', requestsTitle: 'Messages citizens left',
    requestsIntro: 'The citizen agreed to their contact details being stored. Messages are deleted after the retention time.',
    wrongPassword: 'Wrong user name or password.', noRole: 'This user does not have the agent role.', failed: 'That did not work: ',
    emptyQueue: 'Nobody waiting', accept: 'Accept', waiting: 'waiting {0}', onDuty: 'On duty: {0}', none: 'No chats',
    open: 'Open', taken: 'Another agent was faster.', transcriptShared: 'the conversation from the start', transcriptNew: 'only new messages',
    noAttributes: 'no other details', citizen: 'Citizen', bot: 'Bot', you: 'You', typing: 'The citizen is typing…', ended: 'The chat has ended',
    endedByCitizen: 'The citizen ended the chat.', endedByAgent: 'You ended the chat.', active: 'active', newChat: 'New chat',
    markDone: 'Mark as done', markUndone: 'Mark as not done', done: 'Done ({0})', expires: 'deleted {0}',
    phone: 'Phone', email: 'E-mail', noRequests: 'No messages left', languageName: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
    chatIn: '{0} · language: {1}', storeDown: 'Storage is unavailable right now; retrying.', confirmEnd: 'End the chat?',
  },
};

let current = 'fi';

export function setLanguage(language) {
  current = texts[language] ? language : 'fi';
  document.documentElement.lang = current;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  document.title = `${t('title')} – AuroraBots`;
  return current;
}

export const language = () => current;

export function t(key, ...values) {
  const text = texts[current][key] ?? texts.en[key] ?? key;
  return typeof text === 'string' ? text.replace(/\{(\d)\}/g, (_, i) => values[Number(i)] ?? '') : text;
}
