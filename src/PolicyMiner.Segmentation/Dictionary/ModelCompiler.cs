using System.Security.Cryptography;
using System.Text;
using PolicyMiner.Segmentation.Hmm;

namespace PolicyMiner.Segmentation.Dictionary;

/// <summary>Builds a <see cref="JiebaModel"/> from jieba's text files, through a binary cache keyed by their checksum.</summary>
internal static class ModelCompiler
{
    private const int FormatVersion = 2;
    private static readonly byte[] Magic = "PMJIEBA\0"u8.ToArray();

    /// <summary>Loads the model, from the compiled cache when it matches the sources, else from the sources.</summary>
    public static JiebaModel Load(JiebaDictionaryPaths paths)
    {
        string[] sources = [paths.DictionaryFile, paths.TransitionFile, paths.EmissionFile];
        var missing = Array.FindAll(sources, f => !File.Exists(f));
        if (missing.Length > 0)
        {
            throw new JiebaModelMissingException(
                $"jieba model not found: {string.Join(", ", missing)} missing; run 'dotnet build' in the PolicyMiner repository " +
                $"(it fetches NuGet package jieba.NET 0.42.2 into models/jieba/) or set {JiebaDictionaryPaths.ModelsEnvironmentVariable} to a models folder that has jieba/ in it");
        }

        // The sha256 of the sources keys the cache; their sizes and write times are checked first so that an
        // unchanged model (the usual start) is not re-hashed: ~7 MB of hashing is a third of the load time.
        var stamp = Stamp(sources);
        var cached = TryReadCompiled(paths.CompiledFile, stamp, () => Checksum(sources));
        if (cached is not null)
        {
            return cached;
        }

        var model = Compile(paths);
        TryWriteCompiled(paths.CompiledFile, stamp, Checksum(sources), model);
        return model;
    }

    private static long[] Stamp(string[] files)
    {
        var stamp = new long[files.Length * 2];
        for (var i = 0; i < files.Length; i++)
        {
            var info = new FileInfo(files[i]);
            stamp[2 * i] = info.Length;
            stamp[2 * i + 1] = info.LastWriteTimeUtc.Ticks;
        }

        return stamp;
    }

    private static byte[] Checksum(string[] files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(FormatVersion));
        var buffer = new byte[1 << 16];
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Parses the text files (the slow path, taken once per change of the sources).</summary>
    public static JiebaModel Compile(JiebaDictionaryPaths paths)
    {
        var trie = new PrefixTrie(expectedNodes: 520_000);
        long total = 0;
        using (var reader = new StreamReader(paths.DictionaryFile, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            total = MainDictionaryParser.Load(reader, paths.DictionaryFile, trie);
        }

        var hmm = HmmModel.FromJson(File.ReadAllText(paths.TransitionFile), File.ReadAllText(paths.EmissionFile));
        return new JiebaModel(trie, total, hmm);
    }

    private static JiebaModel? TryReadCompiled(string file, long[] stamp, Func<byte[]> checksum)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
            {
                return null;
            }

            var cachedStamp = new long[stamp.Length];
            for (var i = 0; i < cachedStamp.Length; i++)
            {
                cachedStamp[i] = reader.ReadInt64();
            }

            var cachedChecksum = reader.ReadBytes(SHA256.HashSizeInBytes);
            if (!cachedStamp.AsSpan().SequenceEqual(stamp) && !cachedChecksum.AsSpan().SequenceEqual(checksum()))
            {
                return null;
            }

            var total = reader.ReadInt64();
            var trie = PrefixTrie.ReadFrom(reader);
            var hmm = HmmModel.ReadFrom(reader);
            return new JiebaModel(trie, total, hmm);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException)
        {
            // A stale or truncated cache is rebuilt from the sources.
            return null;
        }
    }

    private static void TryWriteCompiled(string file, long[] stamp, byte[] checksum, JiebaModel model)
    {
        var temporary = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                foreach (var value in stamp)
                {
                    writer.Write(value);
                }

                writer.Write(checksum);
                writer.Write(model.Total);
                model.Trie.WriteTo(writer);
                model.Hmm.WriteTo(writer);
            }

            // Atomic replace, so concurrent processes never read a half-written cache.
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only models folder only costs the compile time on every start.
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do.
        }
    }
}

/// <summary>Reads jieba's main dictionary format ("word freq [tag]" per line).</summary>
internal static class MainDictionaryParser
{
    /// <summary>Adds every entry to <paramref name="trie"/> and returns the sum of frequencies.</summary>
    /// <remarks>
    /// JIEBA-COMPAT: as gen_pfdict, a word listed twice keeps its last frequency while the total counts both
    /// lines (dict.txt lists "B超 3 n" twice), and every prefix of a word is present with frequency 0.
    /// </remarks>
    public static long Load(TextReader reader, string sourceName, PrefixTrie trie)
    {
        long total = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var entry = JiebaCharClasses.TrimAsciiWhitespace(line);
            if (entry.IsEmpty)
            {
                // JIEBA-COMPAT: Python rejects an empty line in the main dictionary; skipping it is harmless.
                continue;
            }

            var firstSpace = entry.IndexOf(' ');
            if (firstSpace <= 0)
            {
                throw new InvalidDataException($"{sourceName} line {lineNumber}: expected 'word frequency [tag]'");
            }

            var word = entry[..firstSpace];
            var rest = entry[(firstSpace + 1)..];
            var secondSpace = rest.IndexOf(' ');
            var frequencyText = secondSpace < 0 ? rest : rest[..secondSpace];
            var tag = secondSpace < 0 ? null : rest[(secondSpace + 1)..].ToString();
            if (!int.TryParse(frequencyText, System.Globalization.NumberStyles.None, null, out var frequency))
            {
                throw new InvalidDataException($"{sourceName} line {lineNumber}: invalid frequency '{frequencyText}'");
            }

            trie.SetWord(trie.AddPath(word), frequency, tag);
            total += frequency;
        }

        return total;
    }
}
