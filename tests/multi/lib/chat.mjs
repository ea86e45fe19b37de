// Conversations driven by Microsoft's DirectLineJS (Node: xhr2 + ws, as its README documents), through the balancer.
// Each turn of the sample bot's "shout" flow has one expected reply, so a lost, duplicated, reordered or
// misrouted turn shows: "huuda" (shout) → "Mitä huudetaan?", then a word → the word in capitals + "!". Finnish is
// the conversations' language (tokens/generate carries none; the platform falls back to Finnish).
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { sleep } from './cluster.mjs';

const require = createRequire(import.meta.url);
globalThis.XMLHttpRequest = require('xhr2');
globalThis.WebSocket = require('ws');
const { DirectLine } = require('botframework-directlinejs');

export const secret = 'dev-sample-secret'; // appsettings.Development.json
export const shoutQuestion = 'Mitä huudetaan?'; // bots/sample/shout.yaml

/** The i-th turn's text and the bot's expected answer. */
export function script(i, tag) {
  if (i % 2 === 0) return { text: 'huuda', expect: shoutQuestion };
  const word = `w${tag}x${i}`;
  return { text: word, expect: `${word.toUpperCase()}!` };
}

export async function generateToken(baseUrl, userId) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
      });
      if (response.ok) return await response.json();
      if (attempt > 10) throw new Error(`tokens/generate: ${response.status} ${await response.text()}`);
    } catch (error) {
      if (attempt > 10) throw error;
    }
    await sleep(300);
  }
}

export class Conversation {
  static async open(baseUrl, { webSocket = true, tag = crypto.randomBytes(3).toString('hex') } = {}) {
    const userId = `dl_multi-${tag}`;
    const token = await generateToken(baseUrl, userId);
    const conversation = new Conversation(baseUrl, token, userId, webSocket, tag);
    await conversation.online();
    return conversation;
  }

  /** A second client of the same conversation (its token), replaying from the start (watermark ''). */
  static async resume(baseUrl, other) {
    const conversation = new Conversation(baseUrl, { token: other.directLine.token }, other.userId, true, other.tag,
      { conversationId: other.conversationId, watermark: '' });
    await conversation.online();
    return conversation;
  }

  constructor(baseUrl, token, userId, webSocket, tag, resume = {}) {
    this.userId = userId;
    this.tag = tag;
    this.accepted = []; // { id, text, expect, postedAt }
    this.received = []; // bot messages in arrival order
    this.statuses = [];
    this.waiters = [];
    this.directLine = new DirectLine({ domain: `${baseUrl}/v3/directline`, token: token.token, webSocket, pollingInterval: 300, ...resume });
    this.activitySubscription = this.directLine.activity$.subscribe(activity => {
      if (activity.from?.id === userId || activity.type !== 'message') return;
      this.received.push({ ...activity, receivedAt: Date.now() });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.statusSubscription = this.directLine.connectionStatus$.subscribe(status => this.statuses.push(status));
  }

  get conversationId() { return this.directLine.conversationId; }

  async online(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (!this.statuses.includes(2)) {
      if (this.statuses.some(s => s >= 3)) throw new Error(`connection status ${this.statuses.at(-1)}`);
      if (Date.now() > deadline) throw new Error('DirectLineJS did not get online');
      await sleep(25);
    }
  }

  /**
   * Posts one activity, retrying a failed POST (balancer 502, instance killed, Redis paused → 503) with the same
   * clientActivityID, as Web Chat does: the channel stores it once whichever attempt got through.
   */
  async post(text, { attempts = 8 } = {}) {
    const clientActivityID = crypto.randomUUID();
    let lastError;
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        const id = await new Promise((resolve, reject) => this.directLine
          .postActivity({ type: 'message', text, locale: 'fi', from: { id: this.userId }, channelData: { clientActivityID } })
          .subscribe({ next: resolve, error: reject }));
        if (typeof id === 'string' && id !== 'retry') return id;
        lastError = new Error(`postActivity answered ${id}`);
      } catch (error) {
        lastError = error;
      }
      await sleep(500 * (attempt + 1));
    }
    throw lastError;
  }

  /** One turn: post, then wait for the reply to it. Returns the latency in ms (null when no reply came). */
  async turn(i, { replyTimeoutMs = 30_000 } = {}) {
    const { text, expect } = script(i, this.tag);
    const postedAt = Date.now();
    const id = await this.post(text);
    this.accepted.push({ id, text, expect, postedAt });
    const reply = await this.waitFor(a => a.replyToId === id, replyTimeoutMs);
    return reply ? reply.receivedAt - postedAt : null;
  }

  /** Waits until `count` bot messages have arrived; returns them. */
  async waitForCount(count, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count && Date.now() < deadline) await sleep(50);
    return this.received;
  }

  async waitFor(predicate, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise(resolve => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /**
   * lost: accepted turns without their reply; duplicated: an activity received twice or a turn answered twice;
   * outOfOrder: replies arriving in another order than their turns, or with another text than the flow's (a turn
   * run twice, skipped or run against the wrong state answers the wrong question).
   */
  verdict() {
    const byId = new Map();
    let duplicated = 0;
    for (const activity of this.received) {
      if (byId.has(activity.id)) duplicated++;
      byId.set(activity.id, activity);
    }
    const replies = [...byId.values()].filter(a => a.replyToId);
    let lost = 0;
    let outOfOrder = 0;
    const turnIndex = new Map(this.accepted.map((turn, i) => [turn.id, i]));
    for (const turn of this.accepted) {
      const answers = replies.filter(a => a.replyToId === turn.id);
      if (answers.length === 0) lost++;
      if (answers.length > 1) duplicated += answers.length - 1;
      if (answers.length > 0 && answers[0].text !== turn.expect) outOfOrder++;
    }
    let last = -1;
    for (const reply of replies) {
      const index = turnIndex.get(reply.replyToId);
      if (index === undefined) continue;
      if (index < last) outOfOrder++;
      last = Math.max(last, index);
    }
    return { turns: this.accepted.length, lost, duplicated, outOfOrder };
  }

  end() {
    this.activitySubscription.unsubscribe();
    this.statusSubscription.unsubscribe();
    this.directLine.end();
  }
}

/** Sums verdicts of many conversations. */
export function total(conversations) {
  return conversations.map(c => c.verdict()).reduce((sum, v) => ({
    turns: sum.turns + v.turns, lost: sum.lost + v.lost, duplicated: sum.duplicated + v.duplicated, outOfOrder: sum.outOfOrder + v.outOfOrder,
  }), { turns: 0, lost: 0, duplicated: 0, outOfOrder: 0 });
}

/** Runs `count` conversations × `turns` turns at once; `during(progress)` may disturb the cluster meanwhile. */
export async function runConversations(baseUrl, { count, turns, webSocket = true, during, replyTimeoutMs = 30_000 }) {
  const conversations = [];
  const latencies = [];
  let done = 0;
  const progress = () => done / (count * turns);
  const runs = Array.from({ length: count }, async (_, c) => {
    const conversation = await Conversation.open(baseUrl, { webSocket, tag: `${c}${crypto.randomBytes(2).toString('hex')}` });
    conversations.push(conversation);
    for (let i = 0; i < turns; i++) {
      const latency = await conversation.turn(i, { replyTimeoutMs });
      if (latency !== null) latencies.push(latency);
      done++;
    }
  });
  const disturbance = during ? during(progress) : Promise.resolve();
  const results = await Promise.allSettled(runs);
  await disturbance;
  // Late replies (a taken-over turn) still count: give them a moment before the verdict.
  await sleep(1000);
  for (const c of conversations) c.end();
  const failures = results.filter(r => r.status === 'rejected').map(r => String(r.reason?.stack ?? r.reason));
  return { conversations, latencies, failures, ...total(conversations) };
}
