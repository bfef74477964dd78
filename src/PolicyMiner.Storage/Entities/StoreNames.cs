using LiteDB;

namespace PolicyMiner.Storage.Entities;

/// <summary>Short integer codes for the names many documents repeat: target categories and extractor versions
/// (collection <c>names</c>, schema v7 on).</summary>
/// <remarks>
/// Every document spelled out its extractor version (about 90 bytes) and its targets' category names (about 180 bytes,
/// and again in each key of the category index); as codes they take a few bytes. A code is assigned the first time a
/// name is written and never changes or is reused. The table is small and read once per engine; a code this instance has
/// not seen (written by another process since) reloads it. Thread-safe.
/// </remarks>
internal sealed class StoreNames
{
    public const string Collection = "names";

    /// <summary>Kind of a target category's name.</summary>
    public const string Category = "c";

    /// <summary>Kind of an extractor version.</summary>
    public const string Extractor = "x";

    private const string KindField = "t";
    private const string ValueField = "v";

    private readonly object _gate = new();
    private readonly Dictionary<(string Kind, string Name), int> _codes = [];
    private readonly Dictionary<int, string> _names = [];
    private ILiteDatabase? _db;
    private bool _loaded;

    /// <summary>Binds the table to the engine whose mapper uses it.</summary>
    public void Attach(ILiteDatabase db)
    {
        lock (_gate)
        {
            _db = db;
            Forget();
        }
    }

    /// <summary>Drops what was read, so the next use reads the table again (after a rollback that may have undone a new code).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _codes.Clear();
            _names.Clear();
            _loaded = false;
        }
    }

    /// <summary>The code of <paramref name="name"/>; null when none was assigned (no record can hold it).</summary>
    public int? Find(string kind, string name)
    {
        lock (_gate)
        {
            Load();
            if (_codes.TryGetValue((kind, name), out var code))
            {
                return code;
            }

            Reload();
            return _codes.TryGetValue((kind, name), out code) ? code : null;
        }
    }

    /// <summary>The code of <paramref name="name"/>, assigned (and written, in the caller's transaction) when it is new.</summary>
    public int Code(string kind, string name)
    {
        lock (_gate)
        {
            if (Find(kind, name) is { } known)
            {
                return known;
            }

            var code = _names.Count == 0 ? 1 : _names.Keys.Max() + 1;
            Database.GetCollection(Collection).Insert(new BsonDocument { ["_id"] = code, [KindField] = kind, [ValueField] = name });
            _codes[(kind, name)] = code;
            _names[code] = name;
            return code;
        }
    }

    /// <summary>The name a code stands for.</summary>
    /// <exception cref="StoreException">The code is in no record of the table (a damaged database).</exception>
    public string Name(int code)
    {
        lock (_gate)
        {
            Load();
            if (_names.TryGetValue(code, out var name))
            {
                return name;
            }

            Reload();
            return _names.TryGetValue(code, out name)
                ? name
                : throw new StoreException($"the database names code {code}, which its names table does not hold; run `policyminer db check`");
        }
    }

    /// <summary>Every name a record's value may hold: a code, or (in records written before schema v7) the name itself.</summary>
    public string NameOf(BsonValue value) => value.IsNumber ? Name(value.AsInt32) : value.IsString ? value.AsString : "";

    private ILiteDatabase Database => _db ?? throw new InvalidOperationException("StoreNames used before it was attached to a database");

    private void Load()
    {
        if (_loaded)
        {
            return;
        }

        foreach (var record in Database.GetCollection(Collection).FindAll())
        {
            var code = record["_id"].AsInt32;
            var name = record[ValueField].AsString;
            _codes[(record[KindField].AsString, name)] = code;
            _names[code] = name;
        }

        _loaded = true;
    }

    private void Reload()
    {
        _codes.Clear();
        _names.Clear();
        _loaded = false;
        Load();
    }
}

/// <summary>A document's category names, stored as <see cref="StoreNames"/> codes (schema v7 on).</summary>
internal sealed record CategoryNames(List<string> Names);

/// <summary>A document's extractor version, stored as a <see cref="StoreNames"/> code (schema v7 on).</summary>
internal sealed record ExtractorName(string Name);

/// <summary>The mapper of one database, with the names table its document records' codes refer to.</summary>
internal sealed class StoreBsonMapper(StoreNames names) : BsonMapper
{
    public StoreNames Names { get; } = names;
}
