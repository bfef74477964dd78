using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using PolicyMiner.Core.Documents;

namespace PolicyMiner.Ingest.Manifest;

/// <summary>
/// What a researcher knows about their files that the text may not say (a folder of work reports named by city and
/// year): per-file title, region, province, year, date, issuer and 文号, read from a CSV or JSONL manifest.
/// </summary>
/// <remarks>
/// A manifest's values override what the reader found in the text; fields it leaves empty keep the reader's. Files are
/// matched by their path relative to the manifest's folder, then by file name alone (when that name is unique across
/// the manifests). Several manifests can be combined. Immutable and thread-safe once loaded.
/// </remarks>
public sealed class DocumentManifest
{
    /// <summary>The columns a manifest may set; any other column is ignored (a manifest may carry a source, a licence …).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["file", "title", "region", "province", "year", "date", "issuer", "doc_number"];

    private readonly Dictionary<string, ManifestEntry> _byPath;
    private readonly Dictionary<string, ManifestEntry?> _byName;

    private DocumentManifest(Dictionary<string, ManifestEntry> byPath, Dictionary<string, ManifestEntry?> byName, IReadOnlyList<string> problems)
    {
        _byPath = byPath;
        _byName = byName;
        Problems = problems;
    }

    /// <summary>A manifest with no entries: every document keeps what its text says.</summary>
    public static DocumentManifest Empty { get; } = new([], [], []);

    /// <summary>Entries that could not be used, one line each ("FILE:LINE: reason").</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Number of files the manifests describe.</summary>
    public int Count => _byPath.Count;

    /// <summary>Loads and combines <paramref name="files"/> (.csv, or .jsonl/.json with one object per line).</summary>
    /// <exception cref="ManifestException">A file is missing, unreadable, of an unknown type or has no <c>file</c> column.</exception>
    public static DocumentManifest Load(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byPath = new Dictionary<string, ManifestEntry>(PathComparer);
        var byName = new Dictionary<string, ManifestEntry?>(PathComparer);
        var problems = new List<string>();
        foreach (var file in files)
        {
            foreach (var entry in ReadFile(file, problems))
            {
                var key = Path.GetFullPath(entry.File, Path.GetDirectoryName(Path.GetFullPath(file))!);
                if (!byPath.TryAdd(key, entry))
                {
                    problems.Add($"{entry.Origin}: {entry.File} is listed twice; the first entry is used");
                    continue;
                }

                var name = Path.GetFileName(entry.File);
                // A name listed for two different files is ambiguous: such files are found only by their path.
                byName[name] = byName.ContainsKey(name) ? null : entry;
            }
        }

        return new DocumentManifest(byPath, byName, problems);
    }

    /// <summary>The entry for the file at <paramref name="path"/>, or null when no manifest lists it.</summary>
    public ManifestEntry? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_byPath.Count == 0)
        {
            return null;
        }

        return _byPath.TryGetValue(Path.GetFullPath(path), out var entry)
            ? entry
            : _byName.GetValueOrDefault(Path.GetFileName(path));
    }

    /// <summary><paramref name="metadata"/> with every field the manifest sets for <paramref name="path"/> replaced.</summary>
    public DocumentMetadata Apply(string path, DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return Find(path) is { } entry ? entry.Apply(metadata) : metadata;
    }

    /// <summary>A short fingerprint of what the manifest says about <paramref name="path"/> (empty when nothing), so a store can tell that a file's metadata changed although its bytes did not.</summary>
    public string FingerprintOf(string path)
    {
        if (Find(path) is not { } entry)
        {
            return "";
        }

        var text = string.Join('\u001f', entry.Title, entry.Region, entry.Province, entry.Year, entry.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), entry.Issuer, entry.DocNumber);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }

    private static StringComparer PathComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static List<ManifestEntry> ReadFile(string file, List<string> problems)
    {
        if (!File.Exists(file))
        {
            throw new ManifestException($"{file}: manifest not found");
        }

        var extension = Path.GetExtension(file).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" => ReadCsv(file, problems),
                ".jsonl" or ".json" or ".ndjson" => ReadJsonLines(file, problems),
                _ => throw new ManifestException($"{file}: a manifest must be .csv or .jsonl, not '{extension}'"),
            };
        }
        catch (IOException e)
        {
            throw new ManifestException($"{file}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ManifestException($"{file}: {e.Message}");
        }
    }

    private static List<ManifestEntry> ReadJsonLines(string file, List<string> problems)
    {
        var entries = new List<ManifestEntry>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var origin = $"{file}:{lineNo}";
            Dictionary<string, JsonElement>? row;
            try
            {
                row = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line);
            }
            catch (JsonException e)
            {
                problems.Add($"{origin}: not a JSON object ({FirstSentence(e.Message)})");
                continue;
            }

            if (row is null)
            {
                problems.Add($"{origin}: not a JSON object");
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in row)
            {
                fields[key] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
            }

            if (ManifestEntry.From(fields, origin, problems) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static List<ManifestEntry> ReadCsv(string file, List<string> problems)
    {
        var entries = new List<ManifestEntry>();
        using var stream = File.OpenRead(file);
        // The separator (, ; tab |) is detected from the first lines; UTF-8 with or without BOM, or UTF-16 with one.
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true }, leaveOpen: false);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new ManifestException($"{file}: empty manifest (a header row with a 'file' column is needed)");
        }

        if (!header.Contains("file", StringComparer.OrdinalIgnoreCase))
        {
            throw new ManifestException($"{file}: no 'file' column (columns: {string.Join(", ", header)})");
        }

        while (csv.Read())
        {
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < csv.FieldCount; i++)
            {
                fields[header[i]] = csv.GetString(i);
            }

            if (ManifestEntry.From(fields, $"{file}:{csv.LineNumber}", problems) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}

/// <summary>What a manifest says about one file; null fields leave the reader's value.</summary>
/// <param name="Origin">"FILE:LINE" of the manifest line, for messages.</param>
public sealed record ManifestEntry(
    string File,
    string Origin,
    string? Title = null,
    string? Region = null,
    string? Province = null,
    int? Year = null,
    DateOnly? Date = null,
    string? Issuer = null,
    string? DocNumber = null)
{
    /// <summary><paramref name="metadata"/> with this entry's values put over it.</summary>
    public DocumentMetadata Apply(DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata with
        {
            Title = Title ?? metadata.Title,
            Region = Region ?? metadata.Region,
            Province = Province ?? metadata.Province,
            Year = Year ?? metadata.Year,
            Date = Date ?? metadata.Date,
            Issuer = Issuer ?? metadata.Issuer,
            DocNumber = DocNumber ?? metadata.DocNumber,
        };
    }

    /// <summary>Cell values that mean "not known" and so leave the reader's value in place.</summary>
    private static readonly HashSet<string> UnknownWords = new(StringComparer.OrdinalIgnoreCase) { "null", "none", "n/a", "na", "-", "unknown", "未知", "不详", "无" };

    internal static ManifestEntry? From(Dictionary<string, string?> fields, string origin, List<string> problems)
    {
        var file = Text("file");
        if (file is null)
        {
            problems.Add($"{origin}: no file name");
            return null;
        }

        int? year = null;
        if (Text("year") is { } yearText)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2100)
            {
                year = y;
            }
            else
            {
                problems.Add($"{origin}: year '{yearText}' is not a year between 1949 and 2100; ignored");
            }
        }

        DateOnly? date = null;
        if (Text("date") is { } dateText)
        {
            // A time after the date (an upload timestamp "2020-02-10 17:28") is dropped: metadata keeps dates only.
            var datePart = dateText.Split(' ', 'T')[0];
            if (DateOnly.TryParseExact(datePart, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                problems.Add($"{origin}: date '{dateText}' is not YYYY-MM-DD; ignored");
            }
        }

        return new ManifestEntry(file, origin, Text("title"), Text("region"), Text("province"), year, date, Text("issuer"), Text("doc_number"));

        string? Text(string column) =>
            fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) && !UnknownWords.Contains(value.Trim())
                ? value.Trim()
                : null;
    }
}

/// <summary>A manifest file that cannot be used at all (missing, unreadable, wrong type, no <c>file</c> column).</summary>
public sealed class ManifestException : Exception
{
    public ManifestException(string message)
        : base(message)
    {
    }

    public ManifestException()
    {
    }

    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
