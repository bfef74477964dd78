using Microsoft.Extensions.FileSystemGlobbing;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>The files named by command-line inputs, the inputs that named nothing, and what the walk skipped and why.</summary>
internal sealed record InputSelection(IReadOnlyList<string> Files, IReadOnlyList<string> Unmatched, IReadOnlyList<SkippedInput>? Skipped = null)
{
    public IReadOnlyList<SkippedInput> SkippedItems => Skipped ?? [];
}

/// <summary>A file or folder a walk left out, with the one-line reason.</summary>
internal sealed record SkippedInput(string Path, string Reason);

/// <summary>Expands command-line inputs (files, folders searched recursively, glob patterns) into document files.</summary>
/// <remarks>
/// The walk is our own rather than the runtime's recursive enumeration, which follows symbolic links to folders: two links
/// pointing upward made it grow exponentially. Every folder is entered once by its real path (links resolved), every file
/// is taken once by its real path, and excluded paths (the run's output folder, the database) are never entered.
/// </remarks>
internal static class InputFiles
{
    /// <summary>Full paths, sorted and without repeats. A file named outright is kept whatever its extension (its
    /// reader then says why it cannot be read); files found in folders or by patterns are kept when <paramref name="isSupported"/>.</summary>
    public static InputSelection Expand(IEnumerable<string> inputs, Func<string, bool> isSupported) => Expand(inputs, isSupported, []);

    /// <summary>As <see cref="Expand(IEnumerable{string}, Func{string, bool})"/>, never entering or taking <paramref name="excluded"/> paths.</summary>
    public static InputSelection Expand(IEnumerable<string> inputs, Func<string, bool> isSupported, IReadOnlyCollection<string> excluded)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(isSupported);
        ArgumentNullException.ThrowIfNull(excluded);
        var walk = new Walk(excluded.Select(RealPath).ToHashSet(StringComparer.Ordinal));
        var unmatched = new List<string>();
        foreach (var input in inputs)
        {
            var before = walk.Found;
            if (File.Exists(input))
            {
                walk.AddFile(Path.GetFullPath(input), named: true);
            }
            else if (Directory.Exists(input))
            {
                walk.Folder(Path.GetFullPath(input), isSupported, match: null);
            }
            else if (input.AsSpan().IndexOfAny('*', '?') >= 0)
            {
                Glob(walk, input, isSupported);
            }

            if (walk.Found == before)
            {
                unmatched.Add(input);
            }
        }

        return new InputSelection([.. walk.Files.Values.Order(StringComparer.Ordinal)], unmatched, walk.Skipped);
    }

    /// <summary>Files matching a pattern such as <c>corpus/**/*.txt</c>, searched from the pattern's fixed leading folders.</summary>
    private static void Glob(Walk walk, string pattern, Func<string, bool> isSupported)
    {
        var segments = pattern.Replace('\\', '/').Split('/');
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && segments[fixedCount].AsSpan().IndexOfAny('*', '?') < 0)
        {
            fixedCount++;
        }

        var root = fixedCount == 0 ? "." : string.Join('/', segments[..fixedCount]);
        if (pattern.StartsWith('/') && fixedCount > 0 && root.Length == 0)
        {
            root = "/";
        }

        if (!Directory.Exists(root))
        {
            return;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[fixedCount..]));
        var fullRoot = Path.GetFullPath(root);
        walk.Folder(fullRoot, isSupported, path => matcher.Match(fullRoot, Path.GetRelativePath(fullRoot, path)).HasMatches);
    }

    /// <summary>The path with every symbolic link in it resolved (the runtime has no realpath).</summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var hops = 0;
        while (parts.TryDequeue(out var part))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target && hops++ < 40)
            {
                // Resolve the link's target from the folder holding the link, then walk the rest of the path from there.
                var resolved = Path.GetFullPath(target, current);
                var rest = parts.ToArray();
                var restart = Path.GetPathRoot(resolved) ?? "/";
                parts = new Queue<string>(resolved[restart.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = restart;
                continue;
            }

            current = next;
        }

        return current;
    }

    /// <summary>One expansion: files by real path, folders entered, items skipped.</summary>
    private sealed class Walk(HashSet<string> excluded)
    {
        private readonly HashSet<string> _entered = new(StringComparer.Ordinal);

        /// <summary>Real path → the path as walked.</summary>
        public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

        public List<SkippedInput> Skipped { get; } = [];

        /// <summary>Files found so far, repeats included: an input that finds only files another input found still matched.</summary>
        public int Found { get; private set; }

        public void AddFile(string path, bool named)
        {
            var real = RealPath(path);
            if (excluded.Contains(real))
            {
                Skipped.Add(new SkippedInput(path, "the database or the run's output; not read"));
                return;
            }

            Found++;
            if (!Files.TryAdd(real, path) && !named && !string.Equals(Files[real], path, StringComparison.Ordinal))
            {
                Skipped.Add(new SkippedInput(path, $"same file as {Files[real]}"));
            }
        }

        public void Folder(string start, Func<string, bool> isSupported, Func<string, bool>? match)
        {
            // Per input: another input (a pattern) may walk the same folders for other files.
            _entered.Clear();
            var folders = new Stack<string>();
            folders.Push(start);
            while (folders.TryPop(out var folder))
            {
                var real = RealPath(folder);
                if (excluded.Contains(real))
                {
                    Skipped.Add(new SkippedInput(folder, "the run's output folder; not read"));
                    continue;
                }

                if (!_entered.Add(real))
                {
                    // Only links can lead to a folder twice; a folder given twice on the command line is simply taken once.
                    if (!string.Equals(folder, start, StringComparison.Ordinal))
                    {
                        Skipped.Add(new SkippedInput(folder, $"link to a folder already walked ({real})"));
                    }

                    continue;
                }

                IEnumerable<FileSystemInfo> entries;
                try
                {
                    entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos()];
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Skipped.Add(new SkippedInput(folder, $"cannot list ({e.Message})"));
                    continue;
                }

                var subfolders = new List<string>();
                foreach (var entry in entries)
                {
                    if ((entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0)
                    {
                        continue;
                    }

                    if (entry is DirectoryInfo directory)
                    {
                        subfolders.Add(directory.FullName);
                    }
                    else if (isSupported(entry.FullName) && (match is null || match(entry.FullName)))
                    {
                        AddFile(entry.FullName, named: false);
                    }
                }

                subfolders.Sort(StringComparer.Ordinal);
                for (var i = subfolders.Count - 1; i >= 0; i--)
                {
                    folders.Push(subfolders[i]);
                }
            }
        }
    }
}
