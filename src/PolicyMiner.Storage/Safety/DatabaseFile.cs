namespace PolicyMiner.Storage.Safety;

/// <summary>What a path holds, judged from its first page before LiteDB is allowed to open (and possibly rewrite) it.</summary>
internal enum DatabaseFileState
{
    /// <summary>No file: a new database may be created.</summary>
    Missing,

    /// <summary>A zero-length file: nothing to lose, a new database may be written into it.</summary>
    Empty,

    /// <summary>A LiteDB v5 file made of whole pages.</summary>
    Database,

    /// <summary>Some other file: never opened, never written.</summary>
    Foreign,

    /// <summary>A LiteDB header on a file that is not a whole number of pages (cut short by a copy or a full disk).</summary>
    Truncated,

    /// <summary>A LiteDB file of another format version than this build reads.</summary>
    OtherVersion,
}

/// <summary>
/// Checks a database file's header without LiteDB: LiteDB opens any file read-write and "repairs" what it does not
/// recognise by truncating or overwriting it, so a mistyped <c>--db</c> would destroy the file it names.
/// </summary>
internal static class DatabaseFile
{
    /// <summary>LiteDB's page size; a database file is a whole number of pages.</summary>
    public const int PageSize = 8192;

    // LiteDB v5 header page: a 32-byte page header, then this marker, then the file format version byte (8).
    private const int MarkerOffset = 32;
    private const byte FormatVersion = 8;
    private static ReadOnlySpan<byte> Marker => "** This is a LiteDB file **"u8;

    public static DatabaseFileState Inspect(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return DatabaseFileState.Missing;
        }

        if (info.Length == 0)
        {
            return DatabaseFileState.Empty;
        }

        Span<byte> head = stackalloc byte[MarkerOffset + 28];
        int read;
        // Read-only and shared with any writer: inspecting must never lock out or alter the file.
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read < head.Length || !head.Slice(MarkerOffset, Marker.Length).SequenceEqual(Marker))
        {
            return DatabaseFileState.Foreign;
        }

        if (head[MarkerOffset + Marker.Length] != FormatVersion)
        {
            return DatabaseFileState.OtherVersion;
        }

        return info.Length % PageSize == 0 ? DatabaseFileState.Database : DatabaseFileState.Truncated;
    }

    /// <summary>The one-line reason a file in <paramref name="state"/> is refused, or null when it may be opened.</summary>
    public static string? Refusal(string path, DatabaseFileState state) => state switch
    {
        DatabaseFileState.Foreign =>
            $"{path}: not a PolicyMiner database (no LiteDB header); refused, the file is left untouched",
        DatabaseFileState.OtherVersion =>
            $"{path}: a LiteDB file of a format version this PolicyMiner does not read; refused, the file is left untouched",
        DatabaseFileState.Truncated =>
            $"{path}: damaged database (its size is not a whole number of {PageSize}-byte pages: cut short?); "
            + $"run `policyminer db repair --db {path}`",
        _ => null,
    };
}
