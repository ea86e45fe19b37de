// A lean Direct Line 3.0 client for load: Node's fetch for the REST calls and `ws` on the stream URL, the requests
// Web Chat makes (token, conversation, stream, activities with a clientActivityID) and nothing else: no rxjs
// scheduling, retries or connection-status machinery between the measurement and the socket, so latency is "POST
// sent → reply frame received". Replies are matched to posts by replyToId, as in chat.mjs.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { generateToken, script } from './chat.mjs';

const require = createRequire(import.meta.url);
const WebSocket = require('ws');

class LeanConversation {
  constructor(baseUrl, tag) {
    this.baseUrl = baseUrl;
    this.tag = tag;
    this.userId = `dl_lean-${tag}`;
    this.replies = new Map(); // replyToId → { text, at }
    this.waiters = new Map(); // activity id → resolve
    this.seen = new Set();
    this.duplicated = 0;
  }

  async open() {
    const { token } = await generateToken(this.baseUrl, this.userId);
    this.token = token;
    const response = await fetch(`${this.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`conversations: ${response.status}`);
    const { conversationId, streamUrl } = await response.json();
    this.id = conversationId;
    this.socket = new WebSocket(streamUrl);
    this.socket.on('message', data => this.onFrame(data));
    await new Promise((resolve, reject) => { this.socket.once('open', resolve); this.socket.once('error', reject); });
  }

  onFrame(data) {
    if (data.length === 0) return; // keep-alive
    const at = Date.now();
    for (const activity of JSON.parse(data).activities ?? []) {
      if (this.seen.has(activity.id)) { this.duplicated++; continue; }
      this.seen.add(activity.id);
      if (activity.type !== 'message' || !activity.replyToId || activity.from?.id === this.userId) continue;
      if (this.replies.has(activity.replyToId)) { this.duplicated++; continue; }
      this.replies.set(activity.replyToId, { text: activity.text, at });
      this.waiters.get(activity.replyToId)?.();
    }
  }

  /** Posts the i-th turn and waits for its reply: { latency, wrong } or null when none came in time. */
  async turn(i, timeoutMs) {
    const { text, expect } = script(i, this.tag);
    const postedAt = Date.now();
    const response = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.id}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, locale: 'fi', from: { id: this.userId }, channelData: { clientActivityID: crypto.randomUUID() } }),
    });
    if (!response.ok) throw new Error(`activities: ${response.status} ${await response.text()}`);
    const { id } = await response.json();
    if (!this.replies.has(id)) {
      await new Promise(resolve => {
        const timer = setTimeout(resolve, timeoutMs);
        this.waiters.set(id, () => { clearTimeout(timer); resolve(); });
      });
      this.waiters.delete(id);
    }
    const reply = this.replies.get(id);
    return reply ? { latency: reply.at - postedAt, wrong: reply.text !== expect } : null;
  }

  close() { this.socket?.close(); }
}

/**
 * `count` conversations × `turns` turns at once over WebSocket (closed loop: each posts its next turn when the
 * reply to the previous one arrived). Returns latencies and lost / duplicated / wrong (out of order) counts.
 */
export async function runLeanConversations(baseUrl, { count, turns, replyTimeoutMs = 60_000 }) {
  const latencies = [];
  let lost = 0, wrong = 0;
  const conversations = [];
  const runs = Array.from({ length: count }, async (_, c) => {
    const conversation = new LeanConversation(baseUrl, `${c}${crypto.randomBytes(2).toString('hex')}`);
    conversations.push(conversation);
    await conversation.open();
    for (let i = 0; i < turns; i++) {
      const result = await conversation.turn(i, replyTimeoutMs);
      if (result === null) { lost++; continue; }
      latencies.push(result.latency);
      if (result.wrong) wrong++;
    }
  });
  const results = await Promise.allSettled(runs);
  for (const c of conversations) c.close();
  const failures = results.filter(r => r.status === 'rejected').map(r => String(r.reason?.stack ?? r.reason));
  const duplicated = conversations.reduce((sum, c) => sum + c.duplicated, 0);
  return { turns: latencies.length + lost, latencies, lost, duplicated, outOfOrder: wrong, failures };
}
