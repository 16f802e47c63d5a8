/** Images main imports are inlined by esbuild as data URLs (scripts/build-electron.ts). */
declare module '*.png' {
  const dataUrl: string;
  export default dataUrl;
}
