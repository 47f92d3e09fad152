// The module build.py generates as config.js (tools/devtools/site.py: the
// `config` dict of build()). Only a declaration: the build writes the module.

declare const config: Readonly<{
  version: string;
  pyodideVersion: string;
  runtimeUrl: string;
  lockFileUrl: string;
  corePackage: string;
  snapshotUrl: string | null;
  errorEndpoint: string | null;
  reportErrors: boolean;
  allowedOrigins: string[];
  // biome-ignore lint/suspicious/noExplicitAny: the icon catalog is JSON data
  icons: any;
}>;
export default config;
