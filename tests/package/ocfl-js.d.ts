/**
 * The part of @ocfl/ocfl-fs (the OCFL JavaScript library, written by others) the read-back tests
 * use; the package ships JavaScript without type declarations.
 */
declare module '@ocfl/ocfl-fs' {
  interface OcflFileRef {
    logicalPath: string;
    version: string;
    digest: string;
    contentPath: string;
    buffer(): Promise<Buffer>;
  }
  interface OcflInventoryView {
    id: string;
    head: string;
    digestAlgorithm: string;
    versions: Record<string, { created: string; message: string; user: { name: string; address?: string }; state: Record<string, string[]> }>;
  }
  interface OcflObjectView {
    id: string;
    root: string;
    load(): Promise<void>;
    getInventory(version?: string): Promise<OcflInventoryView>;
    files(version?: string): Promise<Iterable<OcflFileRef>>;
  }
  interface OcflStorageView extends AsyncIterable<OcflObjectView> {
    load(): Promise<OcflStorageView>;
    object(id: string): OcflObjectView;
  }
  const ocfl: { storage(config: { root: string }): OcflStorageView; object(config: { root: string }): OcflObjectView };
  export default ocfl;
}
