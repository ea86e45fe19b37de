// The whole citizen chain through Direct Line with Microsoft's DirectLineJS, against the real host:
// front desk → youth check-in → recommendations → consented hand-off to work and study → the target uses the
// municipality it received (and does not ask for it again). Once per language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { aurora, openChat, startHost } from './host.mjs';

const texts = {
  fi: {
    municipality: 'Oulu', municipalityName: 'Oulu', youthMatter: 'olen nuori ja tarvitsen apua', yes: 'kyllä',
    askMunicipality: /Missä kunnassa/i, askMatter: /omin sanoin/i,
    summerJobs: 'Kesätyöt', summerIntro: /kesätyöseteleitä/i,
  },
  sv: {
    municipality: 'Uleåborg', municipalityName: 'Uleåborg', youthMatter: 'jag är ung och behöver hjälp', yes: 'ja',
    askMunicipality: /I vilken kommun/i, askMatter: /med egna ord/i,
    summerJobs: 'Sommarjobb', summerIntro: /sommarjobbssedlar/i,
  },
  en: {
    municipality: 'Oulu', municipalityName: 'Oulu', youthMatter: "I'm young and need help", yes: 'yes',
    askMunicipality: /Which municipality/i, askMatter: /in your own words/i,
    summerJobs: 'Summer jobs', summerIntro: /summer job vouchers/i,
  },
};

// The ten 3X10D answers (0–10) given in the youth check-in.
const meterAnswers = ['7', '6', '8', '4', '7', '9', '5', '8', '6', '7'];

const isMessage = activity => activity.type === 'message';
const fromBot = botId => activity => isMessage(activity) && activity.from?.id === botId;
const offerFor = target => activity => aurora(activity).handoff?.target === target;
const acceptAll = activity => activity.suggestedActions?.actions?.find(a => a.value?.choice === 'all');

let host;
before(async () => { host = await startHost(); });
after(async () => { await host?.stop(); });

for (const [language, t] of Object.entries(texts)) {
  describe(`hand-off chain in ${language}`, () => {
    test('front desk → youth check-in → recommendations → work and study uses the received municipality', async () => {
      const chat = await openChat(host, 'frontdesk', language);
      try {
        // Front desk greets and listens first: it asks for the matter, not the municipality.
        await chat.join();
        const ask = await chat.next(a => fromBot('frontdesk')(a) && t.askMatter.test(a.text ?? ''), 'the front desk asking for the matter');
        assert.equal(aurora(ask).bot, 'frontdesk');
        assert.equal(aurora(ask).locale, language);
        await chat.say(t.municipality);
        await chat.next(a => fromBot('frontdesk')(a) && t.askMatter.test(a.text ?? ''), 'the front desk noting the municipality');

        // Free text routes to the youth bot; the consent offers exactly the municipality.
        await chat.say(t.youthMatter);
        const consentToYouth = await chat.next(offerFor('youth'), 'the consent question for the youth bot');
        assert.equal(consentToYouth.from.id, 'frontdesk');
        assert.deepEqual(aurora(consentToYouth).handoff.offered, ['municipality_code']);
        assert.match(consentToYouth.text, new RegExp(t.municipalityName));
        await chat.click(acceptAll(consentToYouth));

        // The youth bot greets as itself and runs the check-in without asking the municipality.
        const youthHello = await chat.next(fromBot('youth'), 'the youth bot greeting');
        assert.equal(aurora(youthHello).bot, 'youth');
        assert.notEqual(youthHello.from.name, consentToYouth.from.name);
        await chat.next(a => fromBot('youth')(a) && a.inputHint === 'expectingInput', 'the check-in offer');
        await chat.say(t.yes);
        for (let i = 0; i < meterAnswers.length; i++) {
          await chat.next(a => fromBot('youth')(a) && (a.text ?? '').includes(`${i + 1}/10`), `question ${i + 1}/10`);
          await chat.say(meterAnswers[i]);
        }

        // Recommendations: a carousel of hero cards for the user's municipality.
        const carousel = await chat.next(a => fromBot('youth')(a) && (a.attachments?.length ?? 0) > 0, 'the recommendation carousel');
        assert.equal(carousel.attachments[0].contentType, 'application/vnd.microsoft.card.hero');
        assert.ok(carousel.attachments[0].content.title, 'a card has the service name');

        // Offer of work and studies → consent for the work bot.
        await chat.next(a => fromBot('youth')(a) && a.inputHint === 'expectingInput', 'the work and study offer');
        await chat.say(t.yes);
        const consentToWork = await chat.next(offerFor('work'), 'the consent question for the work bot');
        assert.equal(consentToWork.from.id, 'youth');
        const offered = aurora(consentToWork).handoff.offered;
        assert.ok(offered.includes('municipality_code'), `municipality offered (offered: ${offered})`);
        assert.ok(offered.every(a => ['age', 'municipality_code', 'life_situation_meters.working_studying'].includes(a)),
          `only what the youth flow shares and the work bot receives (offered: ${offered})`);
        await chat.click(acceptAll(consentToWork));

        // The work bot greets as itself, naming the municipality it received.
        const workHello = await chat.next(a => fromBot('work')(a) && (a.text ?? '').includes(t.municipalityName), 'the work bot greeting with the municipality');
        assert.equal(aurora(workHello).bot, 'work');

        // Summer jobs: services for the received municipality, and the municipality is not asked again.
        const menu = await chat.next(a => fromBot('work')(a) && (a.suggestedActions?.actions?.length ?? 0) > 0, 'the work topics');
        const summer = menu.suggestedActions.actions.find(a => a.title === t.summerJobs);
        assert.ok(summer, `a "${t.summerJobs}" button`);
        await chat.click(summer);
        await chat.next(a => fromBot('work')(a) && t.summerIntro.test(a.text ?? ''), 'the summer job advice');
        const services = await chat.next(a => fromBot('work')(a) && (a.text ?? '').includes(t.municipalityName), 'summer job services in the municipality');
        assert.equal(aurora(services).bot, 'work');
        const askedAgain = chat.botActivities.filter(a => fromBot('work')(a) && t.askMunicipality.test(a.text ?? ''));
        assert.deepEqual(askedAgain.map(a => a.text), [], 'the work bot never asks for the municipality');
      } finally {
        chat.end();
      }
    });
  });
}

// Cross-platform hand-off in: another AuroraAI service posts the user's attributes for our work bot's channel
// (as the original platform's actions did) and sends the user to our page; Web Chat passes the token in its join
// event. The work bot redeems it once, greets with the received municipality, and a replay gets nothing.
describe('incoming auroraai_access_token from another AuroraAI service', () => {
  const devClient = 'Basic ' + Buffer.from('3f0e4c1a-7b2d-4e5f-9a8b-1c2d3e4f5a6b:a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7').toString('base64');
  const workChannel = '3b8e1f52-6c4d-4a79-b2e0-5d1f3a6c7e82';

  async function tokenForWork(municipalityCode) {
    const response = await fetch(`${host.url}/service-recommender/v1/session_attributes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: devClient },
      body: JSON.stringify({ service_channel_id: workChannel, session_attributes: { municipality_code: municipalityCode } }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    const link = new URL((await response.text()).trim());
    const token = link.searchParams.get('auroraai_access_token');
    assert.match(token ?? '', /^[0-9a-f]{64}$/);
    return token;
  }

  async function summerJobsAfterJoin(token) {
    const chat = await openChat(host, 'work', 'fi');
    try {
      await chat.join({ auroraai_access_token: token });
      const menu = await chat.next(a => fromBot('work')(a) && (a.suggestedActions?.actions?.length ?? 0) > 0, 'the work topics');
      await chat.click(menu.suggestedActions.actions.find(a => a.title === 'Kesätyöt'));
      await chat.next(a => fromBot('work')(a) && /kesätyöseteleitä/.test(a.text ?? ''), 'the summer job advice');
      // Either services in the received municipality, or (nothing received) the municipality question.
      return await chat.next(a => fromBot('work')(a) && /Kesätyöpalveluita |Missä kunnassa/.test(a.text ?? ''), 'services or the municipality question');
    } finally {
      chat.end();
    }
  }

  test('the work bot redeems the token at conversation start and does not ask again; a replay gets nothing', async () => {
    const token = await tokenForWork('853');

    const first = await summerJobsAfterJoin(token);
    assert.match(first.text, /Kesätyöpalveluita Turussa/);
    assert.equal(aurora(first).bot, 'work');

    const replay = await summerJobsAfterJoin(token);
    assert.match(replay.text, /Missä kunnassa/);
  });
});
