// Helpers of the editor's browser test: a throw-away live dialogs folder and editor data folder, editor users with
// real PBKDF2 hashes (the format of AuroraBots.Editor.Security.EditorPasswords), and a plain Direct Line 3.0 client
// that talks to the LIVE bot the way any channel does (token from the bot's secret, join event, polling).
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './host.mjs';

/** Same format as EditorPasswords.Hash: pbkdf2-sha256$iterations$salt$hash (base64). */
export function hashPassword(password, iterations = 210_000) {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  return `pbkdf2-sha256$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * A temp copy of bots/ as the live folder (publishing writes there, never into the repository) and an empty
 * editor data folder, plus the host configuration for them and for the given users.
 * @param {{name: string, password: string, roles: string[]}[]} users
 */
export function editorWorkspace(users) {
  const root = mkdtempSync(path.join(tmpdir(), 'aurorabots-editor-'));
  const live = path.join(root, 'live');
  const data = path.join(root, 'data');
  cpSync(path.join(repoRoot, 'bots'), live, { recursive: true });
  // With the master test script's shared Redis the editor keeps drafts, versions and users there: a fresh key prefix
  // gives this run its own history (version numbers start at 1 again).
  const env = { Dialogs__Path: live, Dialogs__HotReload: 'true', Editor__DataPath: data, Editor__RedisKeyPrefix: `aurora-test-${randomBytes(6).toString('hex')}:` };
  users.forEach((user, i) => {
    env[`Editor__Users__${i}__Name`] = user.name;
    env[`Editor__Users__${i}__PasswordHash`] = hashPassword(user.password);
    user.roles.forEach((role, j) => { env[`Editor__Users__${i}__Roles__${j}`] = role; });
  });
  return { root, live, data, env, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Starts a conversation with a live bot over Direct Line 3.0 (secret → token → conversation), sends the join event
 * in `language`, and returns the text of the bot's first message in that language once it arrives.
 */
export async function liveGreeting(origin, bot, language, timeout = 15_000) {
  const base = `${origin}/v3/directline`;
  const generated = await fetch(`${base}/tokens/generate`, {
    method: 'POST', headers: { Authorization: `Bearer dev-${bot}-secret`, 'Content-Type': 'application/json' }, body: JSON.stringify({ user: { id: 'dl_live_check' } }),
  });
  if (!generated.ok) throw new Error(`tokens/generate answered ${generated.status}`);
  const { token } = await generated.json();
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const started = await fetch(`${base}/conversations`, { method: 'POST', headers: auth, body: JSON.stringify({ locale: language }) });
  if (!started.ok) throw new Error(`conversations answered ${started.status}`);
  const { conversationId } = await started.json();
  const sent = await fetch(`${base}/conversations/${conversationId}/activities`, {
    method: 'POST', headers: auth,
    body: JSON.stringify({ type: 'event', name: 'webchat/join', from: { id: 'dl_live_check' }, value: { language, locale: language } }),
  });
  if (!sent.ok) throw new Error(`sending the join event answered ${sent.status}`);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/conversations/${conversationId}/activities`, { headers: auth });
    const { activities } = await response.json();
    // The channel's conversationUpdate may greet in the default language first; the join's greeting is in `language`.
    const reply = activities.find((a) => a.type === 'message' && a.from?.id !== 'dl_live_check' && a.channelData?.aurora?.locale === language);
    if (reply) return reply.text ?? '';
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the live bot ${bot} did not answer in ${timeout} ms`);
}

/** Asks the live bot until its greeting satisfies `predicate` (hot reload takes a moment after a publish). */
export async function waitForLiveGreeting(origin, bot, language, predicate, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await liveGreeting(origin, bot, language);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the live ${bot} bot kept greeting with: ${JSON.stringify(last)}`);
}
