export declare const DATA_CHANGED_CHANNEL: "ceb_data_changed";

export type DataChanges = {
  /**
   * A number that moves whenever any process commits a change to the database, read without a
   * query (the counterpart of SQLite's data_version). While the listening connection is down it
   * moves on every read, so that no cache trusts what it holds.
   */
  version(): number;
  /** The same, for changes to users and API tokens only. */
  actorVersion(): number;
  /** Resolves once the first LISTEN is in place. */
  ready: Promise<void>;
  close(): Promise<void>;
};

/** Listens on a connection of its own for every process's change notices (delivered at commit). */
export declare function listenForDataChanges(url: string): DataChanges;
