// Short request ids and approval phrases that a human reads once and types without mistakes:
import { nodeCrypto } from '../util/vendor.js';
// lower case, no characters that look alike (0/o, 1/l/i), no words that need spelling.

/** 31 characters: digits 2-9 and letters without i, l, o (6 of them: ~887 million ids). */
export const ID_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
export const ID_LENGTH = 6;

function randomIndex(bound: number, bytes: Buffer, at: number): number {
  // bound ≤ 256; rejection-free is good enough for ids (tiny bias, no security role)
  return bytes[at] % bound;
}

export function newRequestId(): string {
  // Ids are names, not secrets (approving needs a human typing in a terminal), so the hook avoids
  // loading node:crypto for them; collisions are caught when the request file is created.
  const bytes = Buffer.from(Array.from({ length: ID_LENGTH }, () => Math.floor(Math.random() * 256)));
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomIndex(ID_ALPHABET.length, bytes, i)];
  return id;
}

/** Normalises what a human typed as an id: trimmed, lower case. Undefined when it cannot be an id. */
export function normaliseId(text: string): string | undefined {
  const id = text.trim().toLowerCase();
  return /^[a-z0-9]{4,16}$/.test(id) ? id : undefined;
}

// Short, distinct, easy words (no homophones, no letters that autocorrect fights).
const WORDS = [
  'amber', 'anchor', 'apple', 'arrow', 'basil', 'beacon', 'birch', 'bison', 'cactus', 'canyon', 'cedar', 'cobalt',
  'comet', 'copper', 'coral', 'cotton', 'delta', 'desert', 'ember', 'falcon', 'fern', 'flint', 'forest', 'garnet',
  'ginger', 'glacier', 'granite', 'harbor', 'hazel', 'heron', 'indigo', 'island', 'jasper', 'juniper', 'kettle',
  'lagoon', 'lantern', 'lemon', 'linen', 'magnet', 'maple', 'marble', 'meadow', 'mint', 'nectar', 'nickel', 'oasis',
  'olive', 'orbit', 'otter', 'pebble', 'pepper', 'pine', 'prairie', 'quartz', 'raven', 'river', 'saffron', 'salmon',
  'sierra', 'spruce', 'tundra', 'velvet', 'walnut',
];

/** A short random phrase for approvals without a nameable target: three words, e.g. `maple otter quartz`. */
export function newPhrase(): string {
  const bytes = nodeCrypto().randomBytes(3);
  return [0, 1, 2].map((i) => WORDS[randomIndex(WORDS.length, bytes, i)]).join(' ');
}
