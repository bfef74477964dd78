using System.Diagnostics;

namespace PolicyMiner.Storage.Safety;

/// <summary>
/// One writer or many readers per database, across processes: an advisory lock on <c>DB.lock</c>, taken before LiteDB
/// opens the file and held until the store is closed.
/// </summary>
/// <remarks>
/// Why a lock file: LiteDB's direct mode assumes one process owns the file; two writers, or a reader that checkpoints
/// the log while a writer appends to it, corrupt it for good. LiteDB's shared mode reopens the file for every
/// operation (far too slow for a batch). So writers hold the lock exclusively and readers hold it shared; a reader
/// waits while a batch writes and a writer waits for readers to finish. The lock is the operating system's
/// (<c>flock</c>, taken by .NET for <see cref="FileShare.None"/> versus shared opens), so a killed process releases it
/// and no stale lock survives. The holder writes "verb pid N" to <c>DB.lock.owner</c> so a waiter can say whom it
/// waits for; that file is informational only. On read-only media no lock file can be made and none is needed.
/// </remarks>
internal sealed class StoreLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly FileStream? _lock;
    private readonly string? _ownerFile;

    private StoreLock(FileStream? held, string? ownerFile)
    {
        _lock = held;
        _ownerFile = ownerFile;
    }

    public static string LockPathOf(string database) => database + ".lock";

    /// <summary>Takes the lock of <paramref name="database"/>, waiting while another process holds it (unless told not to).</summary>
    /// <exception cref="StoreException">The database is in use and <paramref name="wait"/> is false.</exception>
    public static StoreLock Acquire(string database, bool exclusive, string purpose, bool wait, Action<string>? onWaiting, CancellationToken cancellationToken)
    {
        var lockPath = LockPathOf(database);
        var told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var stream = new FileStream(
                    lockPath,
                    FileMode.OpenOrCreate,
                    exclusive ? FileAccess.ReadWrite : FileAccess.Read,
                    exclusive ? FileShare.None : FileShare.ReadWrite,
                    1);
                var ownerFile = lockPath + ".owner";
                if (exclusive)
                {
                    TryWriteOwner(ownerFile, purpose);
                }

                return new StoreLock(stream, exclusive ? ownerFile : null);
            }
            catch (IOException e) when (IsSharingViolation(e))
            {
                var message = $"database in use by {Owner(lockPath)}; " + (wait ? "waiting…" : "not waiting (--no-wait)");
                if (!wait)
                {
                    throw new StoreException($"{database}: {message}");
                }

                if (!told)
                {
                    onWaiting?.Invoke(message);
                    told = true;
                }

                cancellationToken.WaitHandle.WaitOne(Poll);
            }
            catch (Exception e) when (!exclusive && e is IOException or UnauthorizedAccessException)
            {
                // A reader on read-only media (or in a folder it may not write): nobody can write there either.
                return new StoreLock(null, null);
            }
        }
    }

    // The lock is held elsewhere: EWOULDBLOCK from flock on Unix, ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION on Windows.
    private static bool IsSharingViolation(IOException e) => (e.HResult & 0xFFFF) is 11 or 32 or 33;

    private static string Owner(string lockPath)
    {
        try
        {
            var text = File.ReadAllText(lockPath + ".owner").Trim();
            return text.Length is > 0 and < 200 ? Terminal(text) : "another process";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    // The owner file is written by whoever holds the lock; keep what it says to one printable line.
    private static string Terminal(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));

    private static void TryWriteOwner(string ownerFile, string purpose)
    {
        try
        {
            File.WriteAllText(ownerFile, $"{purpose}, pid {Environment.ProcessId}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Informational only.
            Debug.WriteLine(e.Message);
        }
    }

    public void Dispose()
    {
        if (_ownerFile is not null)
        {
            try
            {
                File.Delete(_ownerFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Debug.WriteLine(e.Message);
            }
        }

        _lock?.Dispose();
    }
}
