import { buildDiagnosticsText } from '../../../shared/diagnostics';
import type { IpcNamespaceModule } from './services';

export const appIpc: IpcNamespaceModule<'app'> = {
  handlers: (services) => ({
    info: () => services.appInfo.get(),
    diagnostics: async () => {
      const [app, sync] = [services.appInfo.get(), await services.sync.status()];
      const text = buildDiagnosticsText({
        app,
        versions: services.diagnostics?.versions() ?? { node: process.versions.node },
        // Only the flags: the server URL, team and user name stay out of a support message.
        sync: { configured: sync.configured, signedIn: sync.signedIn, connectivity: sync.connectivity, credentialsPersistent: sync.credentialsPersistent },
        recentErrors: services.diagnostics?.recentErrors() ?? [],
        now: new Date(),
      });
      return { text };
    },
  }),
};
