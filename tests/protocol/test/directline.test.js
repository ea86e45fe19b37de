'use strict';
// §7 checks exercised with the real botframework-directlinejs@0.15.8 client (see docs/directline.md).

const { test, before, after, describe } = require('node:test');
const assert = require('node:assert/strict');
const nodeHttp = require('node:http');
const h = require('../lib/harness');

const idsOf = activities => activities.map(a => a.id);
const assertNoDuplicates = activities => {
  const ids = idsOf(activities);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids in ${JSON.stringify(ids)}`);
};

/** The server's full log, paged with the watermark (the reference for "no gaps"). */
async function serverLog(server, conversationId, credential) {
  const all = [];
  let watermark = '';
  for (;;) {
    const page = await h.http(server, 'GET', `/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, { credential });
    assert.equal(page.status, 200);
    if (page.json.activities.length === 0) return all;
    all.push(...page.json.activities);
    watermark = page.json.watermark;
  }
}

describe('DirectLineJS 0.15.8 against the AuroraBots channel', () => {
  let server;
  before(async () => { server = await h.startServer(); });
  after(async () => { await server?.stop(); });

  for (const webSocket of [true, false]) {
    test(`${webSocket ? 'websocket' : 'polling'}: start, post, echo with our id, bot reply with replyToId`, async () => {
      const { token } = await h.generateToken(server, 'u1');
      const directLine = new h.DirectLine({ domain: server.domain, token, webSocket, pollingInterval: 200 });
      const seen = h.observe(directLine);
      try {
        const id = await h.post(directLine, {
          type: 'message', text: 'hello', from: { id: 'u1' }, channelId: 'webchat',
          channelData: { clientActivityID: 'client-1' },
        });
        assert.match(id, /^[A-Za-z0-9_-]+$/);
        const echo = await seen.waitFor(a => a.id === id, 30000, 'echo');
        assert.equal(echo.from.role, 'user');
        assert.equal(echo.from.id, 'u1');
        assert.equal(echo.channelData.clientActivityID, 'client-1');
        assert.match(echo.timestamp, /Z$/);
        const reply = await seen.waitFor(a => a.text === 'echo: hello', 30000, 'reply');
        assert.equal(reply.replyToId, id);
        assert.equal(reply.from.role, 'bot');
        assert.ok(seen.activities.indexOf(reply) > seen.activities.indexOf(echo));
        assert.ok(seen.statuses.includes(h.ConnectionStatus.Online));
        assert.deepEqual(seen.errors, []);
        assert.ok(!seen.activities.some(a => a.type === 'conversationUpdate'));
        // The conversationUpdate reached the bot (it describes membersAdded in a message).
        await seen.waitFor(a => a.text === 'conversationUpdate membersAdded=test-bot:bot,u1:user', 30000, 'welcome');
        assertNoDuplicates(seen.activities);
      } finally {
        seen.stop();
      }
    });
  }

  test('websocket: the server closes the socket → the client reconnects and replays without gaps or duplicates', async () => {
    const { token } = await h.generateToken(server, 'u2');
    const directLine = new h.DirectLine({ domain: server.domain, token, random: () => 0 }); // reconnect after 3 s
    const seen = h.observe(directLine);
    try {
      await h.post(directLine, { type: 'message', text: 'burst 300', from: { id: 'u2' } });
      await seen.waitFor(a => a.text === 'burst 10');
      const closed = await h.http(server, 'POST', '/test/close-sockets');
      assert.equal(closed.status, 200);
      await h.post(directLine, { type: 'message', text: 'while reconnecting', from: { id: 'u2' } });
      await seen.waitFor(a => a.text === 'echo: while reconnecting', 40000, 'reply after reconnect');
      await seen.waitFor(a => a.text === 'burst 300', 40000, 'end of burst');
      assertNoDuplicates(seen.activities);
      const log = await serverLog(server, directLine.conversationId, directLine.token);
      assert.deepEqual(idsOf(seen.activities), idsOf(log));
    } finally {
      seen.stop();
    }
  });

  test('token refresh: POST /tokens/refresh gives a new token that works', async () => {
    const { token } = await h.generateToken(server, 'u3');
    const directLine = new h.DirectLine({ domain: server.domain, token });
    const seen = h.observe(directLine);
    try {
      await seen.waitForStatus(h.ConnectionStatus.Online);
      // DirectLineJS's own refresh call (it runs it every 15 minutes).
      const refreshed = await new Promise((resolve, reject) => directLine.refreshToken().subscribe(resolve, reject));
      assert.equal(typeof refreshed, 'string');
      assert.notEqual(refreshed, token);
      directLine.token = refreshed;
      await h.post(directLine, { type: 'message', text: 'refreshed', from: { id: 'u3' } });
      await seen.waitFor(a => a.text === 'echo: refreshed');
    } finally {
      seen.stop();
    }
  });

  test('resume an existing conversation: empty watermark replays the history, a watermark replays after it', async () => {
    const { token } = await h.generateToken(server, 'u4');
    const first = new h.DirectLine({ domain: server.domain, token });
    const firstSeen = h.observe(first);
    await h.post(first, { type: 'message', text: 'one', from: { id: 'u4' } });
    await firstSeen.waitFor(a => a.text === 'echo: one');
    const conversationId = first.conversationId;
    const latestToken = first.token;
    firstSeen.stop();
    const log = await serverLog(server, conversationId, latestToken);
    const middle = log.findIndex(a => a.text === 'one');

    for (const webSocket of [true, false]) {
      const resumed = new h.DirectLine({ domain: server.domain, token: latestToken, conversationId, watermark: '', webSocket, pollingInterval: 200 });
      const seen = h.observe(resumed);
      try {
        await seen.waitFor(a => a.text === 'echo: one');
        assert.deepEqual(idsOf(seen.activities), idsOf(log));
        assert.notEqual(resumed.token, latestToken, 'the reconnect GET returned a fresh token');
      } finally {
        seen.stop();
      }
    }
    const fromWatermark = new h.DirectLine({ domain: server.domain, token: latestToken, conversationId, watermark: String(middle + 1) });
    const seen = h.observe(fromWatermark);
    try {
      await h.post(fromWatermark, { type: 'message', text: 'two', from: { id: 'u4' } });
      await seen.waitFor(a => a.text === 'echo: two');
      const after = (await serverLog(server, conversationId, latestToken)).slice(middle + 1);
      assert.deepEqual(idsOf(seen.activities), idsOf(after));
    } finally {
      seen.stop();
    }
  });

  test('expired token → ConnectionStatus 3 (ExpiredToken)', async () => {
    const { conversationId, token } = await h.generateToken(server, 'u5');
    const started = await h.http(server, 'POST', '/v3/directline/conversations', { credential: token, body: { user: {} } });
    assert.equal(started.status, 201);
    const expired = await (await fetch(`${server.url}/test/expired-token?conversationId=${conversationId}&botId=test-bot&userId=u5`)).text();
    // Resume path with token + conversationId + streamUrl (no HTTP call); the token has expired meanwhile.
    const directLine = new h.DirectLine({ domain: server.domain, token: expired, conversationId, streamUrl: started.json.streamUrl });
    const seen = h.observe(directLine);
    try {
      await seen.waitForStatus(h.ConnectionStatus.Online);
      const result = await h.post(directLine, { type: 'message', text: 'too late', from: { id: 'u5' } }).catch(e => e);
      assert.equal(result, 'retry');
      await seen.waitForStatus(h.ConnectionStatus.ExpiredToken);
      const log = await serverLog(server, conversationId, 'test-secret');
      assert.ok(!log.some(a => a.text === 'too late'), 'nothing was stored');
    } finally {
      seen.stop();
    }
  });

  test('expired token on the reconnect GET → ConnectionStatus 3', async () => {
    const { conversationId, token } = await h.generateToken(server, 'u5b');
    const started = await h.http(server, 'POST', '/v3/directline/conversations', { credential: token, body: { user: {} } });
    const expired = await (await fetch(`${server.url}/test/expired-token?conversationId=${conversationId}&botId=test-bot&userId=u5b`)).text();
    const directLine = new h.DirectLine({ domain: server.domain, token: expired, conversationId, streamUrl: started.json.streamUrl, random: () => 0 });
    const seen = h.observe(directLine);
    try {
      await seen.waitForStatus(h.ConnectionStatus.Online);
      // Drop the socket (repeatedly, in case it was still opening); the reconnect GET then meets the expired token.
      for (let i = 0; i < 20 && !seen.statuses.includes(h.ConnectionStatus.ExpiredToken); i++) {
        await h.http(server, 'POST', '/test/close-sockets');
        await h.sleep(1000);
      }
      await seen.waitForStatus(h.ConnectionStatus.ExpiredToken, 20000);
    } finally {
      seen.stop();
    }
  });

  test('unknown conversation on polling → 404 → ConnectionStatus 5 (Ended)', async () => {
    // tokens/generate reserves an id but starts nothing: the conversation does not exist.
    const { conversationId, token } = await h.generateToken(server, 'u8');
    const streamUrl = `${server.domain.replace('http', 'ws')}/conversations/${conversationId}/stream?watermark=0&t=none`;
    const directLine = new h.DirectLine({ domain: server.domain, token, conversationId, streamUrl, webSocket: false, pollingInterval: 200 });
    const seen = h.observe(directLine);
    try {
      await seen.waitForStatus(h.ConnectionStatus.Ended, 20000);
    } finally {
      seen.stop();
    }
  });

  test('unknown conversation on the websocket reconnect → 404 → DirectLineJS ends activity$ with "conversation ended"', async () => {
    const { conversationId, token } = await h.generateToken(server, 'u8');
    const streamUrl = `${server.domain.replace('http', 'ws')}/conversations/${conversationId}/stream?watermark=0&t=none`;
    const directLine = new h.DirectLine({ domain: server.domain, token, conversationId, streamUrl, random: () => 0 });
    const seen = h.observe(directLine);
    try {
      const deadline = Date.now() + 20000;
      while (seen.errors.length === 0 && Date.now() < deadline) await h.sleep(50);
      assert.equal(seen.errors[0]?.message, 'conversation ended');
    } finally {
      seen.stop();
    }
  });

  test('unknown conversation on the initial connect → FailedToConnect (DirectLineJS does not retry a 404 there)', async () => {
    const directLine = new h.DirectLine({ domain: server.domain, secret: 'test-secret', conversationId: 'no-such-conversation' });
    const seen = h.observe(directLine);
    try {
      await seen.waitForStatus(h.ConnectionStatus.FailedToConnect, 10000);
    } finally {
      seen.stop();
    }
  });

  test('upload: two files with the same name → one message, files matched by de-duplicated name, loadable without Authorization', async () => {
    const files = { '/first.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), '/second.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 9]) };
    const fileServer = nodeHttp.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(files[req.url]);
    });
    await new Promise(resolve => fileServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${fileServer.address().port}`;
    const { token } = await h.generateToken(server, 'u6');
    const directLine = new h.DirectLine({ domain: server.domain, token });
    const seen = h.observe(directLine);
    try {
      const id = await h.post(directLine, {
        type: 'message', from: { id: 'u6' }, channelData: { clientActivityID: 'up-1' },
        attachments: [
          { contentType: 'image/png', contentUrl: `${base}/first.png`, name: 'photo.png' },
          { contentType: 'image/png', contentUrl: `${base}/second.png`, name: 'photo.png' },
        ],
      });
      const echo = await seen.waitFor(a => a.id === id, 30000, 'echo');
      assert.equal(echo.channelData.clientActivityID, 'up-1');
      assert.deepEqual(echo.attachments.map(a => a.name), ['photo.png', 'photo (1).png']);
      const reply = await seen.waitFor(a => (a.text ?? '').startsWith('attachments:'));
      assert.match(reply.text, /^attachments: photo\.png\|image\/png\|http\S+;photo \(1\)\.png\|image\/png\|http/);
      for (const [index, attachment] of echo.attachments.entries()) {
        const response = await fetch(attachment.contentUrl); // no Authorization, as an <img> would
        assert.equal(response.status, 200);
        assert.deepEqual(Buffer.from(await response.arrayBuffer()), index === 0 ? files['/first.png'] : files['/second.png']);
      }
    } finally {
      seen.stop();
      fileServer.close();
    }
  });
});

describe('server restart with Redis', () => {
  let redis;
  before(async () => { redis = await h.startRedis(); });
  after(async () => { await redis?.stop(); });

  test('the client survives a restart mid-conversation: reconnect, replay, no gaps or duplicates', async () => {
    const redisPrefix = `protocol:${Date.now()}:`;
    let server = await h.startServer({ redis: redis.endpoint, redisPrefix });
    const port = server.port;
    const { token } = await h.generateToken(server, 'u7');
    const directLine = new h.DirectLine({ domain: server.domain, token, random: () => 0 });
    const seen = h.observe(directLine);
    try {
      await h.post(directLine, { type: 'message', text: 'before', from: { id: 'u7' } });
      await seen.waitFor(a => a.text === 'echo: before');
      await server.stop();
      server = await h.startServer({ port, redis: redis.endpoint, redisPrefix });
      // The socket dropped; DirectLineJS reconnects on its own (GET /conversations/{id}?watermark=…).
      let id;
      for (let attempt = 0; attempt < 40 && !id; attempt++) {
        try { id = await h.post(directLine, { type: 'message', text: 'after', from: { id: 'u7' } }); } catch { await h.sleep(500); }
        if (id === 'retry') { id = undefined; await h.sleep(500); }
      }
      assert.ok(id, 'posting after the restart succeeded');
      await seen.waitFor(a => a.text === 'echo: after', 40000, 'reply after restart');
      assertNoDuplicates(seen.activities);
      const log = await serverLog(server, directLine.conversationId, directLine.token);
      assert.deepEqual(idsOf(seen.activities), idsOf(log));
      assert.equal(seen.statuses.at(-1), h.ConnectionStatus.Online);
    } finally {
      seen.stop();
      await server.stop();
    }
  });
});
