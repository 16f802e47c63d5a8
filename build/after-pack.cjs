/**
 * electron-builder `afterPack` hook: flips Electron's fuses in the packaged binary before it is
 * signed, so the shipped app cannot be turned into a generic Node runtime or have its code swapped.
 * Plain CommonJS because electron-builder loads it with require() and the project is "type": "module".
 */
const { join } = require('node:path');

/**
 * Every fuse Carteira sets, by its @electron/fuses FuseV1Options name. One list, read by the hook
 * and checked by scripts/packaging-config.test.ts.
 */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would let any local process run scripts with the app's signature.
  RunAsNode: false,
  // NODE_OPTIONS could preload code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect would open a debugger on the main process (and its access to the data).
  EnableNodeCliInspectArguments: false,
  // Cookies (the sync session) are encrypted with an OS-held key.
  EnableCookieEncryption: true,
  // app.asar is checked against the hash embedded at packaging (macOS and Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // The app loads only from app.asar, so a loose folder next to it cannot replace the code.
  OnlyLoadAppFromAsar: true,
});

/** Path of the Electron executable inside electron-builder's output folder for a platform. */
function electronBinaryPath({ appOutDir, electronPlatformName, productFilename, executableName }) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${productFilename}.exe`);
  return join(appOutDir, executableName);
}

/** The options object flipFuses expects, built from FUSES. */
function fuseOptions(fuses, { FuseVersion, FuseV1Options }, { arm64Mac }) {
  const options = { version: FuseVersion.V1, strictlyRequireAllFuses: false };
  for (const [name, value] of Object.entries(fuses)) {
    const key = FuseV1Options[name];
    if (key === undefined) throw new Error(`Unknown Electron fuse: ${name}`);
    options[key] = value;
  }
  // Flipping fuses breaks the ad-hoc signature of an arm64 mac binary; re-sign it ad hoc (the real
  // signature comes afterwards from electron-builder when a certificate is configured).
  if (arm64Mac) options.resetAdHocDarwinSignature = true;
  return options;
}

async function afterPack(context, fusesModule = require('@electron/fuses')) {
  const { packager } = context;
  const path = electronBinaryPath({
    appOutDir: context.appOutDir,
    electronPlatformName: context.electronPlatformName,
    productFilename: packager.appInfo.productFilename,
    executableName: packager.executableName,
  });
  // electron-builder's Arch enum: arm64 is 3.
  const arm64Mac = context.electronPlatformName === 'darwin' && context.arch === 3;
  await fusesModule.flipFuses(path, fuseOptions(FUSES, fusesModule, { arm64Mac }));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
module.exports.fuseOptions = fuseOptions;
