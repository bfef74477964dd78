using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>The files named by command-line inputs, the inputs that named nothing, and the files found in folders that
/// are not documents PolicyMiner reads (listed in the summary, never dropped in silence).</summary>
internal sealed record InputSelection(IReadOnlyList<string> Files, IReadOnlyList<string> Unmatched, IReadOnlyList<string> Unsupported);

/// <summary>Expands command-line inputs (files, folders searched recursively, glob patterns) into document files.</summary>
internal static class InputFiles
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = System.IO.FileAttributes.Hidden | System.IO.FileAttributes.System,
    };

    /// <summary>Full paths, sorted and without repeats. A file named outright is kept whatever its extension (its
    /// reader then says why it cannot be read); files found in folders or by patterns are kept when <paramref name="isSupported"/>.</summary>
    public static InputSelection Expand(IEnumerable<string> inputs, Func<string, bool> isSupported)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(isSupported);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var unsupported = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(Path.GetFullPath(input));
                continue;
            }

            IEnumerable<string> matches = Directory.Exists(input)
                ? Directory.EnumerateFiles(input, "*", Recursive).Select(Path.GetFullPath).Where(path => Keep(path, isSupported, unsupported))
                : input.AsSpan().IndexOfAny('*', '?') >= 0 ? Glob(input).Where(isSupported) : [];
            var matched = false;
            foreach (var match in matches)
            {
                files.Add(match);
                matched = true;
            }

            if (!matched)
            {
                unmatched.Add(input);
            }
        }

        unsupported.ExceptWith(files);
        return new InputSelection([.. files], unmatched, [.. unsupported]);
    }

    private static bool Keep(string path, Func<string, bool> isSupported, SortedSet<string> unsupported)
    {
        if (isSupported(path))
        {
            return true;
        }

        unsupported.Add(path);
        return false;
    }

    /// <summary>Files matching a pattern such as <c>corpus/**/*.txt</c>, searched from the pattern's fixed leading folders.</summary>
    private static IEnumerable<string> Glob(string pattern)
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
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[fixedCount..]));
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
        return result.Files.Select(f => Path.GetFullPath(Path.Combine(root, f.Path)));
    }
}
