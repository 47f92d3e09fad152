// The shape of config.js, which build.py generates into dist/ (devtools/site.py).
// jsconfig.json's rootDirs let `import config from "./config.js"` find this.

/** One icon library of the build's catalog (tools/icon_libraries.py). */
export interface IconLibrary {
  id: string;
  title: string;
  count: number;
  [key: string]: unknown;
}

export interface IconCatalog {
  index: string;
  libraries: IconLibrary[];
  [key: string]: unknown;
}

export interface Config {
  version: string;
  pyodideVersion: string;
  runtimeUrl: string;
  lockFileUrl: string;
  corePackage: string;
  snapshotUrl: string | null;
  errorEndpoint: string | null;
  reportErrors: boolean;
  allowedOrigins: string[];
  icons: IconCatalog;
  /** resvg's folder (web/icon-worker.js), relative to the modules. */
  resvgUrl: string;
}

declare const config: Readonly<Config>;
export default config;
