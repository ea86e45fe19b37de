// Issue 14: any instance serves any request. Three real hosts behind Debian nginx round-robin (no affinity) and one
// redis-server with AOF, driven by Microsoft's DirectLineJS over WebSocket and polling. Small counts keep CI time
// down; scripts/bench.sh scale runs the same drive at 200 conversations × 10 turns.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { editorUser, sleep, startCluster } from '../lib/cluster.mjs';
import { Conversation, runConversations, shoutQuestion } from '../lib/chat.mjs';

const clean = result => {
  assert.deepEqual(result.failures, [], 'every conversation ran to its end');
  assert.deepEqual({ lost: result.lost, duplicated: result.duplicated, outOfOrder: result.outOfOrder }, { lost: 0, duplicated: 0, outOfOrder: 0 },
    `${result.turns} turns`);
};

/** The instances (upstream addresses) nginx sent a conversation's POSTs to. */
const postUpstreams = (cluster, conversationId) => new Set(cluster.nginx.requests()
  .filter(r => r.method === 'POST' && r.uri === `/v3/directline/conversations/${conversationId}/activities`)
  .map(r => r.upstream.split(',')[0].trim()));

let cluster;
before(async () => { cluster = await startCluster({ instances: 3 }); });
after(async () => { await cluster?.stop(); });

describe('three instances behind round-robin nginx, one Redis', () => {
  test('WebSocket: every reply reaches the socket whichever instance ran the turn; POSTs land on different instances', async () => {
    const result = await runConversations(cluster.balancer, { count: 12, turns: 6, webSocket: true });
    clean(result);
    assert.equal(result.turns, 72);
    const spread = result.conversations.map(c => postUpstreams(cluster, c.conversationId).size);
    assert.ok(spread.every(n => n >= 2), `each conversation's POSTs reached 2+ instances (got ${spread})`);
  });

  test('polling: consistent, never-decreasing watermarks on any instance; no reply lost or repeated', async () => {
    const result = await runConversations(cluster.balancer, { count: 8, turns: 6, webSocket: false });
    clean(result);
    const gets = cluster.nginx.requests().filter(r => r.method === 'GET' && /\/activities$/.test(r.uri));
    assert.ok(new Set(gets.map(r => r.upstream)).size === 3, 'polls were answered by all three instances');
  });

  test('two turns of one conversation posted at once on two instances both run, one after the other', async () => {
    const conversation = await Conversation.open(cluster.balancer, { tag: 'race' });
    try {
      const id = conversation.conversationId;
      const token = conversation.directLine.token;
      const postOn = (host, text) => fetch(`${host.url}/v3/directline/conversations/${id}/activities`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, locale: 'fi', from: { id: conversation.userId } }),
      }).then(async r => ({ status: r.status, id: (await r.json()).id }));
      for (let round = 0; round < 5; round++) {
        // "huuda" on instance 1 and the word on instance 2 at the same moment: whichever is stored first runs
        // first; the other waits for it (one lease per conversation), so each gets exactly one answer.
        const [a, b] = await Promise.all([postOn(cluster.hosts[0], 'huuda'), postOn(cluster.hosts[1], `race${round}`)]);
        assert.equal(a.status, 200);
        assert.equal(b.status, 200);
        const replyA = await conversation.waitFor(x => x.replyToId === a.id, 20_000);
        const replyB = await conversation.waitFor(x => x.replyToId === b.id, 20_000);
        assert.ok(replyA && replyB, `both turns of round ${round} were answered`);
        assert.equal(conversation.received.filter(x => x.replyToId === a.id).length, 1);
        assert.equal(conversation.received.filter(x => x.replyToId === b.id).length, 1);
        // Turn order = stored order: "huuda" first → the word is shouted; the word first → it is not an answer to
        // anything, and "huuda" then asks. Either way both answers are consistent with one serial order.
        const word = `RACE${round}!`;
        assert.ok(replyA.text === shoutQuestion, `huuda answered: ${replyA.text}`);
        assert.ok(replyB.text === word || replyB.receivedAt <= replyA.receivedAt, `word answered after shout: ${replyB.text}`);
        if (replyB.text !== word) await conversation.turn(1); // finish the open question before the next round
      }
    } finally {
      conversation.end();
    }
  });

  test('SIGKILL of an instance mid-run: 0 accepted turns lost, 0 duplicated replies; clients continue through the balancer', async () => {
    const victim = cluster.hosts[1];
    let killedAt;
    let continuedWithin;
    const result = await runConversations(cluster.balancer, {
      count: 10, turns: 8, webSocket: true,
      during: async progress => {
        while (progress() < 0.3) await sleep(50);
        killedAt = Date.now();
        await victim.kill();
        const doneAtKill = progress();
        while (progress() === doneAtKill && Date.now() - killedAt < 30_000) await sleep(50);
        continuedWithin = Date.now() - killedAt;
      },
    });
    clean(result);
    assert.ok(continuedWithin < 15_000, `clients continued ${continuedWithin} ms after the kill`);
  });

  test('the killed instance rejoins and takes requests again', async () => {
    const victim = cluster.hosts[1];
    const before = cluster.nginx.requests().length;
    await victim.start();
    // nginx retries a failed upstream after fail_timeout (2 s in the suite).
    await sleep(2500);
    const result = await runConversations(cluster.balancer, { count: 6, turns: 4, webSocket: true });
    clean(result);
    const since = cluster.nginx.requests().slice(before);
    assert.ok(since.some(r => r.upstream === `127.0.0.1:${victim.port}` && r.status === 200), 'the rejoined instance answered requests');
  });

  test('Redis CLIENT PAUSE (writes) for 3 s: turns wait or are retried, none lost or repeated', async () => {
    let paused;
    const result = await runConversations(cluster.balancer, {
      count: 8, turns: 6, webSocket: true,
      during: async progress => {
        while (progress() < 0.3) await sleep(50);
        paused = cluster.redis.cli('CLIENT', 'PAUSE', '3000', 'WRITE').trim();
      },
    });
    assert.equal(paused, 'OK', 'Redis paused its clients mid-run');
    clean(result);
  });

  test('Redis restart with AOF: conversations continue and their history replays from Redis', async () => {
    const early = await Conversation.open(cluster.balancer, { tag: 'aof' });
    try {
      await early.turn(0);
      await early.turn(1);
      await cluster.redis.restart();
      for (const host of cluster.hosts) await host.ready(30_000);
      await early.turn(2);
      await early.turn(3);
      assert.deepEqual(early.verdict(), { turns: 4, lost: 0, duplicated: 0, outOfOrder: 0 });

      // A new client of the same conversation replays everything from the start (watermark '') on any instance.
      const replay = await Conversation.resume(cluster.balancer, early);
      try {
        const texts = (await replay.waitForCount(early.received.length, 20_000)).map(a => a.text);
        assert.deepEqual(texts, early.received.map(a => a.text));
      } finally {
        replay.end();
      }
    } finally {
      early.end();
    }
  });

  test('editor: sign-in on one instance, the cookie works on the others, a publish reaches every instance', async () => {
    const [first, second, third] = cluster.hosts;
    const signIn = await fetch(`${first.url}/editor/api/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(editorUser),
    });
    assert.equal(signIn.status, 200);
    const cookie = signIn.headers.getSetCookie().find(c => c.startsWith('AuroraEditor=')).split(';')[0];
    const asEditor = (host, path, init = {}) => fetch(`${host.url}/editor/api${path}`, { ...init, headers: { Cookie: cookie, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

    assert.equal((await asEditor(second, '/me')).status, 200, 'the cookie from instance 1 is valid on instance 2');
    const file = await asEditor(second, '/files/sample/shout.yaml');
    assert.equal(file.status, 200);
    const { content } = await file.json();
    const changed = content.replace('fi: "Mitä huudetaan?"', 'fi: "Mitä sitten huudetaan?"');
    assert.notEqual(changed, content);
    const saved = await asEditor(third, '/files/sample/shout.yaml', { method: 'PUT', headers: { 'If-Match': file.headers.get('etag') }, body: JSON.stringify({ content: changed }) });
    assert.equal(saved.status, 200, await saved.text());
    const published = await asEditor(first, '/versions', { method: 'POST', body: JSON.stringify({ comment: 'multi-instance publish' }) });
    assert.ok(published.status === 200 || published.status === 201, `publish: ${published.status} ${await published.text()}`);

    // Every instance serves the published content (each has its own bots folder, as containers do).
    for (const host of cluster.hosts) {
      const deadline = Date.now() + 30_000;
      let text;
      for (;;) {
        const conversation = await Conversation.open(host.url, { tag: `pub${host.index}` });
        try {
          const id = await conversation.post('huuda');
          text = (await conversation.waitFor(a => a.replyToId === id, 15_000))?.text;
        } finally {
          conversation.end();
        }
        if (text === 'Mitä sitten huudetaan?' || Date.now() > deadline) break;
        await sleep(1000);
      }
      assert.equal(text, 'Mitä sitten huudetaan?', `instance ${host.index} serves the published version`);
    }
  });

  test('hand-off: a session-transfer token issued on one instance is redeemed once on another', async () => {
    const [first, second, third] = cluster.hosts;
    // The embedded network's development client (AuroraDevCredentials), the youth bot's e-channel (bots/youth/bot.yaml).
    const devClient = 'Basic ' + Buffer.from('3f0e4c1a-7b2d-4e5f-9a8b-1c2d3e4f5a6b:a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7').toString('base64');
    const issued = await fetch(`${first.url}/service-recommender/v1/session_attributes`, {
      method: 'POST',
      headers: { Authorization: devClient, 'Content-Type': 'application/json' },
      body: JSON.stringify({ service_channel_id: '7a2c9e41-3d5b-4f68-8c1a-9b0e2d3f4a51', session_attributes: { municipality_code: '564' } }),
    });
    const url = await issued.text();
    assert.equal(issued.status, 200, url);
    const token = /auroraai_access_token=([0-9a-f]{64})/.exec(url)[1];
    const onSecond = await fetch(`${second.url}/service-recommender/v1/session_attributes?access_token=${token}`);
    assert.equal(onSecond.status, 200, 'redeemed on another instance');
    assert.equal((await onSecond.json()).municipality_code, '564');
    assert.equal((await fetch(`${third.url}/service-recommender/v1/session_attributes?access_token=${token}`)).status, 404, 'single use across instances');
  });
});
