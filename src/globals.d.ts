/** True in the esbuild bundle, false under vitest. */
declare const __BUNDLED__: boolean;
/** Package version, injected by the build. */
declare const __VERSION__: string;

declare module '*.yaml' {
  const pack: import('./rules/schema.js').RulePack;
  export default pack;
}

declare module 'virtual:packs' {
  const packs: Array<import('./rules/schema.js').RulePack>;
  export default packs;
}
