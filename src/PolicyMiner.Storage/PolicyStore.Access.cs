using LiteDB;
using PolicyMiner.Storage.Entities;
using PolicyMiner.Storage.Safety;
using PolicyMiner.Storage.Schema;

namespace PolicyMiner.Storage;

/// <summary>Who may touch the database file when: one writer, many readers, across processes and within one.</summary>
/// <remarks>
/// Two lock files beside the database (see <see cref="StoreLock"/>):
/// <list type="bullet">
/// <item><c>DB.writer.lock</c>: held by the one process that may write (ingest, run, review, db repair for their whole
/// run; the review app only for one review operation). A second writer waits with "database in use by ingest, pid N;
/// waiting…", or fails at once with <c>--no-wait</c>.</item>
/// <item><c>DB.lock</c>, the data lock: readers share it; the writer takes it alone only while it changes the file (a
/// commit, then a checkpoint that empties LiteDB's log into the data file), then bumps a generation number in it.</item>
/// </list>
/// So between commits the data file is whole and quiet, and readers (read verbs for their run, the review app for each
/// request) read it beside a running ingest without corrupting anything. LiteDB caches pages, so a long-lived reader
/// whose generation is out of date reopens its engine before reading. Locks are the operating system's, held per open
/// file, so several stores in one process (the web test host's apps) behave as separate processes would; each store
/// takes its own locks per operation and re-enters them when an operation calls another.
/// LiteDB's own shared mode was not chosen: it reopens the engine (and checkpoints) around every single call, far too
/// slow for a batch writer and for pages that read hundreds of records. A snapshot copy per reader would copy the whole
/// file after every commit of a running ingest.
/// </remarks>
public sealed partial class PolicyStore
{
    /// <summary>How long a read or a review write waits for a commit, or for the writer's lock, before giving up.</summary>
    private static readonly TimeSpan ServingPatience = TimeSpan.FromSeconds(30);

    private readonly object _access = new();
    private readonly AccessMode _mode;
    private readonly StoreOpenOptions _options;
    private Session _session;
    private readonly StoreLock? _lifetimeLock;
    private StoreLock? _scopeWriter;
    private StoreLock? _scopeData;
    private int _depth;
    private bool _scopeWrites;
    private long _generation;

    private enum AccessMode
    {
        /// <summary><see cref="Open(string)"/>: the process owns the file; no locks.</summary>
        Owner,

        /// <summary>The one writer: the writer lock for life, the data lock per commit.</summary>
        Writer,

        /// <summary>A read verb: the data lock shared for life, the file opened read-only.</summary>
        Reader,

        /// <summary>The review app: locks per operation, engine reopened when another process committed.</summary>
        Serving,
    }

    private LiteDatabase _db => _session.Db;

    private ILiteCollection<DocumentEntity> _documents => _session.Documents;

    private ILiteCollection<DocumentContentEntity> _contents => _session.Contents;

    private ILiteCollection<ContentChunkEntity> _chunks => _session.Chunks;

    private ILiteCollection<BsonDocument> _packs => _session.Packs;

    private ILiteCollection<BsonDocument> _homes => _session.Homes;

    private ILiteCollection<IngestRunEntity> _runs => _session.Runs;

    private ILiteCollection<IngestErrorEntity> _errors => _session.Errors;

    /// <summary>A read: in the review app, under the readers' lock and on an engine that has seen the last commit.</summary>
    private Scope Reading() => _mode == AccessMode.Serving ? Enter(write: false) : default;

    /// <summary>A change: under the data lock held alone (and the writer's lock, in the review app); ends with a checkpoint.</summary>
    private Scope Writing() => _mode is AccessMode.Writer or AccessMode.Serving ? Enter(write: true) : default;

    private Scope Enter(bool write)
    {
        Monitor.Enter(_access);
        if (_depth > 0)
        {
            if (write && !_scopeWrites)
            {
                Monitor.Exit(_access);
                throw new InvalidOperationException("A write cannot start inside a read of the same store.");
            }

            _depth++;
            return new Scope(this);
        }

        try
        {
            _depth = 1;
            _scopeWrites = write;
            var data = StoreLock.DataLockOf(FilePath);
            var owner = StoreLock.OwnerFileOf(FilePath);
            var patience = _options.Wait ? ServingPatience : TimeSpan.Zero;
            if (write && _mode == AccessMode.Serving)
            {
                _scopeWriter = StoreLock.Acquire(
                    StoreLock.WriterLockOf(FilePath), exclusive: true, patience, () => StoreLock.Holder(owner), _options.OnWaiting, _options.CancellationToken, owner, _options.Purpose);
            }

            // The data lock is only ever held for a commit or a read, so waiting for it is bounded even with --no-wait.
            _scopeData = StoreLock.Acquire(
                data,
                exclusive: write,
                _mode == AccessMode.Writer ? null : ServingPatience,
                () => write ? "readers" : StoreLock.Holder(owner),
                _options.OnWaiting,
                _options.CancellationToken,
                quietFor: StoreLock.QuietFor);
            if (_mode == AccessMode.Serving)
            {
                var generation = _scopeData.Generation();
                if (write || generation != _generation)
                {
                    // Another process committed since this engine read its pages, or this store is about to write.
                    Reopen(readOnly: !write);
                    _generation = generation;
                }
            }

            return new Scope(this);
        }
        catch
        {
            ReleaseScope();
            Monitor.Exit(_access);
            throw;
        }
    }

    private void Exit()
    {
        try
        {
            if (--_depth == 0)
            {
                try
                {
                    if (_scopeWrites)
                    {
                        // Leave the data file whole and the log empty before anyone else may read it.
                        _db.Checkpoint();
                        _scopeData?.Bump();
                        _generation = _scopeData?.Generation() ?? _generation;
                        if (_mode == AccessMode.Serving)
                        {
                            Reopen(readOnly: true);
                        }
                    }
                }
                finally
                {
                    ReleaseScope();
                }
            }
        }
        finally
        {
            Monitor.Exit(_access);
        }
    }

    private void ReleaseScope()
    {
        _depth = 0;
        _scopeData?.Dispose();
        _scopeData = null;
        _scopeWriter?.Dispose();
        _scopeWriter = null;
    }

    private void Reopen(bool readOnly)
    {
        var next = Session.Open(FilePath, readOnly);
        _session.Dispose();
        _session = next;
        _duplicates = null;
        _storedKeys = null;
        _storedContents = null;
    }

    /// <summary>The end of an access scope; a default instance (no locking needed) does nothing.</summary>
    private readonly struct Scope(PolicyStore? store) : IDisposable
    {
        public void Dispose() => store?.Exit();
    }

    /// <summary>One open LiteDB engine and the store's collections on it.</summary>
    private sealed class Session : IDisposable
    {
        private Session(LiteDatabase db)
        {
            Db = db;
            Documents = db.GetCollection<DocumentEntity>(StoreSchema.Documents);
            Contents = db.GetCollection<DocumentContentEntity>(StoreSchema.Contents);
            Chunks = db.GetCollection<ContentChunkEntity>(StoreSchema.ContentChunks);
            Packs = db.GetCollection(TargetPack.Collection);
            Homes = db.GetCollection(TargetPack.Homes);
            Runs = db.GetCollection<IngestRunEntity>(StoreSchema.IngestRuns);
            Errors = db.GetCollection<IngestErrorEntity>(StoreSchema.IngestErrors);
        }

        public LiteDatabase Db { get; }

        /// <summary>The names table the document records' codes refer to (<see cref="StoreNames"/>).</summary>
        public StoreNames Names => StoreMapper.NamesOf(Db);

        public ILiteCollection<DocumentEntity> Documents { get; }

        public ILiteCollection<DocumentContentEntity> Contents { get; }

        public ILiteCollection<ContentChunkEntity> Chunks { get; }

        /// <summary>One record per document holding all its targets (<see cref="TargetPack"/>).</summary>
        public ILiteCollection<BsonDocument> Packs { get; }

        /// <summary>Target id → pack key, for targets whose id does not name their pack.</summary>
        public ILiteCollection<BsonDocument> Homes { get; }

        public ILiteCollection<IngestRunEntity> Runs { get; }

        public ILiteCollection<IngestErrorEntity> Errors { get; }

        public static Session Of(LiteDatabase db) => new(db);

        public static Session Open(string fullPath, bool readOnly)
        {
            try
            {
                var connection = new ConnectionString { Filename = fullPath, Connection = ConnectionType.Direct, ReadOnly = readOnly };
                return new Session(StoreMapper.Open(connection));
            }
            catch (Exception e) when (e is not (IOException or UnauthorizedAccessException or OutOfMemoryException))
            {
                throw new StoreException(StoreException.Damaged(fullPath, e), e);
            }
        }

        public void Dispose() => Db.Dispose();
    }
}
