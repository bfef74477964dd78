using System.Buffers.Binary;
using System.Diagnostics;

namespace PolicyMiner.Storage.Safety;

/// <summary>An operating-system lock on one lock file beside a database, shared or exclusive, released on dispose or process death.</summary>
/// <remarks>
/// .NET takes <c>flock</c> for a <see cref="FileShare.None"/> open (exclusive) and for any other open (shared), so a
/// killed process never leaves a stale lock. flock belongs to the open file, not to the process: two opens in one
/// process exclude each other as two processes do, which is why every hold here is short or owned by one store.
/// The data lock file also carries a generation number that writers bump after each commit, so a long-lived reader
/// knows when its cached view is out of date.
/// </remarks>
internal sealed class StoreLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a wait for the data lock stays silent: a commit is over well within it.</summary>
    public static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(1);
    private readonly FileStream? _stream;
    private readonly string? _ownerFile;

    private StoreLock(FileStream? held, string? ownerFile)
    {
        _stream = held;
        _ownerFile = ownerFile;
    }

    /// <summary>A stand-in for a lock that cannot exist (read-only media): nobody can write there either.</summary>
    public static StoreLock None { get; } = new(null, null);

    /// <summary>The data lock: readers share it, a writer holds it alone while it changes the file.</summary>
    public static string DataLockOf(string database) => database + ".lock";

    /// <summary>The writer lock: held by the one process that may write, for as long as it may.</summary>
    public static string WriterLockOf(string database) => database + ".writer.lock";

    /// <summary>Who holds the writer lock ("ingest, pid N"), written by the holder for those who wait.</summary>
    public static string OwnerFileOf(string database) => database + ".lock.owner";

    /// <summary>Takes a lock, waiting up to <paramref name="patience"/> (null: as long as it takes) while others hold it.</summary>
    /// <param name="holder">Says who holds the lock, for the waiting message and the error.</param>
    /// <param name="owner">Written to <paramref name="ownerFile"/> while held (writers only).</param>
    /// <param name="quietFor">How long to wait before saying so (data-lock waits last a commit, not worth a line).</param>
    /// <exception cref="StoreException">Still held after <paramref name="patience"/>.</exception>
    public static StoreLock Acquire(
        string lockPath,
        bool exclusive,
        TimeSpan? patience,
        Func<string> holder,
        Action<string>? onWaiting,
        CancellationToken cancellationToken,
        string? ownerFile = null,
        string? owner = null,
        TimeSpan quietFor = default)
    {
        var clock = Stopwatch.StartNew();
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
                if (ownerFile is not null && owner is not null)
                {
                    TryWrite(ownerFile, $"{owner}, pid {Environment.ProcessId}");
                }

                return new StoreLock(stream, ownerFile);
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                if (patience is { } limit && clock.Elapsed >= limit)
                {
                    throw new StoreException($"database in use by {holder()}; " + (limit == TimeSpan.Zero ? "not waiting (--no-wait)" : $"gave up after {limit.TotalSeconds:0} s"));
                }

                // A commit takes a moment: only a wait that lasts is worth a line.
                if (!told && clock.Elapsed >= quietFor)
                {
                    onWaiting?.Invoke($"database in use by {holder()}; waiting…");
                    told = true;
                }

                cancellationToken.WaitHandle.WaitOne(Poll);
            }
            catch (Exception e) when (!exclusive && e is IOException or UnauthorizedAccessException)
            {
                // A reader on read-only media (or in a folder it may not write): nobody can write there either.
                return None;
            }
        }
    }

    /// <summary>The holder named in <paramref name="ownerFile"/>, or "another process".</summary>
    public static string Holder(string ownerFile)
    {
        try
        {
            var text = File.ReadAllText(ownerFile).Trim();
            return text.Length is > 0 and < 200 ? string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)) : "another process";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    /// <summary>The generation the last writer left in the lock file (0 when none did).</summary>
    public long Generation()
    {
        if (_stream is null)
        {
            return 0;
        }

        Span<byte> bytes = stackalloc byte[8];
        return RandomAccess.Read(_stream.SafeFileHandle, bytes, 0) == 8 ? BinaryPrimitives.ReadInt64LittleEndian(bytes) : 0;
    }

    /// <summary>Records that the database changed (exclusive holders only).</summary>
    public void Bump()
    {
        if (_stream is null || !_stream.CanWrite)
        {
            return;
        }

        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, Generation() + 1);
        RandomAccess.Write(_stream.SafeFileHandle, bytes, 0);
    }

    // The lock is held elsewhere: EWOULDBLOCK from flock on Unix, ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION on Windows.
    private static bool IsHeldElsewhere(IOException e) => (e.HResult & 0xFFFF) is 11 or 32 or 33;

    private static void TryWrite(string ownerFile, string text)
    {
        try
        {
            File.WriteAllText(ownerFile, text);
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

        _stream?.Dispose();
    }
}
