// The built-in rule packs (config/packs/*.yaml), compiled into the bundle.
import packs from 'virtual:packs';
import type { RulePack } from './schema.js';

export const builtinPacks: RulePack[] = packs;
