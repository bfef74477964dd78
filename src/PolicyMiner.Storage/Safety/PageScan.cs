using System.Buffers.Binary;
using LiteDB;

namespace PolicyMiner.Storage.Safety;

/// <summary>
/// Reads every record that can still be read from a damaged LiteDB v5 file, page by page, without LiteDB's engine:
/// the collection names from the header page, then each data page's blocks, following a record's chain of blocks
/// across pages. What a cut-short or overwritten file lost is skipped and counted; the rest is returned.
/// </summary>
/// <remarks>
/// LiteDB's own rebuild walks each collection from its collection page and index, so a file cut before those pages
/// (they are written late, at checkpoints) yields nothing. Data pages, by contrast, each name their collection, so every
/// page that survived can be read on its own. Pages in the log file (commits not yet checkpointed) replace the data
/// file's copy of the same page when their transaction was confirmed.
/// Layout (LiteDB 5, file format 8): 8,192-byte pages; a 32-byte page header (page id, type, collection page id, item
/// count, highest slot); a footer of 4-byte slots (length, then position) counting down from the page end; a data
/// block is an "extends an earlier block" byte, the next block's address (page id, slot) and the bytes.
/// </remarks>
internal sealed class PageScan : IDisposable
{
    private const int PageSize = DatabaseFile.PageSize;
    private const int HeaderSize = 32;
    private const byte HeaderPage = 1;
    private const byte DataPage = 4;
    private const int CollectionsOffset = 192;
    private const int CollectionsSize = 8000;
    private const int UserVersionOffset = 76;
    private const int MaxRecordBytes = 32 * 1024 * 1024;

    private readonly FileStream _data;
    private readonly FileStream? _log;
    private readonly long _dataPages;
    private readonly Dictionary<uint, long> _fromLog = [];

    private PageScan(FileStream data, FileStream? log)
    {
        _data = data;
        _log = log;
        _dataPages = data.Length / PageSize;
        if (log is not null)
        {
            IndexLog(log);
        }
    }

    /// <summary>Opens a damaged file (and its log, when there is one) for reading only.</summary>
    public static PageScan Open(string database, string? log)
    {
        var data = new FileStream(database, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        try
        {
            var logStream = log is not null && File.Exists(log) ? new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite) : null;
            return new PageScan(data, logStream);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>The schema version (LiteDB's user version) the header page records, or null when the header is unreadable.</summary>
    public int? UserVersion => Page(0) is { } header && header[4] == HeaderPage ? BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(UserVersionOffset)) : null;

    /// <summary>Collection page id → collection name, from the header page.</summary>
    public IReadOnlyDictionary<uint, string> Collections()
    {
        var names = new Dictionary<uint, string>();
        if (Page(0) is not { } header || header[4] != HeaderPage)
        {
            return names;
        }

        try
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(CollectionsOffset));
            if (length is < 5 or > CollectionsSize)
            {
                return names;
            }

            var document = BsonSerializer.Deserialize(header.AsSpan(CollectionsOffset, length).ToArray());
            foreach (var (name, page) in document)
            {
                if (page.IsInt32)
                {
                    names[(uint)page.AsInt32] = name;
                }
            }
        }
        catch (Exception e) when (e is LiteException or ArgumentException or IndexOutOfRangeException or InvalidCastException)
        {
            // An unreadable header leaves no names; the caller reports that nothing could be read.
        }

        return names;
    }

    /// <summary>Every whole record of every named collection that survived, with the number of records that could not be read.</summary>
    public (List<(string Collection, BsonDocument Record)> Records, int Unreadable) Records()
    {
        var collections = Collections();
        var records = new List<(string, BsonDocument)>();
        var unreadable = 0;
        var lastPage = Math.Max(_dataPages - 1, _fromLog.Count == 0 ? 0 : _fromLog.Keys.Max());
        for (uint id = 1; id <= lastPage; id++)
        {
            if (Page(id) is not { } page || page[4] != DataPage || !collections.TryGetValue(ReadUInt32(page, 19), out var collection))
            {
                continue;
            }

            var highest = page[30];
            if (page[23] == 0 || highest == byte.MaxValue)
            {
                continue;
            }

            for (var slot = 0; slot <= highest; slot++)
            {
                if (Block(page, (byte)slot) is not { } block || block.Span[0] != 0)
                {
                    // Empty slot, or a block that continues a record (read from its first block).
                    continue;
                }

                if (Record(page, (byte)slot) is { } record)
                {
                    records.Add((collection, record));
                }
                else
                {
                    unreadable++;
                }
            }
        }

        return (records, unreadable);
    }

    // A record's bytes: its first block and every block it chains to, then BSON; null when a link is lost or the bytes are not BSON.
    private BsonDocument? Record(byte[] page, byte slot)
    {
        using var bytes = new MemoryStream();
        var seen = new HashSet<(uint, byte)>();
        var current = page;
        var index = slot;
        while (true)
        {
            if (Block(current, index) is not { } block || bytes.Length + block.Length > MaxRecordBytes)
            {
                return null;
            }

            bytes.Write(block.Span[6..]);
            var next = ReadUInt32(block.Span, 1);
            var nextIndex = block.Span[5];
            if (next == uint.MaxValue)
            {
                break;
            }

            if (!seen.Add((next, nextIndex)) || Page(next) is not { } following || following[4] != DataPage)
            {
                return null;
            }

            current = following;
            index = nextIndex;
        }

        try
        {
            var buffer = bytes.ToArray();
            return buffer.Length >= 5 && BinaryPrimitives.ReadInt32LittleEndian(buffer) == buffer.Length ? BsonSerializer.Deserialize(buffer) : null;
        }
        catch (Exception e) when (e is LiteException or ArgumentException or IndexOutOfRangeException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    // The bytes of one footer slot of a data page, or null when the slot is empty or points outside the page.
    private static ReadOnlyMemory<byte>? Block(byte[] page, byte slot)
    {
        if (slot > page[30] || page[30] == byte.MaxValue)
        {
            return null;
        }

        var footer = PageSize - ((slot + 1) * 4);
        var length = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(footer));
        var position = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(footer + 2));
        var footerStart = PageSize - ((page[30] + 1) * 4);
        if (position == 0 || position < HeaderSize || length < 6 || position + length > footerStart)
        {
            return null;
        }

        return page.AsMemory(position, length);
    }

    private byte[]? Page(uint id)
    {
        var buffer = new byte[PageSize];
        if (_fromLog.TryGetValue(id, out var at) && _log is not null)
        {
            return RandomAccess.Read(_log.SafeFileHandle, buffer, at) == PageSize ? buffer : null;
        }

        if (id >= _dataPages)
        {
            return null;
        }

        return RandomAccess.Read(_data.SafeFileHandle, buffer, (long)id * PageSize) == PageSize && ReadUInt32(buffer, 0) == id ? buffer : null;
    }

    // Confirmed transactions' pages in the log, the last copy of each page winning (as LiteDB's checkpoint would write them).
    private void IndexLog(FileStream log)
    {
        var header = new byte[HeaderSize];
        var pending = new Dictionary<uint, List<(uint Page, long At)>>();
        for (long at = 0; at + PageSize <= log.Length; at += PageSize)
        {
            if (RandomAccess.Read(log.SafeFileHandle, header, at) != HeaderSize)
            {
                break;
            }

            var transaction = ReadUInt32(header, 14);
            if (!pending.TryGetValue(transaction, out var pages))
            {
                pending[transaction] = pages = [];
            }

            pages.Add((ReadUInt32(header, 0), at));
            if (header[18] != 0)
            {
                foreach (var (page, position) in pages)
                {
                    _fromLog[page] = position;
                }

                pending.Remove(transaction);
            }
        }
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);

    public void Dispose()
    {
        _data.Dispose();
        _log?.Dispose();
    }
}
