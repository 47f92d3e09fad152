// Browser APIs the page uses where they exist, which TypeScript's DOM library
// does not declare (yet): the File System Access pickers, Trusted Types, and
// the worker's own globals. Only declarations: nothing here runs.

interface FilePickerOptions {
  suggestedName?: string;
  excludeAcceptAllOption?: boolean;
  multiple?: boolean;
  types?: { description?: string; accept: Record<string, string[]> }[];
  [key: string]: unknown;
}

interface Window {
  showSaveFilePicker?: (options?: FilePickerOptions) => Promise<FileSystemFileHandle>;
  showOpenFilePicker?: (options?: FilePickerOptions) => Promise<FileSystemFileHandle[]>;
  /** worker.js: how the core booted ("snapshot" or "plain"). */
  lineworkBoot?: string;
  /** Present in classic workers only; worker.js checks it is absent. */
  importScripts?: (...urls: string[]) => void;
}

interface DataTransferItem {
  getAsFileSystemHandle?: () => Promise<FileSystemHandle | null>;
}

interface TrustedTypePolicy {
  readonly name: string;
  createHTML(input: string, ...args: unknown[]): string;
  createScript(input: string, ...args: unknown[]): string;
  createScriptURL(input: string, ...args: unknown[]): string;
}

interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: Record<string, (input: string) => string>): TrustedTypePolicy;
  [key: string]: unknown;
}

declare var trustedTypes: TrustedTypePolicyFactory | undefined;
